import { cellsOf, dateText, describeValue, gridOf, isBlank, isDate, readNumber, type Arg, type Cell } from '../cells';
import { raceError, RaceError, type CallContext } from '../errors';
import { translate } from '../i18n';
import { LIFECYCLE_MEASURES, MEASURE_HEADERS, MEASURES, type MeasureId } from '../model/measures';
import { parseColumnMapping } from './mapping';
import { rateOrBlank, SUMMARY_RATES } from './rates';
import { acceptedMeasureNames, headerKey, recognizeDimension, recognizeMeasure } from './vocabulary';

const TABLE = 'table';
const GROUP_BY = 'group_by';
const COLUMNS = 'columns';

/** Measure columns the row loop reads in unrolled slots; any further ones go through one generic loop. */
export const MAX_MEASURE_COLUMNS = 8;

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

function quotedList(texts: readonly string[]): string {
  return texts.map((text) => `"${text}"`).join(', ');
}

/** The measure columns: the `columns` mapping first, then recognized headers (names beat fallbacks, leftmost wins). */
function measureColumns(ctx: CallContext, headers: readonly string[], columns: Arg, groupIndex: number): MeasureColumn[] {
  const keys = headers.map(headerKey);
  const chosen = new Map<MeasureId, { index: number; fallback: boolean }>();
  for (const [measure, header] of parseColumnMapping(ctx, columns, COLUMNS)) {
    const index = keys.indexOf(headerKey(header));
    if (index < 0) throw raceError(ctx, 'error.missingHeader', { arg: COLUMNS, value: `"${header}"`, headers: quotedList(headers) });
    chosen.set(measure, { index, fallback: false });
  }
  const mapped = new Set([...chosen.values()].map((column) => column.index));
  const mappedMeasures = new Set(chosen.keys());
  headers.forEach((header, index) => {
    if (index === groupIndex || mapped.has(index) || header === '') return;
    const recognized = recognizeMeasure(header);
    if (recognized === undefined || mappedMeasures.has(recognized.id)) return;
    const current = chosen.get(recognized.id);
    if (current === undefined || (current.fallback && !recognized.fallback)) {
      chosen.set(recognized.id, { index, fallback: recognized.fallback });
    }
  });
  return MEASURES.filter((measure) => chosen.has(measure)).map((measure) => ({ measure, index: chosen.get(measure)!.index }));
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
  const header = `"${headers[column]}"`;
  for (let r = 1; r < rows.length; r++) {
    const value = rows[r][column];
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return raceError(ctx, 'error.notANumberInColumn', { arg: TABLE, header, row: r + 1, value: describeValue(ctx, value) });
    }
  }
  return raceError(ctx, 'error.sumTooLarge', { arg: TABLE, header });
}

/**
 * RACE_SUMMARY's table: a header row, one row per group (first-seen order) and a Total row, with the
 * recognized volumes and the rates whose inputs are present. Every rate is sum/sum over the group.
 * One pass over the rows; numbers take a typeof fast path, everything else goes through readNumber.
 */
