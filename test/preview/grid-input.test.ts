import { bounds, cellA1, moved, parseTsv, rangeA1, toTsv } from '../../preview/page/grid-input';

describe('clipboard text of the preview grid', () => {
  test('tabs split cells, line breaks split rows, one trailing line break is dropped, CRLF too', () => {
    expect(parseTsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseTsv('a\tb\r\n1\t2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseTsv('42')).toEqual([['42']]);
    expect(parseTsv('')).toEqual([['']]);
  });

  test('blank cells and short rows: the block is rectangular, padded with blanks', () => {
    expect(parseTsv('a\t\tc\nx\n\t')).toEqual([['a', '', 'c'], ['x', '', ''], ['', '', '']]);
  });

  test('quoted cells keep tabs, line breaks and doubled quotes; a stray quote stays as typed', () => {
    expect(parseTsv('"two\nlines"\t"say ""hi"""\n"tab\there"\t5')).toEqual([['two\nlines', 'say "hi"'], ['tab\there', '5']]);
    expect(parseTsv('12" screen\t"open')).toEqual([['12" screen', '"open']]);
    expect(parseTsv('"quoted" tail\tx')).toEqual([['"quoted" tail', 'x']]);
  });

  test('a large paste is read in one pass (150,000 rows of one column, 100,000 of three)', () => {
    const column = Array.from({ length: 150_000 }, (_, i) => String(i)).join('\n');
    const one = parseTsv(column);
    expect(one).toHaveLength(150_000);
    expect(one[149_999]).toEqual(['149999']);
    const three = parseTsv(Array.from({ length: 100_000 }, (_, i) => `2026-03-01\t"Campaign\t${i}"\t${i}`).join('\r\n'));
    expect(three).toHaveLength(100_000);
    expect(three[42]).toEqual(['2026-03-01', 'Campaign\t42', '42']);
  });

  test('toTsv writes what parseTsv reads back, Persian text and formulas included', () => {
    const rows = [['=RACE_CONVERSION(E2:E20, F2:F20)', 'a\tb'], ['۱۲۳', 'line\nbreak "q"']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('selection arithmetic', () => {
  test('addresses, bounds and moves inside the grid', () => {
    expect(cellA1({ row: 2, column: 3 })).toBe('C2');
    expect(cellA1({ row: 1, column: 28 })).toBe('AB1');
    const selection = { anchor: { row: 5, column: 4 }, focus: { row: 2, column: 2 } };
    expect(bounds(selection)).toEqual({ top: 2, left: 2, bottom: 5, right: 4 });
    expect(rangeA1(selection)).toBe('B2:D5');
    expect(rangeA1({ anchor: { row: 1, column: 1 }, focus: { row: 1, column: 1 } })).toBe('A1');
    expect(moved({ row: 1, column: 1 }, -1, -1, 10, 5)).toEqual({ row: 1, column: 1 });
    expect(moved({ row: 10, column: 5 }, 1, 1, 10, 5)).toEqual({ row: 10, column: 5 });
    expect(moved({ row: 3, column: 3 }, 1, 0, 10, 5)).toEqual({ row: 4, column: 3 });
  });
});
