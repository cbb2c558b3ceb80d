import { raceError, type CallContext, type RaceError } from './errors';
import { translate } from './i18n';

/** A cell value as Apps Script hands it to a custom function. */
export type Cell = string | number | boolean | Date | null | undefined;
/** A custom-function argument: one cell, or a range as a row-major 2-D array. */
export type Arg = Cell | Cell[][];

const MAX_SHOWN_TEXT = 40;

/**
 * Array.isArray as a module binding, for the per-row test of the range loops: where the bundle runs in a
 * vm context (gas-local), each global lookup goes through the sandbox and costs ~150 ns.
 */
export const isArray: (value: unknown) => value is unknown[] = Array.isArray;

/** Number.isFinite for numbers, without the global lookup (see isArray): NaN and ±Infinity minus themselves are NaN. */
export function isFiniteNumber(value: number): boolean {
  return value - value === 0;
}

/** Every cell of an argument, row by row: a copy, for small arguments (a language, a mapping); ranges are read by sumRange. */
export function cellsOf(arg: Arg): Cell[] {
  if (!Array.isArray(arg)) return [arg];
  const cells: Cell[] = [];
  for (const row of arg) {
    if (Array.isArray(row)) for (const cell of row) cells.push(cell);
    else cells.push(row);
  }
  return cells;
}

/** An argument as a 2-D grid (a single cell becomes a 1x1 grid). */
export function gridOf(arg: Arg): Cell[][] {
  if (!Array.isArray(arg)) return [[arg]];
  return arg.map((row) => (Array.isArray(row) ? row : [row]));
}

export interface Shape {
  rows: number;
  columns: number;
}

/** Rows x columns of an argument (a single cell is 1 x 1). */
export function shapeOf(arg: Arg): Shape {
  if (!isArray(arg)) return { rows: 1, columns: 1 };
  let columns = 0;
  for (let r = 0; r < arg.length; r++) {
    const row: unknown = arg[r];
    const width = isArray(row) ? row.length : 1;
    if (width > columns) columns = width;
  }
  return { rows: arg.length, columns };
}

export function isSingleCell(shape: Shape): boolean {
  return shape.rows === 1 && shape.columns === 1;
}

/** Two ranges that pair cell by cell must have the same rows x columns; a single cell pairs with anything. */
export function requireSameShape(ctx: CallContext, a: Arg, aName: string, b: Arg, bName: string): void {
  const shape = shapeOf(a);
  const other = shapeOf(b);
  if (isSingleCell(shape) || isSingleCell(other)) return;
  if (shape.rows !== other.rows || shape.columns !== other.columns) {
    throw raceError(ctx, 'error.shapeDiffers', {
      arg: aName,
      other: bName,
      size: `${shape.rows}×${shape.columns}`,
      otherSize: `${other.rows}×${other.columns}`,
    });
  }
}

export function isBlank(value: Cell): boolean {
  if (value === '' || value === null || value === undefined) return true;
  return typeof value === 'string' && isBlankText(value);
}

/** Text with nothing visible: only spaces, zero-width characters and bidi controls. */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isIgnorable(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A name as names are compared (channels, segments, RACE_SUMMARY's own labels): zero-width characters and
 * bidi controls dropped, spaces trimmed, case ignored as spreadsheet lookups ignore it.
 */
export function nameKey(text: string): string {
  let kept = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isIgnorable(code) || isSpace(code)) kept += text[i];
  }
  return kept.trim().toLowerCase();
}

/** Spaces (incl. no-break and narrow no-break) and bidi marks that users paste around numbers. */
function isIgnorable(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f ||
    code === 0x2009 || code === 0x200e || code === 0x200f || code === 0x061c || code === 0x200b ||
    code === 0x202a || code === 0x202b || code === 0x202c || code === 0x2066 || code === 0x2067 ||
    code === 0x2068 || code === 0x2069 || code === 0xfeff ||
    // zero-width (non-)joiners, LRO/RLO, word joiner and invisible operators, soft hyphen
    code === 0x200c || code === 0x200d || code === 0x202d || code === 0x202e || (code >= 0x2060 && code <= 0x2064) || code === 0xad
  );
}

