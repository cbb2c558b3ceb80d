import type { CallContext } from '../../src/core/errors';
import { parseColumnMapping } from '../../src/core/summary';

const ctx: CallContext = { fn: 'RACE_SUMMARY', language: 'en' };
const parse = (columns: Parameters<typeof parseColumnMapping>[1]) => Object.fromEntries(parseColumnMapping(ctx, columns, 'columns'));

describe('columns mapping', () => {
  test('parses measure=header pairs separated by semicolons', () => {
    expect(parse('leads=Total_Conversion; customers=Approved_Conversion')).toEqual({
      leads: 'Total_Conversion',
      customers: 'Approved_Conversion',
    });
  });

  test('accepts commas and new lines as separators and ignores empty entries', () => {
    expect(parse('leads = A,\ncustomers= B ;; ')).toEqual({ leads: 'A', customers: 'B' });
  });

  test('accepts measure ids in any case and with underscores', () => {
    expect(parse('repeat_customers=R; IMPRESSIONS=I')).toEqual({
      repeatCustomers: 'R',
      impressions: 'I',
    });
  });

  test('accepts measure names in Persian and Arabic, and the Arabic semicolon and comma', () => {
    expect(parse('سرنخ‌ها=کل؛ العملاء=B، هزینه=C')).toEqual({ leads: 'کل', customers: 'B', cost: 'C' });
  });

  test('reads each cell of a range as entries', () => {
    expect(parse([['leads=A'], ['customers=B'], ['']])).toEqual({ leads: 'A', customers: 'B' });
  });

  test('blank columns is an empty mapping', () => {
    expect(parse('')).toEqual({});
  });

  test('an entry without "=" is a bad mapping naming the argument', () => {
    expect(() => parse('leads Total_Conversion')).toThrow('RACE_SUMMARY: argument "columns" must look like');
  });

  test('an entry with an empty header is a bad mapping', () => {
    expect(() => parse('leads=')).toThrow('argument "columns" must look like');
  });

  test('an unknown measure is named with the list of measures', () => {
    expect(() => parse('sales=Amount')).toThrow('argument "columns" names an unknown measure "sales"; measures: impressions, clicks');
  });

  test('a measure mapped twice is refused', () => {
    expect(() => parse('leads=A; Leads=B')).toThrow('argument "columns" maps the measure "Leads" more than once');
  });

  test('a number where mapping text is expected is refused', () => {
    expect(() => parse(42)).toThrow('argument "columns" must be text, not 42');
  });
});
