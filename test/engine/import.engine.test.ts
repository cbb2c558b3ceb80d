// commitImport and its companions as the sidebar calls them: the built dist/Code.js (npm run build
// first) on the HyperFormula emulator, arguments passed as JSON like google.script.run.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { BundleRuntime } from '../../preview/server';
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import type { ImportReport, RememberedAnalysis } from '../../src/addon/importer';
import { translate } from '../../src/core/i18n';
import { MEASURES, type MeasureId } from '../../src/core/model/measures';
import { recognizeMeasure } from '../../src/core/summary/vocabulary';
import type { WorkbookOptions } from '../../src/core/workbook/options';

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '../..');
const runtime = new BundleRuntime(join(ROOT, 'dist'), 'en_US');

const WORKBOOK: WorkbookOptions = {
  businessName: 'Demo shop',
  model: 'ecommerce',
  language: 'en',
  currency: 'USD',
  horizon: '90d',
  granularity: 'week',
  channels: ['Organic Search', 'Paid Search'],
  segments: [],
  targets: {},
};

function call<T>(name: string, ...args: unknown[]): T {
  const answer = runtime.call(name, JSON.stringify(args));
  if (!answer.ok) throw new Error(answer.message);
  return answer.value as T;
}

function failure(name: string, ...args: unknown[]): string {
  const answer = runtime.call(name, JSON.stringify(args));
  if (answer.ok) throw new Error(`${name} succeeded`);
  return answer.message;
}

function csvRows(file: string): string[][] {
  return parse(readFileSync(join(ROOT, 'test/fixtures', file), 'utf8'), { relax_column_count: true, bom: true }) as string[][];
}

/** The targets list commitImport takes, from the analysis (a change of the user's applied on top). */
function targetsOf(analysis: RememberedAnalysis, changes: Record<string, string> = {}): string[] {
  const targets: string[] = [];
  for (const column of analysis.columns) targets[column.index] = changes[column.header] ?? column.target;
  return Array.from(targets, (target) => target ?? 'ignore');
}

function sheet(name: string): SheetSnapshot {
  const found = runtime.emulator.snapshot().sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Sum per measure of the Data sheet's columns, found by the vocabulary (the model's own labels included). */
function dataSums(name = 'Data'): Partial<Record<MeasureId, number>> {
  const [header, ...rows] = sheet(name).values;
  const sums: Partial<Record<MeasureId, number>> = {};
  header.forEach((cell, c) => {
    const measure = typeof cell === 'string' ? recognizeMeasure(cell)?.id : undefined;
    if (!measure) return;
    sums[measure] = rows.reduce<number>((sum, row) => sum + (typeof row[c] === 'number' ? (row[c] as number) : 0), 0);
  });
  return sums;
}

function expectDataMatches(report: ImportReport): void {
  const sums = dataSums(report.dataSheet);
  expect(Object.keys(report.totals).length).toBeGreaterThan(0);
  for (const measure of MEASURES) {
    const total = report.totals[measure];
    if (total === undefined) continue;
    expect(sums[measure]).toBeCloseTo(total, 6);
  }
}

/** The GA4 fixture as a user sheet would hold it: numbers as numbers, the rest as text. */
function ga4Sheet(): (string | number)[][] {
  return csvRows('ga4_traffic_acquisition.csv').map((row) => row.map((cell) => (cell !== '' && !Number.isNaN(Number(cell)) && !/^\d{8}$/.test(cell) ? Number(cell) : cell)));
}

