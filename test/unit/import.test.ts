import { parseAmountText, type Cell } from '../../src/core/cells';
import { serialFromUtc } from '../../src/core/dates';
import type { CallContext } from '../../src/core/errors';
import { analyzeImport, cleanImport, type ImportAnalysis, type ImportPlan, type ImportResult } from '../../src/core/import';
import { recognizeMeasure } from '../../src/core/summary';
import * as X from '../fixtures/exports';

const ctx: CallContext = { fn: 'import', language: 'en' };
const day = (y: number, m: number, d: number) => serialFromUtc(Date.UTC(y, m - 1, d));

/** The plan the sidebar sends when the user accepts every guess. */
function planOf(analysis: ImportAnalysis, extra: Partial<ImportPlan> = {}): ImportPlan {
  return { headerRow: analysis.headerRow, mapping: Object.fromEntries(analysis.columns.map((c) => [c.index, c.target])), ...extra };
}

function importText(text: string, extra: Partial<ImportPlan> = {}, language: 'en' | 'fa' | 'ar' = 'en'): { analysis: ImportAnalysis; result: ImportResult } {
  const rows = X.csvRows(text);
  const analysis = analyzeImport(rows, language);
  return { analysis, result: cleanImport(rows, planOf(analysis, extra), { ...ctx, language }) };
}

const targets = (analysis: ImportAnalysis) => Object.fromEntries(analysis.columns.filter((c) => c.target !== 'ignore').map((c) => [c.header, c.target]));
/** The measure today's vocabulary gives a header (the data branch moves "Orders" to its own measure). */
const measureOf = (header: string) => recognizeMeasure(header)!.id;

describe('GA4 traffic acquisition export', () => {
  const { analysis, result } = importText(X.GA4_TRAFFIC);

  test('the header is found below the "#" preamble, whose dates are read', () => {
    expect(analysis.headerRow).toBe(8);
    expect(analysis.preambleDates).toEqual({ first: day(2026, 3, 1), last: day(2026, 3, 31) });
    expect(analysis.platform).toBe('ga4');
    expect(analysis.suggestedChannel).toBeUndefined();
    expect(analysis.needsChannel).toBe(false);
  });

  test('columns are guessed from the shared vocabulary; sessions beat engaged sessions', () => {
    expect(targets(analysis)).toEqual({
      'Session primary channel group (Default channel group)': 'channel',
      Date: 'date',
      Sessions: 'visits',
      'Key events': 'leads',
      'Total revenue': 'revenue',
    });
    expect(analysis.columns.find((c) => c.header === 'Sessions')?.samples).toEqual(['4210', '1900', '1300']);
  });

  test("the grand total just under the header (blank channel and date) is dropped, not counted", () => {
    expect(result.skipped).toEqual([{ row: 10, reason: 'totalRow' }]);
    expect(result.totals).toEqual({ visits: 4210, leads: 143, revenue: 9870.5 });
    expect(result.records).toHaveLength(3);
    expect(result.records[0]).toEqual({ date: day(2026, 3, 1), channel: 'Organic Search', campaign: '', segment: '', values: { visits: 1900, leads: 80, revenue: 5100 } });
    expect(result.dateRange).toEqual({ first: day(2026, 3, 1), last: day(2026, 3, 2) });
    expect(result.ignoredColumns).toContain('Engaged sessions');
  });

  test('a GA4 grand total of users (each user counted once, less than the sum) is dropped when sessions add up', () => {
    const users = importText(X.GA4_USERS, {}).result;
    expect(users.skipped).toEqual([{ row: 4, reason: 'totalRow', detail: 'Grand total' }]);
    expect(users.totals).toEqual({ visits: 4000 });
    const rows = X.csvRows(X.GA4_USERS);
    rows[3][0] = ''; // the same total unlabelled
    const unlabelled = cleanImport(rows, planOf(analyzeImport(rows)), ctx);
    expect(unlabelled.skipped).toEqual([{ row: 4, reason: 'totalRow' }]);
    expect(unlabelled.totals).toEqual({ visits: 4000 });
  });
});

