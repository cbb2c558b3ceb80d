import { isBlank, isNotAvailableText, parseAmountText, quoteText, quotedList, type Cell, type DecimalMark } from '../cells';
import { raceError, type CallContext } from '../errors';
import { MEASURES, type MeasureId } from '../model/measures';
import { DIMENSIONS, type DimensionId } from '../summary/vocabulary';
import { isFunnelExploration, preambleDateRange, sourceText } from './analyze';
import { decideDayMonthOrder, decideDecimalMark, decideDecimalMarks, defaultDayMonthOrder, isTextColumn } from './columns';
import { dateCellSerial, parseDateText, type DayMonthOrder } from './date-text';
import { isTotalLabel, isTotalOfOthers } from './totals';
import type { ColumnNote, ImportPlan, ImportRecord, ImportResult, SkippedRow, SourceRows } from './types';

const MEASURE_SET: ReadonlySet<string> = new Set(MEASURES);
const DIMENSION_SET: ReadonlySet<string> = new Set(DIMENSIONS);

interface MeasureColumn {
  readonly measure: MeasureId;
  readonly index: number;
  readonly header: string;
}

/** The columns a plan maps, checked: each target fed by one column at most, at least one measure. */
function plannedColumns(ctx: CallContext, plan: ImportPlan, headers: readonly string[]) {
  const measures: MeasureColumn[] = [];
  const dimensions: Partial<Record<DimensionId, number>> = {};
  const seen = new Map<string, number>();
  for (const [key, target] of Object.entries(plan.mapping)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      throw raceError(ctx, 'import.error.badColumn', { value: key, count: headers.length });
    }
    if (target === 'ignore') continue;
    if (!MEASURE_SET.has(target) && !DIMENSION_SET.has(target)) {
      throw raceError(ctx, 'import.error.badTarget', { value: quoteText(String(target)), header: quoteText(headers[index]) });
    }
    const other = seen.get(target);
    if (other !== undefined) {
      throw raceError(ctx, 'import.error.duplicateTarget', { target, header: quoteText(headers[other]), other: quoteText(headers[index]) });
    }
    seen.set(target, index);
    if (MEASURE_SET.has(target)) measures.push({ measure: target as MeasureId, index, header: headers[index] });
    else dimensions[target as DimensionId] = index;
  }
  if (measures.length === 0) throw raceError(ctx, 'import.error.noMeasure', { headers: quotedList(headers.filter((h) => h !== '')) });
  // Measures in catalogue order, whatever the column order.
  measures.sort((a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure));
  return { measures, dimensions };
}

