import { cellsOf, describeValue, gridOf, isBlank, readNumber, type Arg, type Cell } from './cells';
import { raceError, type CallContext } from './errors';
import { localDigits, translate } from './i18n';
import { finiteResult } from './ratios';

/** One funnel stage: its label and volume. */
export interface FunnelStage {
  label: string;
  volume: number;
}

/** A ratio inside a spilled table: "" where it is undefined (nothing in the stage before). */
export type TableRatio = number | '';

export interface FunnelStep {
  from: FunnelStage;
  to: FunnelStage;
  /** to / from; "" when from is 0. */
  stepConversion: TableRatio;
  /** to / first stage; "" when the first stage is 0. */
  cumulativeConversion: TableRatio;
  /** from − to, in the stage's unit (negative when a stage grows). */
  dropOff: number;
  /** dropOff / from; "" when from is 0. */
  dropOffRate: TableRatio;
}

/** The cells of a one-row or one-column argument, in order; a block of several rows and columns is an error. */
function lineOf(ctx: CallContext, arg: Arg, argName: string): Cell[] {
  const grid = gridOf(arg);
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (grid.length > 1 && width > 1) throw raceError(ctx, 'error.oneRowOrColumn', { arg: argName });
  return cellsOf(arg);
}

/**
 * The stages of a funnel from a row or column of volumes (at least two; blanks and negatives are errors,
 * since a missing stage would silently shift every conversion) and optional labels of the same count
 * (blank labels, or no labels at all, get "Stage n" in the caller's language).
 */
export function funnelStages(ctx: CallContext, volumes: Arg, labels: Arg): FunnelStage[] {
  const volumeCells = lineOf(ctx, volumes, 'volumes');
  const values = volumeCells.map((cell) => {
    const value = readNumber(cell, ctx, 'volumes');
    if (value === null) throw raceError(ctx, 'error.notANumber', { arg: 'volumes', value: describeValue(ctx, cell) });
    if (value < 0) throw raceError(ctx, 'error.negative', { arg: 'volumes', value });
    return value;
  });
  if (values.length < 2) throw raceError(ctx, 'error.tooFewStages', { arg: 'volumes', count: values.length });
  const labelCells = isBlank(labels as Cell) ? [] : lineOf(ctx, labels, 'labels');
  if (labelCells.length > 0 && labelCells.length !== values.length) {
    throw raceError(ctx, 'error.labelsMismatch', { arg: 'labels', count: labelCells.length, expected: values.length });
  }
  return values.map((volume, i) => ({ label: stageLabel(ctx, labelCells[i], i), volume }));
}

function stageLabel(ctx: CallContext, cell: Cell, index: number): string {
  if (isBlank(cell)) return translate(ctx.language, 'funnel.defaultStage', { n: localDigits(index + 1, ctx.language) });
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  throw raceError(ctx, 'error.notText', { arg: 'labels', value: describeValue(ctx, cell) });
}

function tableRatio(ctx: CallContext, numerator: number, denominator: number): TableRatio {
  return denominator > 0 ? finiteResult(ctx, numerator / denominator) : '';
}

/** The steps between consecutive stages. */
export function funnelSteps(ctx: CallContext, stages: FunnelStage[]): FunnelStep[] {
  const first = stages[0].volume;
  const steps: FunnelStep[] = [];
  for (let i = 1; i < stages.length; i++) {
    const from = stages[i - 1];
    const to = stages[i];
    const dropOff = from.volume - to.volume;
    steps.push({
      from,
      to,
      stepConversion: tableRatio(ctx, to.volume, from.volume),
      cumulativeConversion: tableRatio(ctx, to.volume, first),
      dropOff,
      dropOffRate: tableRatio(ctx, dropOff, from.volume),
    });
  }
  return steps;
}

/** The funnel as a table with a localized header row; the first stage has "" in every ratio column. */
export function funnelTable(ctx: CallContext, volumes: Arg, labels: Arg): (string | number)[][] {
  const stages = funnelStages(ctx, volumes, labels);
  const header = (
    ['funnel.stage', 'funnel.volume', 'funnel.stepConversion', 'funnel.cumulativeConversion', 'funnel.dropOff', 'funnel.dropOffRate'] as const
  ).map((key) => translate(ctx.language, key));
  const rows: (string | number)[][] = [header, [stages[0].label, stages[0].volume, '', '', '', '']];
  for (const step of funnelSteps(ctx, stages)) {
    rows.push([step.to.label, step.to.volume, step.stepConversion, step.cumulativeConversion, step.dropOff, step.dropOffRate]);
  }
  return rows;
}

/** The step with the lowest step conversion (the first one on a tie), as "A → B" ("A ← B" right-to-left). */
export function bottleneck(ctx: CallContext, volumes: Arg, labels: Arg): string {
  let worst: FunnelStep | undefined;
  for (const step of funnelSteps(ctx, funnelStages(ctx, volumes, labels))) {
    if (step.stepConversion === '') continue;
    if (worst === undefined || step.stepConversion < (worst.stepConversion as number)) worst = step;
  }
  if (worst === undefined) throw raceError(ctx, 'error.noStepConversion', { arg: 'volumes' });
  return translate(ctx.language, 'funnel.step', { from: worst.from.label, to: worst.to.label });
}