/** The ASCII digit for an ASCII, Persian (U+06F0..) or Arabic-Indic (U+0660..) digit, else -1. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  return -1;
}

/** Spaces that may separate digit groups ("1 234"); other ignorable marks never separate anything. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

/**
 * Parses a number typed as text: ASCII, Persian or Arabic-Indic digits; "." or U+066B as the decimal
 * point; "," or U+066C (or a space) between groups of three digits of the integer part as thousands
 * separators; a leading sign; a trailing "%" or U+066A; an exponent; bidi marks anywhere. Returns
 * undefined when the text is not such a number. Groups are checked so that "1,5" (a decimal comma) or
 * "10 20" (two numbers) is refused instead of silently read as 15 or 1020.
 * A character loop, not regexes: it runs once per cell over whole ranges.
 */
export function parseNumberText(text: string): number | undefined {
  return parseNumeric(text, false, false);
}

/** Which mark separates decimals in a column of amounts: "1,234.56" (point) or "1.234,56" (comma). */
export type DecimalMark = 'point' | 'comma';

/**
 * An amount as exports write it: what parseNumberText reads, plus a currency symbol or code before or
 * after the number ("$1,234.56", "US$ 12", "1 234,56 ₽", "۱٬۲۳۴٫۵ ریال", "12 EUR") and apostrophes
 * between groups ("1'234"). With `decimal` "comma", "," is the decimal mark and "." separates groups
 * ("€1.234,56"); U+066B and U+066C keep their meaning either way. Decide the mark per column with
 * `decimalMarkOf`.
 */
export function parseAmountText(text: string, decimal: DecimalMark = 'point'): number | undefined {
  return parseNumeric(text, decimal === 'comma', true);
}

/** What a text's separators say about the decimal mark of its column. */
export type DecimalHint = 'none' | 'point' | 'comma' | 'ambiguous';

/**
 * The decimal mark a numeric text shows: "1,234.5" and "1.5" point, "1.234,5" and "1,5" comma, "1,234"
 * or "1.234" (one separator before exactly three digits) ambiguous, "1234" none. A character loop.
 */
export function decimalMarkOf(text: string): DecimalHint {
  let dots = 0;
  let commas = 0;
  let last = 0; // code of the last "." or ","
  let digitsBefore = 0; // digits of the run just before the last separator
  let firstOfRunIsZero = false;
  let run = 0; // digits in the current run
  let runStartsWithZero = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = digitValue(code);
    if (digit >= 0) {
      if (run === 0) runStartsWithZero = digit === 0;
      run++;
      continue;
    }
    if (code === 0x2e || code === 0x2c) {
      if (code === 0x2e) dots++;
      else commas++;
      last = code;
      digitsBefore = run;
      firstOfRunIsZero = runStartsWithZero;
      run = 0;
    } else if (run > 0 && !isSpace(code)) {
      if (last !== 0) break; // the digits after the last separator end here
    }
  }
  if (dots === 0 && commas === 0) return 'none';
  if (dots > 0 && commas > 0) return last === 0x2c ? 'comma' : 'point';
  const comma = commas > 0;
  if ((comma ? commas : dots) > 1) return comma ? 'point' : 'comma'; // repeated: a thousands separator
  if (run === 3 && digitsBefore >= 1 && digitsBefore <= 3 && !firstOfRunIsZero) return 'ambiguous';
  return comma ? 'comma' : 'point';
}

/** "--", "—", "N/A", "(not set)" and the like: exports' ways of writing "no value" in a number column. */
export function isNotAvailableText(text: string): boolean {
  if (text.length > 16) return false;
  const key = text.trim().toLowerCase();
  return NOT_AVAILABLE.has(key);
}
const NOT_AVAILABLE = new Set(['-', '--', '---', '\u2013', '\u2014', 'n/a', 'na', '#n/a', '(not set)', 'not set', '(none)', 'null', '\u2212']);

/** Currency symbols (Unicode category Sc) that may stand before or after an amount. */
function isCurrencySymbol(code: number): boolean {
  return (
    code === 0x24 || (code >= 0xa2 && code <= 0xa5) || code === 0x58f || code === 0x60b || code === 0x9f2 ||
    code === 0x9f3 || code === 0xe3f || code === 0x17db || (code >= 0x20a0 && code <= 0x20c0) || code === 0xfdfc ||
    code === 0xfe69 || code === 0xff04 || code === 0xffe0 || code === 0xffe1 || code === 0xffe5 || code === 0xffe6
  );
}

