import type { Arg, Cell } from '../core/cells';

export interface ParamSpec {
  /** Must equal the implementation's parameter name: the build checks it. */
  name: string;
  description: string;
  optional?: boolean;
}

/**
 * One custom function, declared once. The Apps Script stub with its JSDoc, the README reference,
 * the sidebar help and the HyperFormula registration are all generated from this.
 */
export interface CustomFunctionSpec {
  name: `RACE_${string}`;
  /** One line, shown by Sheets' autocomplete and in the README. */
  description: string;
  params: ParamSpec[];
  /** What the result is, for @return. */
  returns: string;
  example: { formula: string; result: string };
  /** True when the result is a 2-D table that spills below and right. */
  spills: boolean;
  run: (...args: Arg[]) => Cell | Cell[][];
}

export function defineCustomFunction<S extends CustomFunctionSpec>(spec: S): S {
  return spec;
}
