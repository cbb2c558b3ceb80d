import type { Arg, Cell } from '../../src/core/cells';
import type { CallContext } from '../../src/core/errors';
import type { Language } from '../../src/core/i18n';
import { MEASURE_HEADERS, MEASURES } from '../../src/core/model/measures';
import { MAX_MEASURE_COLUMNS, summarize } from '../../src/core/summary';
import { RACE_SUMMARY } from '../../src/functions/summary';

const ctxIn = (language: Language): CallContext => ({ fn: 'RACE_SUMMARY', language });
const summary = (table: Cell[][], groupBy: Arg = '', columns: Arg = '', language: Language = 'en') =>
  summarize(ctxIn(language), table, groupBy, columns);

/** The result as {group label: {column header: value}}, so tests read by name, not position. */
function byGroup(result: Cell[][]): Record<string, Record<string, Cell>> {
  const [header, ...rows] = result;
  return Object.fromEntries(rows.map((row) => [String(row[0]), Object.fromEntries(header.map((h, i) => [String(h), row[i]]))]));
}

const SHOP: Cell[][] = [
  ['Channel', 'Visits', 'Leads', 'Customers', 'Revenue', 'Cost'],
  ['Paid', 100, 10, 2, 50, 20],
  ['Organic', 200, 5, 1, 40, ''],
  ['Paid', 300, 30, 6, 150, 40],
];

