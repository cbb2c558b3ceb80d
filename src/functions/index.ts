import type { CustomFunctionSpec } from './define';
import { FUNNEL_FUNCTIONS } from './funnel';
import { KPI_FUNCTIONS } from './kpis';
import { NPS_FUNCTIONS } from './nps';
import { RATIO_FUNCTIONS } from './ratios';
import { STATUS_FUNCTIONS } from './status';
import { SUMMARY_FUNCTIONS } from './summary';

/** Every custom function, in the order of the README reference. */
export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  ...RATIO_FUNCTIONS,
  ...FUNNEL_FUNCTIONS,
  ...NPS_FUNCTIONS,
  ...STATUS_FUNCTIONS,
  ...SUMMARY_FUNCTIONS,
  ...KPI_FUNCTIONS,
];
