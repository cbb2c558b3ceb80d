import { translate } from '../i18n';
import { FUNNEL_BENCHMARKS } from '../model/benchmarks';
import { BUSINESS_MODELS } from '../model/business-models';
import { KPIS } from '../model/kpis';
import type { MeasureId } from '../model/measures';
import { stageLabel } from '../model/stages';
import { SUMMARY_RATES } from '../summary/rates';
import { COUNT_FORMAT, DATE_FORMAT, RATE_FORMAT, dataColumnRef, type DataLayout } from './data-sheet';
import { statusFormats, type DashboardContext, type DashboardLinks, type DashboardSection, type TrendLabels } from './dashboard-sheet';
import { INPUT_BACKGROUND } from './grid';
import { stageVolumeKpi } from './kpi-sheet';
import type { KpiStageId } from './options';
import type { Block, ValidationSpec } from './spec';
import { blockRef, formulaString, localRef, textCell } from './text';

/** A change or a gap as a signed percentage with one decimal: "▲ 12.5%", "▼ 3.0%". */
export const CHANGE_FORMAT = '"▲ "0.0%;"▼ "0.0%;0.0%';

/** Step | Stage | Volume | Step rate | Your target rate | Benchmark | Reference | Against reference. */
const FUNNEL = { step: 1, stage: 2, volume: 3, rate: 4, target: 5, benchmark: 6, reference: 7, against: 8 } as const;
const FUNNEL_COLUMNS = 8;
/** The charts sit right of the widest table of the top, side by side. */
const CHART_COLUMN = FUNNEL_COLUMNS + 2;
const CHART_WIDTH_COLUMNS = 6;

/**
 * The RACE stage a funnel step's measure belongs to: the stage of the KPIs computed from it (visits →
 * Reach, leads and trials → Act, orders, customers and subscribers → Convert, repeat customers → Engage).
 */
export function measureStage(measure: MeasureId): KpiStageId {
  const kpi = KPIS.find((k) => k.stage !== 'plan' && k.fromData?.numerator === measure);
  if (kpi === undefined) throw new Error(`no KPI is computed from ${measure}`);
  return kpi.stage as KpiStageId;
}

/**
 * The column of the distinct campaigns the campaign dropdown lists: right of everything the dashboard
 * spills (the summaries, side by side), since the list grows with the Data sheet.
 */
export function campaignListColumn(data: DataLayout): number {
  const summaryColumns = 1 + data.measures.length + SUMMARY_RATES.length;
  return 2 * summaryColumns + 3;
}

/**
 * The top of the dashboard, what a marketer reads first: a selector (channel, segment, campaign), the
 * headline strip (each stage's main KPI this period against the previous one with data, and its pacing
 * status), the funnel against its references with the bottleneck, the funnel charts, and the targets.
 */
