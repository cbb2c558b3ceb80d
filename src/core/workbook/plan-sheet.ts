import { nameKey } from '../cells';
import { translate, type Language, type MessageKey } from '../i18n';
import { periodLabel, consecutivePeriods } from '../calendar';
import { BUSINESS_MODELS, CHANNELS } from '../model/business-models';
import { INITIATIVES, type Initiative } from '../model/initiatives';
import { KPIS_BY_ID } from '../model/kpis';
import type { MeasureId } from '../model/measures';
import { stageLabel } from '../model/stages';
import { COUNT_FORMAT, DATE_FORMAT, RATE_FORMAT, RATIO_FORMAT, dataColumnRef, measureColumn, moneyFormat, type DataLayout } from './data-sheet';
import type { DashboardLinks, TargetLink } from './dashboard-sheet';
import { INPUT_BACKGROUND, SECTION_BACKGROUND, SheetGrid } from './grid';
import { DEFAULT_GROSS_MARGIN, KPI_STAGES, periodization, type WorkbookOptions } from './options';
import { moneyText, numberText, sentenceFormula } from './sentences';
import type { SheetSpec, ValidationSpec } from './spec';
import { formulaString, localRef, textCell } from './text';

export const PLAN_COLUMNS = 8;
export const ACTION_STATUS_KEYS = [
  'workbook.status.notStarted',
  'workbook.status.inProgress',
  'workbook.status.done',
  'workbook.status.blocked',
] as const;

/** The localized statuses an action can have (the Status column's dropdown). */
export function actionStatuses(language: Language): string[] {
  return ACTION_STATUS_KEYS.map((key) => translate(language, key));
}

/**
 * The model's acquisition: the measure its Convert cost KPI divides cost by (customers, subscribers), so
 * the plan's cost per acquisition per channel is that KPI's own definition.
 */
export function acquisitionMeasure(model: WorkbookOptions['model']): { measure: MeasureId; kpiName: (language: Language) => string } {
  const kpi = BUSINESS_MODELS[model].kpiIds.convert.map((id) => KPIS_BY_ID[id]).find((k) => k.vqvc === 'cost' && k.fromData?.denominator);
  if (!kpi?.fromData?.denominator) throw new Error(`model ${model} has no Convert cost KPI over the Data sheet`);
  return { measure: kpi.fromData.denominator, kpiName: (language) => kpi.name[language] };
}

/** The first of the initiative's usual channels the workbook has (by name in any language), else "" for the user to pick. */
function channelFor(initiative: Initiative, options: WorkbookOptions): string {
  const keys = new Map(options.channels.map((name) => [nameKey(name), name]));
  for (const id of initiative.channels) {
    for (const language of ['en', 'fa', 'ar'] as const) {
      const found = keys.get(nameKey(CHANNELS[id][language]));
      if (found !== undefined) return found;
    }
  }
  return '';
}

/**
 * Sums of Data-sheet columns over the rows whose `keyColumn` cell equals `keyCell`'s text, compared with
 * `=` inside SUMPRODUCT (never a SUMIFS criterion: a channel named ">10" or "A*" would be read as one).
 */
function matchedSum(keyColumn: string, keyCell: string, cells: string): string {
  return `ARRAYFORMULA(SUMPRODUCT((${keyColumn}=${keyCell})*ISNUMBER(${cells}),${cells}))`;
}

/**
 * The OSA plan written from the workbook's figures. Opportunity: a live sentence per stage (actual
 * against target and its status, the bottleneck), the best and worst channel and segment, shaded notes
 * for the market and competitors. Strategy: the Plan-stage KPIs, the budget per channel and stage against
 * cost to date, the model's initiatives with a live priority (the stage to fix first on top). Action: the
 * initiatives as dated rows with owner and status, and progress per stage.
 */
