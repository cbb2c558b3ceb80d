// The Data-sheet half of commitImport on the HyperFormula emulator, with hand-built records: where rows
// land, that re-importing replaces, that new rows go inside the table, and that a failed write at any
// point leaves the spreadsheet exactly as it was.
import { findDataSheet, mergeIntoData } from '../../src/addon/import-sheets';
import type { ImportRecord } from '../../src/core/import/types';
import { MEASURE_HEADERS, type MeasureId } from '../../src/core/model/measures';
import { SPARE_DATA_ROWS } from '../../src/core/workbook/data-sheet';
import { emulate, generate, options, sheetNamed, START, type AppsScriptGlobals } from './support';

const DAY = (iso: string) => (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(1899, 11, 30)) / 864e5;
const MEASURES_IN: MeasureId[] = ['clicks', 'visits', 'cost'];
const ctx = { fn: 'commitImport', language: 'en' as const };

function record(date: string, channel: string, segment: string, values: Partial<Record<MeasureId, number>>, campaign = ''): ImportRecord {
  return { date: DAY(date), channel, campaign, segment, values };
}

function workbook(): { globals: AppsScriptGlobals; dataName: string } {
  const globals = emulate('en');
  const { sheetNames } = generate(globals, options({ granularity: 'month', channels: ['Email', 'Paid search'], segments: ['SMB', 'Enterprise'] }));
  return { globals, dataName: sheetNames[2] };
}

function merge(globals: AppsScriptGlobals, records: ImportRecord[], measures = MEASURES_IN) {
  const spreadsheet = globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return mergeIntoData(findDataSheet(spreadsheet)!, records, measures, { granularity: 'week', weekStart: 'monday', calendar: 'gregorian' }, ctx, (date) => date.toISOString().slice(0, 10));
}

/** Sum of one measure's column in the Data sheet as the engine holds it. */
function columnSum(globals: AppsScriptGlobals, dataName: string, measure: MeasureId): number {
  const data = sheetNamed(globals, dataName);
  const column = data.values[0].indexOf(MEASURE_HEADERS[measure].en);
  return data.values.slice(1).reduce<number>((sum, row) => sum + (typeof row[column] === 'number' ? (row[column] as number) : 0), 0);
}

const JAN = START.toISOString().slice(0, 7); // the workbook's first month
const RECORDS = [
  record(`${JAN}-03`, 'Email', 'SMB', { clicks: 10, visits: 8, cost: 1.5 }),
  record(`${JAN}-20`, 'email', 'smb', { clicks: 5, visits: 4, cost: 2.25 }), // same key, other spelling and day
  record(`${JAN}-07`, 'Paid search', 'Enterprise', { clicks: 100, cost: 40 }),
  record('2024-11-15', 'Affiliates', '', { clicks: 7, visits: 6 }), // a period and a channel the workbook lacks
];

test('records are summed into the Data period (the month start), in the template row of their key', () => {
  const { globals, dataName } = workbook();
  const result = merge(globals, RECORDS);
  expect(result.granularity).toBe('month');
  expect(result.plan.rowsWritten).toBe(3);
  expect(result.plan.rowsReplaced).toBe(0);
  expect(result.plan.inserted).toHaveLength(0); // the new key took a spare row
  const data = sheetNamed(globals, dataName);
  const header = data.values[0];
  const col = (name: string) => header.indexOf(name);
  const email = data.values.find((row) => row[col('Channel')] === 'Email' && row[col('Segment')] === 'SMB' && String(row[0]).startsWith(JAN))!;
  expect([email[col('Clicks')], email[col('Visits')], email[col('Cost')]]).toEqual([15, 12, 3.75]);
  const affiliates = data.values.filter((row) => row[1] === 'Affiliates');
  expect(affiliates).toHaveLength(1);
  expect(affiliates[0][0]).toBe(new Date(Date.UTC(2024, 10, 1)).toISOString());
  for (const measure of MEASURES_IN) expect(columnSum(globals, dataName, measure)).toBeCloseTo(result.plan.totals[measure]!, 9);
  expect(result.plan.totals).toEqual({ clicks: 122, visits: 18, cost: 43.75 });
});

