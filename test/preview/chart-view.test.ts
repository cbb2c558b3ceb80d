// What the preview draws for a chart: the writer's chart (src/addon/writer.ts) built on the emulated
// SpreadsheetApp, read back by chartView as Sheets reads its ranges and options.
import { applyWorkbookSpec, chartOptions } from '../../src/addon/writer';
import type { ChartSpec } from '../../src/core/workbook/spec';
import { chartSheetSpec, FUNNEL, FUNNEL_CHART, FUNNEL_FORMATS, type Grid } from './chart-sheets';
import { chartView, DEFAULT_SERIES_COLORS, spreadsheetView } from '../../preview/server';
import type { ChartView } from '../../preview/page/view';
import { emulate, fillData, generate, options as workbookOptions, syntheticRows } from '../engine/support';
import type { Language } from '../../src/core/i18n';

/** One sheet written by the writer (applyWorkbookSpec), holding `values` and `charts`. */
function writeSheet(values: Grid, formats: string[][], charts: ChartSpec[], rightToLeft = false) {
  const globals = emulate('en');
  const spreadsheet = globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  applyWorkbookSpec(spreadsheet, { language: 'en', sheets: [chartSheetSpec('Charts', values, formats, charts, rightToLeft)] }, { fn: 'test', language: 'en' });
  const model = globals.emulator.requireSheet('Charts');
  return { globals, model, views: model.charts.map((chart) => chartView(globals.emulator, chart)) };
}

test('the writer gives Sheets every option of the spec through the builder, in one insertChart per chart', () => {
  const { globals } = writeSheet(FUNNEL, FUNNEL_FORMATS, [FUNNEL_CHART]);
  const [chart] = globals.emulator.snapshot().sheets.find((sheet) => sheet.name === 'Charts')!.charts;
  expect(chart).toEqual({
    type: 'BAR',
    ranges: ["'Charts'!A1:C4"],
    position: { anchorRow: 1, anchorColumn: 5, offsetX: 0, offsetY: 0 },
    numHeaders: 1,
    mergeStrategy: 'MERGE_COLUMNS',
    options: {
      title: 'Funnel',
      legend: { position: 'none' },
      isStacked: true,
      hAxis: { format: '#,##0' }, // a horizontal bar chart's values run along the horizontal axis
      series: { 0: { color: 'none', visibleInLegend: false }, 1: { color: '#1a73e8', dataLabel: 'value' } },
    },
  });
  expect(globals.emulator.calls.count('Sheet.insertChart')).toBe(1);
  const recorded = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Charts')!.getCharts()[0].getOptions();
  expect([recorded.get('series.0.color'), recorded.get('series.1.dataLabel'), recorded.get('hAxis.format'), recorded.get('isStacked')]).toEqual(['none', 'value', '#,##0', true]);
  expect(chartOptions({ ...FUNNEL_CHART, type: 'column' })).toMatchObject({ vAxis: { format: '#,##0' } });
  expect(chartOptions({ ...FUNNEL_CHART, type: 'line', stacked: false, series: undefined, valueFormat: undefined })).toEqual({
    title: 'Funnel',
    legend: { position: 'none' },
    interpolateNulls: false,
  });
});

test('a centred funnel: the stacked offset series is unfilled and out of the legend, the volumes carry labels as the cells show them', () => {
  const { views } = writeSheet(FUNNEL, FUNNEL_FORMATS, [FUNNEL_CHART]);
  const [funnel] = views;
  expect(funnel).toMatchObject<Partial<ChartView>>({ type: 'bar', title: 'Funnel', stacked: true, valueFormat: '#,##0', legend: 'none', categories: ['Visits', 'Leads', 'Orders'] });
  const [offset, volume] = funnel.series;
  expect(offset).toMatchObject({ name: 'Offset', values: [0, 4750, 4950], hidden: true, color: 'none', inLegend: false, dataLabels: false });
  expect(volume).toMatchObject({ name: 'Volume', values: [10000, 500, 100], labels: ['10,000', '500', '100'], hidden: false, color: '#1a73e8', dataLabels: true, inLegend: true });
  // Centred: each bar's middle (offset + half its volume) is the widest bar's middle.
  funnel.categories.forEach((_, i) => expect(offset.values[i]! + volume.values[i]! / 2).toBe(5000));
});

