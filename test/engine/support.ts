// Helpers shared by the engine tests: a fresh HyperFormula-backed emulator of SpreadsheetApp, the writer
// run against it, and ways to fill the Data sheet and read back what the engine computed.
import { createAppsScriptGlobals, type AppsScriptGlobals } from '../../preview/emulator/services';
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import { generateWorkbook } from '../../src/addon/writer';
import { LANGUAGES, type Language } from '../../src/core/i18n';
import { MEASURE_HEADERS, MEASURES, type MeasureId } from '../../src/core/model/measures';
import { recognizeMeasure } from '../../src/core/summary';
import type { WorkbookOptions } from '../../src/core/workbook/options';
import { columnLetter } from '../../src/core/workbook/text';

export type { AppsScriptGlobals };

export const START = new Date(Date.UTC(2025, 0, 15));
export const ERROR_VALUE = /^#(DIV\/0!|ERROR!|N\/A|REF!|NAME\?|VALUE!|NUM!|NULL!|SPILL!|CYCLE!|LIC!)/;
export const LOCALES: Record<Language, string> = { en: 'en_US', fa: 'fa_IR', ar: 'ar_EG' };
export const USER_SHEETS = {
  Data: [['Budget', 'Spend'], [100, '=A2*2'], ['=SUM(A2:A3)', "'=not a formula"]],
  Notes: [['keep me', 42, '=B1+1']],
};

export function options(overrides: Partial<WorkbookOptions> = {}): WorkbookOptions {
  return {
    businessName: 'Acme',
    model: 'ecommerce',
    language: 'en',
    currency: 'USD',
    horizon: '90d',
    granularity: 'month',
    channels: ['Email', 'Paid search', 'Social'],
    segments: ['SMB', 'Enterprise'],
    targets: { reach: 100000, convert: 500 },
    ...overrides,
  };
}

/** A fresh emulated spreadsheet whose services are the globals the writer uses. */
export function emulate(language: Language, extra: Parameters<typeof createAppsScriptGlobals>[0] = {}): AppsScriptGlobals {
  const globals = createAppsScriptGlobals({ locale: LOCALES[language], sheets: USER_SHEETS, ...extra });
  Object.assign(globalThis, { SpreadsheetApp: globals.SpreadsheetApp, LockService: globals.LockService, Charts: globals.Charts });
  return globals;
}

export function generate(globals: AppsScriptGlobals, opts: WorkbookOptions) {
  // The emulator implements the subset the writer uses, not the whole Spreadsheet interface.
  const spreadsheet = globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  return generateWorkbook(spreadsheet, opts, START);
}

export function sheetNamed(globals: AppsScriptGlobals, name: string): SheetSnapshot {
  const found = globals.emulator.snapshot().sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

export function errorCells(sheet: SheetSnapshot): string[] {
  const found: string[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === 'string' && ERROR_VALUE.test(value)) found.push(`${sheet.name}!R${r + 1}C${c + 1} ${value} ${sheet.formulas[r]?.[c] ?? ''}`);
    }),
  );
  return found;
}

export function userSheets(globals: AppsScriptGlobals): SheetSnapshot[] {
  return globals.emulator.snapshot().sheets.filter((s) => Object.keys(USER_SHEETS).includes(s.name));
}

export type Row = Record<MeasureId, number>;

/**
 * The Data sheet's measure columns, read back from its headers (the model's own words, "Add-to-carts")
 * with the vocabulary: measure and 0-based column, in column order.
 */
export function measureColumnsOf(sheet: SheetSnapshot): { measure: MeasureId; column: number }[] {
  return sheet.values[0].flatMap((header, column) => {
    const recognized = typeof header === 'string' ? recognizeMeasure(header) : undefined;
    return recognized ? [{ measure: recognized.id, column }] : [];
  });
}

/** Writes one measure row per Data row (in the Data sheet's order) and returns each row's channel. */
export function fillData(globals: AppsScriptGlobals, dataName: string, rows: Row[]): string[] {
  const data = sheetNamed(globals, dataName);
  const columns = measureColumnsOf(data);
  // The measure columns are contiguous: one write for the block.
  columns.forEach(({ column }, i) => expect(column).toBe(columns[0].column + i));
  globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName(dataName)!
    .getRange(2, columns[0].column + 1, rows.length, columns.length)
    .setValues(rows.map((row) => columns.map(({ measure }) => row[measure])));
  return data.values.slice(1).map((row) => String(row[1]));
}

export function languageOfSheet(sheet: SheetSnapshot): Language {
  return LANGUAGES.find((l) => sheet.values[0].includes(MEASURE_HEADERS.revenue[l])) ?? 'en';
}

export function syntheticRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const impressions = 5000 + ((i * 7919) % 3000);
    const clicks = 300 + ((i * 104729) % 200);
    const visits = 250 + ((i * 31) % 50);
    const leads = 40 + ((i * 17) % 20);
    const trials = 30 + ((i * 11) % 15);
    const customers = 10 + ((i * 13) % 10);
    const orders = customers + (i % 4); // some customers order twice
    const subscribers = 5 + ((i * 7) % 9);
    const repeatCustomers = 1 + (i % 5);
    return {
      impressions, clicks, visits, leads, trials, orders, customers, subscribers,
      revenue: orders * 49.5, mrr: 1000 + 25 * subscribers, cost: 120 + (i % 7) * 10.25, repeatCustomers, churnedSubscribers: i % 3,
    };
  });
}

/** A row of zeros, to add figures to. */
export function zeroRow(): Row {
  return Object.fromEntries(MEASURES.map((measure) => [measure, 0])) as Row;
}

export function sum(rows: Row[], measure: MeasureId): number {
  return rows.reduce((total, row) => total + row[measure], 0);
}

/** The block a spilling formula produced: its header row and data rows, starting at the formula's cell. */
export function spillAt(sheet: SheetSnapshot, functionName: string): (string | number | boolean)[][] {
  const r = sheet.formulas.findIndex((row) => row.some((f) => f.startsWith(`=${functionName}(`)));
  const c = sheet.formulas[r].findIndex((f) => f.startsWith(`=${functionName}(`));
  const block: (string | number | boolean)[][] = [];
  for (let row = r; row < sheet.values.length && sheet.values[row][c] !== ''; row++) block.push(sheet.values[row].slice(c));
  return block;
}

export function expectClose(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** 'Sheet'!A1:B2 for a 0-based first row and column and a size, as chart ranges read back. */
export function rangeText(sheet: string, row: number, col: number, numRows: number, numColumns: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(col + 1)}${row + 1}:${columnLetter(col + numColumns)}${row + numRows}`;
}
