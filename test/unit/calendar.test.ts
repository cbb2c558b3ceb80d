// Periods and their labels per language: Solar Hijri (Jalali) labels for fa, Hijri as an option for ar,
// the week start of each language's markets, the Gregorian fallback when Intl lacks a calendar, and the
// currency formats (where the name sits, no decimals for the rial, toman and dinar).
import { calendarAvailable, inferPeriodization, periodLabel, periodStartOf, type Periodization } from '../../src/core/calendar';
import { serialFromUtc } from '../../src/core/dates';
import { aggregateRecords } from '../../src/core/import/merge';
import { measureName } from '../../src/core/model/business-models';
import { moneyFormat, periodStarts } from '../../src/core/workbook/data-sheet';
import { generateWorkbookSpec } from '../../src/core/workbook/generate';
import { validateWorkbookOptions, type WorkbookOptions } from '../../src/core/workbook/options';

const S = (y: number, m: number, d: number) => serialFromUtc(Date.UTC(y, m - 1, d));
const DEC_2 = S(2026, 12, 2); // a Wednesday; 11 Azar 1405; 22 Jumada al-Akhirah 1448
const week = (weekStart: Periodization['weekStart']): Periodization => ({ granularity: 'week', weekStart, calendar: 'gregorian' });

function options(overrides: Partial<WorkbookOptions> = {}): WorkbookOptions {
  return {
    businessName: 'Acme', model: 'ecommerce', language: 'fa', currency: 'IRR', horizon: '90d', granularity: 'week',
    channels: ['Email'], segments: [], targets: {}, ...overrides,
  };
}

describe('period labels', () => {
  it('writes Persian periods in the Solar Hijri calendar, from Intl', () => {
    expect(calendarAvailable('persian')).toBe(true); // Node's full ICU; Apps Script's is tested by the fallback below
    expect(periodLabel(DEC_2, 'week', 'fa', 'persian')).toBe('هفتهٔ ۱۱ آذر ۱۴۰۵');
    expect(periodLabel(S(2026, 12, 3), 'week', 'fa', 'persian')).toBe('هفتهٔ ۱۲ آذر ۱۴۰۵');
    expect(periodLabel(DEC_2, 'month', 'fa', 'persian')).toBe('آذر ۱۴۰۵');
    expect(periodLabel(S(2026, 3, 21), 'month', 'fa', 'persian')).toBe('فروردین ۱۴۰۵'); // Nowruz
  });

  it('writes Arabic periods in the Hijri (Umm al-Qura) calendar when chosen, Gregorian otherwise', () => {
    expect(periodLabel(DEC_2, 'week', 'ar', 'islamic-umalqura')).toBe('أسبوع ٢٢ جمادى الآخرة ١٤٤٨ هـ');
    expect(periodLabel(S(2026, 12, 11), 'month', 'ar', 'islamic-umalqura')).toBe('رجب ١٤٤٨ هـ');
    expect(periodLabel(DEC_2, 'week', 'ar', 'gregorian')).toBe('أسبوع ٢٠٢٦-١٢-٠٢');
    expect(periodLabel(DEC_2, 'month', 'ar', 'gregorian')).toBe('٢٠٢٦-١٢');
    expect(periodLabel(DEC_2, 'week', 'en', 'gregorian')).toBe('Week of 2026-12-02');
  });

  it('falls back to Gregorian periods and labels when Intl lacks the calendar (feature-tested, not assumed)', () => {
    const RealFormat = Intl.DateTimeFormat;
    // An Intl without calendar data: every calendar asked for resolves to the Gregorian one.
    const Lacking = function (this: unknown, _locale: string, opts: Intl.DateTimeFormatOptions) {
      return new RealFormat('en-u-ca-gregory', opts);
    } as unknown as typeof Intl.DateTimeFormat;
    jest.isolateModules(() => {
      Intl.DateTimeFormat = Lacking;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../src/core/calendar') as typeof import('../../src/core/calendar');
        expect(fresh.calendarAvailable('persian')).toBe(false);
        expect(fresh.calendarAvailable('islamic-umalqura')).toBe(false);
        expect(fresh.periodLabel(DEC_2, 'week', 'fa', 'persian')).toBe('هفتهٔ ۲۰۲۶-۱۲-۰۲');
        expect(fresh.periodLabel(DEC_2, 'month', 'fa', 'persian')).toBe('۲۰۲۶-۱۲');
        expect(fresh.periodStartOf(DEC_2, { granularity: 'month', weekStart: 'saturday', calendar: 'persian' })).toBe(S(2026, 12, 1));
      } finally {
        Intl.DateTimeFormat = RealFormat;
      }
    });
  });

  it('labels a generated Persian workbook in Jalali by default and in Gregorian when chosen; the period cells stay dates', () => {
    const start = new Date(Date.UTC(2026, 11, 2));
    const labels = (opts: WorkbookOptions) => {
      const spec = generateWorkbookSpec(validateWorkbookOptions(opts), [], start);
      const plan = spec.sheets.find((sheet) => sheet.role === 'plan')!;
      const data = spec.sheets.find((sheet) => sheet.role === 'data')!;
      // The plan's period table labels its periods (beside the date each row sums by).
      return { planned: plan.values.flat().filter((cell) => typeof cell === 'string' && cell.startsWith("'هفتهٔ ")), firstPeriod: data.values[1][0] };
    };
    const jalali = labels(options());
    expect(jalali.planned[0]).toBe("'هفتهٔ ۷ آذر ۱۴۰۵"); // Saturday 2026-11-28 (1 Azar is 2026-11-22), written as text
    expect(jalali.firstPeriod).toBe(S(2026, 11, 28)); // the Data sheet keeps the date serial
    expect(labels(options({ calendar: 'gregorian' })).planned[0]).toBe("'هفتهٔ ۲۰۲۶-۱۱-۲۸");
  });
});

