// The SpreadsheetApp side of importing: reading a sheet in fixed-size chunks, the hidden staging sheet,
// the remembered mappings, and writing a merge plan into the Data sheet all or nothing. The decisions
// (what goes where) are made in src/core/import; only calls to SpreadsheetApp live here.
import { isDate, localDateText, type Cell } from '../core/cells';
import { raceError, type CallContext } from '../core/errors';
import { translate } from '../core/i18n';
import { parseDateText } from '../core/import/date-text';
import { inferPeriodization, periodStartOf, type Granularity, type Periodization } from '../core/calendar';
import { aggregateRecords, dataColumns, planMerge, type DataColumns, type MergePlan } from '../core/import/merge';
import type { ImportRecord, ImportTarget } from '../core/import/types';
import type { MeasureId } from '../core/model/measures';
import { DATE_FORMAT } from '../core/workbook/data-sheet';
import { SHEET_METADATA_KEY, type CellInput } from '../core/workbook/spec';
import { textCell } from '../core/workbook/text';
import { fitGrid } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Rows per getValues/setValues call. 5,000 rows x 12 columns is 60,000 cells: far under what one call
 * carries, few enough that a call stays short, and a 100,000-row export takes 20 reads. A constant, so
 * calls grow with the chunk count only, never with cells.
 */
export const CHUNK_ROWS = 5000;

/** What the import may read, stage and remember. */
export const IMPORT_LIMITS = {
  /** Rows the analysis reads (the header and the column samples are in the first rows). */
  analyzeRows: 200,
  /** Rows per stageImportRows call: a chunk of rows as the sidebar sends it. */
  stageRows: CHUNK_ROWS,
  columns: 200,
  /** Sheets' own limit on the text of one cell. */
  cellText: 50000,
  /** Cells one import may stage (Sheets caps a whole spreadsheet at 10 million). */
  stagedCells: 5_000_000,
  /** Sources whose mapping the document remembers (the oldest is forgotten first). */
  rememberedSources: 20,
  importId: 64,
} as const;

/** Developer-metadata values and keys of the import. */
export const STAGING_ROLE = 'importStaging';
const STAGING_ID_KEY = 'race.import.id';
const STAGING_CHUNKS_KEY = 'race.import.chunks';
const MAPPING_KEY = 'race.import.mapping';
const PLAIN_TEXT = '@';

/** The role tag (SHEET_METADATA_KEY) of each sheet the add-on created; user sheets have none. */
export function sheetRole(sheet: Sheet): string | undefined {
  for (const metadata of sheet.getDeveloperMetadata()) if (metadata.getKey() === SHEET_METADATA_KEY) return metadata.getValue() ?? '';
  return undefined;
}

/**
 * A date cell's day as yyyy-mm-dd in the spreadsheet's time zone (Sheets hands a date over as an instant,
 * and the script's zone may differ); the time of day is dropped, since periods are whole days. Cached per instant.
 */
export function dateTextReader(spreadsheet: Spreadsheet): (date: Date) => string {
  const cache = new Map<number, string>();
  let zone: string | null | undefined;
  return (date) => {
    const time = date.getTime();
    let text = cache.get(time);
    if (text === undefined) {
      if (zone === undefined) zone = typeof Utilities === 'undefined' ? null : spreadsheet.getSpreadsheetTimeZone() || null;
      text = zone === null ? localDateText(date).slice(0, 10) : Utilities.formatDate(date, zone, 'yyyy-MM-dd');
      cache.set(time, text);
    }
    return text;
  };
}

/**
 * Rows `first`..`first + count - 1` (1-based) of `width` columns, CHUNK_ROWS per getValues call. Date
 * cells become their yyyy-mm-dd text, as the cleaning rules read dates from text.
 */
export function readRows(sheet: Sheet, first: number, count: number, width: number, dateText: (date: Date) => string): Cell[][] {
  const rows: Cell[][] = [];
  for (let start = first; start < first + count; start += CHUNK_ROWS) {
    const block = sheet.getRange(start, 1, Math.min(CHUNK_ROWS, first + count - start), width).getValues();
    for (const row of block) {
      for (let c = 0; c < row.length; c++) if (isDate(row[c])) row[c] = dateText(row[c] as Date);
      rows.push(row as Cell[]);
    }
  }
  return rows;
}

