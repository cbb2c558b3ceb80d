import { translate, type Language } from '../i18n';
import { stageLabel } from '../model/stages';
import { periodLabel } from '../calendar';
import { moneyFormat } from './data-sheet';
import { HEADER_BACKGROUND, INPUT_BACKGROUND, SECTION_BACKGROUND, SheetGrid } from './grid';
import { KPI_STAGES, periodization, type WorkbookOptions } from './options';
import type { SheetSpec } from './spec';
import { localRef, textCell } from './text';

export const PLAN_COLUMNS = 6;
export const ACTION_STATUS_KEYS = [
  'workbook.status.notStarted',
  'workbook.status.inProgress',
  'workbook.status.done',
  'workbook.status.blocked',
] as const;
const INITIATIVE_ROWS = 5;
const HINT_COLOR_BACKGROUND = INPUT_BACKGROUND;

/** The localized statuses an action can have (the Status column's dropdown). */
export function actionStatuses(language: Language): string[] {
  return ACTION_STATUS_KEYS.map((key) => translate(language, key));
}

/** The OSA plan: Opportunity, Strategy, Action, with hints the user overwrites. */
export function planSheet(options: WorkbookOptions, sheetName: string, periods: number[]): SheetSpec {
  const { language } = options;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
  const grid = new SheetGrid();
  const section = { bold: true, background: SECTION_BACKGROUND };
  const header = { bold: true, background: HEADER_BACKGROUND };
  const hint = { background: HINT_COLOR_BACKGROUND };
  const sectionRow = (row: number, label: string) => grid.setRow(row, 1, [textCell(label), '', '', '', '', ''], section);

  grid.set(1, 1, textCell(t('workbook.plan.title', { business: options.businessName })), { bold: true });
  grid.set(2, 1, textCell(t('workbook.plan.intro')));

  // Opportunity: situation and SMART objective per stage, then the market and the key issues.
  let row = 4;
  sectionRow(row++, t('workbook.plan.opportunity'));
  grid.setRow(row++, 1, [t('workbook.plan.stage'), t('workbook.plan.situation'), t('workbook.plan.objective')].map(textCell), header);
  for (const stage of KPI_STAGES) {
    grid.set(row, 1, textCell(stageLabel(stage, language)), { bold: true });
    grid.set(row, 2, textCell(t('workbook.plan.situationHint')), hint);
    grid.set(row, 3, textCell(t('workbook.plan.objectiveHint')), hint);
    row++;
  }
  grid.set(row, 1, textCell(t('workbook.plan.market')), { bold: true });
  grid.set(row++, 2, textCell(t('workbook.plan.marketHint')), hint);
  grid.set(row, 1, textCell(t('workbook.plan.issues')), { bold: true });
  grid.set(row++, 2, textCell(t('workbook.plan.issuesHint')), hint);

  // Strategy: options, budget per channel and stage with totals, prioritized initiatives.
  row++;
  sectionRow(row++, t('workbook.plan.strategy'));
  grid.set(row, 1, textCell(t('workbook.plan.options')), { bold: true });
  grid.set(row++, 2, textCell(t('workbook.plan.optionsHint')), hint);
  grid.set(row++, 1, textCell(t('workbook.plan.budget')), { bold: true });
  grid.setRow(row++, 1, [t('workbook.plan.channel'), ...KPI_STAGES.map((s) => stageLabel(s, language)), t('workbook.plan.total')].map(textCell), header);
  const money = moneyFormat(options.currency, options.language);
  const firstBudgetRow = row;
  for (const channel of options.channels) {
    grid.set(row, 1, textCell(channel));
    KPI_STAGES.forEach((_, i) => grid.set(row, 2 + i, '', { format: money, background: INPUT_BACKGROUND }));
    grid.set(row, 6, `=SUM(${localRef(row, 2, 1, KPI_STAGES.length)})`, { format: money, bold: true });
    row++;
  }
  const budgetRows = options.channels.length;
  grid.set(row, 1, textCell(t('workbook.plan.total')), { bold: true });
  for (let column = 2; column <= 6; column++) {
    grid.set(row, column, `=SUM(${localRef(firstBudgetRow, column, budgetRows, 1)})`, { format: money, bold: true });
  }
  row += 2;
  grid.set(row++, 1, textCell(t('workbook.plan.initiatives')), { bold: true });
  grid.setRow(row++, 1, [t('workbook.plan.priority'), t('workbook.plan.initiative'), t('workbook.plan.stage'), t('workbook.plan.owner')].map(textCell), header);
  for (let priority = 1; priority <= INITIATIVE_ROWS; priority++) {
    grid.set(row, 1, priority);
    grid.set(row, 2, priority === 1 ? textCell(t('workbook.plan.initiativeHint')) : '', hint);
    row++;
  }

  // Action: one row per period and stage.
  row++;
  sectionRow(row++, t(options.horizon === '90d' ? 'workbook.plan.action90' : 'workbook.plan.action12'));
  const periodHeader = t(options.granularity === 'week' ? 'workbook.plan.periodWeek' : 'workbook.plan.periodMonth');
  grid.setRow(
    row++,
    1,
    [periodHeader, t('workbook.plan.stage'), t('workbook.plan.activity'), t('workbook.plan.channel'), t('workbook.plan.owner'), t('workbook.plan.status')].map(textCell),
    header,
  );
  const firstActionRow = row;
  const notStarted = textCell(t('workbook.status.notStarted'));
  const { calendar } = periodization(options);
  periods.forEach((period, periodIndex) => {
    // A label ("هفتهٔ ۱۲ آذر ۱۴۰۵"): no formula reads these cells, so text in the workbook's calendar.
    const label = periodLabel(period, options.granularity, language, calendar);
    for (const stage of KPI_STAGES) {
      grid.set(row, 1, textCell(label));
      grid.set(row, 2, textCell(stageLabel(stage, language)));
      grid.set(row, 3, periodIndex === 0 ? textCell(t('workbook.plan.activityHint')) : '', hint);
      grid.set(row, 4, '', { format: '@' });
      grid.set(row, 5, '', { format: '@' });
      grid.set(row, 6, notStarted);
      row++;
    }
  });
  const actionRows = row - firstActionRow;

  return grid.toSpec({
    role: 'plan',
    name: sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 0,
    columnWidths: [
      { column: 1, numColumns: 1, width: 160 },
      { column: 2, numColumns: PLAN_COLUMNS - 1, width: 200 },
    ],
    validations: [
      {
        block: { row: firstActionRow, column: 6, numRows: actionRows, numColumns: 1 },
        rule: { kind: 'list', values: actionStatuses(language), helpText: t('workbook.plan.statusHelp') },
      },
      {
        block: { row: firstActionRow, column: 4, numRows: actionRows, numColumns: 1 },
        rule: { kind: 'list', values: options.channels, helpText: t('workbook.plan.channelHelp') },
      },
    ],
    conditionalFormats: [],
    charts: [],
    warningOnly: [],
    tabColor: '#4285f4',
  });
}
