import type { MeasureId } from '../model/measures';
import { DATE_FORMAT, RATE_FORMAT, dataColumnRef } from './data-sheet';
import { DASHBOARD_TABLE_COLUMNS, statusFormats, type DashboardContext, type DashboardLinks, type DashboardSection, type TrendLabels } from './dashboard-sheet';
import { blockRef, formulaString, localRef, textCell } from './text';

const FUNNEL_COLUMNS = 6;

/**
 * The top of the dashboard, what a marketer reads first: the funnel with its bottleneck, this period
 * against the one before, and the stage targets against actuals.
 */
export function dashboardTop(ctx: DashboardContext, sheetName: string): { section: DashboardSection; links: DashboardLinks; labelPeriods: (trend: TrendLabels) => void } {
  const { options, data, funnel, targets, grid, t, lang, formatOf, columnOf, noData, sectionRow, styles } = ctx;
  const { language } = options;
  const header = styles.header;

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
  const bottleneckRow = row;
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

  const section: DashboardSection = {
    nextRow: row,
    charts: [
      {
        type: 'bar',
        title: t('workbook.dashboard.funnel'),
        ranges: [{ row: funnelHeaderRow, column: 1, numRows: funnel.length + 1, numColumns: 2 }],
        legend: 'none',
        anchorRow: 4,
        anchorColumn: DASHBOARD_TABLE_COLUMNS + 2,
      },
    ],
    conditionalFormats: statusFormats(options, targetBlock),
    validations: [],
  };
  // TODO(top): the bottleneck's stage (issue 7 section 2); until then no cell holds it.
  const labelPeriods = ({ labels: trendLabels, dates: trendDates }: TrendLabels) => {
    const labelOf = (date: string) => `=IF(ISNUMBER(${date}),IFERROR(INDEX(${trendLabels},MATCH(${date},${trendDates},0)),""),"")`;
    grid.set(labelRow, 1, textCell(t('workbook.dashboard.periodLabel')), { bold: true });
    grid.set(labelRow, 2, labelOf(latest));
    grid.set(labelRow, 3, labelOf(previous));
  };
  return { section, links: { bottleneckText: blockRef(sheetName, bottleneckRow, 2), bottleneckStage: '' }, labelPeriods };
}