describe('RACE_SUMMARY grouping and totals', () => {
  test('one row per group in first-seen order, then Total', () => {
    expect(summary(SHOP, 'Channel').map((row) => row[0])).toEqual(['Channel', 'Paid', 'Organic', 'Total']);
  });

  test('volumes are summed per group and in total', () => {
    const result = byGroup(summary(SHOP, 'Channel'));
    expect(result.Paid).toMatchObject({ Visits: 400, Leads: 40, Customers: 8, Revenue: 200, Cost: 60 });
    expect(result.Organic).toMatchObject({ Visits: 200, Leads: 5, Customers: 1, Revenue: 40, Cost: 0 });
    expect(result.Total).toMatchObject({ Visits: 600, Leads: 45, Customers: 9, Revenue: 240, Cost: 60 });
  });

  test('the header row lists the group header, the volumes present and the rates they allow', () => {
    expect(summary(SHOP, 'Channel')[0]).toEqual([
      'Channel', 'Visits', 'Leads', 'Customers', 'Revenue', 'Cost',
      'Visit → lead', 'Lead → customer', 'Visit → customer', 'CPA', 'ROAS',
    ]);
  });

  test('rates are sum/sum over the group, not the average of row rates', () => {
    // Paid rows: 10/100 and 30/300 average to 0.1 as well, so use a pair whose average differs.
    const table: Cell[][] = [['Channel', 'Visits', 'Leads'], ['A', 100, 50], ['A', 900, 0]];
    expect(byGroup(summary(table, 'Channel')).A['Visit → lead']).toBe(50 / 1000);
  });

  test('a rate with a zero denominator is blank, never NaN or Infinity', () => {
    const table: Cell[][] = [['Channel', 'Orders', 'Revenue'], ['A', 0, 100]];
    expect(byGroup(summary(table, 'Channel')).A.AOV).toBe('');
  });

  test('only the rates whose inputs are present appear', () => {
    const table: Cell[][] = [['Impressions', 'Clicks', 'Revenue'], [1000, 20, 5]];
    expect(summary(table)[0]).toEqual(['Group', 'Impressions', 'Clicks', 'Revenue', 'CTR']);
  });

  test('every rate of the catalogue is computed from its own inputs', () => {
    const table: Cell[][] = [
      ['Impressions', 'Clicks', 'Visits', 'Leads', 'Trials', 'Orders', 'Customers', 'New subscribers', 'Revenue', 'Cost', 'Repeat customers'],
      [1000, 50, 40, 8, 10, 6, 4, 3, 200, 25, 1],
    ];
    expect(byGroup(summary(table)).Total).toMatchObject({
      Impressions: 1000, Clicks: 50, Visits: 40, Leads: 8, Trials: 10, Orders: 6, Customers: 4, 'New subscribers': 3,
      Revenue: 200, Cost: 25, 'Repeat customers': 1,
      CTR: 50 / 1000,
      'Visit → lead': 8 / 40,
      'Lead → customer': 4 / 8,
      'Visit → order': 6 / 40,
      'Visit → customer': 4 / 40,
      'Visit → trial': 10 / 40,
      'Trial → paid': 3 / 10,
      AOV: 200 / 6, // revenue per order, not per customer
      CPA: 25 / 4,
      ROAS: 200 / 25,
      'Repeat rate': 1 / 4, // repeat customers per customer, not per order
    });
  });

  test('a table with a column for every measure (every row-loop slot in use) sums each into its own column', () => {
    expect(MEASURES.length).toBeLessThanOrEqual(MAX_MEASURE_COLUMNS);
    const header = MEASURES.map((measure) => MEASURE_HEADERS[measure].en);
    // Each column gets a distinct figure; the last ones also as Persian-digit text (the cold path).
    const row = MEASURES.map((_, i) => (i >= 8 ? String(i + 1).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]) : i + 1));
    const result = summary([['Channel', ...header], ['A', ...row], ['A', ...MEASURES.map((_, i) => 100 * (i + 1))], ['B', ...row]], 'Channel');
    expect(result[0].slice(1, 1 + MEASURES.length)).toEqual(header);
    const { A, B, Total } = byGroup(result);
    MEASURES.forEach((measure, i) => {
      const name = MEASURE_HEADERS[measure].en;
      expect([name, A[name], B[name], Total[name]]).toEqual([name, 101 * (i + 1), i + 1, 102 * (i + 1)]);
    });
  });

  test('a word in the last measure column names its own column and row', () => {
    const header = MEASURES.map((measure) => MEASURE_HEADERS[measure].en);
    const row: Cell[] = MEASURES.map(() => 1);
    row[MEASURES.length - 1] = 'lots';
    expect(() => summary([header, row])).toThrow(/"Churned subscribers".*row 2.*lots/);
  });

  test('a Persian-digit text in the last of eight measure columns is read into its own column', () => {
    const header = ['Impressions', 'Clicks', 'Visits', 'Leads', 'Customers', 'Revenue', 'Cost', 'Repeat customers'];
    const result = byGroup(summary([header, [1, 2, 3, 4, 5, 6, 7, '۸'], [1, 2, 3, 4, 5, 6, 7, '']]));
    expect(result.Total).toMatchObject({ Impressions: 2, Cost: 14, 'Repeat customers': 8 });
  });

  test('without group_by there is only the Total row under a "Group" header', () => {
    const result = summary(SHOP);
    expect(result.map((row) => row[0])).toEqual(['Group', 'Total']);
    expect(result[1][1]).toBe(600);
  });

  test('group_by is matched case-insensitively, ignoring spaces and underscores', () => {
    expect(summary(SHOP, ' CHAN_nel ').map((row) => row[0])).toEqual(['Channel', 'Paid', 'Organic', 'Total']);
  });

  test('group_by may name a dimension: "channel" finds GA4 sessionDefaultChannelGroup', () => {
    const table: Cell[][] = [['sessionDefaultChannelGroup', 'sessions'], ['Direct', 5], ['Email', 7]];
    expect(summary(table, 'Channel').map((row) => row[0])).toEqual(['sessionDefaultChannelGroup', 'Direct', 'Email', 'Total']);
  });

  test('a group_by header that is not in the table is an error naming group_by and the headers', () => {
    expect(() => summary(SHOP, 'Region')).toThrow(
      'RACE_SUMMARY: argument "group_by" has no column named "Region"; its headers are: "Channel", "Visits"',
    );
  });

  test('a group_by of several cells is an error in the call language', () => {
    expect(() => summary(SHOP, [['Channel', 'Visits']])).toThrow('RACE_SUMMARY: argument "group_by" must be a single cell, not a range of 2 cells');
    expect(() => summary(SHOP, [['Channel'], ['Visits']], '', 'fa')).toThrow('RACE_SUMMARY: آرگومان «group_by» باید یک خانه باشد، نه محدوده‌ای با ۲ خانه');
  });

  test('blank group values form a localized "(blank)" group', () => {
    const table: Cell[][] = [['Channel', 'Visits'], ['', 5], ['A', 1], [null, 2]];
    expect(byGroup(summary(table, 'Channel', '', 'fa'))['(خالی)']['بازدیدها']).toBe(7);
  });

  test('wholly blank rows are skipped and create no "(blank)" group', () => {
    const table: Cell[][] = [['Channel', 'Visits', 'Note'], ['A', 1, ''], ['', '', 'ignored text'], ['', null, ''], ['A', 2, '']];
    expect(summary(table, 'Channel').map((row) => row[0])).toEqual(['Channel', 'A', 'Total']);
  });

  test('blank cells are skipped: a row still counts for its other measures', () => {
    const table: Cell[][] = [['Channel', 'Visits', 'Leads'], ['A', '', 3], ['A', 10, '  ']];
    expect(byGroup(summary(table, 'Channel')).A).toMatchObject({ Visits: 10, Leads: 3 });
  });

  test('number and date group values are shown as text', () => {
    const table: Cell[][] = [['Day', 'Visits'], [new Date(2024, 0, 5), 1], [15, 2], ['15', 3]];
    expect(summary(table, 'Day').map((row) => row[0])).toEqual(['Day', '2024-01-05', '15', 'Total']);
    expect(byGroup(summary(table, 'Day'))['15'].Visits).toBe(5);
  });

  test('text group values are trimmed, so "Paid " and "Paid" are one group', () => {
    const table: Cell[][] = [['Channel', 'Visits'], ['Paid ', 1], ['Paid', 2]];
    expect(byGroup(summary(table, 'Channel')).Paid.Visits).toBe(3);
  });

  // Issue 8, 3.5: SUMIFS in the workbook ignores case, so the summary does too.
  test('groups ignore case and surrounding spaces, and show the first spelling seen', () => {
    const table: Cell[][] = [['Channel', 'Visits'], ['email', 1], ['Paid', 10], [' EMAIL ', 2], ['Email', 4], ['paid ', 20], ['ایمیل', 100]];
    const result = summary(table, 'Channel');
    expect(result.map((row) => row[0])).toEqual(['Channel', 'email', 'Paid', 'ایمیل', 'Total']);
    expect(byGroup(result)).toMatchObject({ email: { Visits: 7 }, Paid: { Visits: 30 }, ایمیل: { Visits: 100 }, Total: { Visits: 137 } });
  });
});