export function planSheet(options: WorkbookOptions, sheetName: string, data: DataLayout, targets: readonly TargetLink[], links: DashboardLinks): SheetSpec {
  const { language } = options;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const say = (key: MessageKey, parts: Record<string, string> = {}) => sentenceFormula(t(key), parts);
  const grid = new SheetGrid();
  const section = { bold: true, background: SECTION_BACKGROUND };
  /** The Opportunity sentences: wrapped in their column, so each reads whole beside its figures. */
  const sentence = { wrap: true };
  const input = { background: INPUT_BACKGROUND };
  const sectionRow = (row: number, label: string) => grid.setRow(row, 1, [textCell(label), ...Array<string>(PLAN_COLUMNS - 1).fill('')], section);
  const money = moneyFormat(options.currency, language);
  const moneyOf = (expression: string) => moneyText(expression, options.currency, language);
  const countOf = (expression: string) => numberText(expression, '#,##0', language);
  const rateOf = (expression: string) => numberText(expression, '0.0%', language);
  const model = BUSINESS_MODELS[options.model];
  const column = (measure: MeasureId) => dataColumnRef(data, measureColumn(data, measure));
  const periods = data.periods;
  const validations: ValidationSpec[] = [];

  grid.set(1, 1, textCell(t('workbook.plan.title', { business: options.businessName })), { bold: true });
  grid.set(2, 1, textCell(t('workbook.osa.intro')));

  // Where the figures' cells sit once laid out; sentences above refer to tables further down.
  let row = 4;
  sectionRow(row++, t('workbook.plan.opportunity'));
  grid.headerRow(row++, 1, [t('workbook.plan.stage'), t('workbook.plan.situation'), t('workbook.osa.shareOfTarget'), t('workbook.plan.objective')]);
  const firstStageRow = row;
  const focusRow = firstStageRow + KPI_STAGES.length + 1;
  const focusCell = localRef(focusRow, 3); // the focus stage's label, beside its sentence
  for (const stage of KPI_STAGES) {
    const stageCell = localRef(row, 1);
    grid.set(row, 1, textCell(stageLabel(stage, language)), { bold: true });
    const link = targets.find((target) => target.stage === stage);
    if (link === undefined) {
      grid.set(row, 2, textCell(t('workbook.osa.noVolumeKpi')), sentence);
      grid.set(row, 3, '', { format: RATE_FORMAT });
    } else {
      const kpi = formulaString(link.kpiName);
      const { actual, target } = link;
      // Actual against the target due by now, and the forecast at this pace against the whole target.
      const measured = say('workbook.osa.againstPace', { kpi, actual: countOf(actual), due: countOf(link.targetToDate), target: countOf(target), status: link.status, forecast: countOf(link.forecast) });
      const noTarget = `OR(${target}="",${target}=0)`;
      const bottleneckHere = `IF(${links.bottleneckStage}=${stageCell},${say('workbook.osa.bottleneckHere', { bottleneck: links.bottleneckText })},"")`;
      grid.set(
        row,
        2,
        `=IF(${actual}="",${say('workbook.osa.noData', { kpi })},IF(${noTarget},${say('workbook.osa.noTarget', { kpi, actual: countOf(actual) })},${measured}))&${bottleneckHere}`,
        sentence,
      );
      const due = link.targetToDate;
      grid.set(row, 3, `=IF(OR(${actual}="",${due}="",${due}=0),"",${actual}/${due})`, { format: RATE_FORMAT });
    }
    grid.set(row, 4, textCell(t('workbook.plan.objectiveHint')), input);
    row++;
  }
  const shares = localRef(firstStageRow, 3, KPI_STAGES.length, 1);
  const stageLabels = localRef(firstStageRow, 1, KPI_STAGES.length, 1);
  grid.set(row, 1, textCell(t('workbook.dashboard.bottleneck')), { bold: true });
  grid.set(row++, 2, `=${links.bottleneckText}`, sentence);
  // The stage to act on first: the dashboard's bottleneck stage, else the stage furthest behind its target.
  const behind = `IF(COUNT(${shares})=0,"",INDEX(${stageLabels},MATCH(MIN(${shares}),${shares},0)))`;
  const focus = `IF(${links.bottleneckStage}<>"",${links.bottleneckStage},${behind})`;
  grid.set(row, 1, textCell(t('workbook.osa.focus')), { bold: true });
  grid.set(row, 2, `=IF(${focusCell}="",${say('workbook.osa.focusNone')},${say('workbook.osa.focusStage', { stage: focusCell })})`, sentence);
  grid.set(row++, 3, `=${focus}`);

  // Channels and segments compared by cost per acquisition and conversion; their tables come below.
  const comparisonRows: { row: number; group: 'channels' | 'segments' }[] = [];
  comparisonRows.push({ row: row++, group: 'channels' });
  const hasSegments = options.segments.length > 0 && data.segmentColumn !== undefined;
  if (hasSegments) comparisonRows.push({ row: row++, group: 'segments' });
  grid.set(row, 1, textCell(t('workbook.plan.market')), { bold: true });
  grid.set(row++, 2, textCell(t('workbook.plan.marketHint')), input);
  grid.set(row, 1, textCell(t('workbook.osa.competitors')), { bold: true });
  grid.set(row++, 2, textCell(t('workbook.osa.competitorsHint')), input);
  grid.set(row, 1, textCell(t('workbook.plan.issues')), { bold: true });
  grid.set(row++, 2, textCell(t('workbook.plan.issuesHint')), input);

  // The per-channel and per-segment figures the comparison sentences read.
  const acquisition = acquisitionMeasure(options.model);
  row++;
  const groupTable = (group: 'channels' | 'segments', names: readonly string[], keyColumn: number, sentenceRow: number) => {
    grid.set(row++, 1, textCell(t(group === 'channels' ? 'workbook.osa.byChannel' : 'workbook.osa.bySegment')), { bold: true });
    grid.headerRow(
      row++,
      1,
      [
        t(group === 'channels' ? 'workbook.plan.channel' : 'workbook.data.segment'),
        data.measureHeaders.visits!, data.measureHeaders[acquisition.measure]!, data.measureHeaders.cost!,
        acquisition.kpiName(language), t('workbook.osa.conversion'),
      ],
    );
    const first = row;
    const keys = dataColumnRef(data, keyColumn);
    for (const name of names) {
      const key = localRef(row, 1);
      const [visits, acquired, cost] = [2, 3, 4].map((c) => localRef(row, c));
      grid.set(row, 1, textCell(name));
      grid.set(row, 2, `=${matchedSum(keys, key, column('visits'))}`, { format: COUNT_FORMAT });
      grid.set(row, 3, `=${matchedSum(keys, key, column(acquisition.measure))}`, { format: COUNT_FORMAT });
      grid.set(row, 4, `=${matchedSum(keys, key, column('cost'))}`, { format: money });
      grid.set(row, 5, `=IF(${acquired}>0,${cost}/${acquired},"")`, { format: money });
      grid.set(row, 6, `=IF(${visits}>0,${acquired}/${visits},"")`, { format: RATE_FORMAT });
      row++;
    }
    const namesRef = localRef(first, 1, names.length, 1);
    const cpa = localRef(first, 5, names.length, 1);
    const conversion = localRef(first, 6, names.length, 1);
    const pick = (values: string, which: 'MIN' | 'MAX') => `INDEX(${namesRef},MATCH(${which}(${values}),${values},0))`;
    const cpaSentence = say('workbook.osa.cpaCompare', { best: pick(cpa, 'MIN'), bestValue: moneyOf(`MIN(${cpa})`), worst: pick(cpa, 'MAX'), worstValue: moneyOf(`MAX(${cpa})`) });
    const conversionSentence = say('workbook.osa.conversionCompare', { best: pick(conversion, 'MAX'), bestValue: rateOf(`MAX(${conversion})`), worst: pick(conversion, 'MIN'), worstValue: rateOf(`MIN(${conversion})`) });
    const label = t(group === 'channels' ? 'workbook.osa.channels' : 'workbook.osa.segments');
    const waiting = say(group === 'channels' ? 'workbook.osa.compareChannelsNoData' : 'workbook.osa.compareSegmentsNoData');
    grid.set(sentenceRow, 1, textCell(label), { bold: true });
    // Two with figures make a comparison; one alone is no best or worst.
    grid.set(
      sentenceRow,
      2,
      `=IF(MAX(COUNT(${cpa}),COUNT(${conversion}))<2,${waiting},TRIM(IF(COUNT(${cpa})<2,"",${cpaSentence})&" "&IF(COUNT(${conversion})<2,"",${conversionSentence})))`,
      sentence,
    );
    row++;
    return { cost: localRef(first, 4, names.length, 1) };
  };
  const channelFigures = groupTable('channels', options.channels, data.channelColumn, comparisonRows[0].row);
  if (hasSegments) groupTable('segments', options.segments, data.segmentColumn!, comparisonRows[1].row);

  // Strategy: the Plan-stage KPIs, the budget, the initiatives.
  sectionRow(row++, t('workbook.plan.strategy'));
  grid.set(row, 1, textCell(t('workbook.plan.options')), { bold: true });
  grid.set(row++, 2, textCell(t('workbook.plan.optionsHint')), input);
  row++;

  // Budget per channel and stage (typed), with totals.
  grid.set(row++, 1, textCell(t('workbook.plan.budget')), { bold: true });
  grid.headerRow(row++, 1, [t('workbook.plan.channel'), ...KPI_STAGES.map((s) => stageLabel(s, language)), t('workbook.plan.total')]);
  const firstBudgetRow = row;
  for (const channel of options.channels) {
    grid.set(row, 1, textCell(channel));
    KPI_STAGES.forEach((_, i) => grid.set(row, 2 + i, '', { format: money, ...input }));
    grid.set(row, 6, `=SUM(${localRef(row, 2, 1, KPI_STAGES.length)})`, { format: money, bold: true });
    row++;
  }
  const budgetRows = options.channels.length;
  const budgetTotalRow = row;
  grid.set(row, 1, textCell(t('workbook.plan.total')), { bold: true });
  for (let c = 2; c <= 6; c++) grid.set(row, c, `=SUM(${localRef(firstBudgetRow, c, budgetRows, 1)})`, { format: money, bold: true });
  const budgetTotal = localRef(budgetTotalRow, 6);
  row += 2;

  // Periods: budget spread evenly, cost and revenue per period; "to date" is up to the latest period with figures.
  const top = model.funnel[0].measure;
  grid.headerRow(row++, 1, [t('workbook.osa.periodNumber'), t(options.granularity === 'week' ? 'workbook.plan.periodWeek' : 'workbook.plan.periodMonth'), t('workbook.osa.periodStart'), t('workbook.osa.budget'), data.measureHeaders.cost!, data.measureHeaders.revenue!, data.measureHeaders[top]!]);
  const { calendar } = periodization(options);
  const firstPeriodRow = row;
  const periodCells = dataColumnRef(data, data.periodColumn);
  periods.forEach((period, i) => {
    const start = localRef(row, 3);
    grid.set(row, 1, i + 1, { format: COUNT_FORMAT });
    grid.set(row, 2, textCell(periodLabel(period, options.granularity, language, calendar)));
    grid.set(row, 3, period, { format: DATE_FORMAT });
    grid.set(row, 4, `=${budgetTotal}/${periods.length}`, { format: money });
    // Period dates are numbers: a SUMIFS criterion on them cannot be misread as text syntax.
    grid.set(row, 5, `=SUMIFS(${column('cost')},${periodCells},${start})`, { format: money });
    grid.set(row, 6, `=SUMIFS(${column('revenue')},${periodCells},${start})`, { format: money });
    grid.set(row, 7, `=SUMIFS(${column(top)},${periodCells},${start})`, { format: COUNT_FORMAT });
    row++;
  });
  const periodsRef = (c: number) => localRef(firstPeriodRow, c, periods.length, 1);
  row++;

  // The Plan-stage KPIs.
  grid.set(row++, 1, textCell(t('workbook.osa.planKpis')), { bold: true });
  grid.headerRow(row++, 1, [t('workbook.kpi.kpi'), t('workbook.kpi.actual'), t('workbook.kpi.formula')]);
  const kpiRow = (label: string, value: string | number, format: string, explanation: string, style = {}) => {
    grid.set(row, 1, textCell(label), { bold: true });
    grid.set(row, 2, value, { format, ...style });
    grid.set(row, 3, textCell(explanation));
    return localRef(row++, 2);
  };
  const elapsed = kpiRow(
    t('workbook.osa.periodsElapsed'),
    `=MAX(MAXIFS(${periodsRef(1)},${periodsRef(5)},">0"),MAXIFS(${periodsRef(1)},${periodsRef(7)},">0"))`,
    COUNT_FORMAT,
    t('workbook.osa.periodsElapsedHow', { count: periods.length }),
  );
  const margin = kpiRow(t('workbook.osa.grossMargin'), options.grossMargin ?? DEFAULT_GROSS_MARGIN, RATE_FORMAT, t('workbook.osa.grossMarginHow'), input);
  const forecast = kpiRow(t('workbook.osa.revenueForecast'), '', money, t('workbook.osa.revenueForecastHow'), input);
  const revenue = kpiRow(t('workbook.osa.revenueToDate'), `=SUM(${periodsRef(6)})`, money, t('workbook.osa.fromData'));
  const cost = kpiRow(t('workbook.osa.costToDate'), `=SUM(${periodsRef(5)})`, money, t('workbook.osa.fromData'));
  const budgetToDate = kpiRow(t('workbook.osa.budgetToDate'), `=SUMIFS(${periodsRef(4)},${periodsRef(1)},"<="&${elapsed})`, money, t('workbook.osa.budgetToDateHow'));
  const forecastToDate = `${forecast}*${elapsed}/${periods.length}`;
  kpiRow(t('workbook.osa.roiName'), `=IF(${cost}>0,(${revenue}*${margin}-${cost})/${cost},"")`, RATIO_FORMAT, t('workbook.osa.roiHow'));
  kpiRow(KPIS_BY_ID.budgetVariance.name[language], `=IF(${budgetToDate}>0,(${cost}-${budgetToDate})/${budgetToDate},"")`, RATE_FORMAT, KPIS_BY_ID.budgetVariance.formula[language]);
  kpiRow(
    KPIS_BY_ID.revenueVsForecast.name[language],
    `=IF(OR(${forecast}="",${elapsed}=0),"",IF(${forecastToDate}>0,${revenue}/(${forecastToDate}),""))`,
    RATIO_FORMAT,
    t('workbook.osa.revenueVsForecastHow'),
  );
  row++;

  // Budget per stage against the cost to date, cost attributed by each channel's budget split.
  grid.set(row++, 1, textCell(t('workbook.osa.stageBudget')), { bold: true });
  grid.set(row++, 1, textCell(t('workbook.osa.costNote')));
  grid.headerRow(row++, 1, [t('workbook.plan.stage'), t('workbook.osa.budget'), t('workbook.osa.budgetToDate'), t('workbook.osa.costToDate'), t('workbook.osa.variance')]);
  const channelTotals = localRef(firstBudgetRow, 6, budgetRows, 1);
  KPI_STAGES.forEach((stage, i) => {
    const stageBudget = localRef(budgetTotalRow, 2 + i);
    const stageBudgets = localRef(firstBudgetRow, 2 + i, budgetRows, 1);
    const [due, spent] = [3, 4].map((c) => localRef(row, c));
    grid.set(row, 1, textCell(stageLabel(stage, language)), { bold: true });
    grid.set(row, 2, `=${stageBudget}`, { format: money });
    grid.set(row, 3, `=IF(${budgetTotal}>0,${budgetToDate}*${stageBudget}/${budgetTotal},0)`, { format: money });
    // Each channel's cost times its stage's share of the channel's budget (no budget: not attributed).
    grid.set(row, 4, `=ARRAYFORMULA(SUMPRODUCT(${channelFigures.cost},${stageBudgets}/(${channelTotals}+(${channelTotals}=0))))`, { format: money });
    grid.set(row, 5, `=IF(${due}>0,(${spent}-${due})/${due},"")`, { format: RATE_FORMAT });
    row++;
  });
  row++;

  // The model's initiatives, the focus stage's first: a live priority from the focus cell.
  grid.set(row++, 1, textCell(t('workbook.plan.initiatives')), { bold: true });
  grid.set(row++, 1, textCell(t('workbook.osa.initiativesNote')));
  grid.headerRow(row++, 1, [t('workbook.plan.priority'), t('workbook.plan.initiative'), t('workbook.plan.stage'), t('workbook.osa.kpi')]);
  const initiatives = KPI_STAGES.flatMap((stage) => INITIATIVES[options.model][stage].map((initiative, index) => ({ stage, initiative, index })));
  const firstInitiativeRow = row;
  const initiativeStages = localRef(firstInitiativeRow, 3, initiatives.length, 1);
  initiatives.forEach(({ stage, initiative }, i) => {
    const above = localRef(firstInitiativeRow, 3, i + 1, 1);
    const inFocus = `COUNTIF(${above},${focusCell})`;
    // Focus-stage rows first in their order, then every other row in its order.
    grid.set(row, 1, `=IF(${localRef(row, 3)}=${focusCell},${inFocus},COUNTIF(${initiativeStages},${focusCell})+${i + 1}-${inFocus})`, { format: COUNT_FORMAT });
    grid.set(row, 2, textCell(initiative.name[language]));
    grid.set(row, 3, textCell(stageLabel(stage, language)));
    grid.set(row, 4, textCell(KPIS_BY_ID[initiative.kpi].name[language]));
    row++;
  });
  row++;

  // Action: the initiatives as dated rows. Each stage runs its initiatives one after the other, a third of
  // the horizon each (the 90-day plan's monthly sprints).
  sectionRow(row++, t(options.horizon === '90d' ? 'workbook.plan.action90' : 'workbook.plan.action12'));
  grid.headerRow(
    row++,
    1,
    [
      t('workbook.plan.stage'), t('workbook.plan.activity'), t('workbook.plan.channel'), t('workbook.osa.kpi'),
      t('workbook.plan.owner'), t('workbook.osa.start'), t('workbook.osa.due'), t('workbook.plan.status'),
    ],
  );
  const bounds = consecutivePeriods(periods[0], periods.length + 1, periodization(options));
  const firstActionRow = row;
  const notStarted = textCell(t('workbook.status.notStarted'));
  for (const { stage, initiative, index } of initiatives) {
    const count = INITIATIVES[options.model][stage].length;
    const from = Math.floor((index * periods.length) / count);
    const to = Math.max(from + 1, Math.floor(((index + 1) * periods.length) / count));
    grid.set(row, 1, textCell(stageLabel(stage, language)));
    grid.set(row, 2, textCell(initiative.name[language]), input);
    grid.set(row, 3, textCell(channelFor(initiative, options)), input);
    grid.set(row, 4, textCell(KPIS_BY_ID[initiative.kpi].name[language]));
    grid.set(row, 5, '', { format: '@', ...input });
    grid.set(row, 6, bounds[from], { format: DATE_FORMAT, ...input });
    grid.set(row, 7, bounds[to] - 1, { format: DATE_FORMAT, ...input });
    grid.set(row, 8, notStarted, input);
    row++;
  }
  // A free row per stage for the user's own action.
  for (const stage of KPI_STAGES) {
    grid.set(row, 1, textCell(stageLabel(stage, language)));
    for (const c of [2, 3, 4, 5]) grid.set(row, c, '', { format: '@', ...input });
    grid.set(row, 6, '', { format: DATE_FORMAT, ...input });
    grid.set(row, 7, '', { format: DATE_FORMAT, ...input });
    grid.set(row, 8, notStarted, input);
    row++;
  }
  const actionRows = row - firstActionRow;
  const actionStages = localRef(firstActionRow, 1, actionRows, 1);
  const actionStatus = localRef(firstActionRow, 8, actionRows, 1);
  validations.push(
    { block: { row: firstActionRow, column: 8, numRows: actionRows, numColumns: 1 }, rule: { kind: 'list', values: actionStatuses(language), helpText: t('workbook.plan.statusHelp') } },
    { block: { row: firstActionRow, column: 3, numRows: actionRows, numColumns: 1 }, rule: { kind: 'list', values: options.channels, helpText: t('workbook.plan.channelHelp') } },
  );
  row++;

  // Progress per stage: the share of its actions marked done.
  grid.set(row++, 1, textCell(t('workbook.osa.progress')), { bold: true });
  grid.headerRow(row++, 1, [t('workbook.plan.stage'), t('workbook.osa.actions'), t('workbook.status.done'), t('workbook.osa.progressShare')]);
  const doneRow = row + KPI_STAGES.length;
  const doneCell = localRef(doneRow, 2);
  for (const stage of KPI_STAGES) {
    const stageCell = localRef(row, 1);
    const [actions, done] = [2, 3].map((c) => localRef(row, c));
    grid.set(row, 1, textCell(stageLabel(stage, language)), { bold: true });
    grid.set(row, 2, `=COUNTIF(${actionStages},${stageCell})`, { format: COUNT_FORMAT });
    grid.set(row, 3, `=COUNTIFS(${actionStages},${stageCell},${actionStatus},${doneCell})`, { format: COUNT_FORMAT });
    grid.set(row, 4, `=IF(${actions}>0,${done}/${actions},"")`, { format: RATE_FORMAT });
    row++;
  }
  // The status counted as done, as the dropdown writes it (a cell, so the criterion is never typed text).
  grid.set(doneRow, 1, textCell(t('workbook.osa.doneStatus')));
  grid.set(doneRow, 2, textCell(t('workbook.status.done')));

  return grid.toSpec({
    role: 'plan',
    name: sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 0,
    columnWidths: [
      { column: 1, numColumns: 1, width: 170 },
      { column: 2, numColumns: 1, width: 420 },
      { column: 3, numColumns: PLAN_COLUMNS - 2, width: 130 },
    ],
    validations,
    conditionalFormats: [],
    charts: [],
    warningOnly: [],
    tabColor: '#4285f4',
  });
}