describe('week start and months', () => {
  it('starts weeks on Saturday, Sunday or Monday', () => {
    expect(periodStartOf(DEC_2, week('saturday'))).toBe(S(2026, 11, 28));
    expect(periodStartOf(DEC_2, week('sunday'))).toBe(S(2026, 11, 29));
    expect(periodStartOf(DEC_2, week('monday'))).toBe(S(2026, 11, 30));
    expect(periodStartOf(S(2026, 11, 28), week('saturday'))).toBe(S(2026, 11, 28));
    expect(periodStartOf(S(2026, 11, 27), week('saturday'))).toBe(S(2026, 11, 21)); // Friday ends the Persian week
  });

  it("follows each language's markets unless chosen: Saturday for fa and ar, Monday for en, Sunday as an ar option", () => {
    const first = (o: Partial<WorkbookOptions>) => periodStarts({ horizon: '90d', granularity: 'week', ...o }, new Date(Date.UTC(2026, 11, 2)))[0];
    expect(first({ language: 'fa' })).toBe(S(2026, 11, 28));
    expect(first({ language: 'ar' })).toBe(S(2026, 11, 28));
    expect(first({ language: 'ar', weekStart: 'sunday' })).toBe(S(2026, 11, 29));
    expect(first({ language: 'en' })).toBe(S(2026, 11, 30));
    expect(first({})).toBe(S(2026, 11, 30));
  });

  it('cuts Persian months at the 1st of each Jalali month, Hijri months at the 1st of each Hijri month', () => {
    const months = (o: Partial<WorkbookOptions>) => periodStarts({ horizon: '90d', granularity: 'month', ...o }, new Date(Date.UTC(2026, 11, 2)));
    expect(months({ language: 'fa' })).toEqual([S(2026, 11, 22), S(2026, 12, 22), S(2027, 1, 21)]); // 1 Azar, 1 Dey, 1 Bahman
    expect(months({ language: 'fa', calendar: 'gregorian' })).toEqual([S(2026, 12, 1), S(2027, 1, 1), S(2027, 2, 1)]);
    expect(months({ language: 'ar', calendar: 'islamic-umalqura' })).toEqual([S(2026, 11, 11), S(2026, 12, 10), S(2027, 1, 9)]);
    expect(periodStarts({ horizon: '12m', granularity: 'month', language: 'fa' }, new Date(Date.UTC(2026, 2, 21)))).toHaveLength(12);
  });

  it('assigns imported rows to the same periods as the generated sheet (one function), and reads them back from its dates', () => {
    const persianWeeks: Periodization = { granularity: 'week', weekStart: 'saturday', calendar: 'persian' };
    const rows = aggregateRecords(
      [S(2026, 11, 27), S(2026, 11, 28), DEC_2, S(2026, 12, 4)].map((date) => ({ date, channel: 'Email', campaign: '', segment: '', values: { clicks: 1 } })),
      persianWeeks,
      { period: 0, channel: 1, measures: { clicks: 2 } },
    );
    expect(rows.map((row) => [row.period, row.values.clicks])).toEqual([[S(2026, 11, 21), 1], [S(2026, 11, 28), 3]]);
    expect(inferPeriodization(periodStarts({ horizon: '90d', granularity: 'week', language: 'fa' }, new Date(Date.UTC(2026, 11, 2))))).toEqual({ granularity: 'week', weekStart: 'saturday', calendar: 'gregorian' });
    expect(inferPeriodization([S(2026, 11, 22), S(2026, 12, 22), S(2027, 1, 21)])).toMatchObject({ granularity: 'month', calendar: 'persian' });
    expect(inferPeriodization([S(2026, 11, 29), S(2026, 12, 6)])).toMatchObject({ granularity: 'week', weekStart: 'sunday' });
  });
});

