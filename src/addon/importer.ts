// "Bring your data": the sidebar's (and the headless CLI's) server calls. Each checks its arguments,
// since anything can arrive through google.script.run, and answers in the spreadsheet's language.
// Reading, staging and writing are in import-sheets.ts; cleaning and the merge plan in src/core/import.
import { describeArgument, isBlankText, type Cell } from '../core/cells';
import { isSummaryRowLabel } from '../core/summary/labels';
import { errorMessage, raceError, type CallContext } from '../core/errors';
import { isLanguage, type Language } from '../core/i18n';
import { analyzeImport, cleanImport } from '../core/import';
import { utcFromSerial } from '../core/dates';
import type { ImportAnalysis, ImportColumn, ImportPlan, ImportResult, ImportTarget, SkipReason, ColumnNote } from '../core/import/types';
import { MEASURES, type MeasureId } from '../core/model/measures';
import { DIMENSIONS } from '../core/summary/vocabulary';
import { generateWorkbookSpec } from '../core/workbook/generate';
import { periodization, validateWorkbookOptions, WORKBOOK_LIMITS, type WorkbookOptions } from '../core/workbook/options';
import { defineServerFunction } from './define';
import {
  dateTextReader,
  findDataSheet,
  findStaging,
  IMPORT_LIMITS,
  mergeIntoData,
  readSheet,
  readStaged,
  recallMapping,
  rememberMapping,
  sheetRole,
  stageRows,
} from './import-sheets';
import { withDocumentLock } from './lock';
import { requireArgumentCount, spreadsheetLanguage } from './sidebar';
import { applyWorkbookSpec } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TARGETS: readonly string[] = [...MEASURES, ...DIMENSIONS, 'ignore'];
const REQUEST_FIELDS = ['source', 'headerRow', 'targets', 'channel', 'date', 'language', 'workbook', 'dataSheet'];
const IMPORT_ID = /^[A-Za-z0-9_-]+$/;
const MAX_SOURCE_NAME = 200;
/** Skipped rows listed one by one in the report; beyond, only the counts per reason (the payload stays small). */
export const SKIPPED_ROWS_LISTED = 1000;

export interface ImportSources {
  /** The spreadsheet's own sheets (never the add-on's generated or staging sheets), with their used size. */
  sheets: { name: string; rows: number; columns: number }[];
  /** True when a RACE workbook (its Data sheet) exists: otherwise commitImport needs `workbook` options. */
  hasWorkbook: boolean;
}

/** What the analyze calls answer: the pipeline's analysis, with the document's remembered mapping applied. */
export type RememberedAnalysis = ImportAnalysis & {
  /** True when the column targets come from the mapping remembered for this source. */
  remembered: boolean;
  /** The channel answered the last time this source was imported (single-platform exports). */
  rememberedChannel?: string;
};

export type ImportSource = { kind: 'sheet'; sheetName: string } | { kind: 'staged'; importId: string; name: string };

export interface CommitImportRequest {
  source: ImportSource;
  /** 0-based row index of the header in the source rows (the analysis's headerRow). */
  headerRow: number;
  /** targets[i] feeds source column i (ImportColumn.index); missing or 'ignore' columns feed nothing. */
  targets: ImportTarget[];
  /** The channel of every row when no column is the channel. */
  channel?: string;
  /** A date serial for every row when no column is a date and the export's preamble gives none. */
  date?: number;
  language?: Language;
  /** Used to generate the workbook first when the spreadsheet has none. */
  workbook?: WorkbookOptions;
  /** The Data sheet to import into, by name (default: the first RACE Data sheet). */
  dataSheet?: string;
}

export interface ImportReport {
  rowsImported: number;
  dataRowsWritten: number;
  dataRowsReplaced: number;
  skipped: { reason: SkipReason; count: number; rows: number[] }[];
  /** The first SKIPPED_ROWS_LISTED skipped rows one by one (1-based source row), for scripts and the CLI. */
  skippedRows: { row: number; reason: SkipReason }[];
  /** Source headers mapped to nothing. */
  ignoredColumns: string[];
  /** Measures mapped in the source that the Data sheet has no column for: reported, never written. */
  ignoredMeasures: { measure: MeasureId; header: string }[];
  dateRange?: { first: string; last: string };
  notes: ColumnNote[];
  /** Sum per measure of the figures written into the Data sheet. */
  totals: Partial<Record<MeasureId, number>>;
  /** measure -> source header, for the measures written. */
  mapping: Partial<Record<MeasureId, string>>;
  dataSheet: string;
  granularity: 'week' | 'month';
  /** Names of the workbook sheets generated first, when there was no workbook. */
  generatedSheets?: string[];
}

