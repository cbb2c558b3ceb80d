import { translate } from '../i18n';
import type { FunnelStep } from '../model/business-models';
import type { MeasureId } from '../model/measures';
import { SUMMARY_RATES } from '../summary/rates';
import {
  COUNT_FORMAT,
  DATE_FORMAT,
  RATE_FORMAT,
  dataColumnRef,
  dataMeasuresRef,
  dataTableRef,
  isMoneyMeasure,
  measureColumn,
  moneyFormat,
  type DataLayout,
} from './data-sheet';
import { HEADER_BACKGROUND, SECTION_BACKGROUND, SheetGrid } from './grid';
import { periodLabel } from '../calendar';
import { periodization, type WorkbookOptions } from './options';
import type { ConditionalFormatSpec, SheetSpec } from './spec';
import { formulaString, localRef, textCell } from './text';

/** A stage's volume KPI on the KPI sheet, compared with its target on the dashboard. */
export interface TargetLink {
  stageName: string;
  kpiName: string;
  /** Absolute references into the KPI sheet. */
  target: string;
  actual: string;
  status: string;
  format: string;
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

const FUNNEL_COLUMNS = 6;

/**
 * The live dashboard. Every formula shows a hint or "" until the Data sheet has numbers, so a fresh
 * workbook has no error value anywhere.
 */
export function dashboardSheet(
  options: WorkbookOptions,
  sheetName: string,
  data: DataLayout,
  funnel: readonly FunnelStep[],
  targets: readonly TargetLink[],
): SheetSpec {
  const { language } = options;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
  const lang = formulaString(language);
  const grid = new SheetGrid();
  const section = { bold: true, background: SECTION_BACKGROUND };
  const header = { bold: true, background: HEADER_BACKGROUND };
  const formatOf = (measure: MeasureId) => (isMoneyMeasure(measure) ? moneyFormat(options.currency, options.language) : COUNT_FORMAT);
  const sectionRow = (row: number, label: string) => grid.setRow(row, 1, [textCell(label), '', '', '', '', ''], section);
  const noData = `COUNT(${dataMeasuresRef(data)})=0`;
  const columnOf = (measure: MeasureId) => dataColumnRef(data, measureColumn(data, measure));
  // Width RACE_SUMMARY may spill to: the group, every measure column and at most every rate.
  const summaryColumns = 1 + data.measures.length + SUMMARY_RATES.length;

  grid.set(1, 1, textCell(t('workbook.dashboard.title', { business: options.businessName })), { bold: true });
  grid.set(2, 1, `=IF(${noData},${formulaString(t('workbook.dashboard.noData'))},"")`);

  // Funnel: one SUM per step, the bottleneck, and RACE_FUNNEL's table below.
  let row = 4;
  sectionRow(row++, t('workbook.dashboard.funnel'));
  const funnelHeaderRow = row;
  grid.setRow(row++, 1, [textCell(t('workbook.dashboard.step')), textCell(t('workbook.dashboard.volume'))], header);
  const firstStepRow = row;
  for (const step of funnel) {
    grid.set(row, 1, textCell(step.name[language]));
    grid.set(row, 2, `=SUM(${columnOf(step.measure)})`, { format: formatOf(step.measure) });
    row++;
  }
  const volumes = localRef(firstStepRow, 2, funnel.length, 1);
  const labels = localRef(firstStepRow, 1, funnel.length, 1);
  grid.set(row, 1, textCell(t('workbook.dashboard.bottleneck')), { bold: true });
  grid.set(row++, 2, `=IF(MIN(${volumes})<=0,${formulaString(t('workbook.dashboard.needAllSteps'))},RACE_BOTTLENECK(${volumes},${labels},${lang}))`);
  row++;
  grid.set(row, 1, `=RACE_FUNNEL(${volumes},${labels},${lang})`);
  grid.reserve(row + funnel.length, FUNNEL_COLUMNS);
  row += funnel.length + 2;

  // This period against the one before: the latest period whose top-of-funnel volume is above zero.
  const periodCells = dataColumnRef(data, data.periodColumn);
  const topCells = columnOf(funnel[0].measure);
  sectionRow(row++, t('workbook.dashboard.periods'));
  grid.setRow(row++, 1, [t('workbook.dashboard.measure'), t('workbook.dashboard.thisPeriod'), t('workbook.dashboard.previousPeriod'), t('workbook.dashboard.growth')].map(textCell), header);
  // The two periods' labels (Solar Hijri for fa), looked up in the trend table once it is laid out.
  const labelRow = row++;
  const latest = localRef(row, 2);
  const previous = localRef(row, 3);
  grid.set(row, 1, textCell(t('workbook.dashboard.periodStart')), { bold: true });
  grid.set(row, 2, `=IF(COUNTIF(${topCells},">0")=0,${formulaString(t('workbook.dashboard.noData'))},MAXIFS(${periodCells},${topCells},">0"))`, { format: DATE_FORMAT });
  grid.set(row, 3, `=IF(ISNUMBER(${latest}),IF(COUNTIF(${periodCells},"<"&${latest})=0,"",MAXIFS(${periodCells},${periodCells},"<"&${latest})),"")`, { format: DATE_FORMAT });
  row++;
  const compared = [...new Set<MeasureId>([...funnel.map((s) => s.measure), 'revenue', 'cost'])];
  for (const measure of compared) {
    const cells = columnOf(measure);
    const current = localRef(row, 2);
    const before = localRef(row, 3);
    grid.set(row, 1, textCell(data.measureHeaders[measure]!)); // the model's own words, as on the Data sheet
    grid.set(row, 2, `=IF(ISNUMBER(${latest}),SUMIFS(${cells},${periodCells},${latest}),"")`, { format: formatOf(measure) });
    grid.set(row, 3, `=IF(ISNUMBER(${previous}),SUMIFS(${cells},${periodCells},${previous}),"")`, { format: formatOf(measure) });
    grid.set(row, 4, `=IF(ISNUMBER(${before}),IF(${before}>0,RACE_GROWTH(${current},${before}),""),"")`, { format: RATE_FORMAT });
    row++;
  }
  row++;

  // Targets against actuals, read from the KPI sheet's all-segments block.
  sectionRow(row++, t('workbook.dashboard.targets'));
  grid.setRow(row++, 1, [t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.kpi.target'), t('workbook.kpi.actual'), t('workbook.kpi.status')].map(textCell), header);
  const firstTargetRow = row;
  for (const link of targets) {
    grid.set(row, 1, textCell(link.stageName));
    grid.set(row, 2, textCell(link.kpiName));
    grid.set(row, 3, `=IF(${link.target}="","",${link.target})`, { format: link.format });
    grid.set(row, 4, `=IF(${link.actual}="","",${link.actual})`, { format: link.format });
    grid.set(row, 5, `=IF(${link.status}="","",${link.status})`);
    row++;
  }
  const targetBlock = { row: firstTargetRow, column: 5, numRows: Math.max(1, targets.length), numColumns: 1 };
  row++;

  // Trend: the funnel volumes of every period (the line chart's data). The chart's categories are the
  // period labels, text computed here in the workbook's calendar; the period's date, which the SUMIFS
  // match, sits after the volumes.
  sectionRow(row++, t('workbook.dashboard.trend'));
  const trendHeaderRow = row;
  const dateColumn = funnel.length + 2;
  const { calendar } = periodization(options);
  grid.setRow(row++, 1, [t('workbook.data.period'), ...funnel.map((s) => s.name[language]), t('workbook.dashboard.periodStart')].map(textCell), header);
  for (const period of data.periods) {
    grid.set(row, 1, textCell(periodLabel(period, options.granularity, language, calendar)));
    grid.set(row, dateColumn, period, { format: DATE_FORMAT });
    funnel.forEach((step, i) => {
      const cells = columnOf(step.measure);
      grid.set(row, 2 + i, `=SUMIFS(${cells},${periodCells},${localRef(row, dateColumn)})`, { format: formatOf(step.measure) });
    });
    row++;
  }
  const trendLabels = localRef(trendHeaderRow + 1, 1, data.periods.length, 1);
  const trendDates = localRef(trendHeaderRow + 1, dateColumn, data.periods.length, 1);
  const labelOf = (date: string) => `=IF(ISNUMBER(${date}),IFERROR(INDEX(${trendLabels},MATCH(${date},${trendDates},0)),""),"")`;
  grid.set(labelRow, 1, textCell(t('workbook.dashboard.periodLabel')), { bold: true });
  grid.set(labelRow, 2, labelOf(latest));
  grid.set(labelRow, 3, labelOf(previous));
  row++;

  // Per-channel summary: RACE_SUMMARY spills one row per channel plus the total.
  sectionRow(row++, t('workbook.dashboard.byChannel'));
  grid.set(row, 1, `=IF(${noData},${formulaString(t('workbook.dashboard.noData'))},"")`);
  row++;
  grid.set(row, 1, `=RACE_SUMMARY(${dataTableRef(data)},${formulaString(data.channelHeader)},,${lang})`);
  grid.reserve(row + options.channels.length + 1, summaryColumns);

  const chartColumn = FUNNEL_COLUMNS + 2;
  return grid.toSpec({
    role: 'dashboard',
    name: sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 0,
    columnWidths: [
      { column: 1, numColumns: 1, width: 180 },
      { column: 2, numColumns: summaryColumns - 1, width: 110 },
    ],
    validations: [],
    conditionalFormats: statusFormats(options, targetBlock),
    charts: [
      {
        type: 'bar',
        block: { row: funnelHeaderRow, column: 1, numRows: funnel.length + 1, numColumns: 2 },
        title: t('workbook.dashboard.funnel'),
        anchorRow: 4,
        anchorColumn: chartColumn,
      },
      {
        type: 'line',
        block: { row: trendHeaderRow, column: 1, numRows: data.periods.length + 1, numColumns: funnel.length + 1 },
        title: t('workbook.dashboard.trend'),
        anchorRow: 24,
        anchorColumn: chartColumn,
      },
    ],
    // Every cell of the dashboard is computed.
    warningOnly: [{ row: 1, column: 1, numRows: grid.extent.rows, numColumns: grid.extent.columns }],
    tabColor: '#ea4335',
  });
}