describe('RACE_SUMMARY reading cells', () => {
  test('numbers written as text with Persian or Arabic-Indic digits are read', () => {
    const table: Cell[][] = [['Visits', 'Cost'], ['۱۲۰', '١٬٥٠٠'], [30, '‎2,000']];
    expect(byGroup(summary(table)).Total).toMatchObject({ Visits: 150, Cost: 3500 });
  });

  test('a word in a measure column names the function, table, column, row and value', () => {
    const table: Cell[][] = [['Visits', 'Leads'], [1, 2], [3, 'many']];
    expect(() => summary(table)).toThrow(
      'RACE_SUMMARY: argument "table" has a value that is not a number in column "Leads", row 3: "many"',
    );
  });

  test('a boolean in a measure column is refused with its localized name', () => {
    expect(() => summary([['Visits'], [true]], '', '', 'fa')).toThrow('درست');
  });

  test('a date in a measure column is refused', () => {
    expect(() => summary([['Visits'], [new Date(2024, 1, 1)]])).toThrow('a date (');
  });

  test('NaN in a measure column is refused, never summed', () => {
    expect(() => summary([['Visits'], [NaN]])).toThrow('not a number in column "Visits", row 2: NaN');
  });

  test('Infinity in a measure column is refused with its row, even when another group hides it', () => {
    const table: Cell[][] = [['Channel', 'Visits'], ['A', 1], ['B', -Infinity], ['C', Infinity]];
    expect(() => summary(table, 'Channel')).toThrow('not a number in column "Visits", row 3: -Infinity');
  });

  test('words in unrecognized columns are ignored', () => {
    expect(byGroup(summary([['Visits', 'Comment'], [4, 'great day']])).Total.Visits).toBe(4);
  });

  test('sums beyond the largest spreadsheet number are an error, not Infinity', () => {
    expect(() => summary([['Visits'], [Number.MAX_VALUE], [Number.MAX_VALUE]])).toThrow('column "Visits" adds up to more');
  });
});