describe('Google Ads export', () => {
  const { analysis, result } = importText(X.GOOGLE_ADS, { channel: 'Paid search' });

  test('title and date-range lines are preamble; the platform suggests paid search', () => {
    expect(analysis.headerRow).toBe(2);
    expect(analysis.preambleDates).toEqual({ first: day(2026, 3, 1), last: day(2026, 3, 31) });
    expect(analysis).toMatchObject({ platform: 'googleAds', suggestedChannel: 'paidSearch', needsChannel: true, funnelExploration: false });
    expect(targets(analysis)).toEqual({ Day: 'date', Campaign: 'campaign', 'Impr.': 'impressions', Clicks: 'clicks', Cost: 'cost', Conversions: 'leads', 'Conv. value': 'revenue' });
  });

  test('"Total: Campaigns", "Total: Search" and "Total: Account" are dropped and reported', () => {
    expect(result.skipped).toEqual([
      { row: 7, reason: 'totalRow', detail: 'Total: Campaigns' },
      { row: 8, reason: 'totalRow', detail: 'Total: Search' },
      { row: 9, reason: 'totalRow', detail: 'Total: Account' },
    ]);
    expect(result.totals).toEqual({ impressions: 11314, clicks: 1010, leads: 21.5, revenue: 2430.1, cost: 703.52 });
  });

  test('"--" is blank; the channel comes from the plan; campaigns are kept', () => {
    expect(result.records[1]).toEqual({
      date: day(2026, 3, 2), channel: 'Paid search', campaign: 'Brand - Search', segment: '',
      values: { impressions: 1180, clicks: 298, cost: 131.12 },
    });
    expect(result.mapping).toEqual({ impressions: 'Impr.', clicks: 'Clicks', leads: 'Conversions', revenue: 'Conv. value', cost: 'Cost' });
  });

  test('"1,204" alone reads either way; the other columns of the export ("130.20") settle it, so no note', () => {
    expect(result.notes).toEqual([]);
  });

  test('"All time" gives no dates: the plan\'s date is used', () => {
    const rows = X.csvRows(X.GOOGLE_ADS_ALL_TIME);
    const analysis = analyzeImport(rows);
    expect(analysis.preambleDates).toBeUndefined();
    expect(() => cleanImport(rows, planOf(analysis), ctx)).toThrow('import: the rows have no date');
    const result = cleanImport(rows, planOf(analysis, { date: day(2026, 2, 1), channel: 'Paid search' }), ctx);
    expect(result.records).toEqual([{ date: day(2026, 2, 1), channel: 'Paid search', campaign: 'Brand - Search', segment: '', values: { impressions: 10204, clicks: 3310, cost: 1330.2, leads: 120 } }]);
    expect(result.skipped).toEqual([{ row: 5, reason: 'totalRow', detail: 'Total: Account' }]);
  });
});

describe('Meta Ads Manager export', () => {
  const { analysis, result } = importText(X.META, { channel: 'Paid social' });

  test('"Reporting starts", "Campaign name", "Results", "Amount spent (USD)" and "Link clicks" are recognized', () => {
    expect(targets(analysis)).toEqual({
      'Reporting starts': 'date', 'Campaign name': 'campaign', Results: 'leads', Impressions: 'impressions', 'Amount spent (USD)': 'cost', 'Link clicks': 'clicks',
    });
    expect(analysis).toMatchObject({ platform: 'meta', suggestedChannel: 'paidSocial', needsChannel: true });
  });

  test('the account total (blank names, numbers equal to the sum of the campaigns) is dropped', () => {
    expect(result.skipped).toEqual([{ row: 2, reason: 'totalRow' }]);
    expect(result.totals).toEqual({ impressions: 120400, clicks: 3120, leads: 1030, cost: 2345.67 });
    expect(result.records.map((r) => r.campaign)).toEqual(['Spring Sale - Conversions', 'Brand Awareness']);
  });

  test('a campaign row with a blank name that is not a total stays', () => {
    const rows = X.csvRows(X.META);
    rows[1][4] = '5'; // less than a campaign's results: no total
    const kept = cleanImport(rows, planOf(analyzeImport(rows)), ctx);
    expect(kept.skipped).toEqual([]);
    expect(kept.records).toHaveLength(3);
  });
});

