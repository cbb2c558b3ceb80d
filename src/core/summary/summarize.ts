import { cellsOf, dateText, decimalMarkOf, describeValue, gridOf, quoteText, quotedList, isBlank, isDate, isNotAvailableText, nameKey, parseAmountText, type Arg, type Cell, type DecimalMark } from '../cells';
import { raceError, RaceError, type CallContext } from '../errors';
import { translate } from '../i18n';
import { LIFECYCLE_MEASURES, MEASURE_HEADERS, MEASURES, type MeasureId } from '../model/measures';
import { parseColumnMapping } from './mapping';
import { rateOrBlank, SUMMARY_RATES } from './rates';
import { findHeaderRow, isFunnelExploration } from '../import/analyze';
import { decideDecimalMark, decideDecimalMarks, isTextColumn } from '../import/columns';
import { isTotalLabel, isTotalOfOthers } from '../import/totals';
import { acceptedMeasureNames, bestColumns, headerKey, recognizeDimension, recognizeMeasure } from './vocabulary';

const TABLE = 'table';
const GROUP_BY = 'group_by';
const COLUMNS = 'columns';

/**
 * At most one column per measure, so at most MEASURES.length measure columns; the row loop has this many
 * slots (a test keeps MEASURES within it).
 */
export const MAX_MEASURE_COLUMNS = 16;

/** A column of the table read as a measure. */
interface MeasureColumn {
  readonly measure: MeasureId;
  readonly index: number;
}

interface Group {
  readonly label: string;
  /** One running sum per measure column, in the order of the measure columns. */
  readonly sums: Float64Array;
}

/** A header or group value as text: trimmed text, a number as written, a date as yyyy-mm-dd, "" for blank. */
function cellText(cell: Cell, ctx: CallContext): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return translate(ctx.language, cell ? 'value.true' : 'value.false');
  if (isDate(cell)) return dateText(ctx, cell);
  return '';
}

/** The measure columns: the `columns` mapping first, then recognized headers (best rank, then leftmost; see bestColumns). */
function measureColumns(ctx: CallContext, headers: readonly string[], columns: Arg, groupIndex: number): MeasureColumn[] {
  const keys = headers.map(headerKey);
  const chosen = new Map<MeasureId, number>();
  for (const [measure, header] of parseColumnMapping(ctx, columns, COLUMNS)) {
    const index = keys.indexOf(headerKey(header));
    if (index < 0) throw raceError(ctx, 'error.missingHeader', { arg: COLUMNS, value: quoteText(header), headers: quotedList(headers) });
    chosen.set(measure, index);
  }
  const mapped = new Set(chosen.values());
  for (const [measure, index] of bestColumns(headers, recognizeMeasure, (index) => index === groupIndex || mapped.has(index))) {
    if (!chosen.has(measure)) chosen.set(measure, index);
  }
  return MEASURES.filter((measure) => chosen.has(measure)).map((measure) => ({ measure, index: chosen.get(measure)! }));
}

/** The column `group_by` names: a header (compared as `headerKey`), else a dimension ("channel") of the vocabulary. */
function groupColumn(ctx: CallContext, headers: readonly string[], groupBy: Arg): number {
  const cells = cellsOf(groupBy);
  if (cells.length !== 1) throw raceError(ctx, 'error.singleCell', { arg: GROUP_BY, count: cells.length });
  const [cell] = cells;
  if (isBlank(cell)) return -1;
  const wanted = cellText(cell, ctx);
  const index = headers.findIndex((header) => headerKey(header) === headerKey(wanted));
  if (index >= 0) return index;
  const dimension = recognizeDimension(wanted);
  const byDimension = dimension === undefined ? -1 : headers.findIndex((header) => recognizeDimension(header) === dimension);
  if (byDimension >= 0) return byDimension;
  throw raceError(ctx, 'error.missingHeader', { arg: GROUP_BY, value: describeValue(ctx, cell), headers: quotedList(headers) });
}

