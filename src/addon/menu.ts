// The add-on menu and its items other than the sidebar. Nothing here runs at load time: Apps Script
// evaluates the whole bundle before every execution.
import { isRightToLeft, translate, type Language } from '../core/i18n';
import { freeSheetName } from '../core/workbook/generate';
import { SHEET_METADATA_KEY } from '../core/workbook/spec';
import { textCell } from '../core/workbook/text';
import { defineServerFunction } from './define';
import { showSidebar, spreadsheetLanguage } from './sidebar';

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

export const insertKpiReference = defineServerFunction({
  name: 'insertKpiReference' as const,
  description: 'Inserts a new sheet listing the RACE KPI catalogue with RACE_KPIS (menu: Insert KPI reference).',
  params: [],
  run() {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const language = spreadsheetLanguage(spreadsheet);
    const taken = spreadsheet.getSheets().map((sheet) => sheet.getName());
    const sheet = spreadsheet.insertSheet(freeSheetName(translate(language, 'ui.kpiSheet.name'), taken));
    // RACE_KPIS() without arguments: no list separator, so the formula reads the same in every locale.
    const cells = [[textCell(translate(language, 'ui.kpiSheet.title'))], [textCell(translate(language, 'ui.kpiSheet.hint'))], ['=RACE_KPIS()']];
    sheet.getRange(1, 1, cells.length, 1).setValues(cells);
    sheet.getRange(1, 1).setFontWeight('bold');
    sheet.setRightToLeft(isRightToLeft(language));
    sheet.addDeveloperMetadata(SHEET_METADATA_KEY, KPI_REFERENCE_ROLE);
    spreadsheet.setActiveSheet(sheet);
  },
});

export const showHelp = defineServerFunction({
  name: 'showHelp' as const,
  description: 'Shows a short help text about RACE for Google Sheets (menu: Help).',
  params: [],
  run() {
    const ui = SpreadsheetApp.getUi();
    const language = spreadsheetLanguage(SpreadsheetApp.getActiveSpreadsheet());
    ui.alert(translate(language, 'ui.help.title'), translate(language, 'ui.help.body'), ui.ButtonSet.OK);
  },
});

export const onOpen = defineServerFunction({
  name: 'onOpen' as const,
  description: 'Adds the RACE menu when the spreadsheet opens; in AuthMode.NONE it only builds the menu, in English.',
  params: [{ name: 'e', description: 'The open event (its authMode says what the add-on may do).' }],
  run(e: unknown) {
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
  run(e: unknown) {
    onOpen.run(e);
  },
});