/** A letter of a currency word: Latin (incl. accented), Cyrillic, Arabic and Persian letters. */
function isWordLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f) ||
    (code >= 0x400 && code <= 0x4ff) || (code >= 0x621 && code <= 0x64a) || (code >= 0x671 && code <= 0x6d3)
  );
}

/** Currency words and the letters before "$" (US$, CA$...); any three capital ASCII letters (ISO 4217) pass too. */
const CURRENCY_WORDS = new Set([
  'us', 'ca', 'au', 'a', 'c', 'nz', 'hk', 'sg', 'mx', 'r', 's', 'rs', 'rp', 'rm', 'kr', 'zł', 'kč', 'ft', 'lei', 'tl',
  'руб', 'р', 'ریال', 'ريال', 'تومان', 'ت', 'رس', 'دإ', 'درهم', 'دينار', 'دینار', 'جنيه', 'جم', 'دك', 'رق', 'دب', 'رع', 'دأ', 'لل',
]);

function isCurrencyWord(word: string, upperAscii: boolean): boolean {
  return (upperAscii && word.length === 3) || CURRENCY_WORDS.has(word);
}

/**
 * The one number parser. `decimalComma` swaps the roles of "." and ","; `currency` allows a currency
 * word or symbol before the first or after the last digit, and apostrophes between groups.
 */
function parseNumeric(text: string, decimalComma: boolean, currency: boolean): number | undefined {
  let ascii = '';
  let digits = 0;
  let seenPoint = false;
  let seenExponent = false;
  let percent = false;
  let previousWasDigit = false;
  let integerDigits = 0;
  let firstDigitIsZero = false;
  /** Digits since the last thousands separator, or -1 before the first one. */
  let groupDigits = -1;
  // Currency: the letters of the current word, whether they are all capital ASCII, and whether the
  // text after the number (a suffix) has begun, after which no digit may come.
  let word = '';
  let upperAscii = true;
  let inWord = false;
  let suffix = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = digitValue(code);
    if (digit >= 0) {
      if (percent || suffix) return undefined; // nothing numeric may follow the percent sign or a currency suffix
      if (word !== '') {
        if (!isCurrencyWord(word, upperAscii)) return undefined;
        word = '';
        upperAscii = true;
      }
      inWord = false;
      if (!seenPoint && !seenExponent) {
        if (integerDigits === 0) firstDigitIsZero = digit === 0;
        integerDigits++;
        if (groupDigits >= 0) groupDigits++;
      }
      ascii += digit;
      digits++;
      previousWasDigit = true;
      continue;
    }
    const separator = decimalComma
      ? code === 0x2e || code === 0x66c || (currency && (code === 0x27 || code === 0x2019))
      : code === 0x2c || code === 0x66c || (currency && (code === 0x27 || code === 0x2019));
    if (separator || (isSpace(code) && previousWasDigit && digitValue(nextSignificant(text, i + 1)) >= 0)) {
      // thousands separator: only between digits of the integer part, after a group of 1-3 digits
      // (no leading zero) and then after groups of exactly three
      if (!previousWasDigit || seenPoint || seenExponent || digitValue(nextSignificant(text, i + 1)) < 0) {
        if (currency && inWord && code === 0x2e) continue; // "Rs." or "руб.": a dot inside a currency word
        return undefined;
      }
      if (groupDigits < 0 ? integerDigits > 3 || firstDigitIsZero : groupDigits !== 3) return undefined;
      groupDigits = 0;
      previousWasDigit = false;
      continue;
    }
    if (isIgnorable(code)) {
      inWord = false;
      continue;
    }
    if (percent) return undefined;
    previousWasDigit = false;
    if (currency && (isCurrencySymbol(code) || (code === 0x2e && inWord) || isCurrencyLetter(code, text, i, digits, seenExponent))) {
      if (digits > 0) suffix = true;
      if (code !== 0x2e && !isCurrencySymbol(code)) {
        inWord = true;
        if (!(code >= 0x41 && code <= 0x5a)) upperAscii = false;
        word += code < 0x80 ? String.fromCharCode(code | 0x20) : text[i];
      } else if (isCurrencySymbol(code)) {
        inWord = false;
      }
      continue;
    }
    inWord = false;
    if (suffix) return undefined;
    if (code === (decimalComma ? 0x2c : 0x2e) || code === 0x66b) {
      if (seenPoint || seenExponent) return undefined;
      seenPoint = true;
      ascii += '.';
    } else if (code === 0x2d || code === 0x2b || code === 0x2212) {
      const atStart = ascii === '';
      const afterExponent = ascii.endsWith('e');
      if (!atStart && !afterExponent) return undefined;
      ascii += code === 0x2b ? '+' : '-';
    } else if ((code === 0x65 || code === 0x45) && digits > 0 && !seenExponent) {
      seenExponent = true;
      ascii += 'e';
    } else if (code === 0x25 || code === 0x66a) {
      if (digits === 0) return undefined;
      percent = true;
    } else {
      return undefined;
    }
  }
  if (word !== '' && !isCurrencyWord(word, upperAscii)) return undefined;
  if (groupDigits >= 0 && groupDigits !== 3) return undefined;
  if (digits === 0 || ascii.endsWith('e') || ascii.endsWith('-') || ascii.endsWith('+')) return undefined;
  const value = +ascii; // Number(ascii) without the global lookup (see isArray)
  if (!isFiniteNumber(value)) return undefined;
  return percent ? value / 100 : value;
}