describe('RACE_SUMMARY header recognition', () => {
  test('Persian headers are recognized and the labels follow the language', () => {
    const table: Cell[][] = [['کانال', 'بازدیدها', 'سرنخ‌ها'], ['ایمیل', 10, 2]];
    const result = summary(table, 'کانال', '', 'fa');
    expect(result[0]).toEqual(['کانال', 'بازدیدها', 'سرنخ‌ها', 'بازدید ← سرنخ']);
    expect(result[2]).toEqual(['جمع کل', 10, 2, 0.2]);
  });

  test('Arabic headers are recognized and the labels follow the language', () => {
    const table: Cell[][] = [['القناة', 'الطلبات', 'العملاء', 'الإيرادات', 'التكلفة'], ['بحث', 5, 4, 300, 100]];
    const result = summary(table, 'القناة', '', 'ar');
    expect(result[0]).toEqual([
      'القناة', 'الطلبات', 'العملاء', 'الإيرادات', 'التكلفة', 'متوسط قيمة الطلب (AOV)', 'تكلفة اكتساب العميل (CPA)', 'العائد على الإنفاق الإعلاني (ROAS)',
    ]);
    expect(result[2]).toEqual(['الإجمالي', 5, 4, 300, 100, 60, 25, 3]);
  });

  test('a GA4 Reports Builder export is summarized', () => {
    const table: Cell[][] = [
      ['date', 'sessionDefaultChannelGroup', 'sessions', 'totalUsers', 'engagedSessions', 'transactions', 'totalRevenue', 'advertiserAdCost'],
      [new Date(2024, 0, 1), 'Paid Search', 100, 80, 60, 4, 400, 50],
    ];
    expect(byGroup(summary(table, 'sessionDefaultChannelGroup'))['Paid Search']).toEqual({
      sessionDefaultChannelGroup: 'Paid Search', Visits: 100, Orders: 4, Revenue: 400, Cost: 50,
      'Visit → order': 0.04, AOV: 100, ROAS: 8,
    });
  });

  test('sessions is used for visits over totalUsers whatever the column order', () => {
    const table: Cell[][] = [['totalUsers', 'sessions'], [80, 100]];
    expect(byGroup(summary(table)).Total.Visits).toBe(100);
  });

  test('totalUsers counts as visits when there is no sessions column', () => {
    expect(byGroup(summary([['totalUsers'], [80]])).Total.Visits).toBe(80);
  });

  test('an ad export with Impressions, Clicks, Amount spent and Purchases is summarized', () => {
    const table: Cell[][] = [['Campaign name', 'Impressions', 'Link clicks', 'Amount spent (USD)', 'Purchases'], ['Spring', 5000, 100, 250, 5]];
    expect(byGroup(summary(table, 'campaign')).Spring).toMatchObject({ Impressions: 5000, Clicks: 100, Cost: 250, Orders: 5, CTR: 0.02 });
  });

  test('when two columns name the same measure the leftmost wins', () => {
    expect(byGroup(summary([['Clicks', 'Spend', 'Cost'], [10, 1, 2]])).Total.Cost).toBe(1);
  });

  test('no recognized column is an error listing the headers seen and the names accepted', () => {
    expect(() => summary([['ad_id', 'gender'], [1, 'M']])).toThrow(
      /argument "table" has no stage volume column \(impressions, clicks, visits, leads, trials, orders, customers, new subscribers or repeat customers\)\. Headers seen: "ad_id", "gender"\. Accepted names: Impressions, .*sessions.*advertiserAdCost/,
    );
  });

  test('costs and revenue without a stage volume are refused: they make no funnel', () => {
    expect(() => summary([['Channel', 'Cost', 'Revenue'], ['x', 5, 9]], 'Channel')).toThrow(/no stage volume column.*Headers seen: "Channel", "Cost", "Revenue"/);
  });

  test('a table with only a header row is refused', () => {
    expect(() => summary([['Visits']])).toThrow('argument "table" must have a header row and at least one data row');
  });

  test('a single cell as table is refused', () => {
    expect(() => summarize(ctxIn('en'), 5, '', '')).toThrow('argument "table" must have a header row');
  });
});