/**
 * Why a column's total is NaN or infinite. Sheets never passes NaN or Infinity, so the row loop does not
 * test each number for it; a non-finite total sends us here to name the cell, or else the overflow.
 */
function nonFiniteError(ctx: CallContext, rows: Cell[][], headers: readonly string[], column: number): RaceError {
  const header = quoteText(headers[column]);
  for (let r = 1; r < rows.length; r++) {
    const value = rows[r][column];
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return raceError(ctx, 'error.notANumberInColumn', { arg: TABLE, header, row: r + 1, value: describeValue(ctx, value) });
    }
  }
  return raceError(ctx, 'error.sumTooLarge', { arg: TABLE, header });
}

/** Rows 0..n: a leading preamble (GA4 "#" lines, a report title) is skipped when the header row sits below it. */
function headerRowOf(rows: readonly Cell[][]): number {
  const first = rows[0];
  let filled = 0;
  for (const cell of first) if (!isBlank(cell)) filled++;
  const comment = typeof first[0] === 'string' && first[0].trimStart().startsWith('#');
  return filled >= 2 && !comment ? 0 : findHeaderRow(rows);
}

/**
 * RACE_SUMMARY's table: a header row, one row per group (first-seen order) and a Total row, with the
 * recognized volumes and the rates whose inputs are present. Every rate is sum/sum over the group.
 * Total rows of exports are left out (see import/totals): labelled ones in the row pass, unlabelled ones
 * (blank dimensions, numbers that total the other rows) after it. One pass over the rows; numbers take a
 * typeof fast path; text goes through the import's amount rules ("--" blank, currency, the column's decimal mark).
 */
