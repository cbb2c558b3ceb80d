import fc from 'fast-check';
import type { Cell } from '../../src/core/cells';
import { RaceError } from '../../src/core/errors';
import { RACE_STATUS } from '../../src/functions/status';
import { RUNS, anyArg, anyCell } from './arbitraries';

const actualOrTarget = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom<Cell>('', '5%', '\u06f1\u06f0\u06f0'));
const direction = fc.constantFrom<Cell>('', 'higher', 'lower', 'بیشتر', 'أقل');
const tolerance = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom<Cell>('', '10%'));

/** A grid of rows × columns whose cells come from `cell`. */
function gridOf<T>(rows: number, columns: number, cell: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  return fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });
}

const rangeCall = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) =>
    fc.record({
      actual: gridOf(rows, columns, actualOrTarget),
      target: gridOf(rows, columns, actualOrTarget),
      direction: fc.oneof(direction, gridOf(rows, columns, direction)),
      tolerance: fc.oneof(tolerance, gridOf(rows, columns, tolerance)),
      language: fc.constantFrom('en', 'fa', 'ar'),
    }),
  );

const cellAt = (arg: Cell | Cell[][], row: number, column: number): Cell => (Array.isArray(arg) ? arg[row][column] : arg);

test('RACE_STATUS over ranges equals the per-cell calls', () => {
  fc.assert(
    fc.property(rangeCall, ({ actual, target, direction, tolerance, language }) => {
      const result = RACE_STATUS.run(actual, target, direction, tolerance, language);
      // A per-cell call that raises shows its message in the range's position.
      const perCell = actual.map((line, row) =>
        line.map((_, column) => {
          try {
            return RACE_STATUS.run(actual[row][column], target[row][column], cellAt(direction, row, column), cellAt(tolerance, row, column), language);
          } catch (error) {
            return (error as Error).message;
          }
        }),
      );
      if (actual.length === 1 && actual[0].length === 1) expect(result).toEqual(perCell[0][0]);
      else expect(result).toEqual(perCell);
    }),
    RUNS,
  );
});

test('raising the actual never worsens a "higher" status', () => {
  const rank = { 'Off track': 0, 'At risk': 1, 'On track': 2 } as Record<string, number>;
  fc.assert(
    fc.property(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (actual, raise, target, tol) => {
        const before = RACE_STATUS.run(actual, target, 'higher', tol, 'en') as string;
        const after = RACE_STATUS.run(actual + raise, target, 'higher', tol, 'en') as string;
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
      },
    ),
    RUNS,
  );
});

test('RACE_STATUS on any input gives statuses or a RaceError, never a TypeError', () => {
  fc.assert(
    fc.property(anyArg, anyArg, anyArg, anyArg, anyCell, (actual, target, direction, tolerance, language) => {
      let result: unknown;
      try {
        result = RACE_STATUS.run(actual, target, direction, tolerance, language);
      } catch (error) {
        expect(error).toBeInstanceOf(RaceError);
        expect((error as Error).message.startsWith('RACE_STATUS: ')).toBe(true);
        return;
      }
      const cells = Array.isArray(result) ? result.flat() : [result];
      const statuses = ['', 'On track', 'At risk', 'Off track', 'طبق برنامه', 'در معرض خطر', 'عقب‌تر از برنامه', 'وفق الخطة', 'معرّض للخطر', 'متأخر عن الخطة'];
      // In a range, an unreadable actual or target shows its message in place.
      for (const cell of cells) expect(statuses.includes(cell as string) || /^RACE_STATUS: argument "(actual|target)"/.test(cell as string)).toBe(true);
    }),
    RUNS,
  );
});
