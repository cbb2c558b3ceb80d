import type { Arg } from '../core/cells';
import { ratioOfSums } from '../core/ratios';
import { spreadsheetContext } from './context';
import { defineCustomFunction } from './define';

export const RACE_CONVERSION = defineCustomFunction({
  name: 'RACE_CONVERSION',
  description: 'Conversion rate from one funnel stage to the next: sum(to) / sum(from).',
  params: [
    { name: 'from', description: 'Volumes of the earlier stage (a cell or a range), e.g. visits.' },
    { name: 'to', description: 'Volumes of the later stage, same size as from, e.g. leads.' },
  ],
  returns: 'The conversion rate as a decimal (format the cell as %).',
  example: { formula: '=RACE_CONVERSION(B2:B90, C2:C90)', result: '0.034 (3.4%)' },
  spills: false,
  run(from: Arg, to: Arg) {
    return ratioOfSums(spreadsheetContext('RACE_CONVERSION'), to, 'to', from, 'from');
  },
});

export const RATIO_FUNCTIONS = [RACE_CONVERSION];