// ---------------------------------------------------------------------------------------------------
// Argument checks: each answers with a localized error naming the function and the argument.

function requireText(ctx: CallContext, arg: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || isBlankText(value) || value.length > max) throw raceError(ctx, 'import.error.badText', { arg, max, value: describeArgument(value) });
  return value;
}

function requireImportId(ctx: CallContext, arg: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > IMPORT_LIMITS.importId || !IMPORT_ID.test(value)) {
    throw raceError(ctx, 'import.error.badId', { arg, max: IMPORT_LIMITS.importId, value: describeArgument(value) });
  }
  return value;
}

/** A 2-D array of texts (null, as google.script.run turns undefined, is blank), within the limits. */
function requireRows(ctx: CallContext, arg: string, value: unknown, maxRows: number): string[][] {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxRows) throw raceError(ctx, 'import.error.notRows', { arg, max: maxRows });
  return value.map((row: unknown, r) => {
    if (!Array.isArray(row)) throw raceError(ctx, 'import.error.notRows', { arg, max: maxRows });
    if (row.length > IMPORT_LIMITS.columns) throw raceError(ctx, 'import.error.tooManyColumns', { arg, count: row.length, max: IMPORT_LIMITS.columns });
    return row.map((cell: unknown) => {
      if (cell === null) return '';
      if (typeof cell !== 'string') throw raceError(ctx, 'import.error.notRows', { arg, max: maxRows });
      if (cell.length > IMPORT_LIMITS.cellText) throw raceError(ctx, 'import.error.textTooLong', { arg, max: IMPORT_LIMITS.cellText, row: r + 1 });
      return cell;
    });
  });
}

