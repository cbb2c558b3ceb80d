import { periodLabel } from '../calendar';
import type { MessageKey } from '../i18n';
import { BUSINESS_MODELS } from '../model/business-models';
import { KPIS_BY_ID, type Kpi } from '../model/kpis';
import type { MeasureId } from '../model/measures';
import { SUMMARY_RATES, type SummaryRate } from '../summary/rates';
import { DATE_FORMAT, RATE_FORMAT, RATIO_FORMAT, dataColumnRef, dataTableRef, isMoneyMeasure, moneyFormat } from './data-sheet';
import { DASHBOARD_TABLE_COLUMNS, type DashboardContext, type DashboardSection, type TrendLabels } from './dashboard-sheet';
import { periodization, type BusinessModelId } from './options';
import type { ChartSpec } from './spec';
import { formulaString, localRef, textCell } from './text';

/** An index figure: 100 is the base period, so no decimals. */
export const INDEX_FORMAT = '0';
/**
 * Rows a chart covers: Sheets inserts an embedded chart at 600 x 371 px unless told otherwise, about 18
 * rows of 21 px, plus a gap.
 */
export const CHART_ROWS = 20;
/** Columns between two charts side by side: 600 px over the dashboard's 110 px columns. */
const CHART_COLUMNS = 6;
/** The top section's two charts sit from row 4, one under the other: the bottom's start below them. */
const FIRST_CHART_ROW = 4 + 2 * CHART_ROWS;

/**
 * The model's cost per acquisition: the Convert stage's cost KPI (cost ÷ customers, RACE_SUMMARY's CPA,
 * or cost ÷ new subscribers where the model has no customers column), and ROAS as RACE_SUMMARY has it.
 */
export function acquisitionKpis(model: BusinessModelId): { cpa: Kpi; roas: Kpi } {
  const cpa = BUSINESS_MODELS[model].kpiIds.convert
    .map((id) => KPIS_BY_ID[id])
    .find((kpi) => kpi.vqvc === 'cost' && kpi.fromData?.numerator === 'cost' && kpi.fromData.denominator && !kpi.fromData.denominatorPlus && !kpi.fromData.over);
  if (!cpa) throw new Error(`the ${model} model has no cost per acquisition in Convert`);
  return { cpa, roas: KPIS_BY_ID.roas };
}

/** The rates RACE_SUMMARY adds to a table with `measures`, in its column order. */
export function summaryRatesOf(measures: readonly MeasureId[]): SummaryRate[] {
  return SUMMARY_RATES.filter((rate) => measures.includes(rate.numerator) && measures.includes(rate.denominator));
}

/**
 * The bottom of the dashboard: the trend per period (volumes, then as an index), cost per acquisition and
 * ROAS per channel and per segment, and last the summaries per channel and per segment side by side,
 * whose spilled tables grow downwards with the Data sheet and so must have nothing below them.
 */