test('importing the same records again replaces them: the Data sheet is the same as after the first import', () => {
  const { globals, dataName } = workbook();
  merge(globals, RECORDS);
  const once = sheetNamed(globals, dataName);
  const again = merge(globals, RECORDS);
  expect(again.plan.rowsReplaced).toBe(3);
  expect(again.plan.inserted).toHaveLength(0);
  expect(sheetNamed(globals, dataName)).toEqual(once);
});

test('a measure without a Data column is reported, not written', () => {
  const { globals, dataName } = workbook();
  const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dataName)!;
  const column = sheetNamed(globals, dataName).values[0].indexOf('Repeat buyers') + 1; // the ecommerce model's label
  sheet.getRange(1, column).setValue('Notes'); // the user renamed the column: it is no measure any more
  const before = sheetNamed(globals, dataName).values.map((row) => row[column - 1]);
  const result = merge(globals, [record(`${JAN}-03`, 'Email', 'SMB', { clicks: 1, repeatCustomers: 5 })], ['clicks', 'repeatCustomers']);
  expect(result.plan.ignoredMeasures).toEqual(['repeatCustomers']);
  expect(result.plan.totals).toEqual({ clicks: 1 });
  expect(sheetNamed(globals, dataName).values.map((row) => row[column - 1])).toEqual(before);
});

test('beyond the spare rows, rows are inserted inside the table, so the workbook formulas count them', () => {
  const { globals, dataName } = workbook();
  const before = sheetNamed(globals, dataName);
  const extra = SPARE_DATA_ROWS + 25;
  const records = Array.from({ length: extra }, (_, i) => record(`${JAN}-05`, `Partner ${i}`, 'SMB', { clicks: i + 1 }));
  const result = merge(globals, records);
  expect(result.plan.inserted).toHaveLength(25);
  const after = sheetNamed(globals, dataName);
  expect(after.maxRows).toBe(before.maxRows + 25);
  const total = (extra * (extra + 1)) / 2;
  expect(columnSum(globals, dataName, 'clicks')).toBe(total);
  // Every formula that summed the whole clicks column before now ends at the new last row.
  const lastRow = after.maxRows;
  const formulas = globals.emulator.snapshot().sheets.flatMap((sheet) => sheet.formulas.flat()).filter((f) => f.includes(`$${before.maxRows}`) || f.includes(`$${lastRow}`));
  expect(formulas.length).toBeGreaterThan(0);
  for (const formula of formulas) expect(formula).not.toMatch(new RegExp(`\\$${before.maxRows}\\b`));
});

describe('all or nothing', () => {
  const many = [...RECORDS, ...Array.from({ length: SPARE_DATA_ROWS + 3 }, (_, i) => record(`${JAN}-05`, `Partner ${i}`, 'SMB', { clicks: i }))];

  it('puts the Data sheet back exactly (values and inserted rows) whichever write fails', () => {
    const probe = workbook();
    const start = probe.globals.emulator.writes;
    merge(probe.globals, many);
    const writes = probe.globals.emulator.writes - start;
    expect(writes).toBeGreaterThan(3);
    for (let n = 1; n <= writes; n++) {
      const { globals } = workbook();
      // A second import over the first, so that restoring means putting figures back, not blanks.
      merge(globals, RECORDS);
      const before = globals.emulator.snapshot();
      globals.emulator.failOnWrite = globals.emulator.writes + n;
      expect(() => merge(globals, many.map((r) => ({ ...r, values: { ...r.values, clicks: (r.values.clicks ?? 0) + 1 } })))).toThrow(/Injected failure/);
      expect(globals.emulator.snapshot()).toEqual(before);
    }
  });
});
