// The one entry module: everything Apps Script can call is listed here. The build generates a
// top-level stub with JSDoc for each, delegating to `api` on the bundle's global.
import { SERVER_FUNCTIONS } from './addon/entrypoints';
import { CUSTOM_FUNCTIONS } from './functions';

/** Re-exported so the build knows which public functions get `@customfunction`. */
export { CUSTOM_FUNCTIONS };

export const PUBLIC_FUNCTIONS = [...CUSTOM_FUNCTIONS, ...SERVER_FUNCTIONS];

export const api: Record<string, (...args: never[]) => unknown> = Object.fromEntries(
  PUBLIC_FUNCTIONS.map((spec) => [spec.name, spec.run]),
);
