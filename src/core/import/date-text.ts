import { isDate, type Cell } from '../cells';
import { serialFromUtc } from '../dates';

/**
 * Dates as exports write them, read into spreadsheet serials (days since 1899-12-30):
 * GA4 "20260301", ISO "2026-03-01" (a time after it is dropped), "Mar 1, 2026", "1 March 2026",
 * "Sunday, March 1, 2026", "01/03/2026" or "03/01/2026" (the order is decided per column: `DayMonthOrder`),
 * "01.03.2026" (always day first), a week label "2026-W09" (its Monday), a month label "Mar 2026" or
 * "2026-03" (its 1st), Date objects (their calendar day) and serial numbers.
 * Month names in English, and the Gregorian month names of Arabic and Persian.
 */

/** Which number comes first in "01/03/2026": the day ("dmy") or the month ("mdy"). */
export type DayMonthOrder = 'dmy' | 'mdy';

const MONTHS = new Map<string, number>();
[
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
].forEach((names, month) => names.forEach((name) => MONTHS.set(name, month + 1)));
['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'].forEach((name, m) =>
  MONTHS.set(name, m + 1),
);
['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'].forEach((name, m) =>
  MONTHS.set(name, m + 1),
);
const WEEKDAYS = new Set(
  ['monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thu', 'thurs', 'friday', 'fri', 'saturday', 'sat', 'sunday', 'sun'],
);

/** The pieces of a date text: its numbers (value and digit count) and words, in order. */
interface DateTokens {
  readonly numbers: number[];
  readonly lengths: number[];
  /** Month from a month name, 0 when none. */
  month: number;
  /** The token order: "n" number, "m" month name, "w" the week letter. */
  shape: string;
  /** The separator after the first number ("/", "-", "." or " "). */
  separator: string;
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  return -1;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x621 && code <= 0x64a) || (code >= 0x671 && code <= 0x6d3);
}

/** Splits a date text into tokens; undefined when it holds a word that is no month or weekday. A time of day is cut off. */
function tokenize(text: string): DateTokens | undefined {
  // "2026-03-05 10:00:00", "3/1/2026, 12:00 AM", "2026-03-01T10:00:00Z": drop from the time on.
  let end = text.length;
  const colon = text.indexOf(':');
  if (colon > 0) {
    let k = colon;
    while (k > 0 && digitOf(text.charCodeAt(k - 1)) >= 0) k--;
    end = k > 0 && (text[k - 1] === 'T' || text[k - 1] === ' ' || text[k - 1] === ',') ? k - 1 : k;
  }
  const tokens: DateTokens = { numbers: [], lengths: [], month: 0, shape: '', separator: '' };
  let i = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (digitOf(code) >= 0) {
      let value = 0;
      let length = 0;
      while (i < end && digitOf(text.charCodeAt(i)) >= 0) {
        value = value * 10 + digitOf(text.charCodeAt(i));
        length++;
        i++;
      }
      tokens.numbers.push(value);
      tokens.lengths.push(length);
      tokens.shape += 'n';
      if (tokens.numbers.length === 1 && i < end) tokens.separator = text[i];
      continue;
    }
    if (isLetter(code)) {
      const start = i;
      while (i < end && isLetter(text.charCodeAt(i))) i++;
      const word = text.slice(start, i).toLowerCase();
      const month = MONTHS.get(word.endsWith('.') ? word.slice(0, -1) : word);
      if (month !== undefined) {
        if (tokens.month !== 0) return undefined;
        tokens.month = month;
        tokens.shape += 'm';
      } else if (word === 'w' && digitOf(text.charCodeAt(i)) >= 0) {
        tokens.shape += 'w';
      } else if (!WEEKDAYS.has(word)) {
        return undefined;
      }
      continue;
    }
    i++; // separators: / - . , space, bidi marks, Arabic comma
  }
  return tokens;
}

function serialOf(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const utc = Date.UTC(year, month - 1, day);
  if (new Date(utc).getUTCDate() !== day) return undefined; // 31 April and the like
  return serialFromUtc(utc);
}

function fullYear(value: number, length: number): number {
  return length <= 2 ? 2000 + value : value;
}

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): number | undefined {
  if (week < 1 || week > 53) return undefined;
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0
  const monday = jan4 - jan4Weekday * 86_400_000 + (week - 1) * 7 * 86_400_000;
  if (week === 53 && new Date(monday + 3 * 86_400_000).getUTCFullYear() !== year) return undefined;
  return serialFromUtc(monday);
}

/** For "a/b/yyyy" texts: the two leading numbers, so a column can decide its order. */
export function dayMonthPair(text: string): [number, number] | undefined {
  const tokens = tokenize(text);
  if (tokens === undefined || tokens.shape !== 'nnn' || tokens.lengths[0] > 2 || tokens.lengths[1] > 2) return undefined;
  if (tokens.separator === '.') return undefined; // "01.03.2026" is day first everywhere
  return [tokens.numbers[0], tokens.numbers[1]];
}

/** A date text as a serial, or undefined when it is not a date this module reads. */
export function parseDateText(text: string, order: DayMonthOrder): number | undefined {
  const tokens = tokenize(text);
  if (tokens === undefined) return undefined;
  const { numbers: n, lengths: len, shape } = tokens;
  switch (shape) {
    case 'n': // GA4 "20260301"
      return len[0] === 8 ? serialOf(Math.floor(n[0] / 10000), Math.floor(n[0] / 100) % 100, n[0] % 100) : undefined;
    case 'nnn':
      if (len[0] === 4) return serialOf(n[0], n[1], n[2]); // ISO order, also 2026/03/01
      if (len[2] !== 4 && len[2] !== 2) return undefined;
      if (tokens.separator === '.' || order === 'dmy') return serialOf(fullYear(n[2], len[2]), n[1], n[0]);
      return serialOf(fullYear(n[2], len[2]), n[0], n[1]);
    case 'mnn': // "Mar 1, 2026"
      return len[1] === 4 ? serialOf(n[1], tokens.month, n[0]) : undefined;
    case 'nmn': // "1 Mar 2026", "1-Mar-26"
      return len[1] === 4 || len[1] === 2 ? serialOf(fullYear(n[1], len[1]), tokens.month, n[0]) : undefined;
    case 'mn': // month label "Mar 2026"
    case 'nm': // "2026 Mar"
      return len[0] === 4 ? serialOf(n[0], tokens.month, 1) : undefined;
    case 'nn': // month label "2026-03" or "03/2026"
      if (len[0] === 4 && len[1] <= 2) return serialOf(n[0], n[1], 1);
      if (len[1] === 4 && len[0] <= 2) return serialOf(n[1], n[0], 1);
      return undefined;
    case 'nwn': // week label "2026-W09"
      return len[0] === 4 ? isoWeekMonday(n[0], n[1]) : undefined;
    default:
      return undefined;
  }
}

/** A Date object's calendar day (in the zone it was made in, as Sheets hands dates over) as a serial. */
export function serialOfDate(date: Date): number | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return serialOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * A date cell as a serial: a Date, a serial number (a whole day; GA4's 20260301 read as a number is
 * taken as yyyymmdd), or text. Undefined when it is not a date.
 */
export function dateCellSerial(cell: Cell, order: DayMonthOrder): number | undefined {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return undefined;
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 22001231) return parseDateText(String(cell), order);
    return cell >= 1 && cell < 2958466 ? Math.floor(cell) : undefined;
  }
  if (typeof cell === 'string') return parseDateText(cell, order);
  if (isDate(cell)) return serialOfDate(cell);
  return undefined;
}
