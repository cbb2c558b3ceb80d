import type { Arg } from '../core/cells';
import { netPromoterScore } from '../core/nps';
import { spreadsheetContext } from './context';
import { defineCustomFunction } from './define';

export const RACE_NPS = defineCustomFunction({
  name: 'RACE_NPS',
  description:
    'Net Promoter Score: % promoters (9-10) − % detractors (0-6) of the 0-10 answers, blanks skipped. Each score must be a whole number from 0 to 10.',
  params: [{ name: 'scores', description: 'Survey answers from 0 to 10 (a range).' }],
  returns: 'The score from −100 to 100.',
  example: { formula: '=RACE_NPS(B2:B11)', result: '10 for the answers 10, 9, 9, 8, 7, 10, 6, 3, 8, 5 (4 promoters, 3 detractors of 10)' },
  spills: false,
  run(scores: Arg) {
    return netPromoterScore(spreadsheetContext('RACE_NPS'), scores);
  },
});

export const NPS_FUNCTIONS = [RACE_NPS];