/** The used rows of a sheet (never written: read only). */
export function readSheet(sheet: Sheet, dateText: (date: Date) => string, limit?: number): Cell[][] {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return [];
  return readRows(sheet, 1, limit === undefined ? lastRow : Math.min(limit, lastRow), lastColumn, dateText);
}

// ---------------------------------------------------------------------------------------------------
// Staging: file and pasted rows wait in a hidden sheet until commit or discard.

export interface StagingSheet {
  sheet: Sheet;
  /** Rows of each chunk received, in order. */
  chunks: number[];
}

export function findStaging(spreadsheet: Spreadsheet, importId: string): StagingSheet | undefined {
  for (const sheet of spreadsheet.getSheets()) {
    let id: string | null = null;
    let chunks: number[] = [];
    let role: string | null = null;
    for (const metadata of sheet.getDeveloperMetadata()) {
      const key = metadata.getKey();
      if (key === SHEET_METADATA_KEY) role = metadata.getValue();
      else if (key === STAGING_ID_KEY) id = metadata.getValue();
      else if (key === STAGING_CHUNKS_KEY) chunks = JSON.parse(metadata.getValue() ?? '[]') as number[];
    }
    if (role === STAGING_ROLE && id === importId) return { sheet, chunks };
  }
  return undefined;
}

function stagedRowCount(chunks: readonly number[]): number {
  return chunks.reduce((sum, rows) => sum + rows, 0);
}

/**
 * Writes chunk `chunkIndex` into the import's staging sheet (created hidden on the first chunk): the
 * next chunk is appended, a chunk sent again with the same rows is rewritten in place. Cells are set to
 * plain text before the values, so no text becomes a formula, a number or a date. The caller holds the lock.
 */
export function stageRows(spreadsheet: Spreadsheet, ctx: CallContext, importId: string, chunkIndex: number, rows: string[][]): number {
  let staging = findStaging(spreadsheet, importId);
  const chunks = staging?.chunks ?? [];
  if (chunkIndex > chunks.length || (chunkIndex < chunks.length && chunks[chunkIndex] !== rows.length)) {
    throw raceError(ctx, 'import.error.chunkOrder', { arg: 'chunkIndex', value: chunkIndex, expected: chunks.length });
  }
  const width = Math.max(1, ...rows.map((row) => row.length));
  const firstRow = 1 + stagedRowCount(chunks.slice(0, chunkIndex));
  const lastRow = firstRow + rows.length - 1;
  let created: Sheet | undefined;
  try {
    if (!staging) {
      const active = spreadsheet.getActiveSheet();
      const taken = spreadsheet.getSheets().map((sheet) => sheet.getName());
      let name = translate(ctx.language, 'import.stagingSheet');
      for (let n = 2; taken.some((t) => t.toLowerCase() === name.toLowerCase()); n++) name = `${translate(ctx.language, 'import.stagingSheet')} ${n}`;
      created = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
      created.addDeveloperMetadata(SHEET_METADATA_KEY, STAGING_ROLE);
      created.addDeveloperMetadata(STAGING_ID_KEY, importId);
      created.addDeveloperMetadata(STAGING_CHUNKS_KEY, '[]');
      spreadsheet.setActiveSheet(active); // insertSheet made it active; the user stays where they were
      created.hideSheet();
      fitGrid(created, lastRow, width);
      staging = { sheet: created, chunks: [] };
    }
    const sheet = staging.sheet;
    const columns = Math.max(width, sheet.getMaxColumns());
    if (columns * Math.max(lastRow, stagedRowCount(chunks)) > IMPORT_LIMITS.stagedCells) {
      throw raceError(ctx, 'import.error.tooLarge', { max: IMPORT_LIMITS.stagedCells });
    }
    if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const block = sheet.getRange(firstRow, 1, rows.length, columns);
    block.setNumberFormat(PLAIN_TEXT);
    block.setValues(rows.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? '')));
    if (chunkIndex === chunks.length) {
      const updated = [...chunks, rows.length];
      for (const metadata of sheet.getDeveloperMetadata()) if (metadata.getKey() === STAGING_CHUNKS_KEY) metadata.setValue(JSON.stringify(updated));
    }
    return stagedRowCount(chunkIndex === chunks.length ? [...chunks, rows.length] : chunks);
  } catch (error) {
    if (created) {
      try {
        spreadsheet.deleteSheet(created);
      } catch {
        // the error below still says what went wrong
      }
    }
    throw error;
  }
}

