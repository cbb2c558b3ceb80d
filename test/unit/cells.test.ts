import { cellsOf, describeValue, gridOf, isBlank, parseNumberText, readNumber, shapeOf, sumOf, sumRange } from '../../src/core/cells';
import type { CallContext } from '../../src/core/errors';

const en: CallContext = { fn: 'RACE_TEST', language: 'en' };
const fa: CallContext = { fn: 'RACE_TEST', language: 'fa' };

describe('parseNumberText: accepted forms', () => {
  test.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['+7', 7],
    ['\u22124', -4], // U+2212 minus sign
    ['.5', 0.5],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['-1,234', -1234],
    ['  12  ', 12],
    ['1\u00a0234', 1234], // no-break space as thousands separator
    ['1\u202f234', 1234], // narrow no-break space
    ['1 234 567', 1234567],
    ['\u200e123\u200f', 123], // LRM and RLM around the number
    ['\u061c45', 45], // Arabic letter mark
    ['12%', 0.12],
    ['12 %', 0.12],
    ['12\u066a', 0.12], // Arabic percent sign
  ])('%j is %p', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });

  test('Persian digits are read as their ASCII value', () => {
    expect(parseNumberText('\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9\u06f0')).toBe(1234567890);
  });

  test('Arabic-Indic digits are read as their ASCII value', () => {
    expect(parseNumberText('\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660')).toBe(1234567890);
  });

  test('the Arabic decimal separator U+066B is a decimal point', () => {
    expect(parseNumberText('\u06f1\u066b\u06f5')).toBe(1.5);
  });

  test('the Arabic thousands separator U+066C separates groups', () => {
    expect(parseNumberText('\u0661\u066c\u0662\u0663\u0664\u066b\u0665')).toBe(1234.5);
  });

  test('Persian digits with the Arabic percent sign are a decimal', () => {
    expect(parseNumberText('\u06f2\u06f5\u066a')).toBe(0.25);
  });

  test('Persian digits with a leading minus and bidi marks', () => {
    expect(parseNumberText('\u200f-\u06f1\u06f2\u200f')).toBe(-12);
  });
});

