import { customerLifetimeValue, ratioOfSums, relativeChange } from '../../src/core/ratios';
import type { CallContext } from '../../src/core/errors';
import {
  RACE_AOV,
  RACE_BOUNCE_RATE,
  RACE_CHURN,
  RACE_CLV,
  RACE_CONVERSION,
  RACE_CPA,
  RACE_GROWTH,
  RACE_REPEAT_RATE,
  RACE_ROAS,
  RACE_ROI,
  RACE_VALUE_PER_VISIT,
} from '../../src/functions/ratios';

const ctx: CallContext = { fn: 'RACE_TEST', language: 'en' };

describe('ratioOfSums', () => {
  test('is the sum of numerators over the sum of denominators, not the mean of row ratios', () => {
    // row ratios 1/2 and 1/8 average 0.3125; the aggregate is 2/10
    expect(ratioOfSums(ctx, [[1], [1]], 'top', [[2], [8]], 'bottom')).toBe(2 / 10);
  });

  test('skips blank rows', () => {
    expect(ratioOfSums(ctx, [[3], [''], [1]], 'top', [[10], [''], [10]], 'bottom')).toBe(4 / 20);
  });

  test('reads numbers stored as Persian text', () => {
    expect(ratioOfSums(ctx, '\u06f5', 'top', '\u06f2\u06f0', 'bottom')).toBe(0.25);
  });

  test('a zero denominator is an error naming the argument', () => {
    expect(() => ratioOfSums(ctx, [[1]], 'top', [[0]], 'bottom')).toThrow(
      'RACE_TEST: argument "bottom" must add up to more than zero (it adds up to 0)',
    );
  });

  test('a negative denominator is an error', () => {
    expect(() => ratioOfSums(ctx, 1, 'top', -5, 'bottom')).toThrow('argument "bottom" must add up to more than zero');
  });

  test('ranges of different sizes are an error naming both arguments', () => {
    expect(() => ratioOfSums(ctx, [[1], [2]], 'top', [[1], [2], [3]], 'bottom')).toThrow(
      'arguments "bottom" and "top" must have the same shape, rows × columns (3×1 and 2×1)',
    );
  });

  test('a row against a column of as many cells is an error too', () => {
    expect(() => ratioOfSums(ctx, [[1, 2]], 'top', [[1], [2]], 'bottom')).toThrow('(2×1 and 1×2)');
  });

  test('a single cell pairs with a range (e.g. a total against per-row figures)', () => {
    expect(ratioOfSums(ctx, [[1], [2]], 'top', 10, 'bottom')).toBeCloseTo(0.3);
  });

  test('a numerator of blanks only is an error', () => {
    expect(() => ratioOfSums(ctx, [[''], ['']], 'top', [[1], [2]], 'bottom')).toThrow('argument "top" contains no numbers');
  });

  test('a word in a range is an error', () => {
    expect(() => ratioOfSums(ctx, [[1], ['n/a']], 'top', [[1], [2]], 'bottom')).toThrow('argument "top" has a value that is not a number: "n/a"');
  });

  test('a result too large for a number is an error, not Infinity', () => {
    expect(() => ratioOfSums(ctx, 1e308, 'top', 1e-10, 'bottom')).toThrow('the result is too large to show');
  });

  test('a denominator whose sum overflows is the sum error, never a ratio of 0', () => {
    // the true value is 1e308 / 2e308 = 0.5; an overflowed sum would make it 1e308 / Infinity = 0
    expect(() => RACE_CONVERSION.run([[1e308], [1e308]], 1e308)).toThrow(
      'RACE_CONVERSION: argument "from" adds up to more than a spreadsheet number can hold',
    );
  });

  test('a numerator whose sum overflows is the sum error, not "too large to show"', () => {
    expect(() => RACE_AOV.run([[1e308, 1e308]], 1)).toThrow('RACE_AOV: argument "revenue" adds up to more than a spreadsheet number can hold');
  });
});

describe('relativeChange', () => {
  test('is sum(value) / sum(base) − 1', () => {
    expect(relativeChange(ctx, [[60], [65]], 'value', [[50], [50]], 'base')).toBeCloseTo(125 / 100 - 1, 12);
  });

  test('a base whose sum overflows is the sum error, never −1', () => {
    // the true value is 1e308 / 2e308 − 1 = −0.5; an overflowed sum would make it 0 − 1
    expect(() => RACE_ROI.run(1e308, [[1e308], [1e308]])).toThrow('RACE_ROI: argument "cost" adds up to more than a spreadsheet number can hold');
  });
});

