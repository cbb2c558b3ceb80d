import type { CustomFunctionSpec } from './define';
import { RATIO_FUNCTIONS } from './ratios';
import { SUMMARY_FUNCTIONS } from './summary';

/** Every custom function, in the order of the README reference. */
export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [...RATIO_FUNCTIONS, ...SUMMARY_FUNCTIONS];