function isBlankRow(row: readonly Cell[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** Text of a dimension cell, trimmed, with the trimmed form of each distinct raw text kept (dimension values repeat). */
function textReader(): (cell: Cell) => string {
  const cache = new Map<string, string>();
  return (cell) => {
    if (typeof cell === 'string') {
      let text = cache.get(cell);
      if (text === undefined) cache.set(cell, (text = cell.trim()));
      return text;
    }
    return sourceText(cell);
  };
}

/**
 * Cleans an export's rows by the plan: drops total rows (labelled, or unlabelled totals of the other
 * rows), reads "--", "N/A", "(not set)" as blank, amounts with currency by each column's decimal mark,
 * a trailing "%" as a percent, dates of every common form (day/month order decided per column) as
 * serials; rows that cannot be read are skipped with the reason. One decision pass per amount and date
 * column, then one pass over the rows.
 */
export function cleanImport(rows: SourceRows, plan: ImportPlan, ctx: CallContext): ImportResult {
  const headerRow = plan.headerRow;
  if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= rows.length) {
    throw raceError(ctx, 'import.error.badHeaderRow', { value: headerRow, count: rows.length });
  }
  const headerCells = rows[headerRow];
  let width = headerCells.length;
  for (let r = headerRow + 1; r < rows.length; r++) if (rows[r].length > width) width = rows[r].length;
  const headers = Array.from({ length: width }, (_, c) => sourceText(headerCells[c]));
  if (isFunnelExploration(headers)) throw raceError(ctx, 'import.error.funnelExploration');
  const { measures, dimensions } = plannedColumns(ctx, plan, headers);

  // Data rows: below the header, trailing blank rows left out (a sheet's unused rows are not "skipped").
  const from = headerRow + 1;
  let to = rows.length;
  while (to > from && isBlankRow(rows[to - 1])) to--;

  const dateColumn = dimensions.date ?? -1;
  let fixedDate: number | undefined;
  if (dateColumn < 0) {
    const preamble = rows.slice(0, headerRow).map((row) => row.map(sourceText).filter((text) => text !== '').join(' '));
    fixedDate = preambleDateRange(preamble, ctx.language)?.first ?? plan.date;
    if (fixedDate === undefined) throw raceError(ctx, 'import.error.noDate');
  }

  // Column decisions.
  const notes: ColumnNote[] = [];
  const markDecision = decideDecimalMarks(
    measures.map((column) => decideDecimalMark(rows, from, to, column.index)),
    measures.map((column) => column.header),
  );
  const marks: DecimalMark[] = markDecision.marks;
  notes.push(...markDecision.notes);
  const dateTexts = new Map<string, number | undefined>();
  let dateOrder: DayMonthOrder = defaultDayMonthOrder(ctx.language);
  if (dateColumn >= 0) {
    for (let r = from; r < to; r++) {
      const cell = rows[r][dateColumn];
      if (typeof cell === 'string' && !dateTexts.has(cell)) dateTexts.set(cell, undefined);
    }
    const { order, note } = decideDayMonthOrder(dateTexts.keys(), ctx.language, headers[dateColumn]);
    if (note) notes.push(note);
    for (const text of dateTexts.keys()) dateTexts.set(text, parseDateText(text, order));
    dateOrder = order;
  }

  // Columns whose cells may label a total row (every non-measure column), and the text dimensions that
  // must all be blank for an unlabelled total (mapped channel/campaign/segment and ignored word columns).
  const measureIndexes = new Set(measures.map((column) => column.index));
  const labelColumns: number[] = [];
  const blankDimensionColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    if (measureIndexes.has(c)) continue;
    labelColumns.push(c);
    if (c === dateColumn) continue;
    const mapped = c === dimensions.channel || c === dimensions.campaign || c === dimensions.segment;
    if (mapped || isTextColumn(rows, from, to, c)) blankDimensionColumns.push(c);
  }

  const channelColumn = dimensions.channel ?? -1;
  const campaignColumn = dimensions.campaign ?? -1;
  const segmentColumn = dimensions.segment ?? -1;
  const planChannel = (plan.channel ?? '').trim();
  const readText = textReader();
  const width0 = measures.length;
  const sums = new Float64Array(width0);
  const records: ImportRecord[] = [];
  /**
   * Rows whose text dimensions are all blank: totals if their numbers total the others. A GA4 grand total
   * has a blank date too, so such a row waits here with the reason it would be skipped for (`reason`).
   */
  const candidates: { row: number; vector: Float64Array; record: number; reason?: 'noDate' | 'badDate'; detail?: string }[] = [];
  const skipped: SkippedRow[] = [];
  let firstNumberRow = -1;

  for (let r = from; r < to; r++) {
    const row = rows[r];
    if (isBlankRow(row)) {
      skipped.push({ row: r + 1, reason: 'blankRow' });
      continue;
    }
    let totalLabel: string | undefined;
    for (let k = 0; k < labelColumns.length; k++) {
      const cell = row[labelColumns[k]];
      if (typeof cell === 'string' && isTotalLabel(cell)) {
        totalLabel = cell.trim();
        break;
      }
    }
    if (totalLabel !== undefined) {
      skipped.push({ row: r + 1, reason: 'totalRow', detail: totalLabel });
      continue;
    }

    const values: Partial<Record<MeasureId, number>> = {};
    let present = 0;
    let bad: string | undefined;
    for (let j = 0; j < width0; j++) {
      const cell = row[measures[j].index];
      let value: number | undefined;
      if (typeof cell === 'number') {
        value = Number.isFinite(cell) ? cell : undefined;
        if (value === undefined) bad ??= `${measures[j].header}: ${cell}`;
      } else if (typeof cell === 'string') {
        if (cell === '') continue;
        value = parseAmountText(cell, marks[j]);
        // A text that only reads the other way ("1.5" in a column of "1.234,56") is read as it shows, as RACE_SUMMARY does.
        if (value === undefined) value = parseAmountText(cell, marks[j] === 'point' ? 'comma' : 'point');
        if (value === undefined && !isNotAvailableText(cell) && !isBlank(cell)) bad ??= `${measures[j].header}: "${cell}"`;
      } else if (cell !== null && cell !== undefined) {
        bad ??= `${measures[j].header}: ${sourceText(cell)}`;
      }
      if (value !== undefined) {
        values[measures[j].measure] = value;
        present++;
      }
    }
    if (bad !== undefined) {
      skipped.push({ row: r + 1, reason: 'badNumber', detail: bad });
      continue;
    }
    if (present === 0) {
      skipped.push({ row: r + 1, reason: 'noNumbers' });
      continue;
    }

    if (firstNumberRow < 0) firstNumberRow = r;
    let allBlank = blankDimensionColumns.length > 0;
    for (let k = 0; k < blankDimensionColumns.length && allBlank; k++) allBlank = isBlank(row[blankDimensionColumns[k]]);

    let date: number | undefined = fixedDate;
    if (dateColumn >= 0) {
      const cell = row[dateColumn];
      const reason: 'noDate' | undefined = isBlank(cell) ? 'noDate' : undefined;
      if (reason === undefined) date = typeof cell === 'string' ? dateTexts.get(cell) : dateCellSerial(cell, dateOrder);
      if (reason !== undefined || date === undefined) {
        const skip = { row: r + 1, reason: reason ?? ('badDate' as const), ...(reason ? {} : { detail: sourceText(cell) }) };
        if (allBlank) candidates.push({ row: r, vector: vectorOf(values, measures), record: -1, reason: skip.reason, detail: skip.detail });
        else skipped.push(skip);
        continue;
      }
    }
    if (allBlank) candidates.push({ row: r, vector: vectorOf(values, measures), record: records.length });
    for (let j = 0; j < width0; j++) {
      const value = values[measures[j].measure];
      if (value !== undefined) sums[j] += value;
    }
    const channel = channelColumn >= 0 ? readText(row[channelColumn]) : '';
    records.push({
      date: date!,
      channel: channel === '' ? planChannel : channel,
      campaign: campaignColumn >= 0 ? readText(row[campaignColumn]) : '',
      segment: segmentColumn >= 0 ? readText(row[segmentColumn]) : '',
      values,
    });
  }

  // Unlabelled totals: a row with blank text dimensions whose numbers total the other rows.
  const dropped = new Set<number>();
  for (const candidate of candidates) {
    const { vector, record } = candidate;
    const inSums = record >= 0;
    // isTotalOfOthers takes sums that include the row itself.
    const withRow = inSums ? sums : sums.map((sum, j) => (Number.isNaN(vector[j]) ? sum : sum + vector[j]));
    // Just under the header: the first row with numbers.
    const maxOthers = candidate.row === firstNumberRow ? columnMaxima(records, measures, record) : undefined;
    const others = records.length - dropped.size - (inSums ? 1 : 0);
    if (isTotalOfOthers(vector, withRow, others, maxOthers)) {
      if (inSums) {
        dropped.add(record);
        for (let j = 0; j < width0; j++) if (!Number.isNaN(vector[j])) sums[j] -= vector[j];
      }
      skipped.push({ row: candidate.row + 1, reason: 'totalRow' });
    } else if (!inSums) {
      skipped.push({ row: candidate.row + 1, reason: candidate.reason!, ...(candidate.detail !== undefined ? { detail: candidate.detail } : {}) });
    }
  }
  const kept = dropped.size === 0 ? records : records.filter((_, k) => !dropped.has(k));
  skipped.sort((a, b) => a.row - b.row);

  let first = Infinity;
  let last = -Infinity;
  for (const record of kept) {
    if (record.date < first) first = record.date;
    if (record.date > last) last = record.date;
  }
  const totals: Partial<Record<MeasureId, number>> = {};
  const mapping: Partial<Record<MeasureId, string>> = {};
  measures.forEach((column, j) => {
    totals[column.measure] = sums[j];
    mapping[column.measure] = column.header;
  });
  const mappedIndexes = new Set(Object.entries(plan.mapping).filter(([, target]) => target !== 'ignore').map(([key]) => Number(key)));
  const ignoredColumns: string[] = [];
  for (let c = 0; c < width; c++) {
    if (mappedIndexes.has(c)) continue;
    if (headers[c] !== '' || columnHasValues(rows, from, to, c)) ignoredColumns.push(headers[c]);
  }
  return {
    records: kept,
    skipped,
    ignoredColumns,
    ...(kept.length > 0 ? { dateRange: { first, last } } : {}),
    totals,
    mapping,
    notes,
  };
}

/** A record's numbers in measure-column order, NaN for a blank. */
function vectorOf(values: Partial<Record<MeasureId, number>>, measures: readonly MeasureColumn[]): Float64Array {
  return Float64Array.from(measures, (column) => values[column.measure] ?? NaN);
}

/** Each measure's largest value over the records other than `except` (only for the first row's total check). */
function columnMaxima(records: readonly ImportRecord[], measures: readonly MeasureColumn[], except: number): Float64Array {
  const maxima = new Float64Array(measures.length).fill(-Infinity);
  records.forEach((record, k) => {
    if (k === except) return;
    measures.forEach((column, j) => {
      const value = record.values[column.measure];
      if (value !== undefined && value > maxima[j]) maxima[j] = value;
    });
  });
  return maxima;
}

function columnHasValues(rows: SourceRows, from: number, to: number, column: number): boolean {
  for (let r = from; r < to; r++) if (!isBlank(rows[r][column])) return true;
  return false;
}
