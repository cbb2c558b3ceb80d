import fc from 'fast-check';
import type { Cell } from '../../src/core/cells';
import { summarize } from '../../src/core/summary';
import { RUNS } from './arbitraries';

const ctx = { fn: 'RACE_SUMMARY', language: 'en' as const };
const HEADER = ['Channel', 'Visits', 'Leads', 'Orders', 'Customers', 'Revenue', 'Cost'];
const VOLUMES = HEADER.length - 1;
const CHANNELS = ['Paid', 'Organic', 'Email', ''];
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** A data row as numbers (null = blank), and how Sheets would pass it (blank "", some numbers as Persian text). */
interface GeneratedRow {
  channel: string;
  values: (number | null)[];
  persian: boolean[];
}

const rowArb: fc.Arbitrary<GeneratedRow> = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  values: fc.array(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null, freq: 5 }), { minLength: VOLUMES, maxLength: VOLUMES }),
  persian: fc.array(fc.boolean(), { minLength: VOLUMES, maxLength: VOLUMES }),
});

const toPersian = (n: number) => String(n).replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]);

function asSheet(rows: GeneratedRow[]): Cell[][] {
  return [
    HEADER,
    ...rows.map((row) => [row.channel, ...row.values.map((v, i) => (v === null ? '' : row.persian[i] ? toPersian(v) : v))]),
  ];
}

const blankRow = (): Cell[] => HEADER.map(() => '');
const dataRows = (result: Cell[][]) => result.slice(1, -1);
const totalRow = (result: Cell[][]) => result[result.length - 1];
const sortedByLabel = (rows: Cell[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('RACE_SUMMARY properties', () => {
  test('group rows add up to the Total row in every volume column', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), (rows) => {
        const result = summarize(ctx, asSheet(rows), 'Channel', '');
        for (let column = 1; column <= VOLUMES; column++) {
          const groupSum = dataRows(result).reduce((sum, row) => sum + (row[column] as number), 0);
          expect(groupSum).toBe(totalRow(result)[column]);
        }
      }),
      RUNS,
    );
  });

  test('the result does not depend on row order (up to the order of groups)', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 40 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          const original = summarize(ctx, asSheet(rows), 'Channel', '');
          const reordered = summarize(ctx, asSheet(shuffled), 'Channel', '');
          expect(sortedByLabel(dataRows(reordered))).toEqual(sortedByLabel(dataRows(original)));
          expect(totalRow(reordered)).toEqual(totalRow(original));
        },
      ),
      RUNS,
    );
  });

  test('inserted blank rows change nothing', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (rows, positions) => {
        const sheet = asSheet(rows);
        const withBlanks = sheet.map((row) => [...row]);
        for (const position of positions) withBlanks.splice(1 + (position % withBlanks.length), 0, blankRow());
        expect(summarize(ctx, withBlanks, 'Channel', '')).toEqual(summarize(ctx, sheet, 'Channel', ''));
      }),
      RUNS,
    );
  });

  test('every rate equals sum(numerator) / sum(denominator) of the group, computed here from the raw numbers', () => {
    // Output columns: label, 6 volumes, then Visit → lead, Lead → customer, Visit → order, Visit → customer, AOV, CPA, ROAS.
    // [numerator, denominator] volume index: AOV is revenue per order, CPA cost per customer.
    const RATES: [number, number][] = [[1, 0], [3, 1], [2, 0], [3, 0], [4, 2], [5, 3], [4, 5]];
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), (rows) => {
        const result = summarize(ctx, asSheet(rows), 'Channel', '');
        const expectedSums = new Map<string, number[]>();
        for (const row of rows) {
          const label = row.channel === '' ? '(blank)' : row.channel;
          if (row.channel === '' && row.values.every((v) => v === null)) continue;
          const sums = expectedSums.get(label) ?? new Array(VOLUMES).fill(0);
          row.values.forEach((v, i) => (sums[i] += v ?? 0));
          expectedSums.set(label, sums);
        }
        expect(dataRows(result).map((row) => row[0]).sort()).toEqual([...expectedSums.keys()].sort());
        for (const row of dataRows(result)) {
          const sums = expectedSums.get(String(row[0]))!;
          expect(row.slice(1, 1 + VOLUMES)).toEqual(sums);
          RATES.forEach(([top, bottom], k) => {
            expect(row[1 + VOLUMES + k]).toBe(sums[bottom] > 0 ? sums[top] / sums[bottom] : '');
          });
        }
      }),
      RUNS,
    );
  });

  test('no output cell is ever NaN or Infinity, whatever finite numbers come in', () => {
    const anyNumber = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e150, max: 1e150 }), fc.constant(0), fc.constant(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...CHANNELS), fc.array(anyNumber, { minLength: VOLUMES, maxLength: VOLUMES })), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const result = summarize(ctx, [HEADER, ...rows.map(([channel, values]) => [channel, ...values])], 'Channel', '');
          for (const row of result) for (const cell of row) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