export function summarize(ctx: CallContext, table: Arg, groupBy: Arg, columns: Arg): Cell[][] {
  if (!Array.isArray(table) || table.length < 2) throw raceError(ctx, 'error.headerOnly', { arg: TABLE });
  // Sheets always hands over rows as arrays; anything else (a hand-built 1-D list) is normalized once.
  const rows = Array.isArray(table[0]) ? table : gridOf(table);
  const language = ctx.language;
  const headerRow = headerRowOf(rows);
  const firstRow = headerRow + 1;
  if (firstRow >= rows.length) throw raceError(ctx, 'error.headerOnly', { arg: TABLE });
  const headers = rows[headerRow].map((cell) => cellText(cell, ctx));
  if (isFunnelExploration(headers)) throw raceError(ctx, 'error.funnelExploration', { arg: TABLE });
  const groupIndex = groupColumn(ctx, headers, groupBy);
  const measures = measureColumns(ctx, headers, columns, groupIndex);
  // Costs and revenue alone make no funnel: at least one stage volume is needed.
  if (!measures.some((column) => (LIFECYCLE_MEASURES as readonly MeasureId[]).includes(column.measure))) {
    throw raceError(ctx, 'error.noMeasures', { arg: TABLE, headers: quotedList(headers), accepted: acceptedMeasureNames().join(', ') });
  }

  const width = measures.length;
  // Exports write a total row's label ("Total: Campaigns") in their first column: that column and the
  // group column (its labels are checked once per distinct text, in groupOf) are where labels are looked
  // for. The word columns other than the measures (not dates, not numbers such as CTR) are the
  // dimensions that are all blank on an unlabelled total.
  const measureIndexes = new Set(measures.map((column) => column.index));
  const labelColumn = measureIndexes.has(0) || groupIndex === 0 ? -1 : 0;
  const dimensionColumns: number[] = groupIndex >= 0 ? [groupIndex] : [];
  headers.forEach((header, c) => {
    if (measureIndexes.has(c) || c === groupIndex) return;
    if (recognizeDimension(header) !== 'date' && isTextColumn(rows, firstRow, rows.length, c)) dimensionColumns.push(c);
  });
  const pass = new SummaryPass(ctx, rows, firstRow, headers, measures, translate(language, 'value.blank'));
  sumRows(pass, rows, firstRow, groupIndex, labelColumn, dimensionColumns);
  const { order, blankGroup, candidates } = pass;
  let { blankRows } = pass;

  const totals = groupIndex >= 0 ? new Float64Array(width) : blankGroup.sums;
  if (groupIndex >= 0) for (const group of order) for (let j = 0; j < width; j++) totals[j] += group.sums[j];

  // Unlabelled totals (Meta's account total, GA4's grand total under the header): taken out again.
  let others = pass.countedRows - 1;
  const rowVector = (r: number): Float64Array => {
    const vector = new Float64Array(width);
    for (let j = 0; j < width; j++) {
      const value = rows[r][measures[j].index];
      vector[j] = typeof value === 'number' ? value : (pass.readSlow(j, value, r) ?? NaN);
    }
    return vector;
  };
  const isLabelled = (row: Cell[]): boolean =>
    [groupIndex, labelColumn].some((c) => c >= 0 && typeof row[c] === 'string' && isTotalLabel(row[c] as string));
  for (const r of candidates) {
    const vector = rowVector(r);
    const maxOthers = r === pass.firstCountedRow ? columnMaxima(rows, r, rowVector, isLabelled, width) : undefined;
    if (!isTotalOfOthers(vector, totals, others, maxOthers)) continue;
    others--;
    blankRows--;
    for (let j = 0; j < width; j++) {
      if (Number.isNaN(vector[j])) continue;
      if (groupIndex >= 0) totals[j] -= vector[j];
      blankGroup.sums[j] -= vector[j];
    }
  }
  if (blankRows === 0 && order.includes(blankGroup)) order.splice(order.indexOf(blankGroup), 1); // it held only totals
  totals.forEach((total, slot) => {
    if (!Number.isFinite(total)) throw nonFiniteError(ctx, rows, headers, measures[slot].index);
  });

  const position = new Map(measures.map((column, j) => [column.measure, j]));
  const rates = SUMMARY_RATES.filter((rate) => position.has(rate.numerator) && position.has(rate.denominator));
  const rowOf = (label: string, sums: Float64Array): Cell[] => [
    label,
    ...sums,
    ...rates.map((rate) => rateOrBlank(sums[position.get(rate.numerator)!], sums[position.get(rate.denominator)!])),
  ];
  const groupHeader = groupIndex >= 0 ? headers[groupIndex] : translate(language, 'summary.group');
  const listed = groupIndex >= 0 ? order : [];
  return [
    [groupHeader, ...measures.map((column) => MEASURE_HEADERS[column.measure][language]), ...rates.map((rate) => translate(language, rate.label))],
    ...listed.map((group) => rowOf(group.label, group.sums)),
    rowOf(translate(language, 'summary.total'), totals),
  ];
}

/** Each measure's largest value over the rows below `first` (for a total in the first data row only), labelled totals left out. */
function columnMaxima(
  rows: readonly Cell[][],
  first: number,
  rowVector: (r: number) => Float64Array,
  isLabelled: (row: Cell[]) => boolean,
  width: number,
): Float64Array {
  const maxima = new Float64Array(width).fill(-Infinity);
  for (let r = first + 1; r < rows.length; r++) {
    if (isLabelled(rows[r])) continue;
    const vector = rowVector(r);
    for (let j = 0; j < width; j++) if (vector[j] > maxima[j]) maxima[j] = vector[j];
  }
  return maxima;
}

/** The state of one pass over the rows, with its cold paths as methods (one class, so calls stay monomorphic). */
class SummaryPass {
  readonly order: Group[] = [];
  readonly blankGroup: Group;
  /** Rows labelled as totals ("Total: Campaigns") land here and are never listed or added up. */
  readonly totalGroup: Group;
  /** By nameKey (trimmed, case ignored as SUMIFS ignores it, as the import merges); labelled with the first spelling seen. */
  readonly groups = new Map<string, Group>();
  // By the raw text of the cell, so the hot path is one Map lookup ("Paid ", "paid" and "Paid" share a group).
  readonly groupsByText: Map<string, Group>;
  /** Rows whose dimensions are all blank: checked after the pass for being totals of the others. */
  readonly candidates: number[] = [];
  countedRows = 0;
  firstCountedRow = -1;
  blankRows = 0;
  private marks: DecimalMark[] | undefined;

