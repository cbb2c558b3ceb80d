// A Persian workbook on the HyperFormula emulator: its periods are labelled in the Solar Hijri calendar,
// while the period cells stay dates that the dashboard's SUMIFS and the user's own formulas compute over;
// imported rows land in the same Saturday weeks.
import { findDataSheet, mergeIntoData } from '../../src/addon/import-sheets';
import { translate } from '../../src/core/i18n';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { emulate, errorCells, fillData, generate, measureColumnsOf, options, sheetNamed, START, zeroRow } from './support';

const ISO = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString();
const SERIAL = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 864e5;

describe('a Persian workbook', () => {
  const globals = emulate('fa');
  const opts = options({ language: 'fa', currency: 'IRR', granularity: 'week', channels: ['Email'], segments: [] });
  const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
  const t = (key: Parameters<typeof translate>[1]) => translate('fa', key);
  const steps = BUSINESS_MODELS.ecommerce.funnel;

  // START is Wednesday 2025-01-15: the first week starts on Saturday 2025-01-11 (22 Dey 1403).
  const rows = [zeroRow(), zeroRow(), zeroRow()];
  rows.forEach((row, i) => {
    row.impressions = 1000 * (i + 1);
    row.visits = 100 * (i + 1);
  });
  fillData(globals, dataName, rows);
  const spreadsheet = globals.SpreadsheetApp.getActiveSpreadsheet();
  // The user's own formula over the period cells: impressions from the second week on.
  const dataSheet = spreadsheet.getSheetByName(dataName)!;
  const impressionsColumn = measureColumnsOf(sheetNamed(globals, dataName)).find((c) => c.measure === 'impressions')!.column;
  const col = String.fromCharCode(65 + impressionsColumn);
  spreadsheet.getSheetByName('Notes')!.getRange(2, 1).setFormula(`=SUMIFS('${dataName}'!${col}2:${col}20,'${dataName}'!A2:A20,">="&DATE(2025,1,18))`);

  it('keeps real dates in the Data sheet, starting weeks on Saturday', () => {
    const data = sheetNamed(globals, dataName);
    expect(data.values.slice(1, 4).map((row) => row[0])).toEqual([ISO(2025, 1, 11), ISO(2025, 1, 18), ISO(2025, 1, 25)]);
    expect(dataSheet.getRange(2, 1).getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheetNamed(globals, 'Notes').values[1][0]).toBe(5000); // 2000 + 3000: a formula comparing the cells with a date
    expect(errorCells(data)).toEqual([]);
  });

  it('labels the trend in Jalali and sums each period by its date', () => {
    const dashboard = sheetNamed(globals, dashboardName);
    expect(errorCells(dashboard)).toEqual([]);
    const header = dashboard.values.findIndex((row) => row[0] === t('workbook.data.period') && row[1] === steps[0].name.fa);
    const trend = dashboard.values.slice(header + 1, header + 4);
    expect(trend.map((row) => row[0])).toEqual(['هفتهٔ ۲۲ دی ۱۴۰۳', 'هفتهٔ ۲۹ دی ۱۴۰۳', 'هفتهٔ ۶ بهمن ۱۴۰۳']);
    expect(trend.map((row) => row[1])).toEqual([1000, 2000, 3000]);
    expect(trend.map((row) => row[steps.length + 1])).toEqual([ISO(2025, 1, 11), ISO(2025, 1, 18), ISO(2025, 1, 25)]);
    // The headline: this period against the previous one, with their Jalali labels above the dates.
    const startRow = dashboard.values.findIndex((row) => row[0] === t('workbook.dashboard.periodStart'));
    expect(dashboard.values[startRow].slice(2, 4)).toEqual([ISO(2025, 1, 25), ISO(2025, 1, 18)]);
    expect(dashboard.values[startRow - 1].slice(0, 4)).toEqual([t('workbook.dashboard.periodLabel'), '', 'هفتهٔ ۶ بهمن ۱۴۰۳', 'هفتهٔ ۲۹ دی ۱۴۰۳']);
    // Amounts in rials: after the number, no decimals.
    const revenueRow = dashboard.values.findIndex((row, r) => r > startRow && row[1] === 'درآمد');
    expect(revenueRow).toBeGreaterThan(startRow);
    expect(spreadsheet.getSheetByName(dashboardName)!.getRange(revenueRow + 1, 3).getNumberFormat()).toBe('#,##0 "ریال"');
  });

  it('imports rows into the Saturday weeks the sheet shows, even when told Monday weeks', () => {
    const record = (day: number, visits: number) => ({ date: SERIAL(2025, 1, day), channel: 'Email', campaign: '', segment: '', values: { visits } });
    // Friday the 17th belongs to the week of Saturday the 11th, Saturday the 18th starts the next one.
    const merged = mergeIntoData(
      findDataSheet(spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)!,
      [record(15, 7), record(17, 8), record(18, 9)],
      ['visits'],
      { granularity: 'week', weekStart: 'monday', calendar: 'gregorian' },
      { fn: 'commitImport', language: 'fa' },
      (date) => date.toISOString().slice(0, 10),
    );
    expect(merged.granularity).toBe('week');
    expect(merged.plan.inserted).toEqual([]);
    const data = sheetNamed(globals, dataName);
    const visitsColumn = measureColumnsOf(data).find((c) => c.measure === 'visits')!.column;
    expect(data.values.slice(1, 4).map((row) => row[visitsColumn])).toEqual([15, 9, 300]);
    expect(dataSheet.getLastRow()).toBeGreaterThan(3);
  });
});
