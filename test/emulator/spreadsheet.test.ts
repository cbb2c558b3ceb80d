import { createAppsScriptGlobals } from '../../preview/emulator/services';

function setup(options: Parameters<typeof createAppsScriptGlobals>[0] = {}) {
  const globals = createAppsScriptGlobals(options);
  const spreadsheet = globals.SpreadsheetApp.getActiveSpreadsheet();
  return { globals, spreadsheet, emulator: globals.emulator };
}

describe('values and formulas', () => {
  test('values and formulas round-trip; getValues returns computed values', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 2, 4);
    range.setValues([
      [3, 'text', true, '=A1*2'],
      ['', null, false, '=A1+A2'],
    ]);
    expect(range.getValues()).toEqual([
      [3, 'text', true, 6],
      ['', '', false, 3],
    ]);
    expect(range.getFormulas()).toEqual([
      ['', '', '', '=A1*2'],
      ['', '', '', '=A1+A2'],
    ]);
  });

  test('"=1+1" computes; "\'=1+1" stays text without the apostrophe and is no formula', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange('A1:B1');
    range.setValues([['=1+1', "'=1+1"]]);
    expect(range.getValues()).toEqual([[2, '=1+1']]);
    expect(range.getFormulas()).toEqual([['=1+1', '']]);
  });

  test('in cells formatted as plain text ("@") every string stays text as typed: no formula, number, date or boolean', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 6);
    range.setNumberFormat('@');
    range.setValues([['=1+1', '0012', '10%', '2026-03-01', 'TRUE', '+5-2']]);
    expect(range.getValues()).toEqual([['=1+1', '0012', '10%', '2026-03-01', 'TRUE', '+5-2']]);
    expect(range.getFormulas()).toEqual([['', '', '', '', '', '']]);
  });

  test('numeric-looking text is parsed as a number, as Sheets does on input', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 3);
    range.setValues([['12', '10%', '1.5']]);
    expect(range.getValues()).toEqual([[12, 0.1, 1.5]]);
  });

  test('digit grouping typed in an en_US spreadsheet is a number; in other locales it stays text', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 4);
    range.setValues([['1,234', '-12,345.5', '1,23', '12,3456']]);
    expect(range.getValues()).toEqual([[1234, -12345.5, '1,23', '12,3456']]);
    const persian = setup({ locale: 'fa_IR' }).spreadsheet.getSheets()[0].getRange(1, 1);
    persian.setValue('1,234');
    expect(persian.getValue()).toBe('1,234');
  });

  test('text written into a plain-text ("@") cell stays as written: no number, date, boolean or formula', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 6);
    range.setNumberFormat('@');
    range.setValues([['00123', '2026-03-01', 'TRUE', '=1+1', '-x', 7]]);
    expect(range.getValues()).toEqual([['00123', '2026-03-01', 'TRUE', '=1+1', '-x', 7]]);
    expect(range.getFormulas()).toEqual([['', '', '', '', '', '']]);
  });

  test('typeInto keeps a write, or takes it back whole when a value breaks a rejecting validation rule', () => {
    const { globals, spreadsheet, emulator } = setup();
    const sheet = spreadsheet.getSheets()[0];
    sheet.getRange('A1:A2').setValues([['=1/0'], ['old']]);
    sheet.getRange('B1:B2').setValues([['x'], [5]]);
    sheet.getRange('B2').setDataValidation(globals.SpreadsheetApp.newDataValidation().requireNumberBetween(1, 10).setAllowInvalid(false).setHelpText('1 to 10').build());
    const block = sheet.getRange('A1:B2');
    const write = (rows: unknown[][]) => emulator.typeInto(sheet.model, 1, 1, 2, 2, () => block.setValues(rows));
    expect(write([['new', 'y'], ['2', '11']])).toEqual({ refused: '1 to 10' });
    expect(block.getFormulas()[0][0]).toBe('=1/0');
    expect(block.getValues()).toEqual([['#DIV/0!', 'x'], ['old', 5]]);
    expect(write([['new', 'y'], ['2', '9']])).toBeUndefined();
    expect(block.getValues()).toEqual([['new', 'y'], [2, 9]]);
  });

  test('text with a leading + or - that is not a number becomes a formula (why the add-on neutralizes user text)', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 3);
    range.setValues([['-5', '+2+3', '-nothing']]);
    expect(range.getValues()[0].slice(0, 2)).toEqual([-5, 5]);
    expect(range.getFormulas()[0]).toEqual(['', '=+2+3', '=-nothing']);
    expect(String(range.getValues()[0][2])).toMatch(/^#/);
  });

  test('dates written as Date objects come back as equal Date objects', () => {
    const { spreadsheet } = setup();
    const date = new Date(2024, 2, 15);
    const cell = spreadsheet.getSheets()[0].getRange(1, 1);
    cell.setValues([[date]]);
    const value = cell.getValues()[0][0];
    expect(value).toBeInstanceOf(Date);
    expect((value as Date).getTime()).toBe(date.getTime());
  });

  test('a number in a date-formatted cell reads as a Date, as in Sheets', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 2);
    range.setValues([[new Date(2025, 0, 15), '=A1+31']]);
    range.setNumberFormats([['yyyy-mm-dd', 'yyyy-mm-dd']]);
    const [first, second] = range.getValues()[0] as Date[];
    expect(second).toBeInstanceOf(Date);
    expect([second.getFullYear(), second.getMonth(), second.getDate()]).toEqual([2025, 1, 15]);
    expect(first.getTime()).toBe(new Date(2025, 0, 15).getTime());
  });

  test('error values read as their text', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 4);
    range.setValues([['=1/0', '=NOSUCHFUNCTION(1)', "='No such sheet'!A1", '=NA()']]);
    expect(range.getValues()).toEqual([['#DIV/0!', '#NAME?', '#REF!', '#N/A']]);
  });

  test('setValues refuses a grid whose size differs from the range, and NaN', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow('The number of rows in the data does not match');
    expect(() => range.setValues([[1, 2], [3]])).toThrow('The number of columns in the data does not match');
    expect(() => range.setValues([[1, 2], [3, NaN]])).toThrow('NaN');
  });

  test('getDisplayValues applies number formats', () => {
    const { spreadsheet } = setup();
    const range = spreadsheet.getSheets()[0].getRange(1, 1, 1, 4);
    range.setValues([[0.1234, 1234567.891, 7, true]]);
    range.setNumberFormats([['0.0%', '#,##0.00', '0', 'General']]);
    expect(range.getDisplayValues()).toEqual([['12.3%', '1,234,567.89', '7', 'TRUE']]);
  });
});