export function dashboardBottom(ctx: DashboardContext, startRow: number): { section: DashboardSection; trend: TrendLabels } {
  const { options, data, funnel, grid, t, lang, formatOf, columnOf, noData, sectionRow, styles } = ctx;
  const { language } = options;
  const money = moneyFormat(options.currency, language);
  const periodCells = dataColumnRef(data, data.periodColumn);
  const periodCount = data.periods.length;
  const charts: ChartSpec[] = [];
  // Charts go down from column DASHBOARD_TABLE_COLUMNS + 2, a row of them beside the table they draw,
  // each row below the one before.
  let chartRow = FIRST_CHART_ROW;
  const placeCharts = (tableRow: number, ...row: Omit<ChartSpec, 'anchorRow' | 'anchorColumn'>[]): void => {
    chartRow = Math.max(chartRow, tableRow);
    row.forEach((chart, i) => charts.push({ ...chart, anchorRow: chartRow, anchorColumn: DASHBOARD_TABLE_COLUMNS + 2 + i * CHART_COLUMNS }));
    chartRow += CHART_ROWS;
  };

  // Trend: each funnel volume per period. The periods after a step's latest figure have no data yet:
  // they stay "" (not 0), so the line stops there instead of dropping to zero (Sheets leaves a gap for a
  // missing value in a line chart); a week left blank between two with figures is a 0. One MAXIFS per
  // step, the same in every row (engines cache it), rather than a COUNTIFS per cell, which made the
  // largest workbook's recalculation twice as slow. The categories are the period labels in the
  // workbook's calendar; the period's date, which the SUMIFS match, sits after the volumes.
  let row = startRow;
  sectionRow(row++, t('workbook.dashboard.trend'));
  const trendHeaderRow = row;
  const dateColumn = funnel.length + 2;
  const { calendar } = periodization(options);
  const labels = data.periods.map((period) => textCell(periodLabel(period, options.granularity, language, calendar)));
  grid.headerRow(row++, 1, [t('workbook.data.period'), ...funnel.map((s) => s.name[language]), t('workbook.dashboard.periodStart')]);
  data.periods.forEach((period, p) => {
    grid.set(row, 1, labels[p]);
    grid.set(row, dateColumn, period, { format: DATE_FORMAT });
    const date = localRef(row, dateColumn);
    funnel.forEach((step, i) => {
      const cells = columnOf(step.measure);
      // After the step's latest period with a figure (a typed 0 is one; blanks and text are not), "".
      const latest = `MAXIFS(${periodCells},${cells},">=0")`;
      grid.set(row, 2 + i, `=IF(${date}>${latest},"",SUMIFS(${cells},${periodCells},${date}))`, { format: formatOf(step.measure) });
    });
    row++;
  });
  const trend: TrendLabels = {
    labels: localRef(trendHeaderRow + 1, 1, periodCount, 1),
    dates: localRef(trendHeaderRow + 1, dateColumn, periodCount, 1),
  };
  row++;

  // The same volumes as an index, one line per step in one chart: impressions in the hundred thousands
  // and orders in the tens would otherwise flatten every line but the top one. One indexed chart rather
  // than one chart per stage: the steps' growth is compared on one axis, and the dashboard keeps one
  // trend chart whatever the model. Each step's base is its first period with a volume above zero
  // (a step with 0 there has no base yet); periods without a figure stay "" as above.
  const indexSectionRow = row;
  sectionRow(row++, t('workbook.dashboard.trendIndex'));
  const indexHeaderRow = row;
  grid.headerRow(row++, 1, [t('workbook.data.period'), ...funnel.map((s) => s.name[language])]);
  const dates = trend.dates;
  data.periods.forEach((_, p) => {
    grid.set(row, 1, labels[p]);
    funnel.forEach((_step, i) => {
      const volumes = localRef(trendHeaderRow + 1, 2 + i, periodCount, 1);
      const volume = localRef(trendHeaderRow + 1 + p, 2 + i);
      const base = `SUMIFS(${volumes},${dates},MINIFS(${dates},${volumes},">0"))`;
      grid.set(row, 2 + i, `=IF(ISNUMBER(${volume}),IF(COUNTIF(${volumes},">0")=0,"",${volume}/${base}*100),"")`, { format: INDEX_FORMAT });
    });
    row++;
  });
  placeCharts(indexSectionRow, {
    type: 'line',
    title: t('workbook.dashboard.trendIndex'),
    ranges: [{ row: indexHeaderRow, column: 1, numRows: periodCount + 1, numColumns: funnel.length + 1 }],
    legend: 'bottom',
  });
  row++;

  // Cost per acquisition and ROAS per channel and per segment: compact blocks, one row per planned
  // name, under bar charts (one per figure: money and a ratio share no axis). Each row sums cost, the
  // acquired measure and revenue once, matching its name with `=` inside SUMPRODUCT as the KPI sheet's
  // segment blocks do, so "A*" or ">10" is a name, not a criterion; CPA and ROAS divide those sums, ""
  // (no bar) where the denominator is zero, never 0 or an error.
  const { cpa, roas } = acquisitionKpis(options.model);
  const acquired = cpa.fromData!.denominator!;
  const summed: MeasureId[] = ['cost', acquired, 'revenue'];
  const acquisitionBlock = (titleKey: MessageKey, perKey: MessageKey, headerKey: MessageKey, keyColumn: number, names: readonly string[]): void => {
    const blockSectionRow = row;
    sectionRow(row++, t(titleKey));
    const headerRow = row;
    const headers = [t(headerKey), cpa.name[language], roas.name[language], ...summed.map((measure) => data.measureHeaders[measure]!)];
    grid.headerRow(row++, 1, headers);
    const keyCells = dataColumnRef(data, keyColumn);
    for (const item of names) {
      const [cost, units, revenue] = summed.map((_, i) => localRef(row, 4 + i));
      grid.set(row, 1, textCell(item));
      grid.set(row, 2, `=IF(${units}>0,${cost}/${units},"")`, { format: money });
      grid.set(row, 3, `=IF(${cost}>0,${revenue}/${cost},"")`, { format: RATIO_FORMAT });
      summed.forEach((measure, i) => {
        const cells = columnOf(measure);
        grid.set(row, 4 + i, `=ARRAYFORMULA(SUMPRODUCT((${keyCells}=${localRef(row, 1)})*ISNUMBER(${cells}),${cells}))`, { format: formatOf(measure) });
      });
      row++;
    }
    const block = (column: number) => [
      { row: headerRow, column: 1, numRows: names.length + 1, numColumns: 1 },
      { row: headerRow, column, numRows: names.length + 1, numColumns: 1 },
    ];
    placeCharts(
      blockSectionRow,
      { type: 'bar', title: t(perKey, { kpi: cpa.name[language] }), ranges: block(2), legend: 'none' },
      { type: 'bar', title: t(perKey, { kpi: roas.name[language] }), ranges: block(3), legend: 'none', valueFormat: RATIO_FORMAT },
    );
    row++;
  };
  acquisitionBlock('workbook.dashboard.acquisitionByChannel', 'workbook.dashboard.kpiPerChannel', 'workbook.data.channel', data.channelColumn, options.channels);
  if (data.segmentColumn !== undefined) {
    acquisitionBlock('workbook.dashboard.acquisitionBySegment', 'workbook.dashboard.kpiPerSegment', 'workbook.data.segment', data.segmentColumn, options.segments);
  }

  // The summaries come last, below every chart, side by side: RACE_SUMMARY spills a header, one row per
  // group and a Total, so nothing may sit below or beside it within its width. A spill that meets the
  // grid's edge shows #REF! in Sheets, so the grid keeps room for one group per Data row, the most the
  // Data table can hold, and every column of the spill gets its figures' format ahead of time.
  row = Math.max(row, chartRow);
  const rates = summaryRatesOf(data.measures);
  const summaryWidth = 1 + data.measures.length + rates.length;
  const maxGroups = data.lastRow - data.firstRow + 1;
  const summaryRow = row + 2;
  // Money over a count is money (AOV, CPA), money over money a ratio (ROAS), a count over a count a rate.
  const rateFormat = (rate: SummaryRate) => (isMoneyMeasure(rate.numerator) ? (isMoneyMeasure(rate.denominator) ? RATIO_FORMAT : money) : RATE_FORMAT);
  const spillFormats = [...data.measures.map(formatOf), ...rates.map(rateFormat)];
  const summary = (column: number, titleKey: MessageKey, groupHeader: string): void => {
    grid.setRow(row, column, [textCell(t(titleKey)), '', '', '', '', ''], styles.section);
    grid.set(row + 1, column, `=IF(${noData},${formulaString(t('workbook.dashboard.noData'))},"")`);
    grid.set(summaryRow, column, `=RACE_SUMMARY(${dataTableRef(data)},${formulaString(groupHeader)},,${lang})`);
    grid.reserve(summaryRow + maxGroups + 1, column + summaryWidth - 1);
    spillFormats.forEach((format, i) => grid.formatBlock({ row: summaryRow + 1, column: column + 1 + i, numRows: maxGroups + 1, numColumns: 1 }, format));
  };
  summary(1, 'workbook.dashboard.byChannel', data.channelHeader);
  if (data.segmentColumn !== undefined) summary(summaryWidth + 2, 'workbook.dashboard.bySegment', t('workbook.data.segment'));

  return {
    section: { nextRow: summaryRow + maxGroups + 3, charts, conditionalFormats: [], validations: [] },
    trend,
  };
}
