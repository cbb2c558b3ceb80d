import { periodLabel } from '../calendar';
import { SUMMARY_RATES } from '../summary/rates';
import { DATE_FORMAT, dataColumnRef, dataTableRef } from './data-sheet';
import { DASHBOARD_TABLE_COLUMNS, type DashboardContext, type DashboardSection, type TrendLabels } from './dashboard-sheet';
import { periodization } from './options';
import { formulaString, localRef, textCell } from './text';

/**
 * The bottom of the dashboard: the trend per period and the summaries per channel, whose spilled
 * tables grow downwards with the Data sheet.
 */
export function dashboardBottom(ctx: DashboardContext, startRow: number): { section: DashboardSection; trend: TrendLabels } {
  const { options, data, funnel, grid, t, lang, formatOf, columnOf, noData, sectionRow, styles } = ctx;
  const { language } = options;
  const periodCells = dataColumnRef(data, data.periodColumn);
  const summaryColumns = 1 + data.measures.length + SUMMARY_RATES.length;

  // Trend: the funnel volumes of every period (the line chart's data). The chart's categories are the
  // period labels, text computed here in the workbook's calendar; the period's date, which the SUMIFS
  // match, sits after the volumes.
  let row = startRow;
  sectionRow(row++, t('workbook.dashboard.trend'));
  const trendHeaderRow = row;
  const dateColumn = funnel.length + 2;
  const { calendar } = periodization(options);
  grid.setRow(row++, 1, [t('workbook.data.period'), ...funnel.map((s) => s.name[language]), t('workbook.dashboard.periodStart')].map(textCell), styles.header);
  for (const period of data.periods) {
    grid.set(row, 1, textCell(periodLabel(period, options.granularity, language, calendar)));
    grid.set(row, dateColumn, period, { format: DATE_FORMAT });
    funnel.forEach((step, i) => {
      const cells = columnOf(step.measure);
      grid.set(row, 2 + i, `=SUMIFS(${cells},${periodCells},${localRef(row, dateColumn)})`, { format: formatOf(step.measure) });
    });
    row++;
  }
  const trend: TrendLabels = {
    labels: localRef(trendHeaderRow + 1, 1, data.periods.length, 1),
    dates: localRef(trendHeaderRow + 1, dateColumn, data.periods.length, 1),
  };
  row++;

  // Per-channel summary: RACE_SUMMARY spills one row per channel plus the total.
  sectionRow(row++, t('workbook.dashboard.byChannel'));
  grid.set(row, 1, `=IF(${noData},${formulaString(t('workbook.dashboard.noData'))},"")`);
  row++;
  grid.set(row, 1, `=RACE_SUMMARY(${dataTableRef(data)},${formulaString(data.channelHeader)},,${lang})`);
  grid.reserve(row + options.channels.length + 1, summaryColumns);

  const section: DashboardSection = {
    nextRow: row + options.channels.length + 3,
    charts: [
      {
        type: 'line',
        title: t('workbook.dashboard.trend'),
        ranges: [{ row: trendHeaderRow, column: 1, numRows: data.periods.length + 1, numColumns: funnel.length + 1 }],
        legend: 'bottom',
        anchorRow: 24,
        anchorColumn: DASHBOARD_TABLE_COLUMNS + 2,
      },
    ],
    conditionalFormats: [],
    validations: [],
  };
  return { section, trend };
}
