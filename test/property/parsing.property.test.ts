import fc from 'fast-check';
import { parseNumberText, readNumber } from '../../src/core/cells';
import { RUNS, asciiNumberText, localizedNumberText } from './arbitraries';

/** The expected value computed without the parser: JavaScript's Number on the separator-free text. */
function plainValue(ascii: string): number {
  const percent = ascii.endsWith('%');
  const value = Number(ascii.replace(/,/g, '').replace('%', ''));
  return percent ? value / 100 : value;
}

test('an ASCII number with thousands commas parses to its value', () => {
  fc.assert(
    fc.property(asciiNumberText, (ascii) => {
      expect(parseNumberText(ascii)).toBe(plainValue(ascii));
    }),
    RUNS,
  );
});

test('Persian or Arabic-Indic digits and separators parse to the same number as ASCII', () => {
  fc.assert(
    fc.property(
      asciiNumberText.chain((ascii) => fc.tuple(fc.constant(ascii), localizedNumberText(ascii))),
      ([ascii, localized]) => {
        expect(parseNumberText(localized)).toBe(parseNumberText(ascii));
      },
    ),
    RUNS,
  );
});

test('reading any text never gives NaN or Infinity: a finite number, a blank or a thrown error', () => {
  const ctx = { fn: 'RACE_TEST', language: 'en' as const };
  fc.assert(
    fc.property(fc.string({ maxLength: 12, unit: 'binary' }), (text) => {
      let value: number | null;
      try {
        value = readNumber(text, ctx, 'x');
      } catch (error) {
        expect((error as Error).message.startsWith('RACE_TEST: ')).toBe(true);
        return;
      }
      if (value !== null) expect(Number.isFinite(value)).toBe(true);
    }),
    RUNS,
  );
});
