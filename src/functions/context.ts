import { cellsOf, describeValue, isBlank, localDateText, type Arg } from '../core/cells';
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

/** The spreadsheet's time zone, or undefined where there is none to ask (then dates read in the script's zone). */
function spreadsheetTimeZone(): string | undefined {
  try {
    if (typeof SpreadsheetApp === 'undefined' || typeof Utilities === 'undefined') return undefined;
    return SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A date formatter in the spreadsheet's time zone: Sheets hands a date cell over as an instant, and the
 * script's zone (the manifest's) is not the spreadsheet's. The zone is read only when a date is shown.
 */
function spreadsheetDateFormatter(): (date: Date) => string {
  let zone: string | null | undefined;
  return (date) => {
    if (zone === undefined) zone = spreadsheetTimeZone() ?? null;
    if (zone === null) return localDateText(date);
    const [day, time] = Utilities.formatDate(date, zone, 'yyyy-MM-dd HH:mm').split(' ');
    return time === '00:00' ? day : `${day} ${time}`;
  };
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
    formatDate: spreadsheetDateFormatter(),
  };
}

/** Context for a function with an optional `language` argument ("en", "fa", "ar"; blank = spreadsheet's). */
export function languageContext(fn: string, languageArg: Arg, argName = 'language'): CallContext {
  const cells = cellsOf(languageArg); // a one-cell range is that cell
  if (cells.length !== 1) throw raceError(spreadsheetContext(fn), 'error.singleCell', { arg: argName, count: cells.length });
  const [language] = cells;
  if (isBlank(language)) return spreadsheetContext(fn);
  const code = typeof language === 'string' ? language.trim().toLowerCase() : language;
  if (isLanguage(code)) return { fn, language: code, formatDate: spreadsheetDateFormatter() };
  const ctx = spreadsheetContext(fn);
  throw raceError(ctx, 'error.unknownLanguage', { arg: argName, value: describeValue(ctx, language) });
}