/** The sheet a user picked by name: one of their own, never one RACE made. */
function requireUserSheet(spreadsheet: Spreadsheet, ctx: CallContext, arg: string, name: unknown): Sheet {
  const wanted = requireText(ctx, arg, name, 100);
  const sheets = spreadsheet.getSheets();
  const sheet = sheets.find((s) => s.getName() === wanted) ?? sheets.find((s) => s.getName().toLowerCase() === wanted.toLowerCase());
  if (!sheet) throw raceError(ctx, 'import.error.noSheet', { arg, value: describeArgument(wanted) });
  if (sheetRole(sheet) !== undefined) throw raceError(ctx, 'import.error.ownSheet', { arg, value: describeArgument(sheet.getName()) });
  return sheet;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireRequest(ctx: CallContext, raw: unknown): CommitImportRequest {
  if (!isPlainObject(raw)) throw raceError(ctx, 'import.error.badRequest', { arg: 'request' });
  for (const key of Object.keys(raw)) if (!REQUEST_FIELDS.includes(key)) throw raceError(ctx, 'import.error.unknownField', { arg: 'request', value: describeArgument(key) });
  const source = raw.source;
  let checkedSource: ImportSource;
  if (isPlainObject(source) && source.kind === 'sheet' && Object.keys(source).every((k) => ['kind', 'sheetName'].includes(k))) {
    checkedSource = { kind: 'sheet', sheetName: requireText(ctx, 'request.source.sheetName', source.sheetName, 100) };
  } else if (isPlainObject(source) && source.kind === 'staged' && Object.keys(source).every((k) => ['kind', 'importId', 'name'].includes(k))) {
    checkedSource = {
      kind: 'staged',
      importId: requireImportId(ctx, 'request.source.importId', source.importId),
      name: requireText(ctx, 'request.source.name', source.name, MAX_SOURCE_NAME),
    };
  } else throw raceError(ctx, 'import.error.badSource', { arg: 'request.source' });
  const headerRow = raw.headerRow;
  if (typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 0 || headerRow >= IMPORT_LIMITS.analyzeRows) {
    throw raceError(ctx, 'import.error.requestHeaderRow', { arg: 'request.headerRow', max: IMPORT_LIMITS.analyzeRows - 1, value: describeArgument(headerRow) });
  }
  const targets = raw.targets;
  if (!Array.isArray(targets) || targets.length > IMPORT_LIMITS.columns) throw raceError(ctx, 'import.error.badTargets', { arg: 'request.targets', max: IMPORT_LIMITS.columns });
  const seen = new Set<string>();
  targets.forEach((target: unknown, i) => {
    const arg = `request.targets[${i}]`;
    if (target === null) return; // google.script.run's undefined: ignored
    if (typeof target !== 'string' || !TARGETS.includes(target)) throw raceError(ctx, 'import.error.requestTarget', { arg, choices: MEASURES.join(', '), value: describeArgument(target) });
    if (target === 'ignore') return;
    if (seen.has(target)) throw raceError(ctx, 'import.error.requestDuplicate', { arg: 'request.targets', value: target });
    seen.add(target);
  });
  if (!targets.some((target) => (MEASURES as readonly unknown[]).includes(target))) throw raceError(ctx, 'import.error.noMeasureTarget', { arg: 'request.targets' });
  const channel = raw.channel === undefined || raw.channel === null ? undefined : requireText(ctx, 'request.channel', raw.channel, WORKBOOK_LIMITS.name).trim();
  if (channel !== undefined && isSummaryRowLabel(channel)) throw raceError(ctx, 'import.error.reservedChannel', { arg: 'request.channel', value: describeArgument(channel) });
  if (channel === undefined && !seen.has('channel')) throw raceError(ctx, 'import.error.needsChannel', { arg: 'request.channel' });
  const date = raw.date;
  if (date !== undefined && date !== null && (typeof date !== 'number' || !Number.isFinite(date) || date < 1 || date > 2958465)) {
    throw raceError(ctx, 'import.error.badDate', { arg: 'request.date', value: describeArgument(date) });
  }
  if (raw.language !== undefined && raw.language !== null && !isLanguage(raw.language)) {
    throw raceError(ctx, 'error.unknownLanguage', { arg: 'request.language', value: describeArgument(raw.language) });
  }
  const dataSheet = raw.dataSheet === undefined || raw.dataSheet === null ? undefined : requireText(ctx, 'request.dataSheet', raw.dataSheet, 100);
  return {
    source: checkedSource,
    headerRow,
    targets: targets.map((target: unknown) => (typeof target === 'string' ? (target as ImportTarget) : 'ignore')),
    channel,
    date: typeof date === 'number' ? Math.floor(date) : undefined,
    language: isLanguage(raw.language) ? raw.language : undefined,
    // Validated (in its own messages) only when a workbook must be generated.
    workbook: raw.workbook === undefined || raw.workbook === null ? undefined : (raw.workbook as WorkbookOptions),
    dataSheet,
  };
}

// ---------------------------------------------------------------------------------------------------
// Analysis with the remembered mapping.

function withRemembered(spreadsheet: Spreadsheet, ctx: CallContext, analysis: ImportAnalysis): RememberedAnalysis {
  if (analysis.funnelExploration) throw raceError(ctx, 'import.error.funnelExploration');
  const remembered = recallMapping(spreadsheet, analysis.sourceKey);
  if (!remembered) return { ...analysis, remembered: false };
  const columns = analysis.columns.map((column): ImportColumn => {
    const target = remembered.targets[column.header.trim()];
    return target !== undefined && TARGETS.includes(target) ? { ...column, target } : column;
  });
  const hasChannel = columns.some((column) => column.target === 'channel');
  return { ...analysis, columns, needsChannel: !hasChannel, remembered: true, rememberedChannel: hasChannel ? undefined : remembered.channel };
}

function sourceRows(spreadsheet: Spreadsheet, ctx: CallContext, source: ImportSource): Cell[][] {
  if (source.kind === 'sheet') return readSheet(requireUserSheet(spreadsheet, ctx, 'request.source.sheetName', source.sheetName), dateTextReader(spreadsheet));
  const staging = findStaging(spreadsheet, source.importId);
  if (!staging) throw raceError(ctx, 'import.error.noStaged', { arg: 'request.source.importId', value: describeArgument(source.importId) });
  return readStaged(staging);
}

function isoDate(serial: number): string {
  return new Date(utcFromSerial(serial)).toISOString().slice(0, 10);
}

/** Skipped rows grouped by reason, with the first ten row numbers of each. */
function skippedSummary(result: ImportResult): ImportReport['skipped'] {
  const byReason = new Map<SkipReason, { reason: SkipReason; count: number; rows: number[] }>();
  for (const skipped of result.skipped) {
    let entry = byReason.get(skipped.reason);
    if (!entry) byReason.set(skipped.reason, (entry = { reason: skipped.reason, count: 0, rows: [] }));
    entry.count++;
    if (entry.rows.length < 10) entry.rows.push(skipped.row);
  }
  return [...byReason.values()];
}

/**
 * The commit, under the document lock: clean the source rows, generate the workbook when there is none,
 * merge into the Data sheet, remember the mapping, drop the staging sheet. Any failure puts everything
 * back (Data values and rows, generated sheets, metadata) and is reported with its cause.
 */
export function commitImportRequest(spreadsheet: Spreadsheet, request: CommitImportRequest, ctx: CallContext, start: Date = new Date()): ImportReport {
  const rows = sourceRows(spreadsheet, ctx, request.source);
  if (rows.length <= request.headerRow + 1) throw raceError(ctx, 'import.error.empty', { arg: 'request.source' });
  const analysis = analyzeImport(rows.slice(0, IMPORT_LIMITS.analyzeRows), ctx.language);
  if (analysis.funnelExploration) throw raceError(ctx, 'import.error.funnelExploration');
  const mapping: Record<number, ImportTarget> = {};
  request.targets.forEach((target, index) => {
    if (target !== 'ignore') mapping[index] = target;
  });
  const plan: ImportPlan = { headerRow: request.headerRow, mapping, channel: request.channel, date: request.date };
  const result = cleanImport(rows, plan, ctx);
  if (result.records.length === 0) throw raceError(ctx, 'import.error.noRecords', { count: rows.length - request.headerRow - 1 });

  let dataSheet: Sheet | undefined;
  if (request.dataSheet !== undefined) {
    dataSheet = spreadsheet.getSheets().find((sheet) => sheet.getName() === request.dataSheet && sheetRole(sheet) === 'data');
    if (!dataSheet) throw raceError(ctx, 'import.error.noSheet', { arg: 'request.dataSheet', value: describeArgument(request.dataSheet) });
  } else dataSheet = findDataSheet(spreadsheet);
  let options: WorkbookOptions | undefined;
  if (!dataSheet) {
    if (request.workbook === undefined) throw raceError(ctx, 'import.error.noWorkbook', { arg: 'request.workbook' });
    options = validateWorkbookOptions(request.workbook, ctx.language);
  }

  const headerOf = (index: number) => String(rows[request.headerRow][index] ?? '').trim();
  const importedMeasures = MEASURES.filter((measure) => result.mapping[measure] !== undefined);
  let generated: Sheet[] = [];
  const undo: (() => void)[] = [];
  try {
    if (options) {
      // The new workbook's periods start at the data's first day, so the rows fill its template.
      const first = result.dateRange ? new Date(utcFromSerial(result.dateRange.first)) : start;
      const spec = generateWorkbookSpec(options, spreadsheet.getSheets().map((sheet) => sheet.getName()), first);
      generated = applyWorkbookSpec(spreadsheet, spec, { fn: ctx.fn, language: ctx.language });
      dataSheet = generated[spec.sheets.findIndex((sheet) => sheet.role === 'data')];
    }
    const merged = mergeIntoData(dataSheet!, result.records, importedMeasures, periodization(options ?? { granularity: 'week', language: ctx.language }), ctx, dateTextReader(spreadsheet));
    undo.push(merged.undo);
    undo.push(
      rememberMapping(spreadsheet, {
        sourceKey: analysis.sourceKey,
        targets: Object.fromEntries(request.targets.flatMap((target, index) => (headerOf(index) === '' ? [] : [[headerOf(index), target]]))),
        channel: request.channel,
      }),
    );
    if (request.source.kind === 'staged') {
      const staging = findStaging(spreadsheet, request.source.importId);
      if (staging) spreadsheet.deleteSheet(staging.sheet);
    }
    SpreadsheetApp.flush();
    const written = importedMeasures.filter((measure) => !merged.plan.ignoredMeasures.includes(measure));
    return {
      rowsImported: result.records.length,
      dataRowsWritten: merged.plan.rowsWritten,
      dataRowsReplaced: merged.plan.rowsReplaced,
      skipped: skippedSummary(result),
      skippedRows: result.skipped.slice(0, SKIPPED_ROWS_LISTED).map(({ row, reason }) => ({ row, reason })),
      ignoredColumns: [...result.ignoredColumns],
      ignoredMeasures: merged.plan.ignoredMeasures.map((measure) => ({ measure, header: result.mapping[measure] ?? '' })),
      dateRange: result.dateRange ? { first: isoDate(result.dateRange.first), last: isoDate(result.dateRange.last) } : undefined,
      notes: [...result.notes],
      totals: Object.fromEntries(written.map((measure) => [measure, merged.plan.totals[measure] ?? 0])),
      mapping: Object.fromEntries(written.map((measure) => [measure, result.mapping[measure] ?? ''])),
      dataSheet: dataSheet!.getName(),
      granularity: merged.granularity,
      generatedSheets: generated.length > 0 ? generated.map((sheet) => sheet.getName()) : undefined,
    };
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // keep undoing the rest
      }
    }
    for (const sheet of [...generated].reverse()) {
      try {
        spreadsheet.deleteSheet(sheet);
      } catch {
        // leaving one sheet behind beats leaving all of them
      }
    }
    const message = errorMessage(error);
    const prefix = `${ctx.fn}: `;
    throw raceError(ctx, 'import.error.failed', { cause: message.startsWith(prefix) ? message.slice(prefix.length) : message });
  }
}

