import type { Cell } from '../../src/core/cells';
import { decimalMarkOf, isNotAvailableText } from '../../src/core/cells';
import { serialFromUtc } from '../../src/core/dates';
import { dateCellSerial, guessTargets, isTotalLabel, isTotalOfOthers, parseDateText } from '../../src/core/import';
import { bestColumns, recognizeDimension, recognizeMeasure, summarize } from '../../src/core/summary';
import * as X from '../fixtures/exports';

const day = (y: number, m: number, d: number) => serialFromUtc(Date.UTC(y, m - 1, d));
const en = { fn: 'RACE_SUMMARY', language: 'en' as const };
/** Rows of a fixture as Sheets passes a pasted CSV to a custom function: numbers where Sheets reads numbers. */
const sheetRows = (text: string): Cell[][] => X.csvRows(text).map((row) => row.map((cell) => (cell !== '' && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
const totalRow = (result: Cell[][]) => Object.fromEntries(result[0].map((h, i) => [String(h), result[result.length - 1][i]]));

describe('total rows', () => {
  test.each(['Total', 'Totals', 'Grand total', 'Total: Campaigns', 'Total: Account', ' total ', 'TOTAL - Search', 'جمع کل', 'المجموع', 'الإجمالي'])('%j is a total label', (text) => {
    expect(isTotalLabel(text)).toBe(true);
  });
  test.each(['Total Protection campaign', 'Totally Organic', 'Google', 'Brand - Search', '', 'Grand opening'])('%j is not', (text) => {
    expect(isTotalLabel(text)).toBe(false);
  });
  test('a row equal to the sum of the others is their total; within rounding of cents', () => {
    expect(isTotalOfOthers([30, 60.01], [60, 120.01], 2)).toBe(true);
    expect(isTotalOfOthers([30, 50], [60, 110], 2)).toBe(false);
    expect(isTotalOfOthers([0, 0], [10, 10], 2)).toBe(false); // zeros total nothing
  });
});

describe('values and dates', () => {
  test.each(['--', '—', '–', 'N/A', 'n/a', '(not set)', ' -- '])('%j is "no value"', (text) => expect(isNotAvailableText(text)).toBe(true));
  test.each([['1,234.5', 'point'], ['1.234,5', 'comma'], ['1,5', 'comma'], ['1,234', 'ambiguous'], ['1.234', 'ambiguous'], ['1.234.567', 'comma'], ['0,500', 'comma'], ['1234', 'none']] as const)(
    '%j shows %s',
    (text, mark) => expect(decimalMarkOf(text)).toBe(mark),
  );
  test.each([
    ['20260301', day(2026, 3, 1)],
    ['2026-03-01', day(2026, 3, 1)],
    ['2026-03-01 10:00:00', day(2026, 3, 1)],
    ['2026-03-01T23:59:00Z', day(2026, 3, 1)],
    ['Mar 1, 2026', day(2026, 3, 1)],
    ['March 1, 2026', day(2026, 3, 1)],
    ['Sunday, March 1, 2026', day(2026, 3, 1)],
    ['1 Mar 2026', day(2026, 3, 1)],
    ['01.03.2026', day(2026, 3, 1)],
    ['2026-W09', day(2026, 2, 23)],
    ['2026-W01', day(2025, 12, 29)],
    ['Mar 2026', day(2026, 3, 1)],
    ['2026-03', day(2026, 3, 1)],
    ['۲۰۲۶-۰۳-۰۱', day(2026, 3, 1)],
    ['1 مارس 2026', day(2026, 3, 1)],
  ])('%j is a date', (text, serial) => expect(parseDateText(text, 'mdy')).toBe(serial));
  test('day/month order comes from the column', () => {
    expect(parseDateText('03/04/2026', 'mdy')).toBe(day(2026, 3, 4));
    expect(parseDateText('03/04/2026', 'dmy')).toBe(day(2026, 4, 3));
  });
  test.each(['2026-02-30', '13/13/2026', 'soon', '2026-W54', '12345'])('%j is not a date', (text) => expect(parseDateText(text, 'mdy')).toBeUndefined());
  test('a Date object is its calendar day; serial numbers stay', () => {
    expect(dateCellSerial(new Date(2026, 2, 1, 23, 30), 'mdy')).toBe(day(2026, 3, 1));
    expect(dateCellSerial(46082.75, 'mdy')).toBe(46082);
  });
});

describe('header matching and the vocabulary additions', () => {
  test('Arabic diacritics and tatweel are ignored; ي/ی and ك/ک are equal', () => {
    expect(recognizeMeasure('الإيرادَات')?.id).toBe('revenue');
    expect(recognizeMeasure('الإيـــرادات')?.id).toBe('revenue');
    expect(recognizeMeasure('النَّقَرَاتُ')?.id).toBe('clicks');
    expect(recognizeMeasure('كليك')?.id).toBe('clicks');
    expect(recognizeMeasure('مشتريان')?.id).toBe('customers');
    expect(recognizeMeasure('الزيارات\u0670')?.id).toBe('visits');
  });
  test.each([
    ['Total sales', 'revenue'], ['Net sales', 'revenue'], ['Gross sales', 'revenue'], ['Total Conversion Value', 'revenue'], ['Goal Value', 'revenue'],
    ['Results', 'leads'], ['Goal Completions', 'leads'], ['Active users', 'visits'], ['New users', 'visits'], ['Unique Placed Order', 'customers'],
    ['Unique Clicks', 'clicks'], ['Total Clicks', 'clicks'], ['Clicks (destination)', 'clicks'], ['Total Spent', 'cost'],
  ])('%j is %s', (header, measure) => expect(recognizeMeasure(header)?.id).toBe(measure));
  test.each([['Start Date (in UTC)', 'date'], ['By Day', 'date'], ['Reporting starts', 'date'], ['Day', 'date'], ['Week', 'date'], ['Campaign', 'campaign'], ['Campaign name', 'campaign'], ['Ad set name', 'campaign']])(
    '%j is the %s dimension',
    (header, dimension) => expect(recognizeDimension(header)).toBe(dimension),
  );
  test('fallbacks are ranked whatever the column order: sessions, then totalUsers, activeUsers, engagedSessions, newUsers', () => {
    const visitsColumn = (headers: string[]) => headers[bestColumns(headers, recognizeMeasure).get('visits')!];
    expect(visitsColumn(['engagedSessions', 'totalUsers', 'sessions'])).toBe('sessions');
    expect(visitsColumn(['engagedSessions', 'totalUsers'])).toBe('totalUsers');
    expect(visitsColumn(['New users', 'Engaged sessions', 'Active users'])).toBe('Active users');
    expect(visitsColumn(['New users', 'Engaged sessions'])).toBe('Engaged sessions');
    expect(visitsColumn(['Sessions', 'Visits'])).toBe('Sessions'); // two names: the leftmost
  });
  test('Ad set name is the campaign only without a campaign column', () => {
    expect(guessTargets(['Ad set name', 'Campaign name', 'Results'])).toEqual(['ignore', 'campaign', 'leads']);
    expect(guessTargets(['Ad set name', 'Results'])).toEqual(['campaign', 'leads']);
  });
});

describe('RACE_SUMMARY on real exports', () => {
  test('Google Ads "Total: …" rows are not counted again; "--" is blank; title lines above the header are skipped', () => {
    const total = totalRow(summarize(en, sheetRows(X.GOOGLE_ADS), 'Campaign', ''));
    expect(total).toMatchObject({ Impressions: 11314, Clicks: 1010, Leads: 21.5, Revenue: 2430.1, Cost: 703.52 });
    expect(summarize(en, sheetRows(X.GOOGLE_ADS), 'Campaign', '').map((row) => row[0])).toEqual(['Campaign', 'Brand - Search', 'Generic - Search', 'Total']);
  });
  test("Meta's account total is not counted twice, and makes no (blank) group", () => {
    const result = summarize(en, sheetRows(X.META), 'Campaign name', '');
    expect(result.map((row) => row[0])).toEqual(['Campaign name', 'Spring Sale - Conversions', 'Brand Awareness', 'Total']);
    expect(totalRow(result)).toMatchObject({ Impressions: 120400, Clicks: 3120, Leads: 1030, Cost: 2345.67 });
  });
  test("GA4's grand total under the header and its # preamble", () => {
    expect(totalRow(summarize(en, sheetRows(X.GA4_TRAFFIC), 'channel', ''))).toMatchObject({ Visits: 4210, Leads: 143, Revenue: 9870.5 });
    expect(totalRow(summarize(en, sheetRows(X.GA4_TRAFFIC), '', ''))).toMatchObject({ Visits: 4210 });
  });
  test('Microsoft Ads "$" amounts and its Total row', () => {
    expect(totalRow(summarize(en, sheetRows(X.MICROSOFT_ADS), '', ''))).toMatchObject({ Impressions: 14990, Clicks: 700, Leads: 43, Revenue: 4430.5, Cost: 549.18 });
  });
  test('"€1.234,56" read by its column, "N/A" blank', () => {
    const table: Cell[][] = [['Channel', 'Visits', 'Revenue'], ['Email', 10, '€1.234,56'], ['Email', 'N/A', '€1,50'], ['Ads', '(not set)', '—']];
    expect(totalRow(summarize(en, table, 'Channel', ''))).toMatchObject({ Visits: 10, Revenue: 1236.06 });
  });
  test('a GA4 funnel exploration is refused with a message naming RACE_FUNNEL, in each language', () => {
    const rows = sheetRows(X.GA4_FUNNEL);
    expect(() => summarize(en, rows, '', '')).toThrow('RACE_SUMMARY: argument "table" is a GA4 funnel exploration');
    expect(() => summarize({ fn: 'RACE_SUMMARY', language: 'fa' }, rows, '', '')).toThrow(/کاوش قیف GA4.*RACE_FUNNEL/);
    expect(() => summarize({ fn: 'RACE_SUMMARY', language: 'ar' }, rows, '', '')).toThrow(/GA4.*RACE_FUNNEL/);
  });
});
