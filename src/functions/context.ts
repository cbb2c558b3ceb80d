import { describeValue, isBlank, type Cell } from '../core/cells';
import { raceError, type CallContext } from '../core/errors';
import { isLanguage, languageFromLocale, type Language } from '../core/i18n';

/** The spreadsheet's language, read once per execution and only when a message needs it. */
let spreadsheetLanguageCache: Language | undefined;
function spreadsheetLanguage(): Language {
  if (spreadsheetLanguageCache === undefined) {
    let locale: string | undefined;
    try {
      locale = typeof SpreadsheetApp === 'undefined' ? undefined : SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetLocale();
    } catch {
      locale = undefined; // no active spreadsheet (e.g. a test): English
    }
    spreadsheetLanguageCache = languageFromLocale(locale);
  }
  return spreadsheetLanguageCache;
}

/** Context for messages in the spreadsheet's language (functions without a `language` argument). */
export function spreadsheetContext(fn: string): CallContext {
  return {
    fn,
    get language() {
      return spreadsheetLanguage();
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