// ---------------------------------------------------------------------------------------------------
// The entry points.

function contextOf(fn: string, spreadsheet: Spreadsheet, language?: Language): CallContext {
  return { fn, language: language ?? spreadsheetLanguage(spreadsheet) };
}

export const getImportSources = defineServerFunction({
  name: 'getImportSources' as const,
  description: "Called by the sidebar: the spreadsheet's own sheets that can be imported (with their used rows and columns) and whether a RACE workbook exists.",
  params: [],
  returns: '{ sheets: { name, rows, columns }[], hasWorkbook }',
  run(): ImportSources {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    requireArgumentCount(contextOf('getImportSources', spreadsheet), arguments.length, 0);
    const sheets: ImportSources['sheets'] = [];
    let hasWorkbook = false;
    for (const sheet of spreadsheet.getSheets()) {
      const role = sheetRole(sheet);
      if (role === 'data') hasWorkbook = true;
      if (role === undefined) sheets.push({ name: sheet.getName(), rows: sheet.getLastRow(), columns: sheet.getLastColumn() });
    }
    return { sheets, hasWorkbook };
  },
});

export const analyzeSheetImport = defineServerFunction({
  name: 'analyzeSheetImport' as const,
  description: "Called by the sidebar: reads the first 200 rows of one of the spreadsheet's sheets (never writing it) and guesses the header row and each column's measure or dimension, applying the mapping remembered for this source.",
  params: [{ name: 'sheetName', description: 'The name of the sheet to import from.' }],
  returns: 'ImportAnalysis, plus remembered and rememberedChannel.',
  run(sheetName: string): RememberedAnalysis {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const ctx = contextOf('analyzeSheetImport', spreadsheet);
    requireArgumentCount(ctx, arguments.length, 1);
    const sheet = requireUserSheet(spreadsheet, ctx, 'sheetName', sheetName);
    const rows = readSheet(sheet, dateTextReader(spreadsheet), IMPORT_LIMITS.analyzeRows);
    if (rows.length === 0) throw raceError(ctx, 'import.error.empty', { arg: 'sheetName' });
    return withRemembered(spreadsheet, ctx, analyzeImport(rows, ctx.language));
  },
});

