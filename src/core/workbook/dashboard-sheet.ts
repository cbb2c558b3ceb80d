import { translate, type MessageKey } from '../i18n';
import type { FunnelStep } from '../model/business-models';
import type { MeasureId } from '../model/measures';
import { SUMMARY_RATES } from '../summary/rates';
import { COUNT_FORMAT, dataColumnRef, dataMeasuresRef, isMoneyMeasure, measureColumn, moneyFormat, type DataLayout } from './data-sheet';
import { dashboardBottom } from './dashboard-bottom';
import { campaignListColumn, dashboardTop } from './dashboard-top';
import { SECTION_BACKGROUND, SheetGrid } from './grid';
import type { KpiStageId, WorkbookOptions } from './options';
import type { Block, ChartSpec, ConditionalFormatSpec, SheetSpec, ValidationSpec } from './spec';
import { formulaString, textCell } from './text';

/** A stage's volume KPI on the KPI sheet, compared with its target on the dashboard. */
export interface TargetLink {
  stage: KpiStageId;
  stageName: string;
  kpiName: string;
  /** Absolute references into the KPI sheet. */
  target: string;
  actual: string;
  /** The pacing status: actual to date against target to date. */
  status: string;
  format: string;
  /** The share of the target due by the latest period with data. */
  targetToDate: string;
  /** The straight-line forecast to the end of the horizon, and its status against the whole target. */
  forecast: string;
  forecastStatus: string;
}

export const STATUS_COLORS = [
  { key: 'status.onTrack', background: '#ceead6', fontColor: '#0d652d' },
  { key: 'status.atRisk', background: '#feefc3', fontColor: '#7a4f01' },
  { key: 'status.offTrack', background: '#fad2cf', fontColor: '#a50e0e' },
] as const;

/** Green, amber, red on the RACE_STATUS texts of `block`. */
export function statusFormats(options: WorkbookOptions, block: ConditionalFormatSpec['block']): ConditionalFormatSpec[] {
  return STATUS_COLORS.map(({ key, background, fontColor }) => ({
    block,
    whenTextEqualTo: translate(options.language, key),
    background,
    fontColor,
  }));
}

/** What the dashboard's sections share: the grid being laid out and the ways to refer to the Data sheet. */
export interface DashboardContext {
  options: WorkbookOptions;
  data: DataLayout;
  funnel: readonly FunnelStep[];
  targets: readonly TargetLink[];
  grid: SheetGrid;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** The language as a formula argument ("fa"). */
  lang: string;
  /** The number format of a measure's figures: money in the workbook's currency, else a count. */
  formatOf: (measure: MeasureId) => string;
  /** The Data sheet's cells of a measure: Data!$D$2:$D$192. */
  columnOf: (measure: MeasureId) => string;
  /** A condition true while the Data sheet has no number at all. */
  noData: string;
  sectionRow: (row: number, label: string) => void;
  styles: { section: { bold: true; background: string } };
}

/** What one section of the dashboard adds besides its cells. */
export interface DashboardSection {
  /** The first free row after the section (sections follow each other down the sheet). */
  nextRow: number;
  charts: ChartSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  validations: ValidationSpec[];
  /** Cells the user types or chooses in (selectors, target rates): left out of the warning-only protection. */
  inputs?: Block[];
}

/**
 * Blocks covering every cell of a rows x columns grid but `inputs`: a protection cannot have holes, so
 * rows with the same free columns make one band, each free run of columns one block.
 */
export function blocksAround(rows: number, columns: number, inputs: readonly Block[]): Block[] {
  const runsOf = (row: number): [number, number][] => {
    const taken = (column: number) => inputs.some((b) => row >= b.row && row < b.row + b.numRows && column >= b.column && column < b.column + b.numColumns);
    const runs: [number, number][] = [];
    for (let c = 1; c <= columns; c++) {
      if (taken(c)) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    return runs;
  };
  const blocks: Block[] = [];
  let bandStart = 1;
  let bandRuns = runsOf(1);
  const close = (end: number) => {
    for (const [from, to] of bandRuns) blocks.push({ row: bandStart, column: from, numRows: end - bandStart + 1, numColumns: to - from + 1 });
  };
  for (let r = 2; r <= rows; r++) {
    const runs = runsOf(r);
    if (JSON.stringify(runs) === JSON.stringify(bandRuns)) continue;
    close(r - 1);
    bandStart = r;
    bandRuns = runs;
  }
  close(rows);
  return blocks;
}

/** Cells of the dashboard other sheets read (the OSA plan's sentences). */
export interface DashboardLinks {
  /** Absolute reference to the bottleneck's text. */
  bottleneckText: string;
  /** Absolute reference to the cell holding the bottleneck's RACE stage as stageLabel writes it ("" while there is none). */
  bottleneckStage: string;
}

/** Where the trend table keeps each period's label and date (the top looks its periods' labels up there). */
export interface TrendLabels {
  labels: string;
  dates: string;
}

export interface DashboardResult {
  spec: SheetSpec;
  links: DashboardLinks;
}

/** Columns the sections keep free on the left; charts sit to the right of them. */
export const DASHBOARD_TABLE_COLUMNS = 6;

/**
 * The live dashboard: the top (headline, funnel, targets) and the bottom (trend, summaries). Every
 * formula shows a hint or "" until the Data sheet has numbers, so a fresh workbook has no error value.
 */
export function dashboardSheet(
  options: WorkbookOptions,
  sheetName: string,
  data: DataLayout,
  funnel: readonly FunnelStep[],
  targets: readonly TargetLink[],
): DashboardResult {
  const { language } = options;
  const grid = new SheetGrid();
  const section = { bold: true as const, background: SECTION_BACKGROUND };
  const ctx: DashboardContext = {
    options,
    data,
    funnel,
    targets,
    grid,
    t: (key, params) => translate(language, key, params),
    lang: formulaString(language),
    formatOf: (measure) => (isMoneyMeasure(measure) ? moneyFormat(options.currency, options.language) : COUNT_FORMAT),
    columnOf: (measure) => dataColumnRef(data, measureColumn(data, measure)),
    noData: `COUNT(${dataMeasuresRef(data)})=0`,
    sectionRow: (row, label) => grid.setRow(row, 1, [textCell(label), '', '', '', '', ''], section),
    styles: { section },
  };
  const top = dashboardTop(ctx, sheetName);
  const { section: bottom, trend } = dashboardBottom(ctx, top.section.nextRow);
  top.labelPeriods(trend);
  // Width RACE_SUMMARY may spill to: the group, every measure column and at most every rate.
  const summaryColumns = 1 + data.measures.length + SUMMARY_RATES.length;
  const spec = grid.toSpec({
    role: 'dashboard',
    name: sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 0,
    columnWidths: [
      { column: 1, numColumns: 1, width: 180 },
      { column: 2, numColumns: 1, width: 170 }, // the headline's KPI names ("Repeat customers")
      { column: 3, numColumns: summaryColumns - 2, width: 110 },
      // The campaigns the dropdown lists: names are long, and its header is on row 1.
      { column: campaignListColumn(data), numColumns: 1, width: 240 },
    ],
    validations: [...top.section.validations, ...bottom.validations],
    conditionalFormats: [...top.section.conditionalFormats, ...bottom.conditionalFormats],
    charts: [...top.section.charts, ...bottom.charts],
    // Every cell of the dashboard is computed but the selectors and target rates.
    warningOnly: blocksAround(grid.extent.rows, grid.extent.columns, [...(top.section.inputs ?? []), ...(bottom.inputs ?? [])]),
    tabColor: '#ea4335',
  });
  return { spec, links: top.links };
}
