import { describeValue, gridOf, isBlank, isSingleCell, readNumber, requireSameShape, shapeOf, type Arg, type Cell } from './cells';
import { raceError, type CallContext } from './errors';
import { LANGUAGES, translate, type Localized } from './i18n';

export type Direction = 'higher' | 'lower';
export type Status = 'onTrack' | 'atRisk' | 'offTrack';

/** The words accepted for a direction, in every language ("higher" is better, "lower" is better). */
export const DIRECTION_NAMES: Record<Direction, Localized> = {
  higher: { en: 'higher', fa: 'بیشتر', ar: 'أعلى' },
  lower: { en: 'lower', fa: 'کمتر', ar: 'أقل' },
};

export const DEFAULT_TOLERANCE = 0.1;

const STATUS_KEYS = { onTrack: 'status.onTrack', atRisk: 'status.atRisk', offTrack: 'status.offTrack' } as const;

/**
 * Where an actual stands against its target. "higher": met when actual >= target, at risk down to
 * target − |target| × tolerance. "lower" (costs, bounce rate): met when actual <= target, at risk up to
 * target + |target| × tolerance. |target| keeps the band on the lenient side for negative targets.
 */
export function statusOf(actual: number, target: number, direction: Direction, tolerance: number): Status {
  const band = Math.abs(target) * tolerance;
  if (direction === 'higher') {
    if (actual >= target) return 'onTrack';
    return actual >= target - band ? 'atRisk' : 'offTrack';
  }
  if (actual <= target) return 'onTrack';
  return actual <= target + band ? 'atRisk' : 'offTrack';
}

function allDirectionWords(): string[] {
  const words: string[] = [];
  for (const direction of ['higher', 'lower'] as const) for (const language of LANGUAGES) words.push(DIRECTION_NAMES[direction][language]);
  return words;
}

/** A direction cell: blank is "higher"; otherwise a direction word in any language, case and spaces ignored. */
export function readDirection(ctx: CallContext, cell: Cell): Direction {
  if (isBlank(cell)) return 'higher';
  if (typeof cell === 'string') {
    const word = cell.trim().toLowerCase();
    for (const direction of ['higher', 'lower'] as const) {
      for (const language of LANGUAGES) if (DIRECTION_NAMES[direction][language] === word) return direction;
    }
  }
  throw raceError(ctx, 'error.unknownChoice', {
    arg: 'direction',
    choices: allDirectionWords().join(', '),
    value: describeValue(ctx, cell),
  });
}

/** A tolerance cell: blank is 10%; otherwise a decimal from 0 to 1 (0.1, 10% or the text "10%"). */
export function readTolerance(ctx: CallContext, cell: Cell): number {
  const value = readNumber(cell, ctx, 'tolerance');
  if (value === null) return DEFAULT_TOLERANCE;
  if (value < 0 || value > 1) throw raceError(ctx, 'error.outOfRange', { arg: 'tolerance', value, min: 0, max: 1 });
  return value;
}

/**
 * RACE_STATUS over cells or ranges. Every argument is a single cell or a range; all ranges of more than
 * one cell must have the same shape, single cells apply to every position, and the result has that
 * shape (a single status when every argument is a single cell). Each position is judged on its own:
 * a range call equals the per-cell calls. A blank actual or target gives "" (no data yet, not an error).
 */
export function statusTable(
  ctx: CallContext,
  actual: Arg,
  target: Arg,
  direction: Arg,
  tolerance: Arg,
): string | string[][] {
  const named: [string, Cell[][]][] = [
    ['actual', gridOf(actual)],
    ['target', gridOf(target)],
    ['direction', gridOf(direction)],
    ['tolerance', gridOf(tolerance)],
  ];
  // An empty range (rows 0) reads as a blank cell.
  const ranges = named.filter(([, grid]) => grid.length > 0 && !isSingleCell(shapeOf(grid)));
  for (const [name, grid] of ranges.slice(1)) requireSameShape(ctx, ranges[0][1], ranges[0][0], grid, name);
  const output = ranges.length > 0 ? shapeOf(ranges[0][1]) : { rows: 1, columns: 1 };
  const [actualAt, targetAt, directionAt, toleranceAt] = named.map(([, grid]) =>
    grid.length > 0 && !isSingleCell(shapeOf(grid)) ? (row: number, column: number) => grid[row][column] : () => grid[0]?.[0],
  );
  const result: string[][] = [];
  for (let row = 0; row < output.rows; row++) {
    const line: string[] = [];
    for (let column = 0; column < output.columns; column++) {
      const actualValue = readNumber(actualAt(row, column), ctx, 'actual');
      const targetValue = readNumber(targetAt(row, column), ctx, 'target');
      const directionValue = readDirection(ctx, directionAt(row, column));
      const toleranceValue = readTolerance(ctx, toleranceAt(row, column));
      line.push(
        actualValue === null || targetValue === null
          ? ''
          : translate(ctx.language, STATUS_KEYS[statusOf(actualValue, targetValue, directionValue, toleranceValue)]),
      );
    }
    result.push(line);
  }
  return ranges.length === 0 ? result[0][0] : result;
}
