import { cellsOf, describeValue, gridOf, isBlank, readNumber, type Arg, type Cell } from '../cells';
import { raceError, RaceError, type CallContext } from '../errors';
import { translate, type Language } from '../i18n';
import { MEASURE_HEADERS, MEASURES, type MeasureId } from '../model/measures';
import { parseColumnMapping } from './mapping';
import { rateOrBlank, SUMMARY_RATES } from './rates';
import { acceptedMeasureNames, headerKey, recognizeDimension, recognizeMeasure } from './vocabulary';

const TABLE = 'table';
const GROUP_BY = 'group_by';
const COLUMNS = 'columns';

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

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date as Sheets shows it in ISO order (local time: Sheets hands dates over in the script's zone). */
function dateText(date: Date): string {
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  const hasTime = date.getHours() !== 0 || date.getMinutes() !== 0;
  return hasTime ? `${day} ${pad2(date.getHours())}:${pad2(date.getMinutes())}` : day;
}

/** A header or group value as text: trimmed text, a number as written, a date as yyyy-mm-dd, "" for blank. */
function cellText(cell: Cell, language: Language): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return translate(language, cell ? 'value.true' : 'value.false');
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') return dateText(cell as Date);
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
  if (cells.length !== 1) throw raceError(ctx, 'error.notText', { arg: GROUP_BY, value: `${cells.length} cells` });
  const [cell] = cells;
  if (isBlank(cell)) return -1;
  const wanted = cellText(cell, ctx.language);
  const index = headers.findIndex((header) => headerKey(header) === headerKey(wanted));
  if (index >= 0) return index;
  const dimension = recognizeDimension(wanted);
  const byDimension = dimension === undefined ? -1 : headers.findIndex((header) => recognizeDimension(header) === dimension);
  if (byDimension >= 0) return byDimension;
  throw raceError(ctx, 'error.missingHeader', { arg: GROUP_BY, value: describeValue(ctx, cell), headers: quotedList(headers) });
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
  const headers = rows[0].map((cell) => cellText(cell, language));
  const groupIndex = groupColumn(ctx, headers, groupBy);
  const measures = measureColumns(ctx, headers, columns, groupIndex);
  if (measures.length === 0) {
    throw raceError(ctx, 'error.noMeasures', { arg: TABLE, headers: quotedList(headers), accepted: acceptedMeasureNames().join(', ') });
  }

  const width = measures.length;
  const indexes = Int32Array.from(measures, (column) => column.index);
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
    const label = cellText(cell, language);
    let group = groups.get(label);
    if (group === undefined) {
      group = { label, sums: new Float64Array(width) };
      groups.set(label, group);
      order.push(group);
    }
    return group;
  };

  // Cold path: text numbers (Persian digits, separators) and bad values, located by column and row.
  const readSlow = (value: Cell, column: number, rowIndex: number): number | null => {
    try {
      return readNumber(value, ctx, TABLE);
    } catch (error) {
      if (!(error instanceof RaceError)) throw error;
      throw raceError(ctx, 'error.notANumberInColumn', {
        arg: TABLE,
        header: `"${headers[indexes[column]]}"`,
        row: rowIndex + 1,
        value: describeValue(ctx, value),
      });
    }
  };

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
    for (let j = 0; j < width; j++) {
      const value = row[indexes[j]];
      if (typeof value === 'number' && value - value === 0) {
        sums[j] += value;
        present++;
      } else if (value !== '' && value !== null && value !== undefined) {
        const read = readSlow(value, j, r);
        if (read !== null) {
          sums[j] += read;
          present++;
        }
      }
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
  totals.forEach((total, j) => {
    if (!Number.isFinite(total)) throw raceError(ctx, 'error.sumTooLarge', { arg: TABLE, header: `"${headers[indexes[j]]}"` });
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
