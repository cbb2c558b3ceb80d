import type { ParamSpec } from '../functions/define';

/** A function Apps Script calls outside cells: a trigger, a menu item or a `google.script.run` call. */
export interface ServerFunctionSpec {
  /** Top-level name in Apps Script; must not end in "_" (that would make it private). */
  name: string;
  description: string;
  params: ParamSpec[];
  returns?: string;
  run: (...args: never[]) => unknown;
}

export function defineServerFunction<S extends ServerFunctionSpec>(spec: S): S {
  return spec;
}
