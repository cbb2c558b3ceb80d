// Where imported records land in a workbook's Data sheet: the pure half of commitImport. Records are
// summed per Data key (period, channel, campaign, segment); a key the table already has is replaced, a
// new key fills a blank spare row, and only when none is left is a row inserted inside the table.
import { isBlank, nameKey, type Cell } from '../cells';
import { periodStartOf, type Periodization } from '../calendar';
import { LANGUAGES, translate, type MessageKey } from '../i18n';
import { MEASURES, type MeasureId } from '../model/measures';
import { headerKey, recognizeDimension, recognizeMeasure, type DimensionId } from '../summary/vocabulary';
import type { CellInput } from '../workbook/spec';
import { textCell } from '../workbook/text';
import type { ImportRecord } from './types';

export type { Granularity } from '../calendar';

/** 0-based columns of the Data table, found by their headers (so a renamed or reordered model label works). */
export interface DataColumns {
  readonly period: number;
  readonly channel: number;
  readonly campaign?: number;
  readonly segment?: number;
  readonly measures: Readonly<Partial<Record<MeasureId, number>>>;
}

const DIMENSION_HEADER_KEYS: Partial<Record<DimensionId | 'period', MessageKey>> = {
  period: 'workbook.data.period',
  channel: 'workbook.data.channel',
  segment: 'workbook.data.segment',
  campaign: 'workbook.data.campaign',
};

/** The dimension a Data header names: the generated sheet's own words in any language, or the vocabulary's. */
function dataDimension(header: string): DimensionId | undefined {
  const key = headerKey(header);
  for (const [dimension, message] of Object.entries(DIMENSION_HEADER_KEYS) as [DimensionId | 'period', MessageKey][]) {
    if (LANGUAGES.some((language) => headerKey(translate(language, message)) === key)) return dimension === 'period' ? 'date' : dimension;
  }
  return recognizeDimension(header);
}

/** The Data table's columns from its header row; undefined without a period and a channel column. */
export function dataColumns(headers: readonly Cell[]): DataColumns | undefined {
  const dimensions: Partial<Record<DimensionId, number>> = {};
  const measures: Partial<Record<MeasureId, number>> = {};
  headers.forEach((cell, index) => {
    if (typeof cell !== 'string' || cell.trim() === '') return;
    const dimension = dataDimension(cell);
    if (dimension !== undefined) {
      dimensions[dimension] ??= index;
      return;
    }
    const measure = recognizeMeasure(cell);
    if (measure !== undefined) measures[measure.id] ??= index;
  });
  if (dimensions.date === undefined || dimensions.channel === undefined) return undefined;
  return { period: dimensions.date, channel: dimensions.channel, campaign: dimensions.campaign, segment: dimensions.segment, measures };
}

/** Records summed per Data key. Campaign and segment count only when the Data sheet has their column. */
export interface DataRow {
  readonly period: number;
  readonly channel: string;
  readonly campaign: string;
  readonly segment: string;
  readonly values: Partial<Record<MeasureId, number>>;
}

function rowKey(period: number, channel: string, campaign: string, segment: string): string {
  return `${period}\u0000${nameKey(channel)}\u0000${nameKey(campaign)}\u0000${nameKey(segment)}`;
}

/** Sums records per (period start, channel, campaign, segment), in the order keys first appear; periods as the workbook cuts them (periodStartOf). */
export function aggregateRecords(records: readonly ImportRecord[], periods: Periodization, columns: DataColumns): DataRow[] {
  const rows = new Map<string, DataRow>();
  for (const record of records) {
    const period = periodStartOf(record.date, periods);
    const campaign = columns.campaign === undefined ? '' : record.campaign.trim();
    const segment = columns.segment === undefined ? '' : record.segment.trim();
    const channel = record.channel.trim();
    const key = rowKey(period, channel, campaign, segment);
    let row = rows.get(key);
    if (!row) {
      row = { period, channel, campaign, segment, values: {} };
      rows.set(key, row);
    }
    for (const measure of MEASURES) {
      const value = record.values[measure];
      if (value !== undefined) row.values[measure] = (row.values[measure] ?? 0) + value;
    }
  }
  return [...rows.values()];
}

/** The Data table as read: cell values of rows 2.. (period cells already as serials or blank), and formulas. */
export interface DataTable {
  readonly columns: DataColumns;
  /** Row-major values, one entry per table row, at least as wide as every column in `columns`. */
  readonly rows: readonly (readonly Cell[])[];
  /** Formula text per cell ("" where none), same shape as `rows`: a row with a formula is never blank. */
  readonly formulas?: readonly (readonly string[])[];
  /** The period serial a period cell holds (a number, or a Date converted by the caller), else undefined. */
  readonly periodOf: (cell: Cell) => number | undefined;
}