export function summarize(ctx: CallContext, table: Arg, groupBy: Arg, columns: Arg): Cell[][] {
  if (!Array.isArray(table) || table.length < 2) throw raceError(ctx, 'error.headerOnly', { arg: TABLE });
  // Sheets always hands over rows as arrays; anything else (a hand-built 1-D list) is normalized once.
  const rows = Array.isArray(table[0]) ? table : gridOf(table);
  const language = ctx.language;
  const headers = rows[0].map((cell) => cellText(cell, ctx));
  const groupIndex = groupColumn(ctx, headers, groupBy);
  const measures = measureColumns(ctx, headers, columns, groupIndex);
  // Costs and revenue alone make no funnel: at least one stage volume is needed.
  if (!measures.some((column) => (LIFECYCLE_MEASURES as readonly MeasureId[]).includes(column.measure))) {
    throw raceError(ctx, 'error.noMeasures', { arg: TABLE, headers: quotedList(headers), accepted: acceptedMeasureNames().join(', ') });
  }

  const width = measures.length;
  const blankLabel = translate(language, 'value.blank');
  const order: Group[] = [];
  const blankGroup: Group = { label: blankLabel, sums: new Float64Array(width) };
  let blankListed = false;
  const groups = new Map<string, Group>(); // by label
  // By the raw text of the cell, so the hot path is one Map lookup ("Paid " and "Paid" share a group).
  const groupsByText = new Map<string, Group>([['', blankGroup]]);

  // Cold path for group values seen for the first time as text, and for numbers, dates and booleans.
  const groupOf = (cell: Cell): Group => {
    if (isBlank(cell)) return blankGroup;
    const label = cellText(cell, ctx);
    let group = groups.get(label);
    if (group === undefined) {
      group = { label, sums: new Float64Array(width) };
      groups.set(label, group);
      order.push(group);
    }
    return group;
  };

  // Cold path for anything but a number: blanks (adds nothing, returns 0), numeric text such as
  // Persian digits (adds it, returns 1) and bad values (an error naming the column and the row).
  const addSlow = (sums: Float64Array, slot: number, value: Cell, rowIndex: number): number => {
    if (value === '' || value === null || value === undefined) return 0;
    let read: number | null;
    try {
      read = readNumber(value, ctx, TABLE);
    } catch (error) {
      if (!(error instanceof RaceError)) throw error;
      throw raceError(ctx, 'error.notANumberInColumn', {
        arg: TABLE,
        header: `"${headers[measures[slot].index]}"`,
        row: rowIndex + 1,
        value: describeValue(ctx, value),
      });
    }
    if (read === null) return 0;
    sums[slot] += read;
    return 1;
  };

  // Column of each measure slot, -1 when unused. The row body below is written out once per slot on
  // purpose: V8 keeps type feedback per source position, so a slot that only sees small integers (visits)
  // and one that sees boxed doubles (revenue) each keep their fast path. One shared inner loop over the
  // slots saw both kinds and ran about twice as slow (bench/summary.bench.ts).
  const [c0, c1, c2, c3, c4, c5, c6, c7] = Array.from({ length: MAX_MEASURE_COLUMNS }, (_, slot) =>
    slot < width ? measures[slot].index : -1,
  );

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    let group = blankGroup;
    if (groupIndex >= 0) {
      const cell = row[groupIndex];
      if (typeof cell === 'string') {
        const known = groupsByText.get(cell);
        if (known === undefined) groupsByText.set(cell, (group = groupOf(cell)));
        else group = known;
      } else if (cell !== null && cell !== undefined) {
        group = groupOf(cell);
      }
    }
    const sums = group.sums;
    let present = 0;
    if (c0 >= 0) {
      const v = row[c0];
      if (typeof v === 'number') {
        sums[0] += v;
        present++;
      } else present += addSlow(sums, 0, v, r);
    }
    if (c1 >= 0) {
      const v = row[c1];
      if (typeof v === 'number') {
        sums[1] += v;
        present++;
      } else present += addSlow(sums, 1, v, r);
    }
    if (c2 >= 0) {
      const v = row[c2];
      if (typeof v === 'number') {
        sums[2] += v;
        present++;
      } else present += addSlow(sums, 2, v, r);
    }
    if (c3 >= 0) {
      const v = row[c3];
      if (typeof v === 'number') {
        sums[3] += v;
        present++;
      } else present += addSlow(sums, 3, v, r);
    }
    if (c4 >= 0) {
      const v = row[c4];
      if (typeof v === 'number') {
        sums[4] += v;
        present++;
      } else present += addSlow(sums, 4, v, r);
    }
    if (c5 >= 0) {
      const v = row[c5];
      if (typeof v === 'number') {
        sums[5] += v;
        present++;
      } else present += addSlow(sums, 5, v, r);
    }
    if (c6 >= 0) {
      const v = row[c6];
      if (typeof v === 'number') {
        sums[6] += v;
        present++;
      } else present += addSlow(sums, 6, v, r);
    }
    if (c7 >= 0) {
      const v = row[c7];
      if (typeof v === 'number') {
        sums[7] += v;
        present++;
      } else present += addSlow(sums, 7, v, r);
    }
    // Tables with more measure columns than unrolled slots (up to one per measure).
    for (let slot = MAX_MEASURE_COLUMNS; slot < width; slot++) {
      const v = row[measures[slot].index];
      if (typeof v === 'number') {
        sums[slot] += v;
        present++;
      } else present += addSlow(sums, slot, v, r);
    }
    // A row with a blank group value counts (as "(blank)") only when it carries a number: blank rows are skipped.
    if (group === blankGroup && present > 0 && !blankListed) {
      order.push(blankGroup);
      blankListed = true;
    }
  }

  const groupRows = groupIndex >= 0 ? order : [];
  const totals = groupIndex >= 0 ? new Float64Array(width) : blankGroup.sums;
  for (const group of groupRows) for (let j = 0; j < width; j++) totals[j] += group.sums[j];
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
  return [
    [groupHeader, ...measures.map((column) => MEASURE_HEADERS[column.measure][language]), ...rates.map((rate) => translate(language, rate.label))],
    ...groupRows.map((group) => rowOf(group.label, group.sums)),
    rowOf(translate(language, 'summary.total'), totals),
  ];
}
