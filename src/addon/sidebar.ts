// The sidebar: how it is opened, and the calls it makes through google.script.run. Each call checks its
// arguments itself: the client is a web page, and anything can arrive.
import { describeArgument } from '../core/cells';
import { raceError, type CallContext } from '../core/errors';
import { languageFromLocale, translate, type Language } from '../core/i18n';
import { BUSINESS_MODELS, CHANNEL_IDS, CHANNELS, type ChannelId } from '../core/model/business-models';
import { BUSINESS_MODEL_IDS, type BusinessModelId, type WorkbookOptions } from '../core/workbook/options';
import { defineServerFunction } from './define';
import { generateWorkbook as writeWorkbook, type GenerateWorkbookResult } from './writer';

/** ISO 4217 codes offered by the currency list, the usual ones of en, fa and ar markets first. */
// TOMAN: Iran's everyday unit (ten rials), offered beside the ISO codes and shown by name.
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'IRR', 'TOMAN', 'AED', 'SAR', 'IQD', 'EGP', 'QAR', 'KWD', 'TRY', 'CAD', 'AUD', 'INR'];

export interface NamedOption<Id extends string> {
  id: Id;
  name: string;
}

/** What the sidebar needs to draw its form (plain data: it crosses google.script.run). */
export interface SidebarContext {
  language: Language;
  spreadsheetName: string;
  models: NamedOption<BusinessModelId>[];
  channels: NamedOption<ChannelId>[];
  currencies: string[];
}

export function spreadsheetLanguage(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Language {
  return languageFromLocale(spreadsheet.getSpreadsheetLocale());
}

/** Rejects a call with more or fewer arguments than the function takes (google.script.run passes any). */
export function requireArgumentCount(ctx: CallContext, count: number, expected: number): void {
  if (count !== expected) throw raceError(ctx, 'error.argumentCount', { expected, count });
}

/**
 * The optional event argument `e` of a trigger or menu function: nothing, or one plain object (what
 * Apps Script passes; anything else came from a google.script.run caller).
 */
export function requireOptionalEvent(ctx: CallContext | (() => CallContext), count: number, e: unknown): void {
  // The context is built only for an error: onOpen in AuthMode.NONE must not read the spreadsheet.
  const context = () => (typeof ctx === 'function' ? ctx() : ctx);
  if (count > 1) throw raceError(context(), 'error.argumentCount', { expected: 1, count });
  if (e !== undefined && (typeof e !== 'object' || e === null || Array.isArray(e))) {
    throw raceError(context(), 'ui.error.notEvent', { value: describeArgument(e) });
  }
}

/** The event parameter of the menu functions (Apps Script may pass one; it is not used). */
export const MENU_EVENT_PARAM = {
  name: 'e',
  description: 'The menu event Apps Script may pass; not used (any other argument is refused).',
  optional: true,
};

export function sidebarContext(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SidebarContext {
  const language = spreadsheetLanguage(spreadsheet);
  return {
    language,
    spreadsheetName: spreadsheet.getName(),
    models: BUSINESS_MODEL_IDS.map((id) => ({ id, name: BUSINESS_MODELS[id].name[language] })),
    channels: CHANNEL_IDS.map((id) => ({ id, name: CHANNELS[id][language] })),
    currencies: [...CURRENCIES],
  };
}

export const showSidebar = defineServerFunction({
  name: 'showSidebar' as const,
  description: 'Opens the RACE planner sidebar (menu: Open RACE planner).',
  params: [MENU_EVENT_PARAM],
  run(e?: unknown) {
    const language = spreadsheetLanguage(SpreadsheetApp.getActiveSpreadsheet());
    requireOptionalEvent({ fn: 'showSidebar', language }, arguments.length, e);
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(translate(language, 'ui.sidebar.title'));
    SpreadsheetApp.getUi().showSidebar(html);
  },
});

export const getSidebarContext = defineServerFunction({
  name: 'getSidebarContext' as const,
  description: "Called by the sidebar: the spreadsheet's language and name, and the business models, channels and currencies to offer.",
  params: [],
  returns: '{ language, spreadsheetName, models, channels, currencies }',
  run(): SidebarContext {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const ctx = { fn: 'getSidebarContext', language: spreadsheetLanguage(spreadsheet) };
    requireArgumentCount(ctx, arguments.length, 0);
    return sidebarContext(spreadsheet);
  },
});

export const generateWorkbook = defineServerFunction({
  name: 'generateWorkbook' as const,
  description: 'Called by the sidebar: validates the options and writes a new RACE planning workbook (plan, KPIs, data, dashboard) into this spreadsheet.',
  params: [{ name: 'options', description: 'The sidebar form: business name, model, language, currency (ISO code or TOMAN), horizon, granularity, calendar, week start, channels, segments, targets.' }],
  returns: '{ sheetNames }: the names of the sheets created.',
  // Typed as WorkbookOptions for the sidebar; the writer validates whatever really arrives.
  run(options: WorkbookOptions): GenerateWorkbookResult {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    requireArgumentCount({ fn: 'generateWorkbook', language: spreadsheetLanguage(spreadsheet) }, arguments.length, 1);
    return writeWorkbook(spreadsheet, options);
  },
});
