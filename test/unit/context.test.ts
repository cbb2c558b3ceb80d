import { errorMessage } from '../../src/core/errors';
import { languageContext, spreadsheetContext } from '../../src/functions/context';
import { RACE_SUMMARY } from '../../src/functions/summary';

const globals = globalThis as Record<string, unknown>;

function withLocale(locale: string, timeZone = 'Etc/UTC'): void {
  globals.SpreadsheetApp = {
    getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => locale, getSpreadsheetTimeZone: () => timeZone }),
  };
  // Apps Script's Utilities.formatDate, for the one pattern the add-on uses.
  globals.Utilities = {
    formatDate(date: Date, zone: string, pattern: string): string {
      expect(pattern).toBe('yyyy-MM-dd HH:mm');
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      }).formatToParts(date);
      const part = (type: string) => parts.find((p) => p.type === type)?.value;
      return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
    },
  };
}

afterEach(() => {
  delete globals.SpreadsheetApp;
  delete globals.Utilities;
});

test('messages follow the locale of the spreadsheet being computed, not the first one seen', () => {
  withLocale('fa_IR');
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('fa');
  withLocale('ar_EG');
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('ar');
  withLocale('en_US');
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('en');
});

test('without an active spreadsheet messages are in English', () => {
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('en');
});

test('the locale is read only when a message needs it, and once per call', () => {
  let reads = 0;
  (globalThis as Record<string, unknown>).SpreadsheetApp = {
    getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => (reads++, 'fa_IR') }),
  };
  const ctx = spreadsheetContext('RACE_CONVERSION');
  expect(reads).toBe(0);
  expect([ctx.language, ctx.language]).toEqual(['fa', 'fa']);
  expect(reads).toBe(1);
});

describe('dates are shown in the spreadsheet time zone, not the script one', () => {
  const tehranNewYear = new Date('2024-01-01T00:00:00+03:30'); // what Sheets hands over for a 2024-01-01 cell in Tehran

  test('in error messages', () => {
    withLocale('en_US', 'Asia/Tehran');
    expect(languageContext('RACE_FUNNEL', 'en').formatDate?.(tehranNewYear)).toBe('2024-01-01');
  });

  test('as RACE_SUMMARY group labels, with the time only when there is one', () => {
    withLocale('fa_IR', 'Asia/Tehran');
    const afternoon = new Date('2024-01-02T15:30:00+03:30');
    const result = RACE_SUMMARY.run([['Date', 'Visits'], [tehranNewYear, 5], [afternoon, 2]], 'Date', '', 'fa') as unknown[][];
    expect(result.slice(1, 3).map((row) => row[0])).toEqual(['2024-01-01', '2024-01-02 15:30']);
  });
});

describe('the language argument', () => {
  test('a one-cell range is read as its cell', () => {
    expect(languageContext('RACE_FUNNEL', [['fa']]).language).toBe('fa');
  });

  test('a range of several cells is an error naming the argument', () => {
    expect(() => languageContext('RACE_FUNNEL', [['fa', 'en']])).toThrow('RACE_FUNNEL: argument "language" must be a single cell, not a range of 2 cells');
  });
});

describe('errorMessage', () => {
  test('reads the message of an Error from another realm (the bundle in a vm context)', () => {
    const foreign = require('node:vm').runInNewContext('new Error("Injected failure at write 3")');
    expect(foreign instanceof Error).toBe(false);
    expect(errorMessage(foreign)).toBe('Injected failure at write 3');
  });

  test('shows anything else thrown as text', () => {
    expect(errorMessage('plain')).toBe('plain');
  });
});
