import { describeValue, isBlank, type Cell } from '../core/cells';
import { raceError, type CallContext } from '../core/errors';
import { isLanguage, languageFromLocale, type Language } from '../core/i18n';

/** The spreadsheet's language (English when there is no active spreadsheet, e.g. in a plain test). */
function spreadsheetLanguage(): Language {
  try {
    return languageFromLocale(
      typeof SpreadsheetApp === 'undefined' ? undefined : SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetLocale(),
    );
  } catch {
    return 'en';
  }
}

/**
 * Context for messages in the spreadsheet's language (functions without a `language` argument). The locale
 * is read only when a message needs it, once per call: never cached across calls, since one process (the
 * preview, the tests) serves spreadsheets in different locales.
 */
export function spreadsheetContext(fn: string): CallContext {
  let language: Language | undefined;
  return {
    fn,
    get language() {
      return (language ??= spreadsheetLanguage());
    },
  };
}

/** Context for a function with an optional `language` argument ("en", "fa", "ar"; blank = spreadsheet's). */
export function languageContext(fn: string, language: Cell, argName = 'language'): CallContext {
  if (isBlank(language)) return spreadsheetContext(fn);
  const code = typeof language === 'string' ? language.trim().toLowerCase() : language;
  if (isLanguage(code)) return { fn, language: code };
  const ctx = spreadsheetContext(fn);
  throw raceError(ctx, 'error.unknownLanguage', { arg: argName, value: describeValue(ctx, language) });
}
