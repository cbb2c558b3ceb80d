// Sheets holding the chart kinds the dashboard uses (a centred funnel, columns side by side, lines with
// gaps), as one SheetSpec the writer applies: shared by the chartView tests and the browser test.
import type { ChartSpec, SheetSpec } from '../../src/core/workbook/spec';

export type Grid = (string | number | null)[][];

export function chartSheetSpec(name: string, values: Grid, formats: string[][], charts: ChartSpec[], rightToLeft = false): SheetSpec {
  const grid = <T>(value: T) => values.map((row) => row.map(() => value));
  return {
    role: 'dashboard',
    name,
    rightToLeft,
    values,
    numberFormats: formats,
    fontWeights: grid('normal' as const),
    backgrounds: grid(null),
    wraps: grid(false),
    rows: values.length,
    columns: values[0].length,
    frozenRows: 0,
    columnWidths: [],
    formatBlocks: [],
    validations: [],
    conditionalFormats: [],
    charts,
    warningOnly: [],
    tabColor: '#000000',
  };
}

/** A funnel of three steps: the offset (half of what each bar lacks to the widest) centres the volumes. */
export const FUNNEL: Grid = [
  ['Step', 'Offset', 'Volume'],
  ['Visits', '=(MAX($C$2:$C$4)-C2)/2', 10000],
  ['Leads', '=(MAX($C$2:$C$4)-C3)/2', 500],
  ['Orders', '=(MAX($C$2:$C$4)-C4)/2', 100],
];
export const FUNNEL_FORMATS = FUNNEL.map((row, r) => row.map((_, c) => (r > 0 && c > 0 ? '#,##0' : '')));
export const FUNNEL_CHART: ChartSpec = {
  type: 'bar',
  title: 'Funnel',
  ranges: [{ row: 1, column: 1, numRows: 4, numColumns: 3 }],
  stacked: true,
  series: { 0: { color: 'none', hiddenInLegend: true }, 1: { color: '#1a73e8', dataLabels: true } },
  valueFormat: '#,##0',
  legend: 'none',
  anchorRow: 1,
  anchorColumn: 5,
};

/** Every kind at once: the funnel (A1:C4), step rates against references (A6:B8 and D6:D8), a trend with gaps (A10:C14). */
export function allKinds(): { values: Grid; formats: string[][]; charts: ChartSpec[] } {
  const values: Grid = [
    ...FUNNEL.map((row) => [...row, null]),
    [null, null, null, null],
    ['Step', 'Rate', null, 'Reference'],
    ['Visit → lead', 0.019, null, 0.03],
    ['Lead → order', 0.2, null, 0.25],
    [null, null, null, null],
    ['Week', 'Visits', 'Leads', null],
    ['W1', 100, 10, null],
    ['W2', '=IF(FALSE,1,"")', 12, null],
    ['W3', 130, null, null],
    ['W4', 90, 8, null],
  ];
  const formats = values.map((row, r) => row.map((_, c) => (r >= 1 && r <= 3 && c > 0 ? '#,##0' : r >= 6 && r <= 7 && c > 0 ? '0.0%' : '')));
  const charts: ChartSpec[] = [
    FUNNEL_CHART,
    {
      type: 'column',
      title: 'Step conversion',
      ranges: [
        { row: 6, column: 1, numRows: 3, numColumns: 2 },
        { row: 6, column: 4, numRows: 3, numColumns: 1 },
      ],
      series: { 0: { dataLabels: true } },
      valueFormat: '0%',
      legend: 'bottom',
      anchorRow: 6,
      anchorColumn: 5,
    },
    { type: 'line', title: 'Trend', ranges: [{ row: 10, column: 1, numRows: 5, numColumns: 3 }], legend: 'bottom', anchorRow: 10, anchorColumn: 5 },
  ];
  return { values, formats, charts };
}
