import type { Cell } from '../../src/core/cells';
import { CUSTOM_FUNCTIONS } from '../../src/functions';
import { RACE_FUNNEL } from '../../src/functions/funnel';
import { RACE_CONVERSION } from '../../src/functions/ratios';
import { RACE_SUMMARY } from '../../src/functions/summary';
import { createAppsScriptGlobals } from '../../preview/emulator/services';

function sheetWith(rows: (string | number | null)[][]) {
  const { SpreadsheetApp, emulator } = createAppsScriptGlobals({ sheets: { Data: rows } });
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
  return { sheet, emulator };
}

/** What getValues shows for a custom function's result: blanks as "". */
function asRead(grid: Cell[][]): Cell[][] {
  return grid.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell)));
}

test('every registered RACE function is known to the engine (none reads #NAME?)', () => {
  const { sheet } = sheetWith([[1]]);
  const cells = sheet.getRange(2, 1, 1, CUSTOM_FUNCTIONS.length);
  cells.setValues([CUSTOM_FUNCTIONS.map((spec) => `=${spec.name}(A1)`)]);
  const values = cells.getValues()[0];
  CUSTOM_FUNCTIONS.forEach((spec, i) => expect([spec.name, values[i]]).not.toEqual([spec.name, '#NAME?']));
});

test('RACE_CONVERSION computes through the engine as the registry computes it: sum(to) / sum(from)', () => {
  const visits = [1200, 830, '', 415];
  const leads = [36, 41, '', 9];
  const { sheet } = sheetWith(visits.map((v, i) => [v, leads[i]]));
  const cell = sheet.getRange(1, 4);
  cell.setValues([['=RACE_CONVERSION(A1:A4, B1:B4)']]);
  const expected = (36 + 41 + 9) / (1200 + 830 + 415);
  expect(cell.getValues()[0][0]).toBe(expected);
  expect(cell.getValues()[0][0]).toBe(RACE_CONVERSION.run(visits.map((v) => [v]), leads.map((v) => [v])));
});

test('a single cell reaches the function as a scalar, a range as a 2-D array with "" for blanks', () => {
  const { sheet } = sheetWith([[200, 50], ['', 10]]);
  const cells = sheet.getRange(1, 4, 1, 2);
  cells.setValues([['=RACE_CONVERSION(A1, B1)', '=RACE_CONVERSION(A1:A2, B1:B2)']]);
  expect(cells.getValues()).toEqual([[RACE_CONVERSION.run(200, 50), RACE_CONVERSION.run([[200], ['']], [[50], [10]])]]);
});

test('a thrown RaceError shows #ERROR! and keeps its message', () => {
  const { sheet, emulator } = sheetWith([['words', 5]]);
  sheet.getRange(1, 4).setValues([['=RACE_CONVERSION(A1, B1)']]);
  expect(sheet.getRange(1, 4).getValues()).toEqual([['#ERROR!']]);
  let thrown = '';
  try {
    RACE_CONVERSION.run('words', 5);
  } catch (error) {
    thrown = (error as Error).message;
  }
  expect(thrown).toMatch(/^RACE_CONVERSION: /);
  expect(emulator.errorMessage('Data', 1, 4)).toBe(thrown);
});

