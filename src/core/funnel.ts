import { cellsOf, describeValue, isArray, isBlank, isFiniteNumber, readNumber, type Arg, type Cell } from './cells';
import { raceError, type CallContext } from './errors';
import { localDigits, translate } from './i18n';
import { finiteResult } from './ratios';

/** A ratio inside a spilled table: "" where it is undefined (nothing in the stage before). */
export type TableRatio = number | '';

/** A one-row or one-column argument read in place: a row's cells, or a column of one-cell rows. */
interface Line {
  readonly length: number;
  /** The rows of a column, each of one cell; undefined for a row. */
  readonly column: Cell[][] | undefined;
  /** The cells of a row; undefined for a column. */
  readonly row: Cell[] | undefined;
}

/** A line without copying its cells; a block of several rows and columns is an error. */
function lineOf(ctx: CallContext, arg: Arg, argName: string): Line {
  if (!isArray(arg)) return { length: 1, column: undefined, row: [arg] };
  const first: unknown = arg[0];
  if (arg.length === 1 && isArray(first)) return { length: first.length, column: undefined, row: first as Cell[] };
  // Several rows: a column when each is one cell. This one pass over the rows also finds a block.
  let oneCellRows = true;
  for (let r = 0; r < arg.length; r++) {
    const row: unknown = arg[r];
    if (isArray(row) && row.length === 1) continue;
    if (isArray(row) && row.length > 1) throw raceError(ctx, 'error.oneRowOrColumn', { arg: argName });
    oneCellRows = false;
  }
  if (oneCellRows) return { length: arg.length, column: arg, row: undefined };
  const cells = cellsOf(arg); // empty or non-array rows: never handed over by Sheets, so a copy is fine
  return { length: cells.length, column: undefined, row: cells };
}

function cellAt(line: Line, index: number): Cell {
  return line.column !== undefined ? line.column[index][0] : (line.row as Cell[])[index];
}

/** A volume that is not a finite non-negative number (the cold path): numeric text, or an error. */
function slowVolume(ctx: CallContext, cell: Cell): number {
  const value = readNumber(cell, ctx, 'volumes');
  if (value === null) throw raceError(ctx, 'error.notANumber', { arg: 'volumes', value: describeValue(ctx, cell) });
  if (value < 0) throw raceError(ctx, 'error.negative', { arg: 'volumes', value });
  return value;
}

/** The volume of stage `index`: blanks and negatives are errors, since a missing stage would silently shift every conversion. */
function volumeAt(ctx: CallContext, volumes: Line, index: number): number {
  const cell = cellAt(volumes, index);
  return typeof cell === 'number' && cell >= 0 && isFiniteNumber(cell) ? cell : slowVolume(ctx, cell);
}

/**
 * A funnel read in place: at least two volumes in a row or column, and optional labels of the same count
 * (blank labels, or no labels at all, get "Stage n" in the caller's language).
 */
interface Funnel {
  readonly volumes: Line;
  readonly labels: Line | undefined;
  readonly count: number;
}

function readFunnel(ctx: CallContext, volumes: Arg, labels: Arg): Funnel {
  const volumeLine = lineOf(ctx, volumes, 'volumes');
  if (volumeLine.length < 2) {
    if (volumeLine.length === 1) volumeAt(ctx, volumeLine, 0); // a bad volume is named before the count
    throw raceError(ctx, 'error.tooFewStages', { arg: 'volumes', count: volumeLine.length });
  }
  const labelLine = isBlank(labels as Cell) ? undefined : lineOf(ctx, labels, 'labels');
  if (labelLine !== undefined && labelLine.length > 0 && labelLine.length !== volumeLine.length) {
    throw raceError(ctx, 'error.labelsMismatch', { arg: 'labels', count: labelLine.length, expected: volumeLine.length });
  }
  return { volumes: volumeLine, labels: labelLine?.length === 0 ? undefined : labelLine, count: volumeLine.length };
}

/**
 * The label of stage `index` (text trimmed, a number as written, blank as "Stage n"); anything else is an
 * error. `defaultLabel` is undefined when only the check is wanted.
 */
function labelAt(ctx: CallContext, funnel: Funnel, index: number, defaultLabel: ((index: number) => string) | undefined): string {
  const cell = funnel.labels === undefined ? '' : cellAt(funnel.labels, index);
  if (typeof cell === 'string' && cell !== '' && !isBlank(cell)) return defaultLabel === undefined ? '' : cell.trim();
  if (isBlank(cell)) return defaultLabel === undefined ? '' : defaultLabel(index);
  if (typeof cell === 'number' && isFiniteNumber(cell)) return String(cell);
  throw raceError(ctx, 'error.notText', { arg: 'labels', value: describeValue(ctx, cell) });
}

/** "Stage n" in the caller's language: the message is translated once and split around {n}, not once per stage. */
function defaultLabels(ctx: CallContext): (index: number) => string {
  const language = ctx.language;
  const [before, after = ''] = translate(language, 'funnel.defaultStage').split('{n}');
  return (index) => before + localDigits(index + 1, language) + after;
}

function tableRatio(ctx: CallContext, numerator: number, denominator: number): TableRatio {
  return denominator > 0 ? finiteResult(ctx, numerator / denominator) : '';
}