describe('LinkedIn Campaign Manager export', () => {
  const { analysis, result } = importText(X.LINKEDIN, { channel: 'Paid social' });

  test('"Start Date (in UTC)", "Total Spent" and "Total Conversion Value" are recognized; the preamble dates are read', () => {
    expect(analysis.headerRow).toBe(3);
    expect(targets(analysis)).toMatchObject({ 'Start Date (in UTC)': 'date', 'Campaign Name': 'campaign', 'Total Spent': 'cost', 'Total Conversion Value': 'revenue', Impressions: 'impressions', Clicks: 'clicks' });
    expect(analysis).toMatchObject({ platform: 'linkedin', suggestedChannel: 'paidSocial' });
    expect(analysis.preambleDates).toEqual({ first: day(2026, 3, 1), last: day(2026, 3, 31) });
  });

  test('"3/13/2026" decides the column is month first, and says so', () => {
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 3, 1), day(2026, 3, 2), day(2026, 3, 13)]);
    expect(result.notes).toContainEqual({ column: 'Start Date (in UTC)', note: 'monthFirst', example: '3/1/2026' });
    expect(result.totals).toMatchObject({ cost: 2640.5, impressions: 99262, revenue: 9550 });
  });
});

describe('Microsoft Advertising export', () => {
  const { analysis, result } = importText(X.MICROSOFT_ADS, { channel: 'Paid search' });

  test('the "Report Name:" preamble is skipped and its "Report Time" range dates the rows', () => {
    expect(analysis.headerRow).toBe(8);
    expect(analysis).toMatchObject({ platform: 'microsoftAds', suggestedChannel: 'paidSearch', preambleDates: { first: day(2026, 3, 1), last: day(2026, 3, 31) } });
    expect(result.records.every((r) => r.date === day(2026, 3, 1))).toBe(true);
  });

  test('"$245.22" and "$3,410.00" are numbers; the "Total" row and the copyright footer are skipped', () => {
    expect(result.totals).toEqual({ impressions: 14990, clicks: 700, leads: 43, revenue: 4430.5, cost: 549.18 });
    expect(result.skipped).toEqual([
      { row: 12, reason: 'totalRow', detail: 'Total' },
      { row: 13, reason: 'blankRow' },
      { row: 14, reason: 'noNumbers' },
    ]);
  });
});

