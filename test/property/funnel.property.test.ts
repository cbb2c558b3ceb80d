import fc from 'fast-check';
import { RaceError } from '../../src/core/errors';
import { RACE_BOTTLENECK, RACE_FUNNEL } from '../../src/functions/funnel';
import { RACE_NPS } from '../../src/functions/nps';
import { RUNS, amount, anyArg, anyCell } from './arbitraries';

const volumes = fc.array(amount, { minLength: 2, maxLength: 8 });

test('every funnel table cell is text or a finite number, never NaN or Infinity', () => {
  fc.assert(
    fc.property(volumes, (stageVolumes) => {
      const table = RACE_FUNNEL.run(stageVolumes.map((v) => [v]), '', 'en') as unknown[][];
      expect(table).toHaveLength(stageVolumes.length + 1);
      for (const cell of table.flat()) {
        if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
        else expect(typeof cell).toBe('string');
      }
    }),
    RUNS,
  );
});

test('cumulative conversion is the product of the step conversions', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 2, maxLength: 8 }), (stageVolumes) => {
      const rows = (RACE_FUNNEL.run([stageVolumes], '', 'en') as number[][]).slice(2);
      let product = 1;
      for (const row of rows) {
        product *= row[2];
        expect(Math.abs(row[3] - product)).toBeLessThanOrEqual(1e-9 * Math.max(1, product));
      }
    }),
    RUNS,
  );
});

test('the bottleneck is the step of the lowest step conversion in the table', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 2, maxLength: 8 }), (stageVolumes) => {
      const rows = (RACE_FUNNEL.run([stageVolumes], '', 'en') as (string | number)[][]).slice(1);
      let worst = 1;
      for (let i = 2; i < rows.length; i++) if ((rows[i][2] as number) < (rows[worst][2] as number)) worst = i;
      expect(RACE_BOTTLENECK.run([stageVolumes], '', 'en')).toBe(`${rows[worst - 1][0]} → ${rows[worst][0]}`);
    }),
    RUNS,
  );
});

test('RACE_NPS of any whole scores lies in −100..100 and ignores row order', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 50 }), (scores) => {
      const nps = RACE_NPS.run(scores.map((s) => [s])) as number;
      expect(nps).toBeGreaterThanOrEqual(-100);
      expect(nps).toBeLessThanOrEqual(100);
      expect(RACE_NPS.run([[...scores].reverse()])).toBe(nps);
    }),
    RUNS,
  );
});

test.each([
  ['RACE_FUNNEL', (a: unknown, b: unknown, c: unknown) => RACE_FUNNEL.run(a as never, b as never, c as never)],
  ['RACE_BOTTLENECK', (a: unknown, b: unknown, c: unknown) => RACE_BOTTLENECK.run(a as never, b as never, c as never)],
  ['RACE_NPS', (a: unknown) => RACE_NPS.run(a as never)],
] as const)('%s on any input gives a valid result or a RaceError, never NaN, Infinity or a TypeError', (name, run) => {
  fc.assert(
    fc.property(anyArg, anyArg, anyCell, (a, b, c) => {
      let result: unknown;
      try {
        result = run(a, b, c);
      } catch (error) {
        expect(error).toBeInstanceOf(RaceError);
        expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
        return;
      }
      const cells = Array.isArray(result) ? result.flat() : [result];
      for (const cell of cells) {
        if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
        else expect(typeof cell).toBe('string');
      }
    }),
    RUNS,
  );
});
