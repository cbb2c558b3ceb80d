// Loads the BUILT dist/ the way Apps Script does (every .js file in one global scope) with gas-local.
// Run `npm run build` first; `npm test` does.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';

export const DIST_DIR = resolve(__dirname, '../../dist');
export const DIST_CODE = join(DIST_DIR, 'Code.js');

/** The bundle's global scope: top-level functions and `var`s, as Apps Script sees them. */
export type BundleContext = Record<string, unknown>;

interface GasLocal {
  require(folder: string, globals: object): BundleContext;
}
const gasLocal = require('gas-local') as GasLocal;

/**
 * A fresh context per call (gas-local mutates the globals object). `fakes` adds Apps Script services
 * such as SpreadsheetApp; `console` is passed in so the bundle's logs show. `distDir` is for callers
 * bundled elsewhere (the benchmark), where __dirname is not this folder.
 */
export function loadBundle(fakes: Record<string, unknown> = {}, distDir = DIST_DIR): BundleContext {
  const code = join(distDir, 'Code.js');
  if (!existsSync(code)) throw new Error(`${code} is missing: run npm run build first`);
  return gasLocal.require(distDir, { console, ...fakes });
}

/** A top-level function of the bundle, or an error naming what is missing. */
export function bundleFunction(context: BundleContext, name: string): (...args: unknown[]) => unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
  return fn as (...args: unknown[]) => unknown;
}

/**
 * A copy of `value` made inside the bundle's realm, so arrays and dates are the bundle's own, as in
 * Apps Script (values made here would fail `instanceof Date` there). Plain data and Dates only.
 */
export function inBundleRealm<T>(context: BundleContext, value: T): T {
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, item: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.getTime() } : item;
  });
  if (json === undefined) return value; // undefined stays undefined
  const revive = '(function (k, v) { return v !== null && typeof v === "object" && "$date" in v ? new Date(v.$date) : v; })';
  return vm.runInContext(`JSON.parse(${JSON.stringify(json)}, ${revive})`, context) as T;
}
