import { isFiniteNumber, requireSameShape, sumOf, sumRange, type Arg } from './cells';
import { raceError, type CallContext } from './errors';

/** sum(numerator) / sum(denominator): the aggregate ratio, never an average of row ratios. */
export function ratioOfSums(
  ctx: CallContext,
  numerator: Arg,
  numeratorName: string,
  denominator: Arg,
  denominatorName: string,
): number {
  requireSameShape(ctx, denominator, denominatorName, numerator, numeratorName);
  const top = sumOf(numerator, ctx, numeratorName);
  const bottom = sumOf(denominator, ctx, denominatorName);
  if (!(bottom > 0)) throw raceError(ctx, 'error.notPositive', { arg: denominatorName, value: bottom });
  return finiteResult(ctx, top / bottom);
}

/** A computed result that Sheets can show: NaN or ±Infinity (from huge or tiny inputs) is an error. */
export function finiteResult(ctx: CallContext, value: number): number {
  if (!isFiniteNumber(value)) throw raceError(ctx, 'error.notFinite');
  return value;
}

/** sum(value) / sum(base) − 1: the relative change, e.g. growth or return on investment. */
export function relativeChange(ctx: CallContext, value: Arg, valueName: string, base: Arg, baseName: string): number {
  return ratioOfSums(ctx, value, valueName, base, baseName) - 1;
}

/** The mean of an argument's numbers (blanks skipped); negative numbers are an error. */
export function nonNegativeMeanOf(arg: Arg, ctx: CallContext, argName: string): number {
  const { sum, count } = sumRange(arg, ctx, argName, true);
  if (count === 0) throw raceError(ctx, 'error.noNumbers', { arg: argName });
  return sum / count;
}

/**
 * Customer lifetime value: average order value × purchases per year × years × margin. Each argument is
 * one figure; a range is read as the mean of its numbers (they are per-customer figures, not volumes).
 * The margin is a decimal from 0 to 1 ("40%" text is 0.4) and defaults to 1 (revenue, not profit).
 */
export function customerLifetimeValue(
  ctx: CallContext,
  averageOrderValue: Arg,
  purchasesPerYear: Arg,
  years: Arg,
  margin: Arg,
): number {
  const value =
    nonNegativeMeanOf(averageOrderValue, ctx, 'average_order_value') *
    nonNegativeMeanOf(purchasesPerYear, ctx, 'purchases_per_year') *
    nonNegativeMeanOf(years, ctx, 'years');
  const margins = sumRange(margin, ctx, 'margin', true);
  if (margins.count === 0) return finiteResult(ctx, value); // blank: revenue, not profit
  const marginValue = margins.sum / margins.count;
  if (marginValue > 1) throw raceError(ctx, 'error.outOfRange', { arg: 'margin', value: marginValue, min: 0, max: 1 });
  return finiteResult(ctx, value * marginValue);
}
