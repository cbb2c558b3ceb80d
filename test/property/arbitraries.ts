// Shared fast-check arbitraries for the property tests of cell reading and the custom functions.
import fc from 'fast-check';
import type { Cell } from '../../src/core/cells';

export const RUNS = { numRuns: 1000 };

const cents = (value: number) => Math.round(value * 100) / 100;

/** A stage volume or money amount as Sheets passes it: a count, or an amount with cents. */
export const amount = fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }).map(cents));

/** A denominator that keeps a ratio defined. */
export const positiveAmount = fc.oneof(
  fc.integer({ min: 1, max: 1_000_000_000 }),
  fc.double({ min: 0.01, max: 1e9, noNaN: true }).map((value) => Math.max(0.01, cents(value))),
);

/** Paired numerator and denominator columns of the same length, the denominators adding up to > 0. */
export const pairedColumns = fc
  .array(fc.tuple(amount, positiveAmount), { minLength: 1, maxLength: 30 })
  .map((rows) => ({ top: rows.map(([t]) => [t] as Cell[]), bottom: rows.map(([, b]) => [b] as Cell[]) }));

/** A scale factor for both sides of a ratio. */
export const scale = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }));

/** Any value a cell can hand to a custom function, including bad ones. */
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0 and huge values
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.constantFrom('', null, undefined, ' ', '\u200f'),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('12%', '1,234', '\u06f1\u06f2', '\u0661\u066b\u0665', 'higher', 'lower', 'abc', 'TRUE', '1e400', '-5'),
);

/** An argument: one cell or a small range (rows of equal or unequal width). */
export const anyArg = fc.oneof(
  anyCell,
  fc.array(fc.array(anyCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
);

/** A number written in ASCII with optional sign, thousands commas and decimals, e.g. "-1,234.05". */
export const asciiNumberText = fc
  .record({
    negative: fc.boolean(),
    integer: fc.bigInt({ min: 0n, max: 999_999_999_999n }),
    grouped: fc.boolean(),
    decimals: fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
    percent: fc.boolean(),
  })
  .map(({ negative, integer, grouped, decimals, percent }) => {
    const digits = integer.toString();
    let integerPart = digits;
    if (grouped) {
      const groups: string[] = [];
      for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
      integerPart = groups.join(',');
    }
    return `${negative ? '-' : ''}${integerPart}${decimals === undefined ? '' : `.${decimals}`}${percent ? '%' : ''}`;
  });

const BIDI_MARKS = ['\u200e', '\u200f', '\u061c'];

/**
 * The same number in Persian (U+06F0..) or Arabic-Indic (U+0660..) digits, with the Arabic decimal and
 * thousands separators (or ASCII ones), the Arabic percent sign and bidi marks around it.
 */
export function localizedNumberText(ascii: string): fc.Arbitrary<string> {
  return fc
    .record({
      zero: fc.constantFrom(0x6f0, 0x660),
      arabicSeparators: fc.boolean(),
      arabicPercent: fc.boolean(),
      before: fc.constantFrom('', ...BIDI_MARKS),
      after: fc.constantFrom('', ...BIDI_MARKS),
    })
    .map(({ zero, arabicSeparators, arabicPercent, before, after }) => {
      let text = '';
      for (const char of ascii) {
        if (char >= '0' && char <= '9') text += String.fromCharCode(zero + char.charCodeAt(0) - 0x30);
        else if (char === '.' && arabicSeparators) text += '\u066b';
        else if (char === ',' && arabicSeparators) text += '\u066c';
        else if (char === '%' && arabicPercent) text += '\u066a';
        else text += char;
      }
      return `${before}${text}${after}`;
    });
}