/** A letter that starts or continues a currency word; "e" after digits is an exponent when a digit or sign follows. */
function isCurrencyLetter(code: number, text: string, i: number, digits: number, seenExponent: boolean): boolean {
  if (!isWordLetter(code)) return false;
  if ((code === 0x65 || code === 0x45) && digits > 0 && !seenExponent) {
    const next = text.charCodeAt(i + 1);
    if (digitValue(next) >= 0 || next === 0x2d || next === 0x2b || next === 0x2212) return false;
  }
  return true;
}

function nextSignificant(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isIgnorable(code)) return code;
  }
  return -1;
}

export function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]'; // any realm
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "yyyy-mm-dd", with " hh:mm" when the time is not midnight, from the given calendar fields. */
function isoDateText(year: number, month: number, day: number, hours = 0, minutes = 0): string {
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  return hours !== 0 || minutes !== 0 ? `${date} ${pad2(hours)}:${pad2(minutes)}` : date;
}

/** A date in the running script's own time zone, in ISO order. */
export function localDateText(date: Date): string {
  return isoDateText(date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes());
}

/** A date as the spreadsheet shows it (see CallContext.formatDate), in ISO order. */
export function dateText(ctx: CallContext, date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  return ctx.formatDate ? ctx.formatDate(date) : localDateText(date);
}

/** Entries a list of user texts shows in a message before "…". */
const MAX_SHOWN_ENTRIES = 10;

/**
 * User text as a message quotes it: in quotes, cut after MAX_SHOWN_TEXT UTF-16 units (never inside a
 * surrogate pair) with "…", so a 50,000-character header cannot make a 50,000-character message.
 */
