import { cellsOf, sumOf, type Arg } from './cells';
import { raceError, type CallContext } from './errors';

/** Two ranges that pair row by row must have as many cells; single values pair with anything. */
export function requireSameSize(ctx: CallContext, a: Arg, aName: string, b: Arg, bName: string): void {
  if (!Array.isArray(a) || !Array.isArray(b)) return;
  const size = cellsOf(a).length;
  const otherSize = cellsOf(b).length;
  if (size !== otherSize) throw raceError(ctx, 'error.shapeMismatch', { arg: aName, other: bName, size, otherSize });
}

/** sum(numerator) / sum(denominator): the aggregate ratio, never an average of row ratios. */
export function ratioOfSums(
  ctx: CallContext,
  numerator: Arg,
  numeratorName: string,
  denominator: Arg,
  denominatorName: string,
): number {
  requireSameSize(ctx, denominator, denominatorName, numerator, numeratorName);
  const top = sumOf(numerator, ctx, numeratorName);
  const bottom = sumOf(denominator, ctx, denominatorName);
  if (!(bottom > 0)) throw raceError(ctx, 'error.notPositive', { arg: denominatorName, value: bottom });
  return top / bottom;
}