describe('import from a sheet of the spreadsheet', () => {
  beforeEach(() => {
    runtime.reset('en_US');
    runtime.emulator.addSheet('GA4 export', ga4Sheet());
  });

  test('lists the sheet (not the add-on sheets), generates the workbook, and the Data sheet adds up to the report', () => {
    expect(call('getImportSources')).toEqual({ sheets: [{ name: 'Sheet1', rows: 0, columns: 0 }, { name: 'GA4 export', rows: 28, columns: 8 }], hasWorkbook: false });
    const source = sheet('GA4 export');
    const analysis = call<RememberedAnalysis>('analyzeSheetImport', 'GA4 export');
    expect(analysis).toMatchObject({ headerRow: 8, platform: 'ga4', needsChannel: false, remembered: false });
    const report = call<ImportReport>('commitImport', { source: { kind: 'sheet', sheetName: 'GA4 export' }, headerRow: analysis.headerRow, targets: targetsOf(analysis), workbook: WORKBOOK });
    expect(report.generatedSheets).toEqual(['Plan (OSA)', 'KPIs', 'Data', 'Dashboard', 'Content (3-3-3)']);
    expect(report).toMatchObject({ rowsImported: 18, dataRowsWritten: 9, dataRowsReplaced: 0, granularity: 'week', dateRange: { first: '2026-03-02', last: '2026-03-15' } });
    expect(report.totals).toEqual({ visits: 4621, leads: 161, orders: 52, revenue: 6209.5 });
    expect(report.mapping).toEqual({ visits: 'Sessions', leads: 'Key events', orders: 'Transactions', revenue: 'Total revenue' });
    expect(report.ignoredColumns).toEqual(['Total users', 'Engaged sessions']);
    expect(report.skipped).toEqual([{ reason: 'totalRow', count: 1, rows: [10] }]); // GA4's grand total, not counted twice
    expectDataMatches(report);
    // The workbook starts at the data's first week, so the rows fill its template rows.
    const data = sheet('Data');
    expect(data.values[1][0]).toBe('2026-03-02T00:00:00.000Z');
    expect(data.maxRows).toBe(1 + 13 * 2 + 100);
    expect(sheet('GA4 export')).toEqual(source); // never written
    expect(call('getImportSources')).toMatchObject({ hasWorkbook: true, sheets: [{ name: 'Sheet1' }, { name: 'GA4 export' }] });
  });

  test('importing the same rows again replaces them: the Data sheet is unchanged and nothing doubles', () => {
    const analysis = call<RememberedAnalysis>('analyzeSheetImport', 'GA4 export');
    const request = { source: { kind: 'sheet', sheetName: 'GA4 export' }, headerRow: analysis.headerRow, targets: targetsOf(analysis), workbook: WORKBOOK };
    const first = call<ImportReport>('commitImport', request);
    const data = sheet('Data');
    const again = call<ImportReport>('commitImport', request);
    expect(again.generatedSheets).toBeUndefined();
    expect(again.dataRowsReplaced).toBe(first.dataRowsWritten);
    expect(sheet('Data')).toEqual(data);
    expectDataMatches(again);
  });

  test('the mapping is remembered per source and applied to the next analysis', () => {
    const analysis = call<RememberedAnalysis>('analyzeSheetImport', 'GA4 export');
    const changes = { Sessions: 'ignore', 'Total users': 'visits' };
    const report = call<ImportReport>('commitImport', { source: { kind: 'sheet', sheetName: 'GA4 export' }, headerRow: analysis.headerRow, targets: targetsOf(analysis, changes), workbook: WORKBOOK });
    expect(report.totals.visits).toBe(4104);
    const next = call<RememberedAnalysis>('analyzeSheetImport', 'GA4 export');
    expect(next.remembered).toBe(true);
    expect(Object.fromEntries(next.columns.map((column) => [column.header, column.target]))).toMatchObject({ Sessions: 'ignore', 'Total users': 'visits', 'Key events': 'leads' });
    // The same export pasted as text is the same source.
    const pasted = call<RememberedAnalysis>('analyzeRowsImport', csvRows('ga4_traffic_acquisition.csv').slice(0, 200));
    expect(pasted.remembered).toBe(true);
    expect(pasted.sourceKey).toBe(next.sourceKey);
    expect(runtime.emulator.snapshot().metadata.filter((m) => m.key === 'race.import.mapping')).toHaveLength(1);
  });

  test('date cells of a sheet (not text) land in their week; request.dataSheet must name a RACE Data sheet', () => {
    runtime.emulator.addSheet('Dated', [
      ['Date', 'Channel', 'Clicks', 'Cost'],
      [new Date(2026, 2, 4), 'Email', 5, 1.25], // a Wednesday: the week of Monday 2026-03-02
      [new Date(2026, 2, 8), 'Email', 7, 2], // the Sunday of the same week
      [new Date(2026, 2, 9), 'Email', 11, 4],
    ]);
    const analysis = call<RememberedAnalysis>('analyzeSheetImport', 'Dated');
    expect(analysis.columns.map((column) => column.samples[0])).toEqual(['2026-03-04', 'Email', '5', '1.25']);
    const report = call<ImportReport>('commitImport', { source: { kind: 'sheet', sheetName: 'Dated' }, headerRow: 0, targets: targetsOf(analysis), workbook: WORKBOOK });
    expect(report).toMatchObject({ rowsImported: 3, dataRowsWritten: 2, dateRange: { first: '2026-03-04', last: '2026-03-09' }, totals: { clicks: 23, cost: 7.25 } });
    const data = sheet('Data');
    const clicks = data.values[0].indexOf('Clicks');
    const email = data.values.filter((row) => row[1] === 'Email');
    expect(email.map((row) => [row[0], row[clicks]])).toEqual([
      ['2026-03-02T00:00:00.000Z', 12],
      ['2026-03-09T00:00:00.000Z', 11],
    ]);
    expect(failure('commitImport', { source: { kind: 'sheet', sheetName: 'Dated' }, headerRow: 0, targets: targetsOf(analysis), dataSheet: 'Dated' })).toBe(
      'commitImport: argument "request.dataSheet" names no sheet of this spreadsheet: "Dated"',
    );
  });

  test('refuses its own sheets and unknown ones, naming the function and the argument', () => {
    expect(failure('analyzeSheetImport', 'Nope')).toBe('analyzeSheetImport: argument "sheetName" names no sheet of this spreadsheet: "Nope"');
    call('commitImport', { source: { kind: 'sheet', sheetName: 'GA4 export' }, headerRow: 8, targets: targetsOf(call('analyzeSheetImport', 'GA4 export')), workbook: WORKBOOK });
    expect(failure('analyzeSheetImport', 'Data')).toMatch(/^analyzeSheetImport: argument "sheetName" names a sheet RACE made \("Data"\)/);
  });
});