  constructor(
    private readonly ctx: CallContext,
    private readonly rows: readonly Cell[][],
    private readonly firstRow: number,
    private readonly headers: readonly string[],
    readonly measures: readonly MeasureColumn[],
    blankLabel: string,
  ) {
    this.blankGroup = { label: blankLabel, sums: new Float64Array(measures.length) };
    this.totalGroup = { label: '', sums: new Float64Array(measures.length) };
    this.groupsByText = new Map([['', this.blankGroup]]);
  }

  /** Cold path for group values seen for the first time as text, and for numbers, dates and booleans. */
  groupOf(cell: Cell): Group {
    if (isBlank(cell)) return this.blankGroup;
    if (typeof cell === 'string' && isTotalLabel(cell)) return this.totalGroup;
    const label = cellText(cell, this.ctx);
    const key = nameKey(label);
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { label, sums: new Float64Array(this.measures.length) };
      this.groups.set(key, group);
      this.order.push(group);
    }
    return group;
  }

  /**
   * The decimal mark of a text: the one it shows ("1,234.5", "1,5"); for a text that reads either way
   * ("1,234"), its column's, decided (one pass per column) the first time such a text comes.
   */
  private markOf(slot: number, text: string): DecimalMark {
    const hint = decimalMarkOf(text);
    if (hint !== 'ambiguous') return hint === 'comma' ? 'comma' : 'point';
    this.marks ??= decideDecimalMarks(
      this.measures.map((column) => decideDecimalMark(this.rows, this.firstRow, this.rows.length, column.index)),
      this.measures.map((column) => this.headers[column.index]),
    ).marks;
    return this.marks[slot];
  }

  /** A measure cell that is not a number: its value, undefined for a blank ("", "--", "N/A"), or an error. */
  readSlow(slot: number, value: Cell, rowIndex: number): number | undefined {
    if (value === '' || value === null || value === undefined) return undefined;
    if (typeof value === 'string') {
      const read = parseAmountText(value, this.markOf(slot, value));
      if (read !== undefined) return read;
      if (isNotAvailableText(value) || isBlank(value)) return undefined;
    }
    throw raceError(this.ctx, 'error.notANumberInColumn', {
      arg: TABLE,
      header: quoteText(this.headers[this.measures[slot].index]),
      row: rowIndex + 1,
      value: describeValue(this.ctx, value),
    });
  }

  /** Cold path for anything but a number: adds what readSlow reads, returns 1 when it read a number. */
  addSlow(sums: Float64Array, slot: number, value: Cell, rowIndex: number): number {
    if (value === '' || value === null || value === undefined) return 0;
    const read = this.readSlow(slot, value, rowIndex);
    if (read === undefined) return 0;
    sums[slot] += read;
    return 1;
  }
}

/**
 * The one pass over the rows, a function of its own so that it stays optimized from call to call (the
 * table building after it deoptimizes now and then, which would otherwise take this loop down with it).
 * The row body is written out once per measure slot on purpose: V8 keeps type feedback per source
 * position, so a slot that only sees small integers (visits) and one that sees boxed doubles (revenue)
 * each keep their fast path. One shared inner loop over the slots ran about 1.5 times as slow (measured
 * on bench/data.ts rows).
 */