describe('TikTok, Shopify, WooCommerce and Klaviyo exports', () => {
  test('TikTok: "By Day" is the date, "Clicks (destination)" the clicks; paid social', () => {
    const { analysis, result } = importText(X.TIKTOK, { channel: 'Paid social' });
    expect(targets(analysis)).toEqual({ 'By Day': 'date', 'Campaign name': 'campaign', Cost: 'cost', Impressions: 'impressions', 'Clicks (destination)': 'clicks', Conversions: 'leads' });
    expect(analysis).toMatchObject({ platform: 'tiktok', suggestedChannel: 'paidSocial' });
    expect(result.totals).toEqual({ impressions: 55540, clicks: 753, leads: 25, cost: 218.95 });
  });

  test('Shopify: "Total sales" is the revenue, "-$210.50" a number; no channel is suggested', () => {
    const { analysis, result } = importText(X.SHOPIFY, { channel: 'Organic search' });
    expect(targets(analysis)).toEqual({ Day: 'date', Orders: measureOf('Orders'), 'Total sales': 'revenue' });
    expect(analysis.platform).toBe('shopify');
    expect(analysis.suggestedChannel).toBeUndefined();
    expect(result.totals).toEqual({ [measureOf('Orders')]: 80, revenue: 8755.27 });
  });

  test('Shopify without total sales: net sales beats gross sales though gross sales is left of it', () => {
    const { analysis, result } = importText(X.SHOPIFY_NET, { channel: 'Organic search' });
    expect(targets(analysis)).toEqual({ Month: 'date', Orders: measureOf('Orders'), 'Net sales': 'revenue' });
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 3, 1), day(2026, 4, 1)]);
    expect(result.totals.revenue).toBeCloseTo(15054.75, 6);
  });

  test('WooCommerce: "March 1, 2026" dates; told apart from Shopify by its coupons', () => {
    const { analysis, result } = importText(X.WOOCOMMERCE, { channel: 'Organic search' });
    expect(analysis.platform).toBe('woocommerce');
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 3, 1), day(2026, 3, 2)]);
    expect(result.totals.revenue).toBeCloseTo(2402.8, 6);
  });

  test('Klaviyo: "Send Time" with a time of day, "Unique Placed Order" customers; email', () => {
    const { analysis, result } = importText(X.KLAVIYO, { channel: 'Email' });
    expect(targets(analysis)).toEqual({ 'Campaign Name': 'campaign', 'Send Time': 'date', 'Unique Clicks': 'clicks', 'Unique Placed Order': 'customers', Revenue: 'revenue' });
    expect(analysis).toMatchObject({ platform: 'klaviyo', suggestedChannel: 'email' });
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 3, 5), day(2026, 3, 12)]);
    expect(result.totals).toEqual({ clicks: 1030, customers: 126, revenue: 10200.5 });
  });
});

describe('GA4 funnel exploration', () => {
  test('is recognized by its headers and refused with a message naming RACE_FUNNEL', () => {
    const rows = X.csvRows(X.GA4_FUNNEL);
    const analysis = analyzeImport(rows);
    expect(analysis.funnelExploration).toBe(true);
    expect(() => cleanImport(rows, planOf(analysis), ctx)).toThrow(/RACE_FUNNEL/);
    expect(() => cleanImport(rows, planOf(analysis), { fn: 'import', language: 'fa' })).toThrow(/RACE_FUNNEL.*Active users|Active users.*RACE_FUNNEL/);
  });
});

describe('number conventions by column', () => {
  test('"€1.234,56" makes its column decimal-comma; "1.204" in another column follows the export and is 1204', () => {
    const { result } = importText(X.EUROPEAN);
    expect(result.totals).toEqual({ visits: 2184, revenue: 2214.66 });
    expect(result.notes).toEqual([
      { column: 'Visits', note: 'ambiguousSeparator', example: '1.204', value: 1204 },
      { column: 'Revenue', note: 'decimalComma', example: '€1.234,56', value: 1234.56 },
    ]);
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 3, 15), day(2026, 3, 16)]);
  });

  test('"1 234,56 ₽" and day-first "25/03/2026"', () => {
    const { result } = importText(X.RUBLES);
    expect(result.totals).toEqual({ clicks: 1514, cost: 1334.46 });
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 3, 1), day(2026, 3, 25)]);
    expect(result.notes).toContainEqual({ column: 'Date', note: 'dayFirst', example: '01/03/2026' });
  });

  test('Persian digits with "٬" and "٫" and "ریال"; week labels are their Monday', () => {
    const { analysis, result } = importText(X.PERSIAN, {}, 'fa');
    expect(targets(analysis)).toEqual({ هفته: 'date', کانال: 'channel', بازدیدها: 'visits', درآمد: 'revenue' });
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 2, 23), day(2026, 3, 2)]);
    expect(result.totals).toEqual({ visits: 2184, revenue: 2214.5 });
  });

  test('a column whose only separators read either way, in an export that shows none, is noted as ambiguous', () => {
    const rows: Cell[][] = [['Date', 'Channel', 'Visits'], ['2026-03-01', 'Email', '1,204'], ['2026-03-02', 'Email', '980']];
    const result = cleanImport(rows, planOf(analyzeImport(rows)), ctx);
    expect(result.notes).toEqual([{ column: 'Visits', note: 'ambiguousSeparator', example: '1,204', value: 1204 }]);
    expect(result.totals).toEqual({ visits: 2184 });
  });

  test('"--", "—", "N/A" and "(not set)" are blank; a trailing % is a percent; a word is a bad number', () => {
    const rows: Cell[][] = [
      ['Date', 'Channel', 'Visits', 'Revenue'],
      ['2026-03-01', 'A', '--', '—'],
      ['2026-03-01', 'B', 'N/A', '(not set)'],
      ['2026-03-01', 'C', 10, '50%'],
      ['2026-03-01', 'D', 'lots', 5],
    ];
    const result = cleanImport(rows, planOf(analyzeImport(rows)), ctx);
    expect(result.records.map((r) => r.values)).toEqual([{ visits: 10, revenue: 0.5 }]);
    expect(result.skipped).toEqual([
      { row: 2, reason: 'noNumbers' },
      { row: 3, reason: 'noNumbers' },
      { row: 5, reason: 'badNumber', detail: 'Visits: "lots"' },
    ]);
  });
});