test('a column chart of two ranges side by side: the second range is all series (step rate against its reference)', () => {
  const values: Grid = [
    ['Step', 'Rate', null, 'Reference'],
    ['Visit → lead', '=C2/1', 0.019, 0.03],
    ['Lead → order', 0.2, 0.2, 0.25],
  ];
  const formats = values.map((row, r) => row.map(() => (r > 0 ? '0.0%' : '')));
  const chart: ChartSpec = {
    type: 'column',
    title: 'Step conversion',
    ranges: [
      { row: 1, column: 1, numRows: 3, numColumns: 2 },
      { row: 1, column: 4, numRows: 3, numColumns: 1 },
    ],
    valueFormat: '0%',
    legend: 'bottom',
    anchorRow: 5,
    anchorColumn: 1,
  };
  const [view] = writeSheet(values, formats, [chart]).views;
  expect(view.categories).toEqual(['Visit → lead', 'Lead → order']);
  expect(view.series.map(({ name, values: v, labels, color }) => ({ name, values: v, labels, color }))).toEqual([
    { name: 'Rate', values: [0.019, 0.2], labels: ['1.9%', '20.0%'], color: DEFAULT_SERIES_COLORS[0] },
    { name: 'Reference', values: [0.03, 0.25], labels: ['3.0%', '25.0%'], color: DEFAULT_SERIES_COLORS[1] },
  ]);
  expect(view).toMatchObject({ type: 'column', stacked: false, valueFormat: '0%', legend: 'bottom' });
});

test('a line chart of several series: "" from a formula, blank cells and text are gaps (null), never zeros', () => {
  const values: Grid = [
    ['Week', 'Visits', 'Leads'],
    ['W1', 100, 10],
    ['W2', '=IF(FALSE,1,"")', 12],
    ['W3', 130, null],
    ['W4', 'n/a', '=IF(TRUE,"",1)'],
  ];
  const [view] = writeSheet(values, values.map((row) => row.map(() => '')), [
    { type: 'line', title: 'Trend', ranges: [{ row: 1, column: 1, numRows: 5, numColumns: 3 }], legend: 'bottom', anchorRow: 1, anchorColumn: 5 },
  ]).views;
  expect(view.categories).toEqual(['W1', 'W2', 'W3', 'W4']);
  expect(view.series.map((series) => series.values)).toEqual([
    [100, null, 130, null],
    [10, 12, null, null],
  ]);
});

test('categories that are dates or formatted numbers read as the cells display them; a right-to-left sheet keeps its charts', () => {
  const values: Grid = [
    ['Start', 'Cost'],
    [45672, 12.5],
    [45679, 0],
  ];
  const formats = [['', ''], ['yyyy-mm-dd', '"$"#,##0.00'], ['yyyy-mm-dd', '"$"#,##0.00']];
  const { globals } = writeSheet(values, formats, [
    { type: 'column', title: 'Cost', ranges: [{ row: 1, column: 1, numRows: 3, numColumns: 2 }], legend: 'none', anchorRow: 1, anchorColumn: 4 },
  ], true);
  const sheet = spreadsheetView(globals.emulator).sheets.find((s) => s.name === 'Charts')!;
  expect(sheet.rightToLeft).toBe(true);
  expect(sheet.charts[0].categories).toEqual(['2025-01-15', '2025-01-22']);
  expect(sheet.charts[0].series[0].labels).toEqual(['$12.50', '$0.00']);
});

/** How many data columns a chart's ranges hold: all but the first range's first column. */
function dataColumns(ranges: { numColumns: number }[]): number {
  return ranges.reduce((sum, range, i) => sum + range.numColumns - (i === 0 ? 1 : 0), 0);
}

describe.each(['en', 'fa'] as Language[])('every chart of the generated dashboard (%s)', (language) => {
  test('has one series per data column of its ranges, a category per row, and only finite numbers or gaps', () => {
    const globals = emulate(language);
    const { sheetNames } = generate(globals, workbookOptions({ language, granularity: 'week', segments: [] }));
    fillData(globals, sheetNames[2], syntheticRows(3));
    const dashboard = globals.emulator.requireSheet(sheetNames[3]);
    expect(dashboard.charts.length).toBeGreaterThan(0);
    for (const chart of dashboard.charts) {
      const view = chartView(globals.emulator, chart);
      expect(view.title).not.toBe('');
      expect(view.series).toHaveLength(dataColumns(chart.ranges.map((range) => range.ref)));
      expect(view.categories).toHaveLength(chart.ranges[0].ref.numRows - 1);
      for (const series of view.series) {
        expect(series.values).toHaveLength(view.categories.length);
        for (const value of series.values) expect(value === null || Number.isFinite(value)).toBe(true);
      }
      expect(view.series.some((series) => series.values.some((value) => value !== null))).toBe(true);
    }
  });
});