describe('sheets', () => {
  test('a cross-sheet formula with a quoted sheet name computes', () => {
    const data = [['date', 'channel', 'visits', 'revenue'], ...[120, 80.5, 33].map((revenue, i) => [`2024-01-0${i + 1}`, 'seo', 10 * i, revenue])];
    const { spreadsheet } = setup({ sheets: { 'Data (2)': data } });
    const dash = spreadsheet.insertSheet('Dash board');
    dash.getRange(1, 1, 1, 2).setValues([["=SUM('Data (2)'!D2:D100)", "=COUNTA('Data (2)'!B2:B100)"]]);
    expect(dash.getRange(1, 1, 1, 2).getValues()).toEqual([[120 + 80.5 + 33, 3]]);
    spreadsheet.getSheetByName('Data (2)')!.getRange(2, 4).setValues([[20]]);
    expect(dash.getRange(1, 1).getValues()).toEqual([[20 + 80.5 + 33]]);
  });

  test('new sheets start at 1000 x 26, are appended and become active; a taken name is refused', () => {
    const { spreadsheet } = setup();
    const sheet = spreadsheet.insertSheet('Plan');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Plan']);
    expect(sheet.getIndex()).toBe(2);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Plan');
    expect(() => spreadsheet.insertSheet('plan')).toThrow('already exists');
    expect(() => sheet.getRange(1000, 26, 2, 1)).toThrow('outside the dimensions of the sheet');
  });

  test('deleting rows and columns trims the grid and shifts what follows, formats included', () => {
    const { spreadsheet } = setup();
    const sheet = spreadsheet.insertSheet('Trim');
    sheet.getRange(1, 1, 3, 1).setValues([['keep'], ['drop'], ['moves up']]);
    sheet.getRange(3, 1).setBackground('#ff0000');
    sheet.deleteRows(2, 1);
    expect(sheet.getRange(1, 1, 2, 1).getValues()).toEqual([['keep'], ['moves up']]);
    expect(sheet.getRange(2, 1).getBackground()).toBe('#ff0000');
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([2, 1]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 1]);
    expect(() => sheet.getRange(3, 1)).toThrow('outside the dimensions');
    expect(() => sheet.deleteRows(1, 2)).toThrow("You can't delete all the rows");
  });

  test('inserting rows moves cells down and formulas follow them', () => {
    const { spreadsheet } = setup();
    const sheet = spreadsheet.getSheets()[0];
    sheet.getRange(1, 1, 2, 1).setValues([[5], ['=A1*3']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange(4, 1).getFormulas()).toEqual([['=A1*3']]);
    expect(sheet.getRange(4, 1).getValues()).toEqual([[15]]);
  });

  test('developer metadata survives renames', () => {
    const { spreadsheet } = setup();
    spreadsheet.insertSheet('KPIs').addDeveloperMetadata('race.sheet', 'kpis');
    spreadsheet.getSheetByName('KPIs')!.setName('My KPIs');
    const metadata = spreadsheet.getSheetByName('My KPIs')!.getDeveloperMetadata();
    expect(metadata.map((m) => [m.getKey(), m.getValue()])).toEqual([['race.sheet', 'kpis']]);
  });

  test('the spreadsheet has developer metadata of its own, apart from its sheets, in the snapshot too', () => {
    const { spreadsheet, emulator } = setup();
    spreadsheet.addDeveloperMetadata('race.import.mapping', '{"a":1}');
    spreadsheet.getSheets()[0].addDeveloperMetadata('race.sheet', 'data');
    expect(spreadsheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['race.import.mapping', '{"a":1}']]);
    spreadsheet.getDeveloperMetadata()[0].setValue('{"a":2}');
    expect(emulator.snapshot().metadata).toEqual([{ key: 'race.import.mapping', value: '{"a":2}' }]);
    spreadsheet.getDeveloperMetadata()[0].remove();
    expect(spreadsheet.getDeveloperMetadata()).toEqual([]);
    expect(spreadsheet.getSheets()[0].getDeveloperMetadata()).toHaveLength(1);
  });

  test('formulas follow a renamed sheet and show #REF! when it is deleted', () => {
    const { spreadsheet } = setup({ sheets: { Data: [[4], [6]] } });
    const dash = spreadsheet.insertSheet('Dash');
    dash.getRange(1, 1).setValues([['=SUM(Data!A1:A2)']]);
    spreadsheet.getSheetByName('Data')!.setName('Data (2)');
    expect(dash.getRange(1, 1).getFormulas()[0][0]).toContain("'Data (2)'!");
    expect(dash.getRange(1, 1).getValues()).toEqual([[10]]);
    spreadsheet.deleteSheet(spreadsheet.getSheetByName('Data (2)')!);
    expect(dash.getRange(1, 1).getValues()).toEqual([['#REF!']]);
  });

  test('charts, protections, validations, conditional formats, frozen rows and direction are stored', () => {
    const { globals, spreadsheet, emulator } = setup({ locale: 'fa_IR' });
    const { SpreadsheetApp, Charts } = globals;
    const sheet = spreadsheet.insertSheet('Dash');
    const range = sheet.getRange(1, 1, 3, 2);
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(range).setPosition(5, 1, 0, 0).setOption('title', 'Funnel').build());
    sheet.protect().setWarningOnly(true).setDescription('Formulas');
    range.setDataValidation(SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).setHelpText('>= 0').build());
    sheet.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setBackground('#f4cccc').setRanges([range]).build()]);
    sheet.setFrozenRows(1);
    sheet.setRightToLeft(true);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Funnel');
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].isWarningOnly()).toBe(true);
    expect(range.getDataValidation()!.getCriteriaValues()).toEqual([0]);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A1:B3');
    expect(spreadsheet.getSpreadsheetLocale()).toBe('fa_IR');
    const snapshot = emulator.snapshot().sheets[1];
    expect(snapshot).toMatchObject({
      name: 'Dash',
      rightToLeft: true,
      frozenRows: 1,
      charts: [{ type: 'BAR', ranges: ["'Dash'!A1:B3"], position: { anchorRow: 5, anchorColumn: 1 }, options: { title: 'Funnel' } }],
      protections: [{ type: 'SHEET', warningOnly: true, description: 'Formulas' }],
      dataValidations: [{ range: 'A1:B3', criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [0], allowInvalid: false }],
      conditionalFormatRules: [{ criteria: 'NUMBER_LESS_THAN', values: [0], background: '#f4cccc', ranges: ["'Dash'!A1:B3"] }],
    });
  });

  test('setValues does not enforce data validation; checkDataValidation tells what Sheets would refuse', () => {
    const { globals, spreadsheet, emulator } = setup();
    const sheet = spreadsheet.getSheets()[0];
    const cell = sheet.getRange(2, 3);
    cell.setDataValidation(globals.SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build());
    cell.setValues([[-4]]);
    expect(cell.getValues()).toEqual([[-4]]);
    expect(emulator.checkDataValidation('Sheet1', 2, 3, -4)).toMatchObject({ valid: false, rejected: true });
    expect(emulator.checkDataValidation('Sheet1', 2, 3, 'ten')).toMatchObject({ valid: false, rejected: true });
    expect(emulator.checkDataValidation('Sheet1', 2, 3, '12')).toMatchObject({ valid: true, rejected: false });
    expect(emulator.checkDataValidation('Sheet1', 1, 1, 'anything')).toMatchObject({ valid: true });
  });

  test('snapshot holds values and formulas trimmed to the used area', () => {
    const { spreadsheet, emulator } = setup({ sheets: { Data: [['a', 1], ['b', '=B1+1']] } });
    spreadsheet.getSheetByName('Data')!.getRange(1, 1).setNumberFormat('@');
    expect(emulator.snapshot().sheets[0]).toMatchObject({
      name: 'Data',
      rightToLeft: false,
      values: [['a', 1], ['b', 2]],
      formulas: [['', ''], ['', '=B1+1']],
      formats: { numberFormat: [{ range: 'A1', value: '@' }] },
    });
  });
});
