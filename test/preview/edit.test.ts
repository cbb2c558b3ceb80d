/**
 * What typing into the preview's grid does to the emulated spreadsheet (preview/edit.ts): the page's
 * requests applied with Range.setValue / setFormula / setValues / clearContent, as Sheets applies typing.
 */
import { applyEdit, BadEdit, parseEdit, RefusedEdit } from '../../preview/edit';
import { createAppsScriptGlobals } from '../../preview/emulator/services';

function setup(locale = 'en_US') {
  const globals = createAppsScriptGlobals({ locale });
  const emulator = globals.emulator;
  const sheet = emulator.spreadsheet().getSheetByName('Sheet1')!;
  const type = (at: string, ...rows: string[][]) => applyEdit(emulator, parseEdit({ sheet: 'Sheet1', at, values: rows }));
  return { globals, emulator, sheet, type };
}

test('a typed number is a number, other text is text (Persian digits included), "=..." is a formula', () => {
  const { emulator, sheet, type } = setup();
  type('A1', ['120']);
  type('A2', ['1,250.5']);
  type('A3', ['۳۰']);
  type('A4', ['Paid search']);
  type('A5', ['10%']);
  type('B1', ['=RACE_GROWTH(A1, A3)']);
  expect(sheet.getRange('A1:A5').getValues()).toEqual([[120], [1250.5], ['۳۰'], ['Paid search'], [0.1]]);
  expect(sheet.getRange('B1').getValue()).toBe(3); // the RACE function reads the Persian digits
  expect(sheet.getRange('B1').getFormula()).toBe('=RACE_GROWTH(A1, A3)');
  // One cell goes through setFormula or setValue, as Sheets' own typing.
  expect(emulator.calls.count('Range.setFormula')).toBe(1);
  expect(emulator.calls.count('Range.setValue')).toBe(5);
});

test('a pasted block is written with one setValues; a formula reading it recomputes', () => {
  const { emulator, sheet, type } = setup();
  type('D1', ['=RACE_CONVERSION(A2:A20, B2:B20)']);
  expect(String(sheet.getRange('D1').getValue())).toMatch(/^#/); // no data yet
  type('A1', ['Visits', 'Leads'], ['100', '5'], ['300', '15']);
  expect(emulator.calls.count('Range.setValues')).toBe(1);
  expect(sheet.getRange('D1').getValue()).toBe(0.05);
  applyEdit(emulator, parseEdit({ sheet: 'Sheet1', clear: 'A3:B3' }));
  expect(sheet.getRange('A1:B3').getValues()).toEqual([['Visits', 'Leads'], [100, 5], ['', '']]);
  expect(sheet.getRange('D1').getValue()).toBe(0.05);
});

test('a bad formula is stored and shows its error value; nothing throws', () => {
  const { emulator, sheet, type } = setup();
  expect(() => type('A1', ['=SUM('])).not.toThrow();
  expect(() => type('A2', ['=RACE_CONVERSION("many", 1)'])).not.toThrow();
  expect(sheet.getRange('A1:A2').getValues()).toEqual([['#ERROR!'], ['#ERROR!']]);
  expect(sheet.getRange('A1').getFormula()).toBe('=SUM(');
  expect(emulator.errorMessage('Sheet1', 2, 1)).toMatch(/RACE_CONVERSION/);
  // A formula reading its own cell is a circular dependency: #REF! in Sheets.
  type('A3', ['=SUM(A1:A3)']);
  expect(sheet.getRange('A3').getValue()).toBe('#REF!');
  expect(emulator.errorMessage('Sheet1', 3, 1)).toBe('Circular dependency detected.');
  // A formula too deeply nested for the engine is refused with the reason; the spreadsheet reads on.
  expect(() => type('A4', ['=' + '('.repeat(400) + '1' + ')'.repeat(400)])).toThrow(RefusedEdit);
  expect(sheet.getRange('A1:A4').getValues()).toEqual([['#ERROR!'], ['#ERROR!'], ['#REF!'], ['']]);
});

test('outside the grid, on a missing sheet, or against a rejecting validation rule, the edit is refused whole', () => {
  const { globals, emulator, sheet, type } = setup();
  expect(() => type('Z1', ['a', 'b'])).toThrow(new RefusedEdit('The coordinates of the range are outside the dimensions of the sheet.'));
  expect(() => type('A1000', ['a'], ['b'])).toThrow(RefusedEdit);
  expect(sheet.getRange('Z1').getValue()).toBe('');
  expect(() => applyEdit(emulator, { sheet: 'Nope', at: 'A1', values: [['x']] })).toThrow('No sheet named "Nope".');
  const rule = globals.SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).setHelpText('A number, 0 or more.').build();
  sheet.getRange('B2:B3').setDataValidation(rule);
  sheet.getRange('B2').setValue(4);
  expect(() => type('A2', ['x', 'many'], ['y', '2'])).toThrow(new RefusedEdit('A number, 0 or more.'));
  expect(sheet.getRange('A2:B3').getValues()).toEqual([['', 4], ['', '']]);
  // A formula whose result breaks the rule is refused too; a number is accepted.
  expect(() => type('B3', ['=B2-10'])).toThrow(RefusedEdit);
  expect(sheet.getRange('B3').getFormula()).toBe('');
  type('B3', ['7']);
  expect(sheet.getRange('B3').getValue()).toBe(7);
});

test('a spill that would cover typed cells is #REF!, and spills again once they are cleared', () => {
  const { emulator, sheet, type } = setup();
  type('A1', ['1000', '200', '50']);
  type('A3', ['=RACE_FUNNEL(A1:C1)']);
  const spilled = sheet.getDataRange().getValues();
  expect(spilled.length).toBeGreaterThan(3);
  type('B4', ['in the way']);
  expect(sheet.getRange('A3').getValue()).toBe('#REF!');
  applyEdit(emulator, parseEdit({ sheet: 'Sheet1', clear: 'B4' }));
  expect(sheet.getDataRange().getValues()).toEqual(spilled);
});

test('requests of the wrong shape are told apart from refused edits', () => {
  for (const body of [{}, { sheet: 'S', at: 'A1' }, { sheet: 'S', at: 'A1:B2', values: [['x']] }, { sheet: 'S', at: 'A1', values: [] }, { sheet: 'S', at: 'A1', values: [['x'], []] }, { sheet: 'S', at: 'A1', values: [[null]] }, { sheet: 'S', clear: 'not a range' }, { sheet: 'S', clear: 'A1', at: 'A1' }]) {
    expect(() => parseEdit(body)).toThrow(BadEdit);
  }
  expect(parseEdit({ sheet: 'S', at: 'b2', values: [['x', '']] })).toEqual({ sheet: 'S', at: 'b2', values: [['x', '']] });
});