function sumRows(pass: SummaryPass, rows: readonly Cell[][], firstRow: number, groupIndex: number, labelColumn: number, dimensionColumns: readonly number[]): void {
  const width = pass.measures.length;
  const [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15] = Array.from(
    { length: MAX_MEASURE_COLUMNS },
    (_, slot) => (slot < width ? pass.measures[slot].index : -1),
  );
  const wide = width > 8;
  const blankGroup = pass.blankGroup;
  const totalGroup = pass.totalGroup;
  const groupsByText = pass.groupsByText;
  const dimensionCount = dimensionColumns.length;
  for (let r = firstRow; r < rows.length; r++) {
    const row = rows[r];
    let group = blankGroup;
    if (groupIndex >= 0) {
      const cell = row[groupIndex];
      if (typeof cell === 'string') {
        const known = groupsByText.get(cell);
        if (known === undefined) groupsByText.set(cell, (group = pass.groupOf(cell)));
        else group = known;
      } else if (cell !== null && cell !== undefined) {
        group = pass.groupOf(cell);
      }
    }
    if (group === totalGroup) continue;
    if (labelColumn >= 0) {
      const cell = row[labelColumn];
      if (typeof cell === 'string' && isTotalLabel(cell)) continue;
    }
    const s = group.sums;
    let present = 0;
    if (c0 >= 0) { const v = row[c0]; if (typeof v === 'number') { s[0] += v; present++; } else present += pass.addSlow(s, 0, v, r); }
    if (c1 >= 0) { const v = row[c1]; if (typeof v === 'number') { s[1] += v; present++; } else present += pass.addSlow(s, 1, v, r); }
    if (c2 >= 0) { const v = row[c2]; if (typeof v === 'number') { s[2] += v; present++; } else present += pass.addSlow(s, 2, v, r); }
    if (c3 >= 0) { const v = row[c3]; if (typeof v === 'number') { s[3] += v; present++; } else present += pass.addSlow(s, 3, v, r); }
    if (c4 >= 0) { const v = row[c4]; if (typeof v === 'number') { s[4] += v; present++; } else present += pass.addSlow(s, 4, v, r); }
    if (c5 >= 0) { const v = row[c5]; if (typeof v === 'number') { s[5] += v; present++; } else present += pass.addSlow(s, 5, v, r); }
    if (c6 >= 0) { const v = row[c6]; if (typeof v === 'number') { s[6] += v; present++; } else present += pass.addSlow(s, 6, v, r); }
    if (c7 >= 0) { const v = row[c7]; if (typeof v === 'number') { s[7] += v; present++; } else present += pass.addSlow(s, 7, v, r); }
    if (wide) {
      if (c8 >= 0) { const v = row[c8]; if (typeof v === 'number') { s[8] += v; present++; } else present += pass.addSlow(s, 8, v, r); }
      if (c9 >= 0) { const v = row[c9]; if (typeof v === 'number') { s[9] += v; present++; } else present += pass.addSlow(s, 9, v, r); }
      if (c10 >= 0) { const v = row[c10]; if (typeof v === 'number') { s[10] += v; present++; } else present += pass.addSlow(s, 10, v, r); }
      if (c11 >= 0) { const v = row[c11]; if (typeof v === 'number') { s[11] += v; present++; } else present += pass.addSlow(s, 11, v, r); }
      if (c12 >= 0) { const v = row[c12]; if (typeof v === 'number') { s[12] += v; present++; } else present += pass.addSlow(s, 12, v, r); }
      if (c13 >= 0) { const v = row[c13]; if (typeof v === 'number') { s[13] += v; present++; } else present += pass.addSlow(s, 13, v, r); }
      if (c14 >= 0) { const v = row[c14]; if (typeof v === 'number') { s[14] += v; present++; } else present += pass.addSlow(s, 14, v, r); }
      if (c15 >= 0) { const v = row[c15]; if (typeof v === 'number') { s[15] += v; present++; } else present += pass.addSlow(s, 15, v, r); }
    }
    if (present === 0) continue; // a blank row
    pass.countedRows++;
    if (pass.firstCountedRow < 0) pass.firstCountedRow = r;
    if (group === blankGroup && pass.blankRows++ === 0) pass.order.push(blankGroup);
    // A row of a non-blank group has a dimension; only rows of the blank group (all rows when ungrouped) need looking at.
    if (dimensionCount > 0 && group === blankGroup) {
      let allBlank = true;
      for (let k = 0; k < dimensionCount && allBlank; k++) {
        const cell = row[dimensionColumns[k]];
        allBlank = cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && isBlank(cell));
      }
      if (allBlank) pass.candidates.push(r);
    }
  }
}
