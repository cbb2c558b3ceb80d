import { decimalMarkOf, isBlank, isNotAvailableText, parseAmountText, type Cell, type DecimalMark } from '../cells';
import type { Language } from '../i18n';
import { dayMonthPair, parseDateText, type DayMonthOrder } from './date-text';
import type { ColumnNote } from './types';

/**
 * Decisions taken once per column from its values, before the row pass: the decimal mark of an amount
 * column and the day/month order of a date column. Each is one pass over the column (the amount pass
 * stops at the first value that decides it).
 */

export interface MarkDecision {
  /** The mark the column shows, undefined when no value decides it. */
  readonly mark?: DecimalMark;
  /** A value that could be read either way ("1,234", "1.234"), the first seen. */
  readonly ambiguous?: string;
  /** The value that decided the mark. */
  readonly decidedBy?: string;
}

/** The decimal mark column `column` of `rows[from..to)` shows. */
export function decideDecimalMark(rows: readonly (readonly Cell[])[], from: number, to: number, column: number): MarkDecision {
  let ambiguous: string | undefined;
  for (let r = from; r < to; r++) {
    const value = rows[r][column];
    if (typeof value !== 'string' || value === '') continue;
    const hint = decimalMarkOf(value);
    if (hint === 'point' || hint === 'comma') {
      // A value that only reads under the other mark (a typo, a date) does not decide the column.
      if (parseAmountText(value, hint) !== undefined) return { mark: hint, ambiguous, decidedBy: value };
    } else if (hint === 'ambiguous' && ambiguous === undefined) {
      ambiguous = value;
    }
  }
  return { ambiguous };
}

/**
 * The mark of every amount column: its own when its values show one; else, when a value is ambiguous,
 * the one most decided columns of the same export show (or the point), with a note saying so. A column
 * read with the comma gets a note too, and so does a point column in an export whose others use the comma.
 */
export function decideDecimalMarks(
  decisions: readonly MarkDecision[],
  headers: readonly string[],
): { marks: DecimalMark[]; notes: ColumnNote[] } {
  let commas = 0;
  let points = 0;
  for (const decision of decisions) {
    if (decision.mark === 'comma') commas++;
    else if (decision.mark === 'point') points++;
  }
  const exportMark: DecimalMark = commas > points ? 'comma' : 'point';
  const notes: ColumnNote[] = [];
  const marks = decisions.map((decision, j): DecimalMark => {
    const column = headers[j];
    if (decision.mark === undefined) {
      // Said when it is a guess (no column of the export decides) or reads "1.234" as 1234 (the comma
      // convention of the other columns); "1,234" as 1234 beside "130.20" columns goes without saying.
      if (decision.ambiguous !== undefined && (commas + points === 0 || exportMark === 'comma')) {
        notes.push({ column, note: 'ambiguousSeparator', example: decision.ambiguous, value: parseAmountText(decision.ambiguous, exportMark) });
      }
      return exportMark;
    }
    if (decision.mark === 'comma') notes.push({ column, note: 'decimalComma', example: decision.decidedBy, value: parseAmountText(decision.decidedBy!, 'comma') });
    else if (commas > 0) notes.push({ column, note: 'decimalPoint', example: decision.decidedBy, value: parseAmountText(decision.decidedBy!, 'point') });
    return decision.mark;
  });
  return { marks, notes };
}

/** The default order of "01/03/2026" when nothing in the column decides it: US order in English, day first otherwise. */
export function defaultDayMonthOrder(language: Language): DayMonthOrder {
  return language === 'en' ? 'mdy' : 'dmy';
}

/**
 * The day/month order of a date column from its distinct texts: a first number above 12 means day first,
 * a second above 12 month first; failing that, the position that varies more is the day (a daily export
 * runs through the days of few months); failing that, the language's default, noted as ambiguous.
 */
export function decideDayMonthOrder(texts: Iterable<string>, language: Language, column: string): { order: DayMonthOrder; note?: ColumnNote } {
  let firstOver12 = 0;
  let secondOver12 = 0;
  const firsts = new Set<number>();
  const seconds = new Set<number>();
  let example: string | undefined;
  for (const text of texts) {
    const pair = dayMonthPair(text);
    if (pair === undefined) continue;
    example ??= text;
    if (pair[0] > 12) firstOver12++;
    if (pair[1] > 12) secondOver12++;
    firsts.add(pair[0]);
    seconds.add(pair[1]);
  }
  if (example === undefined) return { order: defaultDayMonthOrder(language) };
  if (firstOver12 > 0 && secondOver12 === 0) return { order: 'dmy', note: { column, note: 'dayFirst', example } };
  if (secondOver12 > 0 && firstOver12 === 0) return { order: 'mdy', note: { column, note: 'monthFirst', example } };
  if (firstOver12 === 0 && secondOver12 === 0 && firsts.size !== seconds.size) {
    return firsts.size > seconds.size ? { order: 'dmy', note: { column, note: 'dayFirst', example } } : { order: 'mdy', note: { column, note: 'monthFirst', example } };
  }
  const order = firstOver12 !== secondOver12 ? (firstOver12 > secondOver12 ? 'dmy' : 'mdy') : defaultDayMonthOrder(language);
  return { order, note: { column, note: 'ambiguousDayMonth', example } };
}

/** Whether a column holds words rather than numbers or dates (judged on its first 50 non-blank values). */
export function isTextColumn(rows: readonly (readonly Cell[])[], from: number, to: number, column: number): boolean {
  let text = 0;
  let seen = 0;
  for (let r = from; r < to && seen < 50; r++) {
    const value = rows[r][column];
    if (isBlank(value) || (typeof value === 'string' && isNotAvailableText(value))) continue;
    seen++;
    if (
      typeof value === 'string' &&
      parseAmountText(value) === undefined &&
      parseAmountText(value, 'comma') === undefined &&
      parseDateText(value, 'mdy') === undefined
    ) {
      text++;
    }
  }
  return seen > 0 && text * 2 > seen;
}