describe('import from a file or pasted text (staged)', () => {
  beforeEach(() => runtime.reset('en_US'));

  test('chunks wait in a hidden plain-text staging sheet; commit imports them and removes it', () => {
    const rows = csvRows('google_ads_campaigns.csv');
    rows[4][0] = '=IMPORTXML("http://x","//a")'; // a campaign name that must stay text
    const analysis = call<RememberedAnalysis>('analyzeRowsImport', rows.slice(0, 200));
    expect(analysis).toMatchObject({ platform: 'googleAds', suggestedChannel: 'paidSearch', needsChannel: true });
    expect(call('stageImportRows', 'file-1', 0, rows.slice(0, 6))).toEqual({ stagedRows: 6 });
    expect(call('stageImportRows', 'file-1', 0, rows.slice(0, 6))).toEqual({ stagedRows: 6 }); // a retried chunk
    expect(failure('stageImportRows', 'file-1', 2, rows.slice(6))).toBe('stageImportRows: argument "chunkIndex" is chunk 2, but chunk 1 comes next; send the chunks in order');
    expect(call('stageImportRows', 'file-1', 1, rows.slice(6))).toEqual({ stagedRows: rows.length });
    const staging = runtime.emulator.sheets.find((model) => model.metadata.some((m) => m.value === 'importStaging'))!;
    expect(staging.hidden).toBe(true);
    expect(runtime.emulator.activeSheet).not.toBe(staging);
    const stagingName = runtime.emulator.sheetName(staging);
    expect(sheet(stagingName).formulas.flat().every((formula) => formula === '')).toBe(true);
    expect(sheet(stagingName).values[4][0]).toBe('=IMPORTXML("http://x","//a")');
    expect(sheet(stagingName).values[3][3]).toBe('1,204'); // text as typed, not a number
    expect(call<{ sheets: { name: string }[] }>('getImportSources').sheets.map((s) => s.name)).toEqual(['Sheet1']);

    const report = call<ImportReport>('commitImport', {
      source: { kind: 'staged', importId: 'file-1', name: 'google_ads_campaigns.csv' },
      headerRow: analysis.headerRow,
      targets: targetsOf(analysis),
      channel: 'Paid Search',
      workbook: WORKBOOK,
    });
    expect(report.skipped).toEqual([{ reason: 'totalRow', count: 1, rows: [11] }]);
    expect(report.totals).toEqual({ impressions: 34180, clicks: 2037, leads: 53, revenue: 4248.5, cost: 2602.1 });
    expectDataMatches(report);
    expect(runtime.emulator.sheets.some((model) => model.metadata.some((m) => m.value === 'importStaging'))).toBe(false);
    const data = sheet('Data');
    const campaign = data.values[0].indexOf('Campaign');
    expect(data.values.map((row) => row[campaign])).toContain('=IMPORTXML("http://x","//a")');
    expect(data.formulas.flat().some((formula) => formula.includes('IMPORTXML'))).toBe(false);
    expect(new Set(data.values.slice(1).filter((row) => row[campaign] !== '').map((row) => row[1]))).toEqual(new Set(['Paid Search']));
  });

  test('discardImport deletes the staging sheet; a second discard says nothing is waiting', () => {
    call('stageImportRows', 'paste-1', 0, [['Date', 'Clicks'], ['2026-03-02', '5']]);
    expect(call('discardImport', 'paste-1')).toEqual({ discardedRows: 2 });
    expect(runtime.emulator.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(failure('discardImport', 'paste-1')).toBe('discardImport: argument "importId": no rows are waiting for import "paste-1"; send them again');
  });

  test('a single-platform export needs the channel; no workbook and no options is a clear error', () => {
    const rows = csvRows('google_ads_campaigns.csv');
    const analysis = call<RememberedAnalysis>('analyzeRowsImport', rows);
    call('stageImportRows', 'x', 0, rows);
    const request = { source: { kind: 'staged', importId: 'x', name: 'ads.csv' }, headerRow: analysis.headerRow, targets: targetsOf(analysis) };
    expect(failure('commitImport', request)).toBe('commitImport: argument "request.channel": no column is the channel, so say which channel these rows are');
    expect(failure('commitImport', { ...request, channel: 'Paid search' })).toMatch(/^commitImport: argument "request.workbook": this spreadsheet has no RACE workbook yet/);
    expect(runtime.emulator.snapshot().sheets).toHaveLength(2); // Sheet1 and the staging sheet, nothing else
  });

  test('a GA4 funnel exploration gets a clear message naming RACE_FUNNEL, in the spreadsheet language', () => {
    const funnel = [['Step', 'Active users', 'Completion rate', 'Abandonments', 'Abandonment rate'], ['1. Session start', '1000', '40%', '600', '60%'], ['2. Add to cart', '400', '25%', '300', '75%']];
    expect(failure('analyzeRowsImport', funnel)).toMatch(/^analyzeRowsImport: .*RACE_FUNNEL/);
    runtime.reset('fa_IR');
    expect(failure('analyzeRowsImport', funnel)).toBe(`analyzeRowsImport: ${translate('fa', 'import.error.funnelExploration')}`);
  });

  test.each([
    ['stageImportRows', ['bad id!', 0, [['a']]], 'stageImportRows: argument "importId" must be an import id of 1 to 64 letters, digits, "-" or "_", not "bad id!"'],
    ['stageImportRows', ['ok', -1, [['a']]], 'stageImportRows: argument "chunkIndex" must be a whole number of 0 or more, not -1'],
    ['stageImportRows', ['ok', 0, [['a', 5]]], 'stageImportRows: argument "rows" must be a list of 1 to 5000 rows, each a list of texts'],
    ['stageImportRows', ['ok', 0, []], 'stageImportRows: argument "rows" must be a list of 1 to 5000 rows, each a list of texts'],
    ['analyzeRowsImport', [Array.from({ length: 201 }, () => ['a'])], 'analyzeRowsImport: argument "rows" must be a list of 1 to 200 rows, each a list of texts'],
    ['commitImport', [{ source: { kind: 'url', url: 'x' }, headerRow: 0, targets: ['clicks'] }], 'commitImport: argument "request.source" must be { kind: "sheet", sheetName } or { kind: "staged", importId, name }'],
    ['commitImport', [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['clicks', 'clicks'] }], 'commitImport: argument "request.targets" maps clicks to more than one column'],
    ['commitImport', [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['likes'] }], /^commitImport: argument "request.targets\[0\]" must be a measure \(impressions, .*\), date, channel, campaign, segment or ignore, not "likes"$/],
    ['commitImport', [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['date'] }], 'commitImport: argument "request.targets" maps no column to a measure; choose at least one'],
    ['commitImport', [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['clicks'], channel: 'Email', script: 1 }], 'commitImport: argument "request" has an unknown field "script"'],
    // Issue 8, 3.4: a channel with nothing visible is blank; one named as RACE_SUMMARY's own rows is refused.
    ['commitImport', [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['clicks'], channel: '\u200b\u2066\u200f' }], 'commitImport: argument "request.channel" must be text of 1 to 50 characters, not "\u200b\u2066\u200f"'],
    ['commitImport', [{ source: { kind: 'staged', importId: 'ok', name: '\u200c' }, headerRow: 0, targets: ['clicks'], channel: 'Email' }], 'commitImport: argument "request.source.name" must be text of 1 to 200 characters, not "\u200c"'],
    ['commitImport', [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['clicks'], channel: ' TOTAL ' }], 'commitImport: argument "request.channel" cannot be "TOTAL": RACE_SUMMARY labels its own total and blank rows so'],
    ['commitImport', [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['clicks'], channel: '(فارغ)' }], 'commitImport: argument "request.channel" cannot be "(فارغ)": RACE_SUMMARY labels its own total and blank rows so'],
  ])('%s refuses bad arguments (case %#)', (name, args, message) => {
    expect(runtime.call(name, JSON.stringify(args))).toEqual({ ok: false, message: typeof message === 'string' ? message : expect.stringMatching(message) });
    expect(runtime.emulator.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(runtime.emulator.documentLockHolder).toBeNull();
  });
});

