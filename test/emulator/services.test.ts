import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppsScriptGlobals } from '../../preview/emulator/services';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gasLocal = require('gas-local') as { require(folder: string, globals: object): Record<string, (...args: unknown[]) => unknown> };

describe('call counting', () => {
  test('every call on spreadsheet objects is counted by class and method, reads of value arrays are not', () => {
    const { SpreadsheetApp, emulator } = createAppsScriptGlobals();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    emulator.calls.reset();
    const range = spreadsheet.getSheetByName('Sheet1')!.getRange(1, 1, 2, 2);
    range.setValues([[1, 2], [3, '=A1+B1']]);
    const values = range.getValues();
    expect(values[1][1]).toBe(3);
    range.setFormulas([['=1', '=2'], ['=3', '=4']]); // one call, though it writes like setValues
    SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b'], true).build();
    expect(emulator.calls.entries()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'Range.getValues': 1,
      'Range.setFormulas': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
    expect(emulator.calls.count()).toBe(8);
    expect(emulator.calls.count('getRange')).toBe(1);
  });

  test('writing cell by cell costs a call per cell, a batch one call', () => {
    const { SpreadsheetApp, emulator } = createAppsScriptGlobals();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    emulator.calls.reset();
    for (let row = 1; row <= 10; row++) sheet.getRange(row, 1).setValues([[row]]);
    expect(emulator.calls.count('setValues')).toBe(10);
    emulator.calls.reset();
    sheet.getRange(1, 2, 10, 1).setValues(Array.from({ length: 10 }, (_, i) => [i]));
    expect(emulator.calls.count('setValues')).toBe(1);
  });
});

describe('fault injection', () => {
  const cells = 5;
  const writeEachCell = (globals: ReturnType<typeof createAppsScriptGlobals>) => {
    const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    for (let column = 1; column <= cells; column++) {
      sheet.getRange(1, column).getValues(); // reads are no writes
      sheet.getRange(1, column).setValues([[`written ${column}`]]);
    }
  };

  test.each(Array.from({ length: cells }, (_, i) => i + 1))('failOnWrite %i throws at exactly that write, after the earlier ones', (n) => {
    const globals = createAppsScriptGlobals({ failOnWrite: n });
    expect(() => writeEachCell(globals)).toThrow(`Injected failure at write ${n}`);
    expect(globals.emulator.writes).toBe(n);
    const row = globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1, cells).getValues()[0];
    expect(row).toEqual(Array.from({ length: cells }, (_, i) => (i + 1 < n ? `written ${i + 1}` : '')));
  });

  test('no failure when N is beyond the last write; the failure happens once only', () => {
    const globals = createAppsScriptGlobals({ failOnWrite: cells + 1 });
    expect(() => writeEachCell(globals)).not.toThrow();
    expect(globals.emulator.writes).toBe(cells);
    globals.emulator.failOnWrite = 1;
    expect(() => writeEachCell(globals)).not.toThrow(); // write 1 is long past
  });

  test('sheet, structure, format, metadata, protection and chart calls are writes too', () => {
    const { SpreadsheetApp, Charts, emulator } = createAppsScriptGlobals();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = spreadsheet.insertSheet('Plan');
    const range = sheet.getRange(1, 1, 2, 2);
    range.setNumberFormat('0%');
    range.setFontWeights([['bold', null], [null, null]]);
    range.setBackgrounds([['#eeeeee', null], [null, null]]);
    sheet.setFrozenRows(1);
    sheet.setRightToLeft(true);
    sheet.addDeveloperMetadata('race', 'plan');
    sheet.protect().setWarningOnly(true);
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(range).build());
    sheet.deleteRows(3, 998);
    spreadsheet.deleteSheet(sheet);
    expect(emulator.writes).toBe(12);
  });
});

describe('lock, ui, html', () => {
  test('the document lock is shared: a run holding it makes tryLock of another return false', () => {
    const { LockService } = createAppsScriptGlobals();
    const otherRun = LockService.getDocumentLock();
    const thisRun = LockService.getDocumentLock();
    expect(otherRun.tryLock(0)).toBe(true);
    expect(thisRun.tryLock(10000)).toBe(false);
    expect(thisRun.hasLock()).toBe(false);
    otherRun.releaseLock();
    expect(thisRun.tryLock(10000)).toBe(true);
    expect(thisRun.hasLock()).toBe(true);
  });

  test('menus, sidebars and alerts are recorded; HTML files come from the configured folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'race-html-'));
    writeFileSync(join(folder, 'Sidebar.html'), '<p>RACE</p>');
    const { SpreadsheetApp, HtmlService, emulator } = createAppsScriptGlobals({ htmlFolder: folder });
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Open RACE planner', 'openSidebar').addSeparator().addItem('Help', 'showHelp').addToUi();
    ui.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('RACE'));
    ui.alert('Busy', 'Another run is generating a workbook.', ui.ButtonSet.OK);
    expect(emulator.ui.menus).toEqual([
      { title: 'Add-on', items: [{ caption: 'Open RACE planner', functionName: 'openSidebar' }, 'separator', { caption: 'Help', functionName: 'showHelp' }] },
    ]);
    expect(emulator.ui.sidebars).toEqual([{ title: 'RACE', content: '<p>RACE</p>' }]);
    expect(emulator.ui.alerts).toEqual([{ title: 'Busy', prompt: 'Another run is generating a workbook.' }]);
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing');
  });
});

test('the globals work as gas-local globals: script code from another realm reads and writes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'race-gas-'));
  writeFileSync(
    join(folder, 'Code.js'),
    `function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open').addToUi(); return e.authMode; }
     function write() {
       var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('From script');
       sheet.getRange(1, 1, 1, 3).setValues([[new Date(2024, 0, 2), '=1+1', "'=text"]]);
       return sheet.getRange(1, 1, 1, 3).getValues();
     }`,
  );
  const globals = createAppsScriptGlobals({ locale: 'ar_EG' });
  const script = gasLocal.require(folder, globals);
  expect(script.onOpen({ authMode: globals.ScriptApp.AuthMode.NONE })).toBe('NONE');
  expect(globals.emulator.ui.menus).toHaveLength(1);
  const [[date, two, text]] = script.write() as unknown[][];
  expect((date as Date).getTime()).toBe(new Date(2024, 0, 2).getTime());
  expect([two, text]).toEqual([2, '=text']);
});