describe('RACE_SUMMARY columns mapping', () => {
  const KAG: Cell[][] = [
    ['gender', 'Impressions', 'Clicks', 'Spent', 'Total_Conversion', 'Approved_Conversion'],
    ['M', 1000, 10, 5, 4, 1],
    ['F', 2000, 30, 9, 6, 3],
  ];

  test('mapped headers become measures next to recognized ones', () => {
    const result = byGroup(summary(KAG, 'gender', 'leads=Total_Conversion; customers=Approved_Conversion'));
    expect(result.F).toMatchObject({ Impressions: 2000, Clicks: 30, Cost: 9, Leads: 6, Customers: 3, 'Lead → customer': 0.5, CPA: 3 });
  });

  test('a mapping overrides recognition', () => {
    const result = byGroup(summary(KAG, '', 'cost=Clicks'));
    expect(result.Total).toMatchObject({ Cost: 40 });
    expect(result.Total).not.toHaveProperty('Clicks');
  });

  test('mapped headers are matched case-insensitively', () => {
    expect(byGroup(summary(KAG, '', 'leads=total conversion')).Total.Leads).toBe(10);
  });

  test('a mapped header that is not in the table is an error naming columns', () => {
    expect(() => summary(KAG, '', 'leads=Signups')).toThrow('argument "columns" has no column named "Signups"; its headers are: "gender"');
  });

  test('an unknown measure in the mapping is an error naming columns', () => {
    expect(() => summary(KAG, '', 'sales=Spent')).toThrow('argument "columns" names an unknown measure "sales"');
  });
});

describe('RACE_SUMMARY through the registry', () => {
  test('the registered function gives the core result', () => {
    expect(RACE_SUMMARY.run(SHOP, 'Channel', '', 'en')).toEqual(summary(SHOP, 'Channel'));
  });

  test('the language argument chooses the labels', () => {
    expect((RACE_SUMMARY.run(SHOP, '', '', 'AR') as Cell[][])[1][0]).toBe('الإجمالي');
  });

  test('an unknown language is an error naming the argument', () => {
    expect(() => RACE_SUMMARY.run(SHOP, '', '', 'de')).toThrow('RACE_SUMMARY: argument "language" must be one of en, fa, ar, not "de"');
  });

  test('the parameter names match the declared params', () => {
    const source = RACE_SUMMARY.run.toString();
    const names = source.slice(source.indexOf('(') + 1, source.indexOf(')')).split(',').map((name) => name.trim());
    expect(names).toEqual(RACE_SUMMARY.params.map((param) => param.name));
  });
});