/**
 * The funnel as a table with a localized header row: stage, volume, step conversion (to / from; "" when
 * from is 0), cumulative conversion (to / first stage), drop-off (from − to, negative when a stage grows)
 * and drop-off rate (drop-off / from). The first stage has "" in every ratio column. One pass, no copy.
 */
export function funnelTable(ctx: CallContext, volumes: Arg, labels: Arg): (string | number)[][] {
  const funnel = readFunnel(ctx, volumes, labels);
  const header = (
    ['funnel.stage', 'funnel.volume', 'funnel.stepConversion', 'funnel.cumulativeConversion', 'funnel.dropOff', 'funnel.dropOffRate'] as const
  ).map((key) => translate(ctx.language, key));
  const defaultLabel = defaultLabels(ctx);
  const first = volumeAt(ctx, funnel.volumes, 0);
  const rows: (string | number)[][] = [header, [labelAt(ctx, funnel, 0, defaultLabel), first, '', '', '', '']];
  let previous = first;
  for (let i = 1; i < funnel.count; i++) {
    const volume = volumeAt(ctx, funnel.volumes, i);
    const dropOff = previous - volume;
    rows.push([
      labelAt(ctx, funnel, i, defaultLabel),
      volume,
      tableRatio(ctx, volume, previous),
      tableRatio(ctx, volume, first),
      dropOff,
      tableRatio(ctx, dropOff, previous),
    ]);
    previous = volume;
  }
  return rows;
}

/** A rate as the language writes a percentage with one decimal: "1.9%", "۱٫۹٪", "١٫٩٪". */
function percentText(ctx: CallContext, rate: number): string {
  const tenths = Math.round(rate * 1000);
  const point = ctx.language === 'en' ? '.' : '\u066b'; // the decimal mark localDigits writes
  const value = `${localDigits(Math.trunc(tenths / 10), ctx.language)}${point}${localDigits(tenths % 10, ctx.language)}`;
  return translate(ctx.language, 'funnel.percent', { value });
}

/** The expected rate of a step: a positive number, or undefined for a blank or 0 (the step is not compared). */
function referenceAt(ctx: CallContext, references: Line, index: number): number | undefined {
  const value = readNumber(cellAt(references, index), ctx, 'references');
  if (value === null || value === 0) return undefined;
  if (value < 0) throw raceError(ctx, 'error.negative', { arg: 'references', value });
  return value;
}

/**
 * The funnel's bottleneck as text. Without references: the step with the lowest step conversion (the first
 * on a tie), as "A → B" ("A ← B" right-to-left). With references (an expected rate per stage, the first
 * ignored, blanks not compared): the step furthest below its reference in relative terms (rate ÷ reference
 * − 1 lowest), with the shortfall stated, "A → B 1.9% vs 3.0% expected"; a step with nothing is a finding
 * too, "No B yet: ...", and so is a funnel with nothing at its top. One pass over the volumes; every label
 * is checked, but only the two named are built.
 */
export function bottleneck(ctx: CallContext, volumes: Arg, labels: Arg, references?: Arg): string {
  const funnel = readFunnel(ctx, volumes, labels);
  const expected = references === undefined || isBlank(references as Cell) ? undefined : lineOf(ctx, references, 'references');
  if (expected !== undefined && expected.length !== funnel.count) {
    throw raceError(ctx, 'error.referencesMismatch', { arg: 'references', count: expected.length, expected: funnel.count });
  }
  let worst = -1;
  let worstRate = 0;
  let short = -1;
  let shortGap = 0;
  let shortRate = 0;
  let shortReference = 0;
  const checkLabels = funnel.labels !== undefined;
  const first = volumeAt(ctx, funnel.volumes, 0);
  let previous = first;
  if (checkLabels) labelAt(ctx, funnel, 0, undefined);
  for (let i = 1; i < funnel.count; i++) {
    const volume = volumeAt(ctx, funnel.volumes, i);
    if (checkLabels) labelAt(ctx, funnel, i, undefined);
    const reference = expected === undefined ? undefined : referenceAt(ctx, expected, i);
    if (previous > 0) {
      const rate = finiteResult(ctx, volume / previous);
      if (worst < 0 || rate < worstRate) {
        worst = i;
        worstRate = rate;
      }
      if (reference !== undefined) {
        const gap = finiteResult(ctx, rate / reference - 1);
        if (short < 0 || gap < shortGap) {
          short = i;
          shortGap = gap;
          shortRate = rate;
          shortReference = reference;
        }
      }
    }
    previous = volume;
  }
  const defaultLabel = defaultLabels(ctx);
  const label = (index: number) => labelAt(ctx, funnel, index, defaultLabel);
  const step = (index: number) => translate(ctx.language, 'funnel.step', { from: label(index - 1), to: label(index) });
  if (short > 0) {
    return translate(ctx.language, shortRate === 0 ? 'funnel.noneYet' : 'funnel.shortfall', {
      to: label(short),
      step: step(short),
      rate: percentText(ctx, shortRate),
      reference: percentText(ctx, shortReference),
    });
  }
  if (expected !== undefined && first === 0) return translate(ctx.language, 'funnel.nothingAtTop', { stage: label(0) });
  if (worst < 0) throw raceError(ctx, 'error.noStepConversion', { arg: 'volumes' });
  return step(worst);
}
