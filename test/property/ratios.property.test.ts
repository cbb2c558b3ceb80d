import fc from 'fast-check';
import type { Arg, Cell } from '../../src/core/cells';
import { RaceError } from '../../src/core/errors';
import type { CustomFunctionSpec } from '../../src/functions/define';
import { RACE_CONVERSION, RATIO_FUNCTIONS } from '../../src/functions/ratios';
import { RUNS, anyArg, pairedColumns, scale } from './arbitraries';

const conversion = (from: Arg, to: Arg) => RACE_CONVERSION.run(from, to) as number;

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

test('a ratio is unchanged when numerator and denominator scale by the same k', () => {
  fc.assert(
    fc.property(pairedColumns, scale, ({ top, bottom }, k) => {
      const scaled = (column: Cell[][]) => column.map(([v]) => [(v as number) * k]);
      expectClose(conversion(scaled(bottom), scaled(top)), conversion(bottom, top));
    }),
    RUNS,
  );
});

test('a ratio is unchanged by the order of the rows', () => {
  fc.assert(
    fc.property(
      pairedColumns.chain((columns) =>
        fc.tuple(fc.constant(columns), fc.shuffledSubarray([...columns.top.keys()], { minLength: columns.top.length })),
      ),
      ([{ top, bottom }, order]) => {
        expectClose(conversion(order.map((i) => bottom[i]), order.map((i) => top[i])), conversion(bottom, top));
      },
    ),
    RUNS,
  );
});

test('a ratio is unchanged by inserted blank rows', () => {
  fc.assert(
    fc.property(
      pairedColumns,
      fc.array(fc.nat(), { maxLength: 10 }),
      fc.constantFrom<Cell>('', null, undefined, ' '),
      ({ top, bottom }, positions, blank) => {
        const withBlanks = (column: Cell[][]) => {
          const rows = [...column];
          for (const position of positions) rows.splice(position % (rows.length + 1), 0, [blank]);
          return rows;
        };
        expect(conversion(withBlanks(bottom), withBlanks(top))).toBe(conversion(bottom, top));
      },
    ),
    RUNS,
  );
});

test('a call over 1-cell ranges equals the single-cell call', () => {
  fc.assert(
    fc.property(pairedColumns, ({ top, bottom }) => {
      expect(conversion([bottom[0]], [top[0]])).toBe(conversion(bottom[0][0], top[0][0]));
    }),
    RUNS,
  );
});

test('the ratio is sum(numerators) / sum(denominators)', () => {
  fc.assert(
    fc.property(pairedColumns, ({ top, bottom }) => {
      const sum = (column: Cell[][]) => column.reduce((total, [v]) => total + (v as number), 0);
      expectClose(conversion(bottom, top), sum(top) / sum(bottom));
    }),
    RUNS,
  );
});

test.each(RATIO_FUNCTIONS.map((spec): [string, CustomFunctionSpec] => [spec.name, spec]))(
  '%s on any input gives a finite number or a RaceError naming it, never NaN, Infinity or a TypeError',
  (name, spec) => {
    fc.assert(
      fc.property(fc.array(anyArg, { minLength: spec.params.length, maxLength: spec.params.length }), (args) => {
        let result: unknown;
        try {
          result = spec.run(...args);
        } catch (error) {
          expect(error).toBeInstanceOf(RaceError);
          expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
          return;
        }
        expect(typeof result).toBe('number');
        expect(Number.isFinite(result)).toBe(true);
      }),
      RUNS,
    );
  },
);
