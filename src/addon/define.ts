import { raceError } from '../core/errors';
import { languageFromLocale, type Language } from '../core/i18n';
import { copyPlainData } from '../core/plain-data';
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

/**
 * `spec.run` taking only plain data, as Apps Script calls it (server.ts's api): each argument is copied
 * first (copyPlainData), and one that is not plain data (a sparse list, a getter, a Proxy) is refused
 * with the function's localized error naming the parameter, before anything is read. An event parameter
 * ("e") holds service objects in Apps Script: only its authMode is kept (eventCopy).
 */
export function withPlainArguments(spec: ServerFunctionSpec): (...args: unknown[]) => unknown {
  const run = spec.run as (...args: unknown[]) => unknown;
  return function (this: unknown, ...args: unknown[]): unknown {
    const copies = args.map((arg, i) => {
      const param = spec.params[i];
      if (param === undefined) return arg; // one too many: run refuses the count
      try {
        return param.name === 'e' ? eventCopy(arg) : copyPlainData(arg);
      } catch {
        throw raceError({ fn: spec.name, language: languageForError() }, 'error.notPlainData', { arg: param.name });
      }
    });
    return run.apply(this, copies);
  };
}

/**
 * What the functions read of an event: its authMode as text ("NONE", as onOpen checks it). Anything but
 * an object goes on as it is, for requireOptionalEvent to refuse by its type.
 */
function eventCopy(e: unknown): unknown {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return e;
  return 'authMode' in e ? { authMode: String((e as { authMode: unknown }).authMode) } : {};
}

/** The spreadsheet's language for an error, English when it cannot be read (onOpen in AuthMode.NONE). */
function languageForError(): Language {
  try {
    return languageFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}