describe('currency formats', () => {
  it('puts the name after the number in fa and ar, before it in en', () => {
    expect(moneyFormat('IRR', 'fa')).toBe('#,##0 "ریال"');
    expect(moneyFormat('SAR', 'ar')).toBe('#,##0.00 "ر.س"');
    expect(moneyFormat('EUR', 'fa')).toBe('#,##0.00 "یورو"');
    expect(moneyFormat('GBP', 'ar')).toBe('#,##0.00 "GBP"'); // no catalogue name: the ISO code
    expect(moneyFormat('USD', 'en')).toBe('"USD "#,##0.00');
  });

  it('gives the rial, the Iraqi dinar and the toman no decimals, and shows the toman by name', () => {
    expect(moneyFormat('IQD', 'ar')).toBe('#,##0 "د.ع"');
    expect(moneyFormat('IRR', 'en')).toBe('"IRR "#,##0');
    expect(moneyFormat('TOMAN', 'fa')).toBe('#,##0 "تومان"');
    expect(moneyFormat('TOMAN', 'en')).toBe('"Toman "#,##0');
    const spec = generateWorkbookSpec(validateWorkbookOptions(options({ currency: 'TOMAN' })), [], new Date(Date.UTC(2026, 11, 2)));
    const data = spec.sheets.find((sheet) => sheet.role === 'data')!;
    const revenue = data.values[0].indexOf(`'${measureName('ecommerce', 'revenue').fa}`);
    expect(revenue).toBeGreaterThan(0);
    expect(data.numberFormats[1][revenue]).toBe('#,##0 "تومان"');
  });
});

describe('options', () => {
  it('fills in the calendar and week start of the language when unset', () => {
    expect(validateWorkbookOptions(options())).toMatchObject({ calendar: 'persian', weekStart: 'saturday' });
    expect(validateWorkbookOptions(options({ language: 'ar', currency: 'SAR' }))).toMatchObject({ calendar: 'gregorian', weekStart: 'saturday' });
    expect(validateWorkbookOptions(options({ language: 'en', currency: 'USD' }))).toMatchObject({ calendar: 'gregorian', weekStart: 'monday' });
    expect(validateWorkbookOptions(options({ language: 'ar', calendar: 'islamic-umalqura', weekStart: 'sunday' }))).toMatchObject({ calendar: 'islamic-umalqura', weekStart: 'sunday' });
    expect(validateWorkbookOptions(options({ currency: 'TOMAN' })).currency).toBe('TOMAN');
  });

  it.each([
    ['a calendar its language does not offer', { calendar: 'islamic-umalqura' }, 'option "calendar" must be one of persian, gregorian, not "islamic-umalqura"'],
    ['a Persian calendar for English', { language: 'en', calendar: 'persian' }, 'option "calendar" must be one of gregorian, not "persian"'],
    ['an unknown calendar', { calendar: 'julian' }, 'option "calendar" must be one of persian, gregorian, not "julian"'],
    ['an unknown week start', { weekStart: 'friday' }, 'option "weekStart" must be one of saturday, sunday, monday, not "friday"'],
    ['a week start that is not text', { weekStart: 6 }, 'option "weekStart" must be one of saturday, sunday, monday, not 6'],
    ['the toman in lower case', { currency: 'toman' }, 'option "currency" must be a 3-letter code such as USD, not "toman"'],
  ])('rejects %s with a message naming it and the choices', (_, overrides, message) => {
    expect(() => validateWorkbookOptions({ ...options(), ...overrides })).toThrow(message);
  });
});