export function quoteText(text: string): string {
  if (text.length <= MAX_SHOWN_TEXT) return `"${text}"`;
  const code = text.charCodeAt(MAX_SHOWN_TEXT - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? MAX_SHOWN_TEXT - 1 : MAX_SHOWN_TEXT;
  return `"${text.slice(0, end)}…"`;
}

/** User texts as a message lists them: each quoted by quoteText, the first MAX_SHOWN_ENTRIES then "…". */
export function quotedList(texts: readonly string[]): string {
  const shown = texts.slice(0, MAX_SHOWN_ENTRIES).map(quoteText);
  if (texts.length > MAX_SHOWN_ENTRIES) shown.push('…');
  return shown.join(', ');
}

/** How an argument a caller sent (any value) is named in a message; never calls the value's own toString (it may be hostile). */
export function describeArgument(value: unknown): string {
  if (typeof value === 'string') return quoteText(value);
  if (Array.isArray(value)) return '[...]';
  return typeof value === 'object' && value !== null ? '{...}' : String(value);
}

/** How a bad value is named in a message: quoted text, localized TRUE/FALSE, a date, or the number. */
export function describeValue(ctx: CallContext, value: Cell): string {
  if (isDate(value)) return translate(ctx.language, 'value.date', { value: dateText(ctx, value) });
  if (typeof value === 'boolean') return translate(ctx.language, value ? 'value.true' : 'value.false');
  if (value === null || value === undefined || value === '') return translate(ctx.language, 'value.blank');
  if (typeof value === 'string') return quoteText(value);
  return String(value);
}

/**
 * One cell read as a number: a number as it is, numeric text parsed (any digits), null for a blank.
 * Anything else (words, booleans, dates, NaN) throws an error naming the function, argument and value.
 */
export function readNumber(value: Cell, ctx: CallContext, arg: string): number | null {
  if (typeof value === 'number') {
    if (isFiniteNumber(value)) return value;
    throw raceError(ctx, 'error.notANumber', { arg, value: String(value) });
  }
  if (typeof value === 'string') {
    const parsed = parseNumberText(value);
    if (parsed !== undefined) return parsed;
    if (isBlankText(value)) return null;
  } else if (value === null || value === undefined) {
    return null;
  }
  throw raceError(ctx, 'error.notANumber', { arg, value: describeValue(ctx, value) });
}

/** What one pass over an argument found: the sum of its numbers and how many there were (blanks skipped). */
export interface RangeSum {
  readonly sum: number;
  readonly count: number;
}

/**
 * Any cell but a number that may be added (the cold path of sumRange): blank is null, numeric text is
 * parsed, anything else is an error naming the argument; with `nonNegative`, so is a negative number.
 */
function slowNumber(value: Cell, ctx: CallContext, arg: string, nonNegative: boolean): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const read = readNumber(value, ctx, arg);
  if (nonNegative && read !== null && read < 0) throw raceError(ctx, 'error.negative', { arg, value: read });
  return read;
}

/**
 * Why a sum is NaN or infinite. Sheets never passes NaN or Infinity, so the fast path does not test each
 * number for it; a non-finite sum sends us here to name the cell, or else the overflow.
 */
function nonFiniteSumError(ctx: CallContext, arg: Arg, argName: string): RaceError {
  for (const row of isArray(arg) ? arg : [arg]) {
    const cells: Cell[] = isArray(row) ? row : [row];
    for (const value of cells) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return raceError(ctx, 'error.notANumber', { arg: argName, value: String(value) });
      }
    }
  }
  return raceError(ctx, 'error.rangeSumTooLarge', { arg: argName });
}

/**
 * The sum and count of an argument's numbers in one pass, without copying cells: a number takes the
 * `typeof` fast path, anything else goes through readNumber (Persian digits, blanks skipped, errors naming
 * the argument). With `nonNegative`, a negative number is an error. A sum that overflows is an error,
 * never Infinity or a wrong ratio.
 */
export function sumRange(arg: Arg, ctx: CallContext, argName: string, nonNegative = false): RangeSum {
  let found: RangeSum;
  if (isArray(arg)) {
    found = sumRows(arg, ctx, argName, nonNegative);
  } else {
    const value = slowNumber(arg, ctx, argName, nonNegative);
    found = value === null ? { sum: 0, count: 0 } : { sum: value, count: 1 };
  }
  if (!isFiniteNumber(found.sum)) throw nonFiniteSumError(ctx, arg, argName);
  return found;
}

/**
 * The loop of sumRange, in a function of its own that sees only ranges: V8 then keeps its optimized code
 * when single cells are summed elsewhere (sharing one function, it was deoptimized again on every call).
 */
function sumRows(rows: Cell[][], ctx: CallContext, argName: string, nonNegative: boolean): RangeSum {
  let sum = 0;
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const row: Cell[] | Cell = rows[r];
    if (!isArray(row)) {
      const value = slowNumber(row, ctx, argName, nonNegative);
      if (value !== null) {
        sum += value;
        count++;
      }
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      // NaN and ±Infinity pass here and make the sum non-finite: sumRange names them, once, at the end.
      if (typeof v === 'number' && (v >= 0 || !nonNegative)) {
        sum += v;
        count++;
      } else {
        const value = slowNumber(v, ctx, argName, nonNegative);
        if (value !== null) {
          sum += value;
          count++;
        }
      }
    }
  }
  return { sum, count };
}

/** The sum of an argument's numbers; an argument with no number at all is an error. */
export function sumOf(arg: Arg, ctx: CallContext, argName: string): number {
  const { sum, count } = sumRange(arg, ctx, argName);
  if (count === 0) throw raceError(ctx, 'error.noNumbers', { arg: argName });
  return sum;
}
