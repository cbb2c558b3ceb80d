import { isArray, readNumber, type Arg, type Cell } from './cells';
import { raceError, type CallContext } from './errors';

const LOWEST_SCORE = 0;
const HIGHEST_SCORE = 10;
const LOWEST_PROMOTER = 9;
const HIGHEST_DETRACTOR = 6;

/** A cell that is not a whole number from 0 to 10 (the cold path): the score of numeric text, -1 for a blank, else an error. */
function slowScore(ctx: CallContext, cell: Cell): number {
  const score = readNumber(cell, ctx, 'scores');
  if (score === null) return -1;
  if (score < LOWEST_SCORE || score > HIGHEST_SCORE) {
    throw raceError(ctx, 'error.outOfRange', { arg: 'scores', value: score, min: LOWEST_SCORE, max: HIGHEST_SCORE });
  }
  if (!Number.isInteger(score)) throw raceError(ctx, 'error.notWholeNumber', { arg: 'scores', value: score });
  return score;
}

/**
 * Net Promoter Score from 0-10 answers (blanks skipped): % promoters (9-10) − % detractors (0-6), from
 * −100 to 100. Scores must be whole numbers: a fraction such as 7.5 is an averaged figure, not an answer,
 * and would be counted in a class it does not belong to. One pass, no copy: a whole number from 0 to 10
 * is counted at once, anything else goes through slowScore.
 */
export function netPromoterScore(ctx: CallContext, scores: Arg): number {
  let answers = 0;
  let promoters = 0;
  let detractors = 0;
  const rows: (Cell[] | Cell)[] = isArray(scores) ? scores : [scores];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const line: Cell[] = isArray(row) ? row : [row];
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      let score = typeof v === 'number' ? v | 0 : -1;
      if (score !== v || score < LOWEST_SCORE || score > HIGHEST_SCORE) {
        score = slowScore(ctx, v);
        if (score < 0) continue; // blank
      }
      answers++;
      if (score >= LOWEST_PROMOTER) promoters++;
      else if (score <= HIGHEST_DETRACTOR) detractors++;
    }
  }
  if (answers === 0) throw raceError(ctx, 'error.noNumbers', { arg: 'scores' });
  return ((promoters - detractors) * 100) / answers;
}