export interface MergePlan {
  /** Table rows (0-based) to change, with the cells to write by 0-based column; other cells stay. */
  readonly updates: ReadonlyMap<number, ReadonlyMap<number, CellInput>>;
  /** Rows to insert inside the table, complete (null where nothing is written). */
  readonly inserted: readonly CellInput[][];
  /** Data rows written with imported figures (updated, spare rows filled, and inserted). */
  readonly rowsWritten: number;
  /** Existing rows whose imported measures held figures that the import replaced. */
  readonly rowsReplaced: number;
  /** Sum per written measure of what goes into the Data sheet. */
  readonly totals: Partial<Record<MeasureId, number>>;
  /** Imported measures the Data sheet has no column for (nothing of them is written). */
  readonly ignoredMeasures: readonly MeasureId[];
}

function isBlankRow(table: DataTable, index: number, columns: readonly number[]): boolean {
  const row = table.rows[index];
  if (table.formulas?.[index]?.some((formula) => formula !== '')) return false;
  return columns.every((column) => isBlank(row[column]));
}

/**
 * Plans the merge of `rows` (aggregated) into `table` for the `measures` the import carries. A key the
 * table already holds is replaced on its first row, and the imported measures of any later row with the
 * same key are cleared, so the sheet holds each key's figures once. Names keep the table's spelling.
 */
export function planMerge(table: DataTable, rows: readonly DataRow[], measures: readonly MeasureId[], width: number): MergePlan {
  const { columns } = table;
  const written = measures.filter((measure) => columns.measures[measure] !== undefined);
  const ignoredMeasures = measures.filter((measure) => columns.measures[measure] === undefined);
  const keyColumns = [columns.period, columns.channel, columns.campaign, columns.segment].filter((c): c is number => c !== undefined);
  const allColumns = [...keyColumns, ...MEASURES.flatMap((m) => (columns.measures[m] === undefined ? [] : [columns.measures[m]!]))];

  const text = (cell: Cell | undefined) => (typeof cell === 'string' ? cell : cell === undefined || cell === null ? '' : String(cell));
  const spelling = new Map<string, string>(); // nameKey -> the table's spelling, per dimension
  const existing = new Map<string, number[]>();
  const spare: number[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(table, index, allColumns)) {
      spare.push(index);
      return;
    }
    const dims = { channel: text(row[columns.channel]), campaign: columns.campaign === undefined ? '' : text(row[columns.campaign]), segment: columns.segment === undefined ? '' : text(row[columns.segment]) };
    for (const [dimension, name] of Object.entries(dims)) if (name.trim() !== '') spelling.set(`${dimension}:${nameKey(name)}`, name.trim());
    const period = table.periodOf(row[columns.period]);
    if (period === undefined) return;
    const key = rowKey(period, dims.channel, dims.campaign, dims.segment);
    const list = existing.get(key);
    if (list) list.push(index);
    else existing.set(key, [index]);
  });
  // A new row takes the table's spelling of a name it already uses ("Paid search", not "PAID SEARCH").
  const spelled = (dimension: string, name: string) => spelling.get(`${dimension}:${nameKey(name)}`) ?? name;

  const updates = new Map<number, Map<number, CellInput>>();
  const inserted: CellInput[][] = [];
  const totals: Partial<Record<MeasureId, number>> = {};
  let rowsReplaced = 0;
  const measureCells = (row: DataRow) => {
    const cells = new Map<number, CellInput>();
    for (const measure of written) {
      const value = row.values[measure];
      cells.set(columns.measures[measure]!, value ?? null);
      if (value !== undefined) totals[measure] = (totals[measure] ?? 0) + value;
    }
    return cells;
  };
  const holdsFigures = (index: number) =>
    written.some((measure) => {
      const column = columns.measures[measure]!;
      return !isBlank(table.rows[index][column]) || (table.formulas?.[index]?.[column] ?? '') !== '';
    });
  const newRowCells = (row: DataRow) => {
    const cells = measureCells(row);
    cells.set(columns.period, row.period);
    cells.set(columns.channel, textCell(spelled('channel', row.channel)));
    if (columns.campaign !== undefined) cells.set(columns.campaign, textCell(spelled('campaign', row.campaign)));
    if (columns.segment !== undefined) cells.set(columns.segment, textCell(spelled('segment', row.segment)));
    return cells;
  };

  let nextSpare = 0;
  for (const row of rows) {
    const matches = existing.get(rowKey(row.period, row.channel, row.campaign, row.segment));
    if (matches) {
      matches.forEach((index, i) => {
        if (holdsFigures(index)) rowsReplaced++;
        const cells = i === 0 ? measureCells(row) : new Map(written.map((measure) => [columns.measures[measure]!, null] as const));
        updates.set(index, cells);
      });
    } else if (nextSpare < spare.length) {
      updates.set(spare[nextSpare++], newRowCells(row));
    } else {
      const cells = newRowCells(row);
      inserted.push(Array.from({ length: width }, (_, column) => cells.get(column) ?? null));
    }
  }
  return { updates, inserted, rowsWritten: rows.length, rowsReplaced, totals, ignoredMeasures };
}
