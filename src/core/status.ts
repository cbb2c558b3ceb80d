import { describeValue, isArray, isFiniteNumber, isBlank, isSingleCell, readNumber, requireSameShape, shapeOf, type Arg, type Cell } from './cells';
import { RaceError, raceError, type CallContext } from './errors';
import { LANGUAGES, translate, type Localized } from './i18n';

export type Direction = 'higher' | 'lower';
export type Status = 'onTrack' | 'atRisk' | 'offTrack';

/** The words accepted for a direction, in every language ("higher" is better, "lower" is better). */
export const DIRECTION_NAMES: Record<Direction, Localized> = {
  higher: { en: 'higher', fa: 'بیشتر', ar: 'أعلى' },
  lower: { en: 'lower', fa: 'کمتر', ar: 'أقل' },
};

export const DEFAULT_TOLERANCE = 0.1;

/** A module binding: a global lookup per cell is costly in a vm context such as gas-local (see isArray in cells.ts). */
const abs = Math.abs;

const STATUS_KEYS = { onTrack: 'status.onTrack', atRisk: 'status.atRisk', offTrack: 'status.offTrack' } as const;

/**
 * Where an actual stands against its target. "higher": met when actual >= target, at risk down to
 * target − |target| × tolerance. "lower" (costs, bounce rate): met when actual <= target, at risk up to
 * target + |target| × tolerance. |target| keeps the band on the lenient side for negative targets.
 */
export function statusOf(actual: number, target: number, direction: Direction, tolerance: number): Status {
  const band = abs(target) * tolerance;
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

/** An argument of more than one cell; an empty range (no rows) reads as a blank cell. */
function isRange(arg: Arg): arg is Cell[][] {
  return isArray(arg) && arg.length > 0 && !isSingleCell(shapeOf(arg));
}

/** The one cell of an argument that is not a range. */
function singleCell(arg: Arg): Cell {
  if (!isArray(arg)) return arg;
  const first: unknown = arg[0];
  return (isArray(first) ? first[0] : first) as Cell;
}

/** Row `r` of a range as an array (a row that is a bare cell, never handed over by Sheets, becomes one). */
function rowAt(range: Cell[][], r: number): Cell[] {
  const row: unknown = range[r];
  return isArray(row) ? (row as Cell[]) : [row as Cell];
}

/** readDirection or readTolerance over a range, remembering the last cell read (ranges repeat one value). */
function lastValueReader<T>(read: (ctx: CallContext, cell: Cell) => T): (ctx: CallContext, cell: Cell) => T {
  let lastCell: Cell = undefined;
  let lastValue: T | undefined;
  return (ctx, cell) => {
    if (lastValue === undefined || cell !== lastCell) {
      lastValue = read(ctx, cell);
      lastCell = cell;
    }
    return lastValue;
  };
}

/** An actual or target: a finite number as it is, anything else through readNumber (null for a blank). */
function numberAt(cell: Cell, ctx: CallContext, arg: string): number | null {
  return typeof cell === 'number' && isFiniteNumber(cell) ? cell : readNumber(cell, ctx, arg);
}

/**
 * RACE_STATUS over cells or ranges. Every argument is a single cell or a range; all ranges of more than
 * one cell must have the same shape, single cells apply to every position, and the result has that
 * shape (a single status when every argument is a single cell). Each position is judged on its own:
 * a range call equals the per-cell calls, except that where a per-cell call would raise its message on the
 * actual or the target (a target typed as text), the range shows that message in the position and the
 * other statuses stay.
 * A blank actual or target gives "" (no data yet, not an error).
 * One pass over the ranges without copying them; single cells and the status texts are read once.
 */
export function statusTable(
  ctx: CallContext,
  actual: Arg,
  target: Arg,
  direction: Arg,
  tolerance: Arg,
): string | string[][] {
  const named: [string, Arg][] = [
    ['actual', actual],
    ['target', target],
    ['direction', direction],
    ['tolerance', tolerance],
  ];
  const ranges = named.filter(([, arg]) => isRange(arg));
  for (const [name, arg] of ranges.slice(1)) requireSameShape(ctx, ranges[0][1], ranges[0][0], arg, name);
  const output = ranges.length > 0 ? shapeOf(ranges[0][1]) : { rows: 1, columns: 1 };
  const actualRange = isRange(actual) ? actual : undefined;
  const targetRange = isRange(target) ? target : undefined;
  const directionRange = isRange(direction) ? direction : undefined;
  const toleranceRange = isRange(tolerance) ? tolerance : undefined;
  const directionOf = lastValueReader(readDirection);
  const toleranceOf = lastValueReader(readTolerance);
  const actualCell = singleCell(actual);
  const targetCell = singleCell(target);
  const directionCell = singleCell(direction);
  const toleranceCell = singleCell(tolerance);
  const language = ctx.language;
  const labels: Record<Status, string> = {
    onTrack: translate(language, STATUS_KEYS.onTrack),
    atRisk: translate(language, STATUS_KEYS.atRisk),
    offTrack: translate(language, STATUS_KEYS.offTrack),
  };

  const result: string[][] = [];
  for (let r = 0; r < output.rows; r++) {
    const actualRow = actualRange && rowAt(actualRange, r);
    const targetRow = targetRange && rowAt(targetRange, r);
    const directionRow = directionRange && rowAt(directionRange, r);
    const toleranceRow = toleranceRange && rowAt(toleranceRange, r);
    const line: string[] = [];
    for (let c = 0; c < output.columns; c++) {
      const directionValue = directionOf(ctx, directionRow ? directionRow[c] : directionCell);
      const toleranceValue = toleranceOf(ctx, toleranceRow ? toleranceRow[c] : toleranceCell);
      let status: string;
      try {
        const actualValue = numberAt(actualRow ? actualRow[c] : actualCell, ctx, 'actual');
        const targetValue = numberAt(targetRow ? targetRow[c] : targetCell, ctx, 'target');
        status = actualValue === null || targetValue === null ? '' : labels[statusOf(actualValue, targetValue, directionValue, toleranceValue)];
      } catch (error) {
        // In a range, one unreadable actual or target shows its message in place instead of hiding every
        // other status; a wrong direction or tolerance is the formula's mistake and stops it.
        if (ranges.length === 0 || !(error instanceof RaceError)) throw error;
        status = error.message;
      }
      line.push(status);
    }
    result.push(line);
  }
  return ranges.length === 0 ? result[0][0] : result;
}