describe('parseNumberText: refused forms', () => {
  test.each([
    ['12abc'],
    ['abc'],
    ['1..2'],
    ['1.2.3'],
    [',12'],
    ['12,'],
    ['1,,234'],
    ['1,23'], // a decimal comma, not thousands: refused rather than read as 123
    ['1,2345'],
    ['1234,567'],
    ['0,500'],
    ['10 20'], // two numbers in one cell
    ['1.234,5'],
    ['1,234.5,6'],
    ['TRUE'],
    ['FALSE'],
    ['2024-01-05'],
    ['5/1/2024'],
    ['-'],
    ['+'],
    ['%'],
    ['.'],
    ['1e'],
    ['e5'],
    ['1e5.5'],
    ['5-'],
    ['--5'],
    ['5%%'],
    ['5%3'],
    ['%5'],
    ['1e999'],
    ['Infinity'],
    ['NaN'],
    ['0x10'],
    ['$12'],
    [''],
    ['   '],
  ])('%j is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});

describe('readNumber', () => {
  test('a number is returned as it is', () => {
    expect(readNumber(3.25, en, 'x')).toBe(3.25);
  });

  test('numeric text is parsed', () => {
    expect(readNumber('\u06f1\u066c\u06f0\u06f0\u06f0', en, 'x')).toBe(1000);
  });

  test.each([[''], [null], [undefined], ['  \u00a0 '], ['\u200e']])('%j is blank (null, never 0)', (cell) => {
    expect(readNumber(cell, en, 'x')).toBeNull();
  });

  test('a word is an error naming the function, the argument and the value', () => {
    expect(() => readNumber('twelve', en, 'visits')).toThrow('RACE_TEST: argument "visits" has a value that is not a number: "twelve"');
  });

  test('TRUE as text is an error', () => {
    expect(() => readNumber('TRUE', en, 'visits')).toThrow('"TRUE"');
  });

  test('a boolean is an error', () => {
    expect(() => readNumber(true, en, 'visits')).toThrow('argument "visits" has a value that is not a number: TRUE');
  });

  test('a date is an error showing the date', () => {
    expect(() => readNumber(new Date(2024, 0, 5), en, 'visits')).toThrow('a date (2024-01-05)');
  });

  test('NaN is an error', () => {
    expect(() => readNumber(Number.NaN, en, 'visits')).toThrow('RACE_TEST: argument "visits"');
  });

  test('Infinity is an error', () => {
    expect(() => readNumber(Number.POSITIVE_INFINITY, en, 'visits')).toThrow('RACE_TEST: argument "visits"');
  });

  test('the error is in the context language', () => {
    expect(() => readNumber('abc', fa, 'visits')).toThrow('RACE_TEST: آرگومان «visits» مقداری دارد که عدد نیست: "abc"');
  });

  test('long text is shortened in the message', () => {
    const long = 'x'.repeat(100);
    expect(() => readNumber(long, en, 'visits')).toThrow(`"${'x'.repeat(40)}…"`);
  });
});

describe('ranges', () => {
  test('cellsOf reads a range row by row', () => {
    expect(cellsOf([[1, 2], [3, 4]])).toEqual([1, 2, 3, 4]);
  });

  test('cellsOf wraps a single cell', () => {
    expect(cellsOf(5)).toEqual([5]);
  });

  test('gridOf makes a single cell a 1x1 grid', () => {
    expect(gridOf('a')).toEqual([['a']]);
  });

  test('shapeOf is rows x widest row, without copying', () => {
    expect(shapeOf([[1, 2, 3], [4]])).toEqual({ rows: 2, columns: 3 });
    expect(shapeOf(7)).toEqual({ rows: 1, columns: 1 });
    expect(shapeOf([])).toEqual({ rows: 0, columns: 0 });
  });

  test('sumOf adds the numbers of a range', () => {
    expect(sumOf([[1, '2'], ['', 3.5]], en, 'x')).toBe(6.5);
  });

  test('sumOf of blanks only is an error', () => {
    expect(() => sumOf([[''], [null]], en, 'visits')).toThrow('RACE_TEST: argument "visits" contains no numbers');
  });

  test('isBlank is true for spaces and bidi marks only', () => {
    expect(isBlank(' \u200f ')).toBe(true);
  });

  test('isBlank is false for zero', () => {
    expect(isBlank(0)).toBe(false);
  });

  test('describeValue names FALSE in Persian', () => {
    expect(describeValue(fa, false)).not.toBe('FALSE');
  });
});

describe('sumRange: one pass over a range', () => {
  test('skips blanks of every kind and counts only numbers', () => {
    expect(sumRange([[1, ''], [null, ' \u200f '], [undefined, 2.5]], en, 'x')).toEqual({ sum: 3.5, count: 2 });
  });

  test('reads Persian and Arabic-Indic digits, grouped and percent text', () => {
    expect(sumRange([['\u06f1\u06f2', '\u0663'], ['2,000', '50%']], en, 'x')).toEqual({ sum: 2015.5, count: 4 });
  });

  test('a single cell is a 1x1 range; a blank one has no numbers', () => {
    expect(sumRange('\u06f4', en, 'x')).toEqual({ sum: 4, count: 1 });
    expect(sumRange('', en, 'x')).toEqual({ sum: 0, count: 0 });
  });

  test('rows that are not arrays (a 1-D list) are read as cells', () => {
    expect(sumRange([1, '2', ''] as never, en, 'x')).toEqual({ sum: 3, count: 2 });
  });

  test('a word is an error naming the function, the argument and the value', () => {
    expect(() => sumRange([[1, 2], [3, 'n/a']], en, 'visits')).toThrow('RACE_TEST: argument "visits" has a value that is not a number: "n/a"');
  });

  test('a boolean or a date is an error naming the argument', () => {
    expect(() => sumRange([[true]], en, 'cost')).toThrow('argument "cost" has a value that is not a number: TRUE');
    expect(() => sumRange([[1], [new Date(2024, 0, 5)]], en, 'cost')).toThrow('argument "cost" has a value that is not a number: a date (2024-01-05)');
  });

  test.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])('%p in a range is an error naming it', (bad) => {
    expect(() => sumRange([[1], [bad], [2]], en, 'visits')).toThrow(`RACE_TEST: argument "visits" has a value that is not a number: ${bad}`);
  });

  test('a sum beyond the largest number is an error, not Infinity', () => {
    expect(() => sumRange([[1e308], [1e308]], en, 'from')).toThrow('RACE_TEST: argument "from" adds up to more than a spreadsheet number can hold');
    expect(() => sumRange([[-1e308, -1e308]], en, 'from')).toThrow('argument "from" adds up to more than');
  });

  test('the overflow error is in the context language', () => {
    expect(() => sumRange([[1e308], ['\u06f1e308']], fa, 'from')).toThrow('RACE_TEST: آرگومان «from»: جمع مقادیر آن از بزرگ‌ترین عددی');
  });

  test('with nonNegative, a negative number (or negative text) is an error naming it', () => {
    expect(() => sumRange([[1, -2]], en, 'years', true)).toThrow('RACE_TEST: argument "years" must not be negative: -2');
    expect(() => sumRange([['-\u06f3']], en, 'years', true)).toThrow('argument "years" must not be negative: -3');
    expect(sumRange([[1, -2]], en, 'years')).toEqual({ sum: -1, count: 2 });
  });

  test('with nonNegative, NaN is still "not a number", not "negative"', () => {
    expect(() => sumRange([[Number.NaN]], en, 'years', true)).toThrow('argument "years" has a value that is not a number: NaN');
  });

  test('gives the same sum as adding the cells one by one', () => {
    const range = Array.from({ length: 50 }, (_, r) => Array.from({ length: 7 }, (_, c) => (r * 7 + c) % 11 === 0 ? '' : r * 0.5 + c));
    let expected = 0;
    for (const row of range) for (const cell of row) if (cell !== '') expected += cell;
    expect(sumRange(range, en, 'x').sum).toBe(expected);
  });
});