describe('dates from sheets and bad dates', () => {
  test('Date objects, serial numbers and GA4 dates read as numbers become serials; a bad date is reported', () => {
    const rows: Cell[][] = [
      ['Date', 'Channel', 'Visits'],
      [new Date(2026, 2, 1), 'A', 1],
      [46083, 'A', 2],
      [20260303, 'A', 3],
      ['someday', 'A', 4],
      ['', 'A', 5],
    ];
    const result = cleanImport(rows, planOf(analyzeImport(rows)), ctx);
    expect(result.records.map((r) => r.date)).toEqual([day(2026, 3, 1), day(2026, 3, 2), day(2026, 3, 3)]);
    expect(result.skipped).toEqual([
      { row: 5, reason: 'badDate', detail: 'someday' },
      { row: 6, reason: 'noDate' },
    ]);
  });
});

describe('analysis details', () => {
  test('blank rows and columns are skipped; the header below blank rows is found', () => {
    const rows: Cell[][] = [[], ['', '', ''], ['', 'Channel', '', 'Visits'], ['', 'Email', '', '3'], ['', '', '', '']];
    const analysis = analyzeImport(rows);
    expect(analysis.headerRow).toBe(2);
    expect(analysis.columns.map((c) => c.header)).toEqual(['Channel', 'Visits']);
  });

  test('the source key is stable across case, spacing and row order, and differs between exports', () => {
    const a = analyzeImport(X.csvRows(X.META)).sourceKey;
    const rows = X.csvRows(X.META);
    rows[0] = rows[0].map((h) => ` ${h.toUpperCase()} `);
    expect(analyzeImport(rows.reverse().slice(-1).concat(rows.slice(0, -1))).sourceKey).toBe(a);
    expect(analyzeImport(X.csvRows(X.TIKTOK)).sourceKey).not.toBe(a);
  });

  test('a duplicate target is refused with both headers named', () => {
    const rows: Cell[][] = [['Date', 'Sessions', 'Visits'], ['2026-03-01', 1, 2]];
    expect(() => cleanImport(rows, { headerRow: 0, mapping: { 0: 'date', 1: 'visits', 2: 'visits' }, channel: 'Email' }, ctx)).toThrow(
      'import: visits is fed by two columns, "Sessions" and "Visits"',
    );
  });

  test('parseAmountText reads the currency forms of real exports', () => {
    expect(parseAmountText('$1,234.56')).toBe(1234.56);
    expect(parseAmountText('US$ 12')).toBe(12);
    expect(parseAmountText('€1.234,56', 'comma')).toBe(1234.56);
    expect(parseAmountText('1 234,56 ₽', 'comma')).toBe(1234.56);
    expect(parseAmountText('۱٬۲۳۴٫۵ ریال')).toBe(1234.5);
    expect(parseAmountText('12 USD')).toBe(12);
    expect(parseAmountText('-$210.50')).toBe(-210.5);
    expect(parseAmountText('12 apples')).toBeUndefined();
    expect(parseAmountText('$12 $13')).toBeUndefined();
  });
});