export const analyzeRowsImport = defineServerFunction({
  name: 'analyzeRowsImport' as const,
  description: 'Called by the sidebar: guesses the header row and the mapping of the first rows (at most 200) of a file or pasted text, applying the mapping remembered for this source.',
  params: [{ name: 'rows', description: 'The first rows as parsed in the sidebar: a list of rows, each a list of texts.' }],
  returns: 'ImportAnalysis, plus remembered and rememberedChannel.',
  run(rows: string[][]): RememberedAnalysis {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const ctx = contextOf('analyzeRowsImport', spreadsheet);
    requireArgumentCount(ctx, arguments.length, 1);
    const checked = requireRows(ctx, 'rows', rows, IMPORT_LIMITS.analyzeRows);
    return withRemembered(spreadsheet, ctx, analyzeImport(checked, ctx.language));
  },
});

export const stageImportRows = defineServerFunction({
  name: 'stageImportRows' as const,
  description: 'Called by the sidebar: keeps one chunk (at most 5,000 rows) of a file or pasted text in a hidden staging sheet, as plain text, until commitImport or discardImport. Chunks go in order from 0; a chunk sent again replaces itself.',
  params: [
    { name: 'importId', description: 'An id the sidebar chose for this import: letters, digits, "-" or "_".' },
    { name: 'chunkIndex', description: 'The chunk number, from 0, in order.' },
    { name: 'rows', description: 'The rows of this chunk: a list of rows, each a list of texts.' },
  ],
  returns: '{ stagedRows }: the rows staged so far.',
  run(importId: string, chunkIndex: number, rows: string[][]): { stagedRows: number } {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const ctx = contextOf('stageImportRows', spreadsheet);
    requireArgumentCount(ctx, arguments.length, 3);
    const id = requireImportId(ctx, 'importId', importId);
    if (typeof chunkIndex !== 'number' || !Number.isInteger(chunkIndex) || chunkIndex < 0) throw raceError(ctx, 'import.error.badChunk', { arg: 'chunkIndex', value: describeArgument(chunkIndex) });
    const checked = requireRows(ctx, 'rows', rows, IMPORT_LIMITS.stageRows);
    return withDocumentLock(ctx, 'import.error.busy', () => ({ stagedRows: stageRows(spreadsheet, ctx, id, chunkIndex, checked) }));
  },
});