describe('spills', () => {
  const volumes = [[10000], [500], [100]];

  test('RACE_FUNNEL spills the registry table, and SUM over the spill computes', () => {
    const { sheet } = sheetWith(volumes);
    const expected = asRead(RACE_FUNNEL.run(volumes, undefined, 'en') as Cell[][]);
    sheet.getRange(1, 3).setValues([['=RACE_FUNNEL(A1:A3, , "en")']]);
    const spill = sheet.getRange(1, 3, expected.length, expected[0].length);
    expect(spill.getValues()).toEqual(expected);
    expect(spill.getFormulas()[1]).toEqual(expected[1].map(() => ''));
    sheet.getRange(1, 12).setValues([['=SUM(D2:D4)']]); // the volume column of the spilled table
    expect(sheet.getRange(1, 12).getValues()).toEqual([[10000 + 500 + 100]]);
  });

  test('changing an argument recomputes the spill and what reads it', () => {
    const { sheet } = sheetWith(volumes);
    sheet.getRange(1, 3).setValues([['=RACE_FUNNEL(A1:A3, , "en")']]);
    sheet.getRange(1, 12).setValues([['=SUM(D2:D4)']]);
    sheet.getRange(2, 1).setValues([[800]]);
    const changed = [[10000], [800], [100]];
    const expected = asRead(RACE_FUNNEL.run(changed, undefined, 'en') as Cell[][]);
    expect(sheet.getRange(1, 3, expected.length, expected[0].length).getValues()).toEqual(expected);
    expect(sheet.getRange(1, 12).getValues()).toEqual([[10000 + 800 + 100]]);
  });

  test('a spill grows and shrinks with its data (error -> table -> error)', () => {
    const { sheet } = sheetWith([[10000], [500], ['soon']]);
    sheet.getRange(1, 3).setValues([['=RACE_FUNNEL(A1:A3, , "en")']]);
    expect(sheet.getRange(1, 3).getValues()).toEqual([['#ERROR!']]);
    sheet.getRange(3, 1).setValues([[100]]);
    const table = asRead(RACE_FUNNEL.run(volumes, undefined, 'en') as Cell[][]);
    expect(sheet.getRange(1, 3, table.length, table[0].length).getValues()).toEqual(table);
    sheet.getRange(3, 1).setValues([['gone']]);
    const area = sheet.getRange(1, 3, table.length, table[0].length).getValues();
    expect(area[0][0]).toBe('#ERROR!');
    expect(area.flat().slice(1).every((cell) => cell === '')).toBe(true);
  });

  test('RACE_SUMMARY gains a row when a new group appears in its data', () => {
    const rows: (string | number)[][] = [
      ['sessionDefaultChannelGroup', 'sessions', 'transactions', 'totalRevenue'],
      ['Organic Search', 1000, 20, 900],
      ['Email', 300, 12, 640],
    ];
    const { sheet } = sheetWith([...rows, ['', '', '', '']]);
    sheet.getRange(1, 7).setValues([['=RACE_SUMMARY(A1:D4, "sessionDefaultChannelGroup", , "en")']]);
    const before = asRead(RACE_SUMMARY.run(rows, 'sessionDefaultChannelGroup', undefined, 'en') as Cell[][]);
    expect(sheet.getRange(1, 7, before.length, before[0].length).getValues()).toEqual(before);
    const added = ['Paid Search', 500, 5, 210];
    sheet.getRange(4, 1, 1, 4).setValues([added]);
    const after = asRead(RACE_SUMMARY.run([...rows, added], 'sessionDefaultChannelGroup', undefined, 'en') as Cell[][]);
    expect(after.length).toBe(before.length + 1);
    expect(sheet.getRange(1, 7, after.length, after[0].length).getValues()).toEqual(after);
  });

  // Issue 8, 3.8: a spilled value is never a formula, whatever text it holds.
  test('spilled text that looks like a formula has no formula: getFormula(s) give "" outside the anchor', () => {
    const { sheet, emulator } = sheetWith([['Channel', 'Visits', 'Leads'], ["'=DDE(\"cmd\")", 10, 1], ["'=1+1", 20, 2], ['Email', 30, 3]]);
    sheet.getRange(1, 6).setValues([['=RACE_SUMMARY(A1:C4, "Channel", , "en")']]);
    const labels = sheet.getRange(2, 6, 3, 1);
    expect(labels.getValues()).toEqual([['=DDE("cmd")'], ['=1+1'], ['Email']]);
    expect(labels.getFormulas()).toEqual([[''], [''], ['']]);
    expect(sheet.getRange(2, 6).getFormula()).toBe('');
    expect(sheet.getRange(1, 6).getFormula()).toBe('=RACE_SUMMARY(A1:C4, "Channel", , "en")');
    // What the preview page draws reads the same formulas.
    const snapshot = emulator.snapshot().sheets.find((s) => s.name === 'Data')!;
    expect(snapshot.formulas.slice(1, 4).map((row) => row[5])).toEqual(['', '', '']);
  });

  test('a spill blocked by a value reads #REF!, as in Sheets', () => {
    const { sheet } = sheetWith([...volumes, [null, null, null, 'in the way']]);
    sheet.getRange(1, 3).setValues([['=RACE_FUNNEL(A1:A3, , "en")']]);
    expect(sheet.getRange(1, 3).getValues()).toEqual([['#REF!']]);
  });
});
