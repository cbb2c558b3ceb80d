import { numbersOf, type Arg } from './cells';
import { raceError, type CallContext } from './errors';

const LOWEST_SCORE = 0;
const HIGHEST_SCORE = 10;
const LOWEST_PROMOTER = 9;
const HIGHEST_DETRACTOR = 6;

/**
 * Net Promoter Score from 0-10 answers (blanks skipped): % promoters (9-10) − % detractors (0-6), from
 * −100 to 100. Scores must be whole numbers: a fraction such as 7.5 is an averaged figure, not an answer,
 * and would be counted in a class it does not belong to.
 */
export function netPromoterScore(ctx: CallContext, scores: Arg): number {
  const numbers = numbersOf(scores, ctx, 'scores');
  if (numbers.length === 0) throw raceError(ctx, 'error.noNumbers', { arg: 'scores' });
  let promoters = 0;
  let detractors = 0;
  for (const score of numbers) {
    if (score < LOWEST_SCORE || score > HIGHEST_SCORE) {
      throw raceError(ctx, 'error.outOfRange', { arg: 'scores', value: score, min: LOWEST_SCORE, max: HIGHEST_SCORE });
    }
    if (!Number.isInteger(score)) {
      throw raceError(ctx, 'error.notWholeNumber', { arg: 'scores', value: score });
    }
    if (score >= LOWEST_PROMOTER) promoters++;
    else if (score <= HIGHEST_DETRACTOR) detractors++;
  }
  return ((promoters - detractors) * 100) / numbers.length;
}