export const commitImport = defineServerFunction({
  name: 'commitImport' as const,
  description: "Called by the sidebar: imports the source's rows into the workbook's Data sheet (generating the workbook first when there is none), all or nothing, under the document lock; rows with the same period, channel, campaign and segment replace earlier ones.",
  params: [{ name: 'request', description: '{ source, headerRow, targets, channel?, date?, language?, workbook?, dataSheet? }' }],
  returns: 'The import report: rows imported and skipped, columns ignored, date range, totals, mapping, Data sheet.',
  run(request: CommitImportRequest): ImportReport {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const requested = isPlainObject(request) && isLanguage(request.language) ? request.language : undefined;
    const ctx = contextOf('commitImport', spreadsheet, requested);
    requireArgumentCount(ctx, arguments.length, 1);
    const checked = requireRequest(ctx, request);
    return withDocumentLock(ctx, 'import.error.busy', () => commitImportRequest(spreadsheet, checked, ctx));
  },
});

export const discardImport = defineServerFunction({
  name: 'discardImport' as const,
  description: 'Called by the sidebar: deletes the staging sheet of an import that will not be committed.',
  params: [{ name: 'importId', description: 'The id given to stageImportRows.' }],
  returns: '{ discardedRows }: how many staged rows were dropped.',
  run(importId: string): { discardedRows: number } {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const ctx = contextOf('discardImport', spreadsheet);
    requireArgumentCount(ctx, arguments.length, 1);
    const id = requireImportId(ctx, 'importId', importId);
    if (!findStaging(spreadsheet, id)) throw raceError(ctx, 'import.error.noStaged', { arg: 'importId', value: describeArgument(id) });
    return withDocumentLock(ctx, 'import.error.busy', () => {
      const staging = findStaging(spreadsheet, id);
      if (!staging) return { discardedRows: 0 };
      spreadsheet.deleteSheet(staging.sheet);
      return { discardedRows: staging.chunks.reduce((sum, rows) => sum + rows, 0) };
    });
  },
});

