import type { Arg } from '../core/cells';
import { statusTable } from '../core/status';
import { languageContext } from './context';
import { defineCustomFunction } from './define';

export const RACE_STATUS = defineCustomFunction({
  name: 'RACE_STATUS',
  description:
    'Status of an actual against its target: "On track" when the target is met, "At risk" when within tolerance of it, else "Off track"; blank when actual or target is blank. Given ranges of one shape (single cells apply to every row), it returns one status per cell, as the per-cell calls would; a cell that cannot be read shows its message in place, so the other statuses stay.',
  params: [
    { name: 'actual', description: 'The measured value, or a range of them.' },
    { name: 'target', description: 'The target, or a range the same shape as actual.' },
    {
      name: 'direction',
      description: 'Optional "higher" (default: more is better) or "lower" (costs, bounce rate, churn); also بیشتر/کمتر, أعلى/أقل. A cell or a range like actual.',
      optional: true,
    },
    {
      name: 'tolerance',
      description: 'Optional share of the target that still counts as at risk, 0 to 1 (default 10%: 0.1 or "10%"). For "higher", at risk down to target − 10%; for "lower", up to target + 10%.',
      optional: true,
    },
    {
      name: 'language',
      description: 'Optional language of the result: "en", "fa" or "ar"; blank means the spreadsheet\'s.',
      optional: true,
    },
  ],
  returns: 'The status text, or a range of statuses the shape of the range arguments.',
  example: { formula: '=RACE_STATUS(C2, D2, "higher", 0.1)', result: '"At risk" when C2 is 95 and D2 is 100' },
  spills: true,
  run(actual: Arg, target: Arg, direction: Arg, tolerance: Arg, language: Arg) {
    return statusTable(languageContext('RACE_STATUS', language), actual, target, direction, tolerance);
  },
});

export const STATUS_FUNCTIONS = [RACE_STATUS];