describe('all or nothing', () => {
  const small: WorkbookOptions = { ...WORKBOOK, horizon: '90d', granularity: 'month', channels: ['Paid Search'] };
  const adsRows = csvRows('google_ads_campaigns.csv');
  /** Stages the Google Ads rows and returns the commit request. */
  const staged = (id: string) => {
    call('stageImportRows', id, 0, adsRows);
    const analysis = call<RememberedAnalysis>('analyzeRowsImport', adsRows);
    return { source: { kind: 'staged', importId: id, name: 'ads.csv' }, headerRow: analysis.headerRow, targets: targetsOf(analysis), channel: 'Paid Search' };
  };

  test('a write failing anywhere while the workbook is generated first leaves nothing behind', () => {
    runtime.reset('en_US');
    const request = staged('gen');
    const before = runtime.emulator.writes;
    call('commitImport', { ...request, workbook: small });
    const writes = runtime.emulator.writes - before;
    expect(writes).toBeGreaterThan(20);
    for (let n = 1; n <= writes; n++) {
      runtime.reset('en_US');
      const request = staged('gen');
      const snapshot = runtime.emulator.snapshot();
      runtime.emulator.failOnWrite = runtime.emulator.writes + n;
      const message = failure('commitImport', { ...request, workbook: small });
      expect(message).toMatch(/^commitImport: the import could not be completed and nothing was changed: .*Injected failure at write \d+/);
      expect(runtime.emulator.snapshot()).toEqual(snapshot);
      expect(runtime.emulator.documentLockHolder).toBeNull();
    }
  });

  test('a write failing anywhere in a re-import puts the Data sheet, its rows and the remembered mapping back exactly', () => {
    const prepare = () => {
      runtime.reset('en_US');
      call('commitImport', { ...staged('first'), workbook: small });
      // A second export with other figures and more keys than the spare rows hold, so rows are inserted.
      const more = [...adsRows.slice(0, 3), ...Array.from({ length: 120 }, (_, i) => [`Campaign ${i}`, 'Mar 4, 2026', 'USD', String(100 + i), '7', '$1.50', '1', '$3.00'])];
      call('stageImportRows', 'second', 0, more);
      const analysis = call<RememberedAnalysis>('analyzeRowsImport', more);
      return { source: { kind: 'staged', importId: 'second', name: 'more.csv' }, headerRow: analysis.headerRow, targets: targetsOf(analysis, { 'Impr.': 'ignore' }), channel: 'Paid Search' };
    };
    const request = prepare();
    const before = runtime.emulator.writes;
    const report = call<ImportReport>('commitImport', request);
    expect(report.dataRowsWritten).toBe(120);
    const writes = runtime.emulator.writes - before;
    expect(writes).toBeGreaterThan(5);
    for (let n = 1; n <= writes; n++) {
      const request = prepare();
      const snapshot = runtime.emulator.snapshot();
      runtime.emulator.failOnWrite = runtime.emulator.writes + n;
      expect(failure('commitImport', request)).toMatch(/^commitImport: the import could not be completed and nothing was changed: .*Injected failure/);
      expect(runtime.emulator.snapshot()).toEqual(snapshot);
    }
  });
});
