// Issue 7, section 5: in Sheets a spilled result that would pass the sheet's last row or column is #REF!
// ("Result was not automatically expanded, please insert more rows"), and spills once rows are added.
import type { Cell } from '../../src/core/cells';
import { RACE_SUMMARY } from '../../src/functions/summary';
import { createAppsScriptGlobals } from '../../preview/emulator/services';
import { gridEdgeMessage } from '../../preview/emulator/emulated-spreadsheet';

const HEADER = ['Channel', 'Visits', 'Leads'];
const ROWS: (string | number)[][] = [
  ['Email', 300, 12],
  ['Search', 1000, 20],
  ['Social', 500, 9],
  ['Display', 800, 4],
];

/** A sheet of `rows` rows (the grid trimmed as the writer trims it) holding the table in A1:C5. */
function trimmed(rows: number, columns = 26) {
  const { SpreadsheetApp, emulator } = createAppsScriptGlobals({ sheets: { Data: [HEADER, ...ROWS] } });
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
  sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
  if (columns < sheet.getMaxColumns()) sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
  return { sheet, emulator };
}

function asRead(grid: Cell[][]): Cell[][] {
  return grid.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell)));
}

describe('a spill that meets the last row', () => {
  const summary = asRead(RACE_SUMMARY.run([HEADER, ...ROWS], 'Channel', undefined, 'en') as Cell[][]);

  test('RACE_SUMMARY reads #REF! with Sheets\' message, its cells stay empty, and it spills once rows are inserted', () => {
    // The summary (header, 4 channels, total = 6 rows) starts at row 7 of a 10-row sheet: 3 rows short.
    const { sheet, emulator } = trimmed(10);
    expect(summary.length).toBe(6);
    sheet.getRange(7, 5).setValue('=RACE_SUMMARY(A1:C5, "Channel", , "en")');
    sheet.getRange(1, 5).setValue('=COUNTA(E8:E10)');
    expect(sheet.getRange(7, 5).getValue()).toBe('#REF!');
    expect(emulator.errorMessage('Data', 7, 5)).toBe(gridEdgeMessage(2, 0));
    expect(emulator.errorMessage('Data', 7, 5)).toBe('Result was not automatically expanded, please insert more rows (2).');
    expect(sheet.getRange(8, 5, 3, 4).getValues().flat().every((cell) => cell === '')).toBe(true);
    expect(sheet.getRange(1, 5).getValue()).toBe(0); // what reads the would-be spill sees nothing
    expect(sheet.getLastRow()).toBe(7);

    sheet.insertRowsAfter(sheet.getMaxRows(), 2);
    expect(sheet.getMaxRows()).toBe(12);
    expect(sheet.getRange(7, 5, 6, summary[0].length).getValues()).toEqual(summary);
    expect(emulator.errorMessage('Data', 7, 5)).toBeUndefined();
    expect(sheet.getRange(1, 5).getValue()).toBe(3);
  });

  test('a result that grows with its data past the edge turns #REF!, and fits again when the data shrinks', () => {
    const { sheet, emulator } = trimmed(12);
    sheet.getRange(7, 5).setValue('=RACE_SUMMARY(A1:C6, "Channel", , "en")');
    expect(sheet.getRange(7, 5, 6, summary[0].length).getValues()).toEqual(summary); // rows 7-12: just fits
    sheet.getRange(6, 1, 1, 3).setValues([['Video', 50, 1]]); // one more channel: 7 rows
    expect(sheet.getRange(7, 5).getValue()).toBe('#REF!');
    expect(emulator.errorMessage('Data', 7, 5)).toBe(gridEdgeMessage(1, 0));
    sheet.getRange(6, 1, 1, 3).clearContent();
    expect(sheet.getRange(7, 5, 6, summary[0].length).getValues()).toEqual(summary);
  });

  test('a built-in array formula (ARRAYFORMULA) is cut the same way', () => {
    const { sheet, emulator } = trimmed(8);
    sheet.getRange(5, 6).setValue('=ARRAYFORMULA(B2:B5*2)'); // rows 5-8: fits
    expect(sheet.getRange(5, 6, 4, 1).getValues()).toEqual([[600], [2000], [1000], [1600]]);
    sheet.getRange(6, 7).setValue('=ARRAYFORMULA(B2:B5*3)'); // rows 6-9: one row short
    expect(sheet.getRange(6, 7).getValue()).toBe('#REF!');
    expect(emulator.errorMessage('Data', 6, 7)).toBe('Result was not automatically expanded, please insert more rows (1).');
    sheet.insertRowsBefore(1, 1); // a row on top moves both down and adds one row to the grid: the second is still short
    expect(sheet.getRange(6, 6, 4, 1).getValues()).toEqual([[600], [2000], [1000], [1600]]);
    expect(sheet.getRange(7, 7).getValue()).toBe('#REF!');
    expect(emulator.errorMessage('Data', 7, 7)).toBe(gridEdgeMessage(1, 0));
    sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    expect(sheet.getRange(7, 7, 4, 1).getValues()).toEqual([[900], [3000], [1500], [2400]]);
  });

  test('deleting rows under a spill that fitted turns it #REF!', () => {
    const { sheet } = trimmed(12);
    sheet.getRange(7, 5).setValue('=RACE_SUMMARY(A1:C5, "Channel", , "en")');
    expect(sheet.getRange(7, 5).getValue()).toBe(summary[0][0]);
    sheet.deleteRows(12, 1);
    expect(sheet.getRange(7, 5).getValue()).toBe('#REF!');
  });
});

describe('a spill that meets the last column', () => {
  test('TRANSPOSE past column F reads #REF! asking for columns, and spills once columns are inserted', () => {
    const { sheet, emulator } = trimmed(10, 6);
    sheet.getRange(8, 4).setValue('=TRANSPOSE(B2:B5)'); // D8:G8, one column past F
    expect(sheet.getRange(8, 4).getValue()).toBe('#REF!');
    expect(emulator.errorMessage('Data', 8, 4)).toBe('Result was not automatically expanded, please insert more columns (1).');
    expect(sheet.getLastColumn()).toBe(4);
    sheet.insertColumnsAfter(6, 1);
    expect(sheet.getRange(8, 4, 1, 4).getValues()).toEqual([[300, 1000, 500, 800]]);
  });

  test('RACE_SUMMARY wider than the columns left reads #REF!', () => {
    const { sheet, emulator } = trimmed(20, 6);
    sheet.getRange(10, 5).setValue('=RACE_SUMMARY(A1:C5, "Channel", , "en")');
    expect(sheet.getRange(10, 5).getValue()).toBe('#REF!');
    expect(emulator.errorMessage('Data', 10, 5)).toMatch(/^Result was not automatically expanded, please insert more columns \(\d+\)\.$/);
  });
});
