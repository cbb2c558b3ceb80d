import { parseDateText } from '../../src/core/import/date-text';
import { inferPeriodization, periodStartOf, type Periodization } from '../../src/core/calendar';
import { aggregateRecords, dataColumns, planMerge, type DataTable } from '../../src/core/import/merge';
import type { ImportRecord } from '../../src/core/import/types';
import type { Cell } from '../../src/core/cells';
import { summarize } from '../../src/core/summary';

const S = (iso: string) => parseDateText(iso, 'dmy')!;
const WEEK: Periodization = { granularity: 'week', weekStart: 'monday', calendar: 'gregorian' };
const MONTH: Periodization = { granularity: 'month', weekStart: 'monday', calendar: 'gregorian' };
const inferGranularity = (periods: number[]) => inferPeriodization(periods)?.granularity;

describe('periods', () => {
  test('a date falls into its week (Monday) or month (1st), as the generated Data sheet counts periods', () => {
    expect(periodStartOf(S('2026-03-04'), WEEK)).toBe(S('2026-03-02')); // Wednesday -> Monday
    expect(periodStartOf(S('2026-03-02'), WEEK)).toBe(S('2026-03-02'));
    expect(periodStartOf(S('2026-03-08'), WEEK)).toBe(S('2026-03-02')); // Sunday ends the week
    expect(periodStartOf(S('2026-03-31'), MONTH)).toBe(S('2026-03-01'));
    expect(periodStartOf(S('2026-03-04') + 0.75, MONTH)).toBe(S('2026-03-01')); // a time of day
  });

  test('the granularity of an existing Data sheet is read from its periods', () => {
    expect(inferGranularity([S('2026-02-01'), S('2026-03-01'), S('2026-04-01')])).toBe('month'); // 28 days apart once
    expect(inferGranularity([S('2026-03-02'), S('2026-03-09'), S('2026-03-16')])).toBe('week');
    expect(inferGranularity([S('2025-09-01')])).toBeUndefined(); // a Monday and a 1st: cannot tell
    expect(inferGranularity([])).toBeUndefined();
    expect(inferGranularity([S('2026-03-03'), S('2026-03-05')])).toBeUndefined();
  });
});

describe('dataColumns', () => {
  test('finds the columns by header in any language and by the vocabulary, wherever they are', () => {
    expect(dataColumns(['Period', 'Channel', 'Segment', 'Impressions', 'Clicks', 'Spend'])).toEqual({
      period: 0, channel: 1, campaign: undefined, segment: 2, measures: { impressions: 3, clicks: 4, cost: 5 },
    });
    expect(dataColumns(['دوره', 'کانال', 'کلیک‌ها', 'Campaign'])).toMatchObject({ period: 0, channel: 1, campaign: 3, measures: { clicks: 2 } });
    expect(dataColumns(['Clicks', 'Channel'])).toBeUndefined(); // no period
  });
});

const rec = (date: string, channel: string, values: ImportRecord['values'], campaign = '', segment = ''): ImportRecord => ({ date: S(date), channel, campaign, segment, values });

describe('aggregateRecords', () => {
  const columns = { period: 0, channel: 1, campaign: 2, measures: { clicks: 3 } };
  test('sums per period, channel (ignoring case), campaign and segment; segment ignored without its column', () => {
    const rows = aggregateRecords(
      [rec('2026-03-03', 'Email', { clicks: 1 }, 'A', 'x'), rec('2026-03-05', ' email ', { clicks: 2 }, 'A', 'y'), rec('2026-03-05', 'Email', { clicks: 4 }, 'B'), rec('2026-03-10', 'Email', { clicks: 8 }, 'A')],
      WEEK,
      columns,
    );
    expect(rows).toEqual([
      { period: S('2026-03-02'), channel: 'Email', campaign: 'A', segment: '', values: { clicks: 3 } },
      { period: S('2026-03-02'), channel: 'Email', campaign: 'B', segment: '', values: { clicks: 4 } },
      { period: S('2026-03-09'), channel: 'Email', campaign: 'A', segment: '', values: { clicks: 8 } },
    ]);
  });
});

