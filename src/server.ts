// The one entry module: everything Apps Script can call is listed here. The build generates a
// top-level stub with JSDoc for each, delegating to `api` on the bundle's global.
import { withPlainArguments } from './addon/define';
import { SERVER_FUNCTIONS } from './addon/entrypoints';
import { CUSTOM_FUNCTIONS } from './functions';

/** Re-exported so the build knows which public functions get `@customfunction`. */
export { CUSTOM_FUNCTIONS };

export const PUBLIC_FUNCTIONS = [...CUSTOM_FUNCTIONS, ...SERVER_FUNCTIONS];

// Server functions take their arguments as plain-data copies (withPlainArguments); custom functions get
// what Sheets passes, which is always plain.
export const api: Record<string, (...args: never[]) => unknown> = Object.fromEntries([
  ...CUSTOM_FUNCTIONS.map((spec) => [spec.name, spec.run] as const),
  ...SERVER_FUNCTIONS.map((spec) => [spec.name, withPlainArguments(spec)] as const),
]);