/** Every staged row, CHUNK_ROWS per read; staged cells are plain text, so they come back as typed. */
export function readStaged(staging: StagingSheet): Cell[][] {
  const rows = stagedRowCount(staging.chunks);
  if (rows === 0) return [];
  return readRows(staging.sheet, 1, rows, staging.sheet.getMaxColumns(), (date) => localDateText(date));
}

// ---------------------------------------------------------------------------------------------------
// The mapping remembered per source: spreadsheet-level developer metadata, one entry per source key.

export interface RememberedMapping {
  sourceKey: string;
  /** Target per source header (trimmed). */
  targets: Record<string, ImportTarget>;
  channel?: string;
}

function rememberedEntries(spreadsheet: Spreadsheet): { metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata; value: RememberedMapping }[] {
  const entries: { metadata: GoogleAppsScript.Spreadsheet.DeveloperMetadata; value: RememberedMapping }[] = [];
  for (const metadata of spreadsheet.getDeveloperMetadata()) {
    if (metadata.getKey() !== MAPPING_KEY) continue;
    try {
      const value = JSON.parse(metadata.getValue() ?? '') as RememberedMapping;
      if (typeof value?.sourceKey === 'string' && typeof value.targets === 'object' && value.targets !== null) entries.push({ metadata, value });
    } catch {
      // a damaged entry is ignored (and replaced the next time this source is imported)
    }
  }
  return entries;
}

export function recallMapping(spreadsheet: Spreadsheet, sourceKey: string): RememberedMapping | undefined {
  return rememberedEntries(spreadsheet).find((entry) => entry.value.sourceKey === sourceKey)?.value;
}

/**
 * Remembers `mapping` for its source (replacing an earlier one, forgetting the oldest beyond the
 * limit). Returns an undo that puts the metadata back as it was, for a commit that fails later.
 */
export function rememberMapping(spreadsheet: Spreadsheet, mapping: RememberedMapping): () => void {
  const entries = rememberedEntries(spreadsheet);
  const json = JSON.stringify(mapping);
  const same = entries.find((entry) => entry.value.sourceKey === mapping.sourceKey);
  const undo: (() => void)[] = [];
  try {
    if (same) {
      const previous = same.metadata.getValue() ?? '';
      same.metadata.setValue(json);
      undo.push(() => same.metadata.setValue(previous));
    } else {
      const forgotten = entries.slice(0, Math.max(0, entries.length + 1 - IMPORT_LIMITS.rememberedSources));
      for (const entry of forgotten) {
        const previous = entry.metadata.getValue() ?? '';
        entry.metadata.remove();
        undo.push(() => spreadsheet.addDeveloperMetadata(MAPPING_KEY, previous));
      }
      spreadsheet.addDeveloperMetadata(MAPPING_KEY, json);
      undo.push(() => {
        for (const metadata of spreadsheet.getDeveloperMetadata()) if (metadata.getKey() === MAPPING_KEY && metadata.getValue() === json) metadata.remove();
      });
    }
  } catch (error) {
    runUndo(undo);
    throw error;
  }
  return () => runUndo(undo);
}

