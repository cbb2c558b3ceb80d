import type { CustomFunctionSpec } from './define';
import { RATIO_FUNCTIONS } from './ratios';

/** Every custom function, in the order of the README reference. */
export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [...RATIO_FUNCTIONS];