export function dashboardTop(ctx: DashboardContext, sheetName: string): { section: DashboardSection; links: DashboardLinks; labelPeriods: (trend: TrendLabels) => void } {
  const { options, data, funnel, targets, grid, t, lang, formatOf, columnOf, noData, sectionRow } = ctx;
  const { language } = options;
  const input = { background: INPUT_BACKGROUND };
  const noDataText = formulaString(t('workbook.dashboard.noData'));
  const all = t('workbook.dashboard.all');
  const validations: ValidationSpec[] = [];
  const inputs: Block[] = [];

  grid.set(1, 1, textCell(t('workbook.dashboard.title', { business: options.businessName })), { bold: true });
  grid.set(2, 1, `=IF(${noData},${noDataText},"")`);

  // Selector: a dropdown per key column; "All" (or blank) keeps every row. Rows are matched with `=`
  // (exact text) inside SUMPRODUCT, never as SUMIFS criteria: a name like ">10" must match literally.
  let row = 3;
  const selectors: { column: number; cell: string }[] = [];
  let selectorColumn = 1;
  const selector = (label: string, dataColumn: number, rule: ValidationSpec['rule']) => {
    grid.set(row, selectorColumn, textCell(label), { bold: true });
    grid.set(row, selectorColumn + 1, textCell(all), input);
    const block = { row, column: selectorColumn + 1, numRows: 1, numColumns: 1 };
    validations.push({ block, rule });
    inputs.push(block);
    selectors.push({ column: dataColumn, cell: localRef(row, selectorColumn + 1) });
    selectorColumn += 2;
  };
  const helpText = t('workbook.dashboard.selectorHelp');
  selector(t('workbook.data.channel'), data.channelColumn, { kind: 'list', values: [all, ...options.channels], helpText });
  if (data.segmentColumn !== undefined) selector(t('workbook.data.segment'), data.segmentColumn, { kind: 'list', values: [all, ...options.segments], helpText });
  // Campaigns are typed or imported, not known now: the dropdown lists the Data sheet's distinct ones.
  const listColumn = campaignListColumn(data);
  const dataRows = data.lastRow - data.firstRow + 1;
  const campaignBlock: Block = { row: 2, column: listColumn, numRows: dataRows + 1, numColumns: 1 };
  selector(t('workbook.data.campaign'), data.campaignColumn, { kind: 'listFromRange', block: campaignBlock, helpText });
  const campaigns = dataColumnRef(data, data.campaignColumn);
  grid.headerRow(1, listColumn, [t('workbook.dashboard.campaigns')]);
  grid.set(2, listColumn, textCell(all));
  // ARRAYFORMULA keeps IFERROR element-wise (HyperFormula would cut the list to its first item); "" while
  // no row has a campaign (FILTER finds nothing).
  grid.set(3, listColumn, `=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(${campaigns},${campaigns}<>""))),""))`);
  grid.reserve(2 + dataRows, listColumn);
  const allText = formulaString(all);
  const inSlice = selectors
    .map(({ column, cell }) => `((${dataColumnRef(data, column)}=${cell})+OR(${cell}="",${cell}=${allText})>0)`)
    .join('*');
  /** The selected rows' sum of a measure, `where` narrowing them further (a period). */
  const sliceSum = (measure: MeasureId, where = '') => {
    const cells = columnOf(measure);
    return `ARRAYFORMULA(SUMPRODUCT(${inSlice}${where}*ISNUMBER(${cells}),${cells}))`;
  };
  row += 2;

  // Headline strip: each stage's main KPI in the latest period with data (of the selection) against the
  // period with data before it; a period with no number in these measures is neither counted nor compared.
  const { kpiIds } = BUSINESS_MODELS[options.model];
  const headline = targets.map((link) => ({ link, measure: stageVolumeKpi(kpiIds[link.stage])!.fromData!.numerator }));
  const extra = (['revenue', 'cost'] as const).filter((measure) => !headline.some((h) => h.measure === measure));
  const measures = [...headline.map((h) => h.measure), ...extra];
  const periods = dataColumnRef(data, data.periodColumn);
  const hasData = `((${measures.map((measure) => `ISNUMBER(${columnOf(measure)})`).join('+')})>0)`;
  const withData = (before = '') => `${inSlice}*${hasData}*ISNUMBER(${periods})${before}`;
  sectionRow(row++, t('workbook.dashboard.headline'));
  grid.headerRow(
    row++,
    1,
    [t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.dashboard.thisPeriod'), t('workbook.dashboard.previousPeriod'), t('workbook.dashboard.change'), t('workbook.kpi.status')],
  );
  // The two periods' labels (Solar Hijri for fa), looked up in the trend table once it is laid out.
  const labelRow = row++;
  const latest = localRef(row, 3);
  const previous = localRef(row, 4);
  const before = `*(${periods}<${latest})`;
  grid.set(row, 1, textCell(t('workbook.dashboard.periodStart')), { bold: true });
  grid.set(row, 3, `=ARRAYFORMULA(IF(SUMPRODUCT(${withData()})=0,${noDataText},MAX(IF(${withData()},${periods},0))))`, { format: DATE_FORMAT });
  grid.set(row, 4, `=IF(ISNUMBER(${latest}),ARRAYFORMULA(IF(SUMPRODUCT(${withData(before)})=0,"",MAX(IF(${withData(before)},${periods},0)))),"")`, { format: DATE_FORMAT });
  row++;
  const firstHeadlineRow = row;
  for (const { link, measure } of [...headline, ...extra.map((m) => ({ link: undefined, measure: m }))]) {
    const current = localRef(row, 3);
    const prior = localRef(row, 4);
    grid.set(row, 1, textCell(link?.stageName ?? ''));
    grid.set(row, 2, textCell(link?.kpiName ?? data.measureHeaders[measure]!), { bold: true });
    grid.set(row, 3, `=IF(ISNUMBER(${latest}),${sliceSum(measure, `*(${periods}=${latest})`)},"")`, { format: formatOf(measure) });
    grid.set(row, 4, `=IF(ISNUMBER(${previous}),${sliceSum(measure, `*(${periods}=${previous})`)},"")`, { format: formatOf(measure) });
    grid.set(row, 5, `=IF(ISNUMBER(${prior}),IF(${prior}>0,${current}/${prior}-1,""),"")`, { format: CHANGE_FORMAT });
    // Pacing is the whole business's against its targets, whatever the selection.
    if (link) grid.set(row, 6, `=IF(${link.status}="","",${link.status})`);
    row++;
  }
  const headlineStatus = { row: firstHeadlineRow, column: 6, numRows: Math.max(1, headline.length), numColumns: 1 };
  row++;

  // Funnel: each step's volume in the selection and its rate against a reference, the user's target rate
  // for the step when given, else the model's benchmark; the bottleneck is the step furthest below.
  const funnelSectionRow = row;
  sectionRow(row++, t('workbook.dashboard.funnel'));
  grid.headerRow(
    row++,
    1,
    [
      t('workbook.dashboard.step'), t('workbook.kpi.stage'), t('workbook.dashboard.volume'), t('workbook.dashboard.stepRate'),
      t('workbook.dashboard.targetRate'), t('workbook.dashboard.benchmark'), t('workbook.dashboard.reference'), t('workbook.dashboard.againstReference'),
    ],
  );
  const firstStepRow = row;
  const benchmarks = FUNNEL_BENCHMARKS[options.model];
  funnel.forEach((step, i) => {
    const at = (column: number) => localRef(row, column);
    grid.set(row, FUNNEL.step, textCell(step.name[language]));
    grid.set(row, FUNNEL.stage, textCell(stageLabel(measureStage(step.measure), language)));
    grid.set(row, FUNNEL.volume, `=${sliceSum(step.measure)}`, { format: formatOf(step.measure) });
    if (i > 0) {
      const previousVolume = localRef(row - 1, FUNNEL.volume);
      const benchmark = benchmarks[step.measure]?.rate;
      grid.set(row, FUNNEL.rate, `=IF(${previousVolume}>0,${at(FUNNEL.volume)}/${previousVolume},"")`, { format: RATE_FORMAT });
      grid.set(row, FUNNEL.target, '', { format: RATE_FORMAT, ...input });
      grid.set(row, FUNNEL.benchmark, benchmark ?? '', { format: RATE_FORMAT });
      grid.set(row, FUNNEL.reference, `=IF(ISNUMBER(${at(FUNNEL.target)}),${at(FUNNEL.target)},IF(ISNUMBER(${at(FUNNEL.benchmark)}),${at(FUNNEL.benchmark)},""))`, { format: RATE_FORMAT });
      grid.set(row, FUNNEL.against, `=IF(ISNUMBER(${at(FUNNEL.rate)}),IF(ISNUMBER(${at(FUNNEL.reference)}),IF(${at(FUNNEL.reference)}>0,${at(FUNNEL.rate)}/${at(FUNNEL.reference)}-1,""),""),"")`, { format: CHANGE_FORMAT });
    }
    row++;
  });
  const steps = funnel.length;
  const column = (c: number) => localRef(firstStepRow, c, steps, 1);
  const targetRates = { row: firstStepRow + 1, column: FUNNEL.target, numRows: steps - 1, numColumns: 1 };
  validations.push({ block: targetRates, rule: { kind: 'nonNegativeNumber', helpText: t('workbook.dashboard.targetRateHelp') } });
  inputs.push(targetRates);
  const bottleneckRow = row;
  grid.set(row, 1, textCell(t('workbook.dashboard.bottleneck')), { bold: true });
  grid.set(row++, 2, `=IF(${noData},${noDataText},RACE_BOTTLENECK(${column(FUNNEL.volume)},${column(FUNNEL.step)},${lang},${column(FUNNEL.reference)}))`);
  // The bottleneck's stage by RACE_BOTTLENECK's rule: the lowest gap (the first on a tie), else with no
  // step to compare the top of an empty funnel, else the lowest rate.
  const stageRow = row;
  const [against, rates, stages] = [column(FUNNEL.against), column(FUNNEL.rate), column(FUNNEL.stage)];
  const firstVolume = localRef(firstStepRow, FUNNEL.volume);
  grid.set(row, 1, textCell(t('workbook.dashboard.bottleneckStage')), { bold: true });
  grid.set(
    row++,
    2,
    `=IF(${noData},"",IF(COUNT(${against})>0,INDEX(${stages},MATCH(MIN(${against}),${against},0)),IF(${firstVolume}=0,${localRef(firstStepRow, FUNNEL.stage)},IF(COUNT(${rates})>0,INDEX(${stages},MATCH(MIN(${rates}),${rates},0)),""))))`,
  );
  row++;

  // Chart data: the funnel as centred bars (an invisible offset of half the gap to the widest step, then
  // the volume), and each step's rate against its reference, so small late steps stay readable.
  sectionRow(row++, t('workbook.dashboard.chartData'));
  const chartHeaderRow = row;
  grid.headerRow(row, 1, [t('workbook.dashboard.step'), t('workbook.dashboard.offset'), t('workbook.dashboard.volume')]);
  grid.headerRow(row, 5, [t('workbook.dashboard.step'), t('workbook.dashboard.stepRate'), t('workbook.dashboard.reference')]);
  row++;
  funnel.forEach((step, i) => {
    const volume = localRef(firstStepRow + i, FUNNEL.volume);
    grid.set(row + i, 1, textCell(step.name[language]));
    grid.set(row + i, 2, `=(MAX(${column(FUNNEL.volume)})-${volume})/2`, { format: formatOf(step.measure) });
    grid.set(row + i, 3, `=${volume}`, { format: formatOf(step.measure) });
    if (i === 0) return;
    const stepText = translate(language, 'funnel.step', { from: funnel[i - 1].name[language], to: step.name[language] });
    grid.set(row + i - 1, 5, textCell(stepText));
    grid.set(row + i - 1, 6, `=${localRef(firstStepRow + i, FUNNEL.rate)}`, { format: RATE_FORMAT });
    grid.set(row + i - 1, 7, `=${localRef(firstStepRow + i, FUNNEL.reference)}`, { format: RATE_FORMAT });
  });
  row += steps + 1;

  // Targets against actuals, read from the KPI sheet's all-segments block.
  sectionRow(row++, t('workbook.dashboard.targets'));
  // Status is the pacing (actual against the target due so far); the forecast runs the pace to the end.
  grid.headerRow(
    row++,
    1,
    [
      t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.kpi.target'), t('workbook.kpi.actual'), t('workbook.kpi.status'),
      t('workbook.kpi.targetToDate'), t('workbook.kpi.forecast'), t('workbook.kpi.forecastStatus'),
    ],
  );
  const firstTargetRow = row;
  const shown = (ref: string) => `=IF(${ref}="","",${ref})`;
  for (const link of targets) {
    grid.set(row, 1, textCell(link.stageName));
    grid.set(row, 2, textCell(link.kpiName));
    grid.set(row, 3, shown(link.target), { format: link.format });
    grid.set(row, 4, shown(link.actual), { format: link.format });
    grid.set(row, 5, shown(link.status));
    grid.set(row, 6, shown(link.targetToDate), { format: link.format });
    grid.set(row, 7, shown(link.forecast), { format: link.format });
    grid.set(row, 8, shown(link.forecastStatus));
    row++;
  }
  const targetBlock = { row: firstTargetRow, column: 5, numRows: Math.max(1, targets.length), numColumns: 1 };
  const forecastBlock = { ...targetBlock, column: 8 };
  row++;

  const section: DashboardSection = {
    nextRow: row,
    charts: [
      {
        type: 'bar',
        title: t('workbook.dashboard.funnel'),
        ranges: [{ row: chartHeaderRow, column: 1, numRows: steps + 1, numColumns: 3 }],
        stacked: true,
        series: { 0: { color: 'none', hiddenInLegend: true }, 1: { dataLabels: true } },
        valueFormat: COUNT_FORMAT,
        legend: 'none',
        anchorRow: funnelSectionRow,
        anchorColumn: CHART_COLUMN,
      },
      {
        type: 'column',
        title: t('workbook.dashboard.conversionChart'),
        ranges: [{ row: chartHeaderRow, column: 5, numRows: steps, numColumns: 3 }],
        series: { 0: { dataLabels: true } },
        valueFormat: '0%',
        legend: 'bottom',
        anchorRow: funnelSectionRow,
        anchorColumn: CHART_COLUMN + CHART_WIDTH_COLUMNS,
      },
    ],
    conditionalFormats: [...statusFormats(options, headlineStatus), ...statusFormats(options, targetBlock), ...statusFormats(options, forecastBlock)],
    validations,
    inputs,
  };
  const labelPeriods = ({ labels: trendLabels, dates: trendDates }: TrendLabels) => {
    const labelOf = (date: string) => `=IF(ISNUMBER(${date}),IFERROR(INDEX(${trendLabels},MATCH(${date},${trendDates},0)),""),"")`;
    grid.set(labelRow, 1, textCell(t('workbook.dashboard.periodLabel')), { bold: true });
    grid.set(labelRow, 3, labelOf(latest));
    grid.set(labelRow, 4, labelOf(previous));
  };
  return {
    section,
    links: { bottleneckText: blockRef(sheetName, bottleneckRow, 2), bottleneckStage: blockRef(sheetName, stageRow, 2) },
    labelPeriods,
  };
}