function runUndo(steps: (() => void)[]): void {
  for (const step of [...steps].reverse()) {
    try {
      step();
    } catch {
      // keep undoing the rest
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The Data sheet.

/** The first sheet tagged as a workbook's Data sheet, in tab order. */
export function findDataSheet(spreadsheet: Spreadsheet): Sheet | undefined {
  return spreadsheet.getSheets().find((sheet) => sheetRole(sheet) === 'data');
}

export interface DataMergeResult {
  plan: MergePlan;
  granularity: Granularity;
  columns: DataColumns;
  /** Undoes every change to the Data sheet (values written, rows inserted). */
  undo: () => void;
}

/** A cell as read, written back unchanged: its formula, text kept as text, or the value. */
function originalCell(value: unknown, formula: string): unknown {
  if (formula !== '') return formula;
  if (typeof value === 'string') return value === '' ? null : textCell(value);
  return value;
}

/**
 * Merges `records` into the Data sheet: reads its header row and table (CHUNK_ROWS per call, values
 * and formulas), plans the merge in the core, writes the changed span of rows back in chunks, then
 * inserts new rows before the table's last row (so every formula range over the table widens) and
 * writes them. On failure everything is put back and the error rethrown; on success the undo is
 * returned, for a later step of the commit that fails. The caller holds the document lock.
 */
export function mergeIntoData(
  sheet: Sheet,
  records: readonly ImportRecord[],
  measures: readonly MeasureId[],
  fallback: Periodization,
  ctx: CallContext,
  dateText: (date: Date) => string,
): DataMergeResult {
  const width = sheet.getLastColumn();
  const lastRow = sheet.getMaxRows();
  const header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  const columns = dataColumns(header as Cell[]);
  if (!columns || lastRow < 2) throw raceError(ctx, 'import.error.noDataColumns', { value: sheet.getName() });
  const values: Cell[][] = [];
  const formulas: string[][] = [];
  for (let start = 2; start <= lastRow; start += CHUNK_ROWS) {
    const range = sheet.getRange(start, 1, Math.min(CHUNK_ROWS, lastRow - start + 1), width);
    values.push(...(range.getValues() as Cell[][]));
    formulas.push(...range.getFormulas());
  }
  const periodOf = (cell: Cell): number | undefined => {
    if (typeof cell === 'number') return cell;
    if (isDate(cell)) return parseDateText(dateText(cell), 'dmy') // yyyy-mm-dd: the order does not matter;
    return undefined;
  };
  const periods = values.map((row) => periodOf(row[columns.period])).filter((p): p is number => p !== undefined);
  // The periods as the sheet's own dates show them cut (week start, calendar), else as the workbook is set.
  const periodization = inferPeriodization(periods) ?? fallback;
  const { granularity } = periodization;
  const table = {
    columns,
    rows: values,
    formulas,
    periodOf: (cell: Cell) => {
      const serial = periodOf(cell);
      return serial === undefined ? undefined : periodStartOf(serial, periodization);
    },
  };
  const plan = planMerge(table, aggregateRecords(records, periodization, columns), measures, width);

  const updated = [...plan.updates.keys()].sort((a, b) => a - b);
  const spanFirst = updated[0];
  const spanLast = updated[updated.length - 1];
  const undo: (() => void)[] = [];
  const writeSpan = (cells: (index: number, column: number) => unknown) => {
    for (let first = spanFirst; first <= spanLast; first += CHUNK_ROWS) {
      const count = Math.min(CHUNK_ROWS, spanLast - first + 1);
      const block = Array.from({ length: count }, (_, r) => Array.from({ length: width }, (_, c) => cells(first + r, c)));
      sheet.getRange(2 + first, 1, count, width).setValues(block);
    }
  };
  try {
    if (updated.length > 0) {
      undo.push(() => writeSpan((index, column) => originalCell(values[index][column], formulas[index][column])));
      writeSpan((index, column) => {
        const change = plan.updates.get(index)?.get(column);
        return change !== undefined ? change : originalCell(values[index][column], formulas[index][column]);
      });
    }
    if (plan.inserted.length > 0) {
      const count = plan.inserted.length;
      // Formats of the table's last row (a spare input row when the table is the generated one).
      const template = sheet.getRange(lastRow, 1, 1, width);
      const formats = template.getNumberFormats()[0].map((format, c) => (c === columns.period ? DATE_FORMAT : format));
      const backgrounds = template.getBackgrounds()[0];
      sheet.insertRowsBefore(lastRow, count);
      undo.push(() => sheet.deleteRows(lastRow, count));
      for (let first = 0; first < count; first += CHUNK_ROWS) {
        const rows = plan.inserted.slice(first, first + CHUNK_ROWS);
        const block = sheet.getRange(lastRow + first, 1, rows.length, width);
        block.setNumberFormats(rows.map(() => formats));
        block.setBackgrounds(rows.map(() => backgrounds));
        block.setValues(rows as CellInput[][]);
      }
    }
  } catch (error) {
    runUndo(undo);
    throw error;
  }
  return { plan, granularity, columns, undo: () => runUndo(undo) };
}