// Issue 8, 3.5: the import and RACE_SUMMARY put the same spellings together (trimmed, any case), so a
// re-import spelled differently replaces rows instead of doubling them, and the summary shows one group.
test('the import merges the spellings RACE_SUMMARY groups together, and keeps apart those it keeps apart', () => {
  const spellings = ['Email', ' EMAIL ', 'email', 'E-mail', 'Paid', 'PAID\u200b', 'ایمیل', 'ایمیل '];
  const rows = aggregateRecords(spellings.map((channel) => rec('2026-03-03', channel, { clicks: 1 })), WEEK, { period: 0, channel: 1, measures: { clicks: 2 } });
  const summary = summarize({ fn: 'RACE_SUMMARY', language: 'en' }, [['Channel', 'Clicks'], ...spellings.map((channel) => [channel, 1])], 'Channel', '');
  const groups = summary.slice(1, -1).map((row) => [row[0], row[1]]);
  expect(groups).toEqual([['Email', 3], ['E-mail', 1], ['Paid', 2], ['ایمیل', 2]]);
  expect(rows.map((row) => [row.channel, row.values.clicks])).toEqual(groups);
});

describe('planMerge', () => {
  const columns = { period: 0, channel: 1, measures: { clicks: 2, cost: 3 } };
  const table = (rows: Cell[][], formulas?: string[][]): DataTable => ({
    columns,
    rows,
    formulas,
    periodOf: (cell) => (typeof cell === 'number' ? periodStartOf(cell, WEEK) : undefined),
  });
  const W = S('2026-03-02');

  test('replaces a key the table has (keeping other measures), fills spare rows, then inserts', () => {
    const plan = planMerge(
      table([[W, 'Email', 5, 9], [W + 3, 'Social', '', 1], ['', '', '', ''], ['', '', '', '']]),
      [
        { period: W, channel: 'EMAIL', campaign: '', segment: '', values: { clicks: 7 } },
        { period: W, channel: 'social', campaign: '', segment: '', values: { clicks: 1 } },
        { period: W, channel: 'Search', campaign: '', segment: '', values: { clicks: 2 } },
        { period: W + 7, channel: 'Email', campaign: '', segment: '', values: { clicks: 3 } },
        { period: W + 14, channel: 'Email', campaign: '', segment: '', values: { clicks: 4 } },
      ],
      ['clicks'],
      4,
    );
    expect([...plan.updates.entries()].map(([row, cells]) => [row, Object.fromEntries(cells)])).toEqual([
      [0, { 2: 7 }],
      [1, { 2: 1 }],
      [2, { 0: W, 1: "'Search", 2: 2 }],
      [3, { 0: W + 7, 1: "'Email", 2: 3 }], // the table's spelling of a known channel
    ]);
    expect(plan.inserted).toEqual([[W + 14, "'Email", 4, null]]);
    expect(plan.rowsReplaced).toBe(1); // Social had no clicks before
    expect(plan.rowsWritten).toBe(5);
    expect(plan.totals).toEqual({ clicks: 17 });
  });

  test('a key found on several rows is written once and cleared on the others, so nothing doubles', () => {
    const plan = planMerge(table([[W, 'Email', 5, 1], [W + 1, 'Email', 6, 2]]), [{ period: W, channel: 'Email', campaign: '', segment: '', values: { clicks: 3 } }], ['clicks', 'cost'], 4);
    expect([...plan.updates.entries()].map(([row, cells]) => [row, Object.fromEntries(cells)])).toEqual([
      [0, { 2: 3, 3: null }],
      [1, { 2: null, 3: null }],
    ]);
    expect(plan.rowsReplaced).toBe(2);
  });

  test('a row holding only a formula is not spare; a measure without a column is ignored', () => {
    const plan = planMerge(
      table([['', '', '=1+1', ''], ['', '', '', '']], [['', '', '=1+1', ''], ['', '', '', '']]),
      [{ period: W, channel: 'Email', campaign: '', segment: '', values: { clicks: 3, leads: 2 } }],
      ['clicks', 'leads'],
      4,
    );
    expect([...plan.updates.keys()]).toEqual([1]);
    expect(plan.ignoredMeasures).toEqual(['leads']);
    expect(plan.totals).toEqual({ clicks: 3 });
  });
});