describe('customerLifetimeValue', () => {
  test('multiplies order value, purchases, years and margin', () => {
    expect(customerLifetimeValue(ctx, 50, 4, 3, 0.4)).toBeCloseTo(50 * 4 * 3 * 0.4, 9);
  });

  test('a blank margin means 1', () => {
    expect(customerLifetimeValue(ctx, 50, 4, 3, '')).toBe(600);
  });

  test('a margin written as "40%" is 0.4', () => {
    expect(customerLifetimeValue(ctx, 50, 4, 3, '40%')).toBeCloseTo(240, 9);
  });

  test('a range is read as the mean of its numbers, blanks skipped', () => {
    expect(customerLifetimeValue(ctx, [[40], [''], [60]], 2, 1, '')).toBe(100);
  });

  test('a negative value is an error naming the argument', () => {
    expect(() => customerLifetimeValue(ctx, 50, [[2], [-1]], 3, '')).toThrow('argument "purchases_per_year" must not be negative: -1');
  });

  test('a margin above 1 is an error', () => {
    expect(() => customerLifetimeValue(ctx, 50, 4, 3, 40)).toThrow('argument "margin" has 40, outside 0 to 1');
  });

  test('a range whose sum overflows is the sum error naming it', () => {
    expect(() => customerLifetimeValue(ctx, [[1e308], [1e308]], 1, 1, '')).toThrow('argument "average_order_value" adds up to more than');
  });

  test('a margin range of blanks only means 1', () => {
    expect(customerLifetimeValue(ctx, 50, 4, 3, [[''], [null]])).toBe(600);
  });

  test('a negative margin is an error naming it', () => {
    expect(() => customerLifetimeValue(ctx, 50, 4, 3, [[''], [-0.1]])).toThrow('argument "margin" must not be negative: -0.1');
  });

  test('blank years is an error', () => {
    expect(() => customerLifetimeValue(ctx, 50, 4, '', '')).toThrow('argument "years" contains no numbers');
  });

  test('a boolean is an error', () => {
    expect(() => customerLifetimeValue(ctx, true, 4, 3, '')).toThrow('argument "average_order_value" has a value that is not a number: TRUE');
  });
});

describe('ratio custom functions', () => {
  // Expected figures are computed by hand from the inputs.
  test('RACE_CONVERSION is to / from', () => {
    expect(RACE_CONVERSION.run([[1000], [3000]], [[30], [10]])).toBe(0.01);
  });

  test('RACE_AOV is revenue / orders', () => {
    expect(RACE_AOV.run([[90000], [7000]], [[1500], [500]])).toBe(48.5);
  });

  test('RACE_CPA is cost / conversions', () => {
    expect(RACE_CPA.run(25000, 2000)).toBe(12.5);
  });

  test('RACE_ROAS is revenue / cost', () => {
    expect(RACE_ROAS.run(97000, 25000)).toBe(3.88);
  });

  test('RACE_ROI is (revenue − cost) / cost', () => {
    expect(RACE_ROI.run(97000, 25000)).toBeCloseTo(2.88, 12);
  });

  test('RACE_ROI is negative when cost exceeds revenue', () => {
    expect(RACE_ROI.run(50, 200)).toBeCloseTo(-0.75, 12);
  });

  test('RACE_VALUE_PER_VISIT is revenue / visits', () => {
    expect(RACE_VALUE_PER_VISIT.run(97000, 100000)).toBe(0.97);
  });

  test('RACE_BOUNCE_RATE is bounces / sessions', () => {
    expect(RACE_BOUNCE_RATE.run([[30], [12]], [[60], [40]])).toBe(0.42);
  });

  test('RACE_REPEAT_RATE is repeat customers / customers', () => {
    expect(RACE_REPEAT_RATE.run(500, 2000)).toBe(0.25);
  });

  test('RACE_CHURN is lost customers / customers at start', () => {
    expect(RACE_CHURN.run(60, 1200)).toBe(0.05);
  });

  test('RACE_GROWTH is current / previous − 1', () => {
    expect(RACE_GROWTH.run(12500, 10000)).toBe(0.25);
  });

  test('RACE_GROWTH is negative for a decline', () => {
    expect(RACE_GROWTH.run(8000, 10000)).toBeCloseTo(-0.2, 12);
  });

  test('RACE_CLV follows its registry example', () => {
    expect(RACE_CLV.run(50, 4, 3, 0.4)).toBeCloseTo(240, 9);
  });

  test('the error names the public function and its argument', () => {
    expect(() => RACE_CPA.run(100, 0)).toThrow('RACE_CPA: argument "conversions" must add up to more than zero');
  });

  test('RACE_CHURN names customers_at_start when it is zero', () => {
    expect(() => RACE_CHURN.run(5, [[0], ['']])).toThrow('RACE_CHURN: argument "customers_at_start"');
  });

  test('a date instead of a number is an error', () => {
    expect(() => RACE_AOV.run(new Date(2024, 2, 1), 10)).toThrow('RACE_AOV: argument "revenue" has a value that is not a number: a date (2024-03-01)');
  });

  test('RACE_GROWTH with mismatched ranges is an error', () => {
    expect(() => RACE_GROWTH.run([[1], [2]], [[1], [2], [3]])).toThrow('RACE_GROWTH: arguments "previous" and "current" must have the same shape');
  });
});
