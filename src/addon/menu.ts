// The add-on menu and its items other than the sidebar. Nothing here runs at load time: Apps Script
// evaluates the whole bundle before every execution.
import { errorMessage, raceError, type CallContext } from '../core/errors';
import { isRightToLeft, translate, type Language } from '../core/i18n';
import { kpiReferenceTable } from '../core/model';
import { freeSheetName } from '../core/workbook/generate';
import { SHEET_METADATA_KEY } from '../core/workbook/spec';
import { textCell } from '../core/workbook/text';
import { defineServerFunction } from './define';
import { withDocumentLock } from './lock';
import { MENU_EVENT_PARAM, requireOptionalEvent, showSidebar, spreadsheetLanguage } from './sidebar';
import { fitGrid } from './writer';

/** The developer-metadata value of a sheet inserted by "Insert KPI reference". */
export const KPI_REFERENCE_ROLE = 'kpiReference';

/** The trigger event's authMode is an enum whose string form is its name. */
function isAuthModeNone(event: unknown): boolean {
  if (typeof event !== 'object' || event === null || !('authMode' in event)) return false;
  return String((event as { authMode: unknown }).authMode) === 'NONE';
}

/** The menu's language: the spreadsheet's, or English where the spreadsheet may not be read. */
function menuLanguage(event: unknown): Language {
  if (isAuthModeNone(event)) return 'en';
  try {
    return spreadsheetLanguage(SpreadsheetApp.getActiveSpreadsheet());
  } catch {
    return 'en'; // e.g. not authorized yet: the menu must still appear
  }
}

/**
 * Writes the KPI reference into a new sheet, all or nothing, under the document lock: the grid is
 * trimmed to the title rows plus what RACE_KPIS() spills; if anything fails after insertSheet, the
 * sheet is removed again and the error says why.
 */
function writeKpiReference(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, ctx: CallContext): void {
  const language = ctx.language;
  // RACE_KPIS() without arguments: no list separator, so the formula reads the same in every locale.
  const cells = [[textCell(translate(language, 'ui.kpiSheet.title'))], [textCell(translate(language, 'ui.kpiSheet.hint'))], ['=RACE_KPIS()']];
  // The spill (header + one row per KPI, in the spreadsheet's language) starts on the formula's row.
  const spill = kpiReferenceTable(language);
  const rows = cells.length - 1 + spill.length;
  const columns = Math.max(1, ...spill.map((row) => row.length));
  const taken = spreadsheet.getSheets().map((sheet) => sheet.getName());
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined;
  try {
    sheet = spreadsheet.insertSheet(freeSheetName(translate(language, 'ui.kpiSheet.name'), taken, language));
    fitGrid(sheet, rows, columns);
    sheet.getRange(1, 1, cells.length, 1).setValues(cells);
    sheet.getRange(1, 1).setFontWeight('bold');
    sheet.setRightToLeft(isRightToLeft(language));
    sheet.addDeveloperMetadata(SHEET_METADATA_KEY, KPI_REFERENCE_ROLE);
    spreadsheet.setActiveSheet(sheet);
    SpreadsheetApp.flush();
  } catch (error) {
    if (sheet) {
      try {
        spreadsheet.deleteSheet(sheet);
      } catch {
        // the error below still tells the user what went wrong
      }
    }
    throw raceError(ctx, 'ui.kpiSheet.error.failed', { cause: errorMessage(error) });
  }
}

export const insertKpiReference = defineServerFunction({
  name: 'insertKpiReference' as const,
  description: 'Inserts a new sheet listing the RACE KPI catalogue with RACE_KPIS (menu: Insert KPI reference).',
  params: [MENU_EVENT_PARAM],
  run(e?: unknown) {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const ctx: CallContext = { fn: 'insertKpiReference', language: spreadsheetLanguage(spreadsheet) };
    requireOptionalEvent(ctx, arguments.length, e);
    withDocumentLock(ctx, 'ui.kpiSheet.error.busy', () => writeKpiReference(spreadsheet, ctx));
  },
});

export const showHelp = defineServerFunction({
  name: 'showHelp' as const,
  description: 'Shows a short help text about RACE for Google Sheets (menu: Help).',
  params: [MENU_EVENT_PARAM],
  run(e?: unknown) {
    const language = spreadsheetLanguage(SpreadsheetApp.getActiveSpreadsheet());
    requireOptionalEvent({ fn: 'showHelp', language }, arguments.length, e);
    const ui = SpreadsheetApp.getUi();
    ui.alert(translate(language, 'ui.help.title'), translate(language, 'ui.help.body'), ui.ButtonSet.OK);
  },
});

export const onOpen = defineServerFunction({
  name: 'onOpen' as const,
  description: 'Adds the RACE menu when the spreadsheet opens; in AuthMode.NONE it only builds the menu, in English.',
  params: [{ name: 'e', description: 'The open event (its authMode says what the add-on may do).' }],
  run(e?: unknown) {
    requireOptionalEvent(() => ({ fn: 'onOpen', language: menuLanguage(undefined) }), arguments.length, e);
    const language = menuLanguage(e);
    SpreadsheetApp.getUi()
      .createAddonMenu()
      .addItem(translate(language, 'ui.menu.open'), showSidebar.name)
      .addItem(translate(language, 'ui.menu.insertKpis'), insertKpiReference.name)
      .addSeparator()
      .addItem(translate(language, 'ui.menu.help'), showHelp.name)
      .addToUi();
  },
});

export const onInstall = defineServerFunction({
  name: 'onInstall' as const,
  description: 'Runs when the add-on is installed: builds the menu at once, as onOpen does.',
  params: [{ name: 'e', description: 'The install event.' }],
  run(e?: unknown) {
    requireOptionalEvent(() => ({ fn: 'onInstall', language: menuLanguage(undefined) }), arguments.length, e);
    onOpen.run(e);
  },
});
