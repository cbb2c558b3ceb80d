// The dashboard, the KPI sheet and the Data sheet's rules, checked through the emulator after the writer
// ran: charts on the right blocks, status colors on the right cells, the Data validation, and every
// computed figure (bottleneck, period against period, trend, targets, KPI ratios per segment) against
// figures this file computes itself from the rows it writes into the Data sheet.
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import { LANGUAGES, translate, type Language } from '../../src/core/i18n';
import { FUNNEL_BENCHMARKS } from '../../src/core/model/benchmarks';
import { BUSINESS_MODELS, measureName } from '../../src/core/model/business-models';
import { KPIS_BY_ID, type KpiId } from '../../src/core/model/kpis';
import { MEASURE_HEADERS, MEASURES, type MeasureId } from '../../src/core/model/measures';
import { BUSINESS_MODEL_IDS, type BusinessModelId, type KpiStageId, type WorkbookOptions } from '../../src/core/workbook/options';
import { dataMeasures } from '../../src/core/workbook/data-sheet';
import { periodLabel, USUAL_CALENDAR } from '../../src/core/calendar';
import { serialFromUtc } from '../../src/core/dates';
import { emulate, errorCells, expectClose, generate, measureColumnsOf, options, rangeText, sheetNamed, sum, type AppsScriptGlobals, type Row } from './support';

/** Wildcard-looking names next to the names they would match as SUMIFS patterns ("A*" and "A?" match "AB"). */
const SEGMENTS = ['A*', 'AB', 'A?', 'x~y'];
/** Names a SUMIFS criterion would read as a comparison, a formula or a boolean (issue 8, 3.1). */
const CRITERIA_SEGMENTS = ['>10', '<5', '<>', '=', '==', '=1+1', 'TRUE'];
const CHANNELS = ['Email', 'Paid search'];
/** 90 days by week: 13 periods, of which the first FILLED_PERIODS get figures and the rest stay blank. */
const PERIOD_COUNT = 13;
const FILLED_PERIODS = 5;
/** How a funnel step is written, read off the languages' conventions (not from the i18n tables). */
const STEP_TEXT: Record<Language, (from: string, to: string) => string> = {
  en: (from, to) => `${from} → ${to}`,
  fa: (from, to) => `${from} ← ${to}`,
  ar: (from, to) => `${from} ← ${to}`,
};

/**
 * What every KPI computed from the Data sheet means, written out here rather than read from the model:
 * a measure's sum, or sum(numerator) / sum(denominator).
 */
const KPI_MEANING: Partial<Record<KpiId, { numerator: MeasureId; denominator?: MeasureId[] } | { latest: MeasureId } | { growth: MeasureId }>> = {
  marketingSpend: { numerator: 'cost' },
  impressions: { numerator: 'impressions' },
  ctr: { numerator: 'clicks', denominator: ['impressions'] },
  costPerClick: { numerator: 'cost', denominator: ['clicks'] },
  visits: { numerator: 'visits' },
  valuePerVisit: { numerator: 'revenue', denominator: ['visits'] },
  leads: { numerator: 'leads' },
  leadConversionRate: { numerator: 'leads', denominator: ['visits'] },
  costPerLead: { numerator: 'cost', denominator: ['leads'] },
  valuePerLead: { numerator: 'revenue', denominator: ['leads'] },
  costPerVisit: { numerator: 'cost', denominator: ['visits'] },
  costPerTrial: { numerator: 'cost', denominator: ['trials'] },
  valuePerTrial: { numerator: 'revenue', denominator: ['trials'] },
  costPerRepeatCustomer: { numerator: 'cost', denominator: ['repeatCustomers'] },
  trials: { numerator: 'trials' },
  trialRate: { numerator: 'trials', denominator: ['visits'] },
  sales: { numerator: 'orders' },
  revenue: { numerator: 'revenue' },
  averageOrderValue: { numerator: 'revenue', denominator: ['orders'] },
  conversionRate: { numerator: 'orders', denominator: ['visits'] },
  leadToSaleRate: { numerator: 'customers', denominator: ['leads'] },
  cpa: { numerator: 'cost', denominator: ['customers'] },
  roas: { numerator: 'revenue', denominator: ['cost'] },
  newSubscribers: { numerator: 'subscribers' },
  trialToPaidRate: { numerator: 'subscribers', denominator: ['trials'] },
  costPerSubscriber: { numerator: 'cost', denominator: ['subscribers'] },
  mrr: { latest: 'mrr' },
  repeatCustomers: { numerator: 'repeatCustomers' },
  repeatRate: { numerator: 'repeatCustomers', denominator: ['customers'] },
  churnRate: { numerator: 'churnedSubscribers', denominator: ['repeatCustomers', 'churnedSubscribers'] },
  mrrGrowth: { growth: 'mrr' },
};

/** Each stage's volume KPI in the e-commerce and B2B models (the row a stage target goes to). */
const STAGE_VOLUME: Record<KpiStageId, { kpi: KpiId; measure: MeasureId }> = {
  reach: { kpi: 'impressions', measure: 'impressions' },
  act: { kpi: 'leads', measure: 'leads' },
  convert: { kpi: 'sales', measure: 'orders' },
  engage: { kpi: 'repeatCustomers', measure: 'repeatCustomers' },
};

function dashboardOptions(model: BusinessModelId, language: Language, targets: WorkbookOptions['targets'] = {}, segments = SEGMENTS): WorkbookOptions {
  return options({ model, language, horizon: '90d', granularity: 'week', channels: CHANNELS, segments, targets });
}

/** One Data row's figures: every segment has its own rates, so per-segment ratios differ. */
function rowFor(period: number, channel: number, segment: number): Row {
  const impressions = 20000 + 1500 * period + 700 * channel + 300 * segment;
  const clicks = Math.round(impressions * (0.15 + 0.02 * segment));
  const visits = Math.round(clicks * (0.8 - 0.05 * segment));
  const leads = Math.round(visits * (0.3 + 0.03 * segment));
  const customers = Math.round(leads * (0.05 + 0.01 * segment + 0.005 * period));
  const repeatCustomers = Math.round(customers * (0.5 - 0.05 * segment));
  const orders = customers + Math.round(customers * (0.2 + 0.1 * segment)); // some customers order twice
  const trials = Math.round(visits * (0.2 + 0.02 * segment));
  const subscribers = Math.round(trials * (0.1 + 0.02 * segment + 0.004 * period));
  return {
    impressions, clicks, visits, leads, trials, orders, customers, subscribers, repeatCustomers,
    revenue: orders * (39.99 + 5 * segment + channel),
    // A level that grows at a different pace per segment, so each block's MRR growth differs.
    mrr: 10000 + 700 * channel + (1000 + 150 * segment) * period * (1 + segment),
    cost: 500.25 + 50 * period + 30 * channel + 120 * segment,
    churnedSubscribers: Math.round(repeatCustomers * (0.1 + 0.05 * segment)) + period,
  };
}

interface DataRow {
  period: string;
  channel: string;
  segment: string;
  /** null: left blank. */
  figures: Row | null;
}

function column(sheet: SheetSnapshot, header: string): number {
  const index = sheet.values[0].indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${sheet.name}`);
  return index;
}

/**
 * Fills the planned Data rows of the first FILLED_PERIODS periods (every channel and segment) and leaves
 * the later periods blank; returns every planned row with its keys as the Data sheet shows them.
 */
function fillPeriods(globals: AppsScriptGlobals, dataName: string, model: BusinessModelId, language: Language, segments = SEGMENTS): DataRow[] {
  const data = sheetNamed(globals, dataName);
  const periodColumn = column(data, translate(language, 'workbook.data.period'));
  const channelColumn = column(data, translate(language, 'workbook.data.channel'));
  const segmentColumn = column(data, translate(language, 'workbook.data.segment'));
  const planned = data.values.slice(1).filter((row) => row[periodColumn] !== '');
  expect(planned).toHaveLength(PERIOD_COUNT * CHANNELS.length * segments.length);
  const periods = [...new Set(planned.map((row) => String(row[periodColumn])))];
  expect(periods).toHaveLength(PERIOD_COUNT);
  const rows = planned.map((row): DataRow => {
    const [period, channel, segment] = [String(row[periodColumn]), String(row[channelColumn]), String(row[segmentColumn])];
    const p = periods.indexOf(period);
    return { period, channel, segment, figures: p < FILLED_PERIODS ? rowFor(p, CHANNELS.indexOf(channel), segments.indexOf(segment)) : null };
  });
  // The measure columns, found by reading the model's own headers back with the vocabulary.
  const measures = measureColumnsOf(data);
  measures.forEach(({ measure, column: c }, i) => {
    expect(c).toBe(measures[0].column + i);
    expect(data.values[0][c]).toBe(measureName(model, measure)[language]);
  });
  expect(measures.map(({ measure }) => measure)).toEqual(dataMeasures(model));
  globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName(dataName)!
    .getRange(2, measures[0].column + 1, rows.length, measures.length)
    .setValues(rows.map((row) => measures.map(({ measure }) => (row.figures ? row.figures[measure] : ''))));
  return rows;
}

/**
 * A KPI's value by its meaning: a sum, a sum over a sum of sums, or for a level (MRR) the total of the
 * latest period with figures, or its growth from the period before.
 */
function meaningOf(meaning: NonNullable<(typeof KPI_MEANING)[KpiId]>, figures: Row[], rows: DataRow[]): number {
  if ('numerator' in meaning) {
    const top = sum(figures, meaning.numerator);
    return meaning.denominator ? top / meaning.denominator.reduce((total, measure) => total + sum(figures, measure), 0) : top;
  }
  const measure = 'latest' in meaning ? meaning.latest : meaning.growth;
  const periods = [...new Set(rows.filter((row) => row.figures && row.figures[measure] > 0).map((row) => row.period))].sort();
  const inPeriod = (period: string) => sum(figuresOf(rows, (row) => row.period === period), measure);
  const latest = inPeriod(periods[periods.length - 1]);
  return 'latest' in meaning ? latest : latest / inPeriod(periods[periods.length - 2]) - 1;
}

function figuresOf(rows: DataRow[], keep: (row: DataRow) => boolean = () => true): Row[] {
  return rows.filter((row) => row.figures !== null && keep(row)).map((row) => row.figures!);
}

/** The 0-based row whose first cells are `labels`, searched from `from`. */
function rowOf(sheet: SheetSnapshot, labels: (string | number | boolean)[], from = 0): number {
  const r = sheet.values.findIndex((row, i) => i >= from && labels.every((label, c) => row[c] === label));
  if (r < 0) throw new Error(`no row ${JSON.stringify(labels)} in ${sheet.name}`);
  return r;
}


interface Rect {
  sheet?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1-based bounds of "'Sheet'!B2:C9", "B2:C9" or "B2". */
function parseRange(text: string): Rect {
  const match = /^(?:'((?:[^']|'')*)'!)?([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a range: ${text}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [, sheet, c1, r1, c2 = c1, r2 = r1] = match;
  return { sheet: sheet?.replace(/''/g, "'"), top: Number(r1), left: col(c1), bottom: Number(r2), right: col(c2) };
}

function covers(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** RACE_STATUS's rule for "higher is better" with the default 10% tolerance, written out here. */
function expectedStatus(language: Language, actual: number, target: number): string {
  const key = actual >= target ? 'status.onTrack' : actual >= target * 0.9 ? 'status.atRisk' : 'status.offTrack';
  return translate(language, key);
}

/** The hue (0-360) and lightness (0-1) of "#rrggbb". */
function hsl(color: string | undefined): { hue: number; lightness: number } {
  expect(color).toMatch(/^#[0-9a-f]{6}$/i);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color!.slice(i, i + 2), 16) / 255);
  const [max, min] = [Math.max(r, g, b), Math.min(r, g, b)];
  const d = max - min;
  let hue = 0;
  if (d > 0) hue = max === r ? 60 * (((g - b) / d + 6) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4);
  return { hue, lightness: (max + min) / 2 };
}

/**
 * TEXT_EQUAL_TO rules (on track green, at risk amber, off track red), one per status block, whose ranges,
 * on `sheet`, cover every cell of `cells` (1-based [row, column]) and stay inside `statusColumns`.
 */
function expectStatusColors(sheet: SheetSnapshot, language: Language, cells: [number, number][], statusColumns: number[]): void {
  expect(cells.length).toBeGreaterThan(0);
  // Green, amber and red, each as a light background under a dark text of the same hue.
  const hues: Record<string, (hue: number) => boolean> = {
    'status.onTrack': (hue) => hue >= 80 && hue <= 170,
    'status.atRisk': (hue) => hue >= 25 && hue <= 70,
    'status.offTrack': (hue) => hue <= 20 || hue >= 340,
  };
  for (const [key, isHue] of Object.entries(hues)) {
    const text = translate(language, key as 'status.onTrack');
    const rules = sheet.conditionalFormatRules.filter((rule) => rule.criteria === 'TEXT_EQUAL_TO' && rule.values[0] === text);
    expect(rules.length).toBeGreaterThanOrEqual(1);
    expect(rules.length).toBeLessThanOrEqual(statusColumns.length);
    const rects = rules.flatMap((rule) => {
      const [background, font] = [hsl(rule.background), hsl(rule.fontColor)];
      expect([key, isHue(background.hue), isHue(font.hue)]).toEqual([key, true, true]);
      expect(background.lightness).toBeGreaterThan(0.7);
      expect(font.lightness).toBeLessThan(0.4);
      return rule.ranges.map(parseRange);
    });
    for (const rect of rects) {
      expect(rect.sheet).toBe(sheet.name);
      for (let column = rect.left; column <= rect.right; column++) expect(statusColumns).toContain(column);
    }
    for (const [row, col] of cells) expect(rects.some((rect) => covers(rect, row, col))).toBe(true);
  }
}

describe.each(BUSINESS_MODEL_IDS.flatMap((model) => LANGUAGES.map((language) => [model, language] as const)))(
  'the %s workbook in %s: charts, status colors and the Data rules',
  (model, language) => {
    const opts = dashboardOptions(model, language, { reach: 1000, act: 100, convert: 10, engage: 1 });
    const steps = BUSINESS_MODELS[model].funnel;

    it('has the funnel bar chart and the step-rate column chart on their chart data, one line chart on the trend index and CPA and ROAS bars per channel and per segment', () => {
      const globals = emulate(language);
      const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
      fillPeriods(globals, dataName, model, language);
      const dashboard = sheetNamed(globals, dashboardName);
      const t = (key: Parameters<typeof translate>[1]) => translate(language, key);

      expect(dashboard.charts.map((chart) => chart.type).sort()).toEqual(['BAR', 'BAR', 'BAR', 'BAR', 'BAR', 'COLUMN', 'LINE']);
      // The chart data: step, offset and volume for the bars; each step after the first with its rate and reference.
      const chartHeader = rowOf(dashboard, [t('workbook.dashboard.step'), t('workbook.dashboard.offset'), t('workbook.dashboard.volume')]);
      const bar = dashboard.charts.find((chart) => chart.type === 'BAR' && chart.options.title === t('workbook.dashboard.funnel'))!;
      expect(bar.ranges).toEqual([rangeText(dashboardName, chartHeader, 0, steps.length + 1, 3)]);
      steps.forEach((step, i) => expect(dashboard.values[chartHeader + 1 + i][0]).toBe(step.name[language]));
      expect(dashboard.values[chartHeader + 1 + steps.length]?.[0] ?? '').toBe('');
      const column = dashboard.charts.find((chart) => chart.type === 'COLUMN')!;
      expect(column.ranges).toEqual([rangeText(dashboardName, chartHeader, 4, steps.length, 3)]);
      expect(dashboard.values[chartHeader].slice(4, 7)).toEqual([t('workbook.dashboard.step'), t('workbook.dashboard.stepRate'), t('workbook.dashboard.reference')]);
      steps.slice(1).forEach((step, i) => expect(dashboard.values[chartHeader + 1 + i][4]).toBe(STEP_TEXT[language](steps[i].name[language], step.name[language])));

      // The line chart draws the index below the volumes: the same header, the period labels, one series per step.
      const trendHeader = rowOf(dashboard, [t('workbook.data.period'), ...steps.map((s) => s.name[language])]);
      const indexHeader = rowOf(dashboard, [t('workbook.data.period'), ...steps.map((s) => s.name[language])], trendHeader + 1);
      expect(dashboard.values[indexHeader - 1][0]).toBe(t('workbook.dashboard.trendIndex'));
      const line = dashboard.charts.find((chart) => chart.type === 'LINE')!;
      expect(line.ranges).toEqual([rangeText(dashboardName, indexHeader, 0, PERIOD_COUNT + 1, steps.length + 1)]);
      expect(dashboard.values[indexHeader + PERIOD_COUNT][0]).not.toBe('');
      expect(dashboard.values[indexHeader + PERIOD_COUNT + 1]?.[0] ?? '').toBe('');
    });

    it('colors the statuses of the KPI sheet and of the targets table, and guards the Data volumes', () => {
      const globals = emulate(language);
      const [, kpisName, dataName, dashboardName] = generate(globals, opts).sheetNames;
      const t = (key: Parameters<typeof translate>[1]) => translate(language, key);

      const kpis = sheetNamed(globals, kpisName);
      const kpiHeader = kpis.values.find((row) => row.includes(t('workbook.kpi.status')))!;
      const statusColumns = [t('workbook.kpi.status'), t('workbook.kpi.forecastStatus')].map((title) => kpiHeader.indexOf(title) + 1);
      expect(statusColumns[1]).toBe(statusColumns[0] + 1);
      // One RACE_STATUS per status column per block (one block per segment and one for all segments),
      // spilling over every KPI of the block: each custom-function cell is a server execution in Sheets.
      const calls: [number, number][] = [];
      kpis.formulas.forEach((row, r) => row.forEach((f, c) => f.includes('RACE_STATUS(') && calls.push([r + 1, c + 1])));
      expect(calls).toHaveLength(2 * (SEGMENTS.length + 1));
      for (const [, c] of calls) expect(statusColumns).toContain(c);
      const kpiCount = Object.values(BUSINESS_MODELS[model].kpiIds).flat().length;
      const kpiStatusCells = calls.flatMap(([r, c]) => Array.from({ length: kpiCount }, (_, i): [number, number] => [r + i, c]));
      expectStatusColors(kpis, language, kpiStatusCells, statusColumns);

      const dashboard = sheetNamed(globals, dashboardName);
      const targetsHeader = rowOf(dashboard, [t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.kpi.target'), t('workbook.kpi.actual'), t('workbook.kpi.status')]);
      // One row per stage that has a volume KPI computed from the data (up to four), down to the blank row.
      let targetRows = 0;
      while ((dashboard.values[targetsHeader + 1 + targetRows]?.[0] ?? '') !== '') targetRows++;
      expect(targetRows).toBeGreaterThanOrEqual(3);
      expect(targetRows).toBeLessThanOrEqual(4);
      const targetCells = Array.from({ length: targetRows }, (_, i): [number, number] => [targetsHeader + 2 + i, 5]);
      // The headline strip shows the same statuses, one row per stage with a target line, in its last column.
      const headlineHeader = rowOf(dashboard, [t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.dashboard.thisPeriod')]);
      const statusColumn = dashboard.values[headlineHeader].indexOf(t('workbook.kpi.status')) + 1;
      const headlineCells = Array.from({ length: targetRows }, (_, i): [number, number] => [headlineHeader + 4 + i, statusColumn]);
      headlineCells.forEach(([r], i) => expect(dashboard.values[r - 1][0]).toBe(dashboard.values[targetsHeader + 1 + i][0]));
      const forecastCells = targetCells.map(([r]): [number, number] => [r, 8]);
      expectStatusColors(dashboard, language, [...targetCells, ...forecastCells, ...headlineCells], [5, 8, statusColumn]);

      const data = sheetNamed(globals, dataName);
      expect(data.frozenRows).toBe(1);
      const volumeColumns = measureColumnsOf(data).map(({ column: c }) => c + 1);
      expect(volumeColumns).toEqual(dataMeasures(model).map((_, i) => volumeColumns[0] + i));
      for (const rule of data.dataValidations) {
        expect(rule).toMatchObject({ criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [0], allowInvalid: false });
      }
      const rects = data.dataValidations.map((rule) => parseRange(rule.range));
      const check = (row: number, col: number, value: unknown) => globals.emulator.checkDataValidation(dataName, row, col, value);
      for (const col of volumeColumns) {
        for (const row of [2, Math.floor(data.maxRows / 2), data.maxRows]) {
          expect(rects.some((rect) => covers(rect, row, col))).toBe(true);
          expect(check(row, col, -1).rejected).toBe(true);
          expect(check(row, col, -0.01).rejected).toBe(true);
          expect(check(row, col, 'abc').rejected).toBe(true);
          expect(check(row, col, '12 units').rejected).toBe(true);
          expect(check(row, col, 0)).toMatchObject({ valid: true, rejected: false });
          expect(check(row, col, 1234.5)).toMatchObject({ valid: true, rejected: false });
        }
        // The headers and the key columns (names are text) are free.
        expect(check(1, col, 'abc').rejected).toBe(false);
      }
      // Period, Channel, Campaign and Segment.
      for (const col of [1, 2, 3, 4]) expect(check(2, col, 'abc').rejected).toBe(false);
    });
  },
);

describe.each(
  (['ecommerce', 'b2b'] as const).flatMap((model) => LANGUAGES.map((language) => [model, language] as const)),
)('the %s dashboard in %s, filled over several periods', (model, language) => {
  const steps = BUSINESS_MODELS[model].funnel;
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);

  it('shows the bottleneck, the latest period against the one before, the trend and the targets computed here', () => {
    // Targets from the totals the rows will give, against the share due after FILLED_PERIODS of PERIOD_COUNT
    // even weeks (the status paces): reach met (on track), act 7% short of its share (at risk, off track with
    // a 5% tolerance), convert 15% short (off track, at risk with 20%), engage without a target.
    const totals: Partial<Record<MeasureId, number>> = {};
    for (const measure of MEASURES) {
      let total = 0;
      for (let p = 0; p < FILLED_PERIODS; p++) for (let c = 0; c < CHANNELS.length; c++) for (let s = 0; s < SEGMENTS.length; s++) total += rowFor(p, c, s)[measure];
      totals[measure] = total;
    }
    const horizon = PERIOD_COUNT / FILLED_PERIODS;
    const targets = {
      reach: Math.floor(totals.impressions! * horizon),
      act: Math.round((totals.leads! * horizon) / 0.93),
      convert: Math.round((totals.orders! * horizon) / 0.85),
    };
    const opts = dashboardOptions(model, language, targets);
    const globals = emulate(language);
    const { sheetNames } = generate(globals, opts);
    const [, , dataName, dashboardName] = sheetNames;

    // Before any data: hints and blanks, no error value.
    for (const name of sheetNames) expect(errorCells(sheetNamed(globals, name))).toEqual([]);
    let dashboard = sheetNamed(globals, dashboardName);
    const bottleneckRow = rowOf(dashboard, [t('workbook.dashboard.bottleneck')]);
    expect(dashboard.values[bottleneckRow][1]).toBe(t('workbook.dashboard.noData'));
    const periodRow = rowOf(dashboard, [t('workbook.dashboard.periodStart')]);
    expect(dashboard.values[periodRow].slice(1, 5)).toEqual(['', t('workbook.dashboard.noData'), '', '']);

    const rows = fillPeriods(globals, dataName, model, language);
    for (const name of [dataName, dashboardName]) expect(errorCells(sheetNamed(globals, name))).toEqual([]);
    dashboard = sheetNamed(globals, dashboardName);
    const all = figuresOf(rows);
    expect(all).toHaveLength(FILLED_PERIODS * CHANNELS.length * SEGMENTS.length);

    // Bottleneck: the step furthest below its benchmark (rate ÷ benchmark − 1 lowest); that it need not be
    // the lowest rate is shown in dashboard-top.engine.test.ts.
    const volumes = steps.map((step) => sum(all, step.measure));
    const conversions = steps.slice(1).map((step, i) => volumes[i + 1] / volumes[i]);
    const gaps = steps.slice(1).map((step, i) => conversions[i] / FUNNEL_BENCHMARKS[model][step.measure]!.rate - 1);
    const worst = gaps.indexOf(Math.min(...gaps));
    expect(gaps.filter((c) => c === gaps[worst])).toHaveLength(1);
    expect(String(dashboard.values[bottleneckRow][1]).startsWith(STEP_TEXT[language](steps[worst].name[language], steps[worst + 1].name[language]))).toBe(true);
    // The funnel table holds those volumes.
    const funnelHeader = rowOf(dashboard, [t('workbook.dashboard.step'), t('workbook.kpi.stage'), t('workbook.dashboard.volume')]);
    steps.forEach((step, i) => expectClose(dashboard.values[funnelHeader + 1 + i][2], volumes[i]));

    // This period against the previous one: the last filled period and the one before it.
    const periods = [...new Set(rows.map((row) => row.period))];
    // The first day of START's week: Monday in English, Saturday in Persian and Arabic.
    expect(periods[0]).toBe(new Date(Date.UTC(2025, 0, language === 'en' ? 13 : 11)).toISOString());
    const latest = periods[FILLED_PERIODS - 1];
    const previous = periods[FILLED_PERIODS - 2];
    expect(dashboard.values[periodRow].slice(2, 4)).toEqual([latest, previous]);
    // Above them, their labels, looked up in the trend table's labels.
    const label = (iso: string) => periodLabel(serialFromUtc(Date.parse(iso)), 'week', language, USUAL_CALENDAR[language]);
    expect(dashboard.values[periodRow - 1].slice(0, 4)).toEqual([t('workbook.dashboard.periodLabel'), '', label(latest), label(previous)]);
    // The headline strip: each stage's main KPI, then revenue and cost under the model's own word for them.
    const compared: [string, MeasureId][] = [
      ...(['reach', 'act', 'convert', 'engage'] as const).map((stage): [string, MeasureId] => [KPIS_BY_ID[STAGE_VOLUME[stage].kpi].name[language], STAGE_VOLUME[stage].measure]),
      ...(['revenue', 'cost'] as const).map((measure): [string, MeasureId] => [measureName(model, measure)[language], measure]),
    ];
    compared.forEach(([name, measure], i) => {
      const line = dashboard.values[periodRow + 1 + i];
      expect(line[1]).toBe(name);
      const now = sum(figuresOf(rows, (row) => row.period === latest), measure);
      const before = sum(figuresOf(rows, (row) => row.period === previous), measure);
      expect(now).not.toBe(before);
      expectClose(line[2], now);
      expectClose(line[3], before);
      expectClose(line[4], now / before - 1);
    });
    expect(dashboard.values[periodRow + 1 + compared.length][1]).toBe('');

    // Trend: one row per period, each funnel measure's sum for that period ("" once the data stops, not 0).
    const trendHeader = rowOf(dashboard, [t('workbook.data.period'), ...steps.map((s) => s.name[language])]);
    periods.forEach((period, p) => {
      const line = dashboard.values[trendHeader + 1 + p];
      // The chart's category is the label in the language's usual calendar; the date the SUMIFS match follows the volumes.
      expect(line[steps.length + 1]).toBe(period);
      expect(line[0]).toBe(periodLabel(serialFromUtc(Date.parse(period)), 'week', language, USUAL_CALENDAR[language]));
      steps.forEach((step, i) => (p < FILLED_PERIODS ? expectClose(line[1 + i], sum(figuresOf(rows, (row) => row.period === period), step.measure)) : expect(line[1 + i]).toBe('')));
    });
    expect(dashboard.values[trendHeader + 1 + periods.length]?.[0] ?? '').toBe('');

    // Targets against actuals: one row per stage volume KPI, the target set, the actual summed here and
    // RACE_STATUS's verdict on the target due to date, by the rule written out here.
    const targetsHeader = rowOf(dashboard, [t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.kpi.target'), t('workbook.kpi.actual'), t('workbook.kpi.status')]);
    const shown = (['reach', 'act', 'convert', 'engage'] as const).map((stage, i) => {
      const line = dashboard.values[targetsHeader + 1 + i];
      expect(line[1]).toBe(KPIS_BY_ID[STAGE_VOLUME[stage].kpi].name[language]);
      const actual = sum(all, STAGE_VOLUME[stage].measure);
      expectClose(line[3], actual);
      const target = targets[stage as keyof typeof targets];
      if (target === undefined) {
        expect([line[2], line[4]]).toEqual(['', '']);
        return '';
      }
      expect(line[2]).toBe(target);
      expect(line[4]).toBe(expectedStatus(language, actual, (target * FILLED_PERIODS) / PERIOD_COUNT));
      // The target due so far, and the pace run to the end of the horizon against the whole target.
      expectClose(line[5], (target * FILLED_PERIODS) / PERIOD_COUNT);
      expectClose(line[6], (actual * PERIOD_COUNT) / FILLED_PERIODS);
      expect(line[7]).toBe(expectedStatus(language, (actual * PERIOD_COUNT) / FILLED_PERIODS, target));
      return line[4];
    });
    expect(shown).toEqual([t('status.onTrack'), t('status.atRisk'), t('status.offTrack'), '']);
  });
});

/**
 * Every KPI computed from the Data sheet as sum / sum, for all segments and per segment, against figures
 * computed here; each block's figures differ from every other block's.
 */
function checkKpiSheet(model: BusinessModelId, language: Language, segments: string[]): void {
      const opts = dashboardOptions(model, language, {}, segments);
      const globals = emulate(language);
      const [, kpisName, dataName] = generate(globals, opts).sheetNames;
      const rows = fillPeriods(globals, dataName, model, language, segments);
      const kpis = sheetNamed(globals, kpisName);
      expect(errorCells(kpis)).toEqual([]);
      const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
      const kpiIds = Object.values(BUSINESS_MODELS[model].kpiIds).flat();
      const computed = kpiIds.filter((id) => KPIS_BY_ID[id].fromData);
      for (const id of computed) expect(KPI_MEANING).toHaveProperty(id);
      const isRatio = (id: KpiId) => { const meaning = KPI_MEANING[id]!; return 'denominator' in meaning && meaning.denominator !== undefined; };
      expect(computed.some(isRatio)).toBe(true);

      const figures: Record<string, number[]> = {};
      for (const block of [...segments, undefined]) {
        const blockRow = rowOf(kpis, [t('workbook.kpi.segment'), block ?? t('workbook.kpi.allSegments')]);
        const header = kpis.values[blockRow + 1];
        const [kpiColumn, actualColumn] = [header.indexOf(t('workbook.kpi.kpi')), header.indexOf(t('workbook.kpi.actual'))];
        const blockRows = figuresOf(rows, (row) => block === undefined || row.segment === block);
        expect(blockRows).toHaveLength((FILLED_PERIODS * CHANNELS.length * segments.length) / (block === undefined ? 1 : segments.length));
        const lines = kpis.values.slice(blockRow + 2, blockRow + 2 + kpiIds.length);
        figures[block ?? ''] = computed.map((id) => {
          const line = lines.find((l) => l[kpiColumn] === KPIS_BY_ID[id].name[language]);
          expect(line).toBeDefined();
          const expected = meaningOf(KPI_MEANING[id]!, blockRows, rows.filter((row) => block === undefined || row.segment === block));
          expectClose(line![actualColumn], expected);
          return expected;
        });
      }
      // Each segment's figures differ from the others' and from the total, so a block reading another
      // block's rows (or every row) cannot pass.
      const ratioIndexes = computed.map((id, i) => (isRatio(id) || 'growth' in KPI_MEANING[id]! ? i : -1)).filter((i) => i >= 0);
      const blocks = Object.keys(figures);
      for (const a of blocks) for (const b of blocks) if (a < b) for (const i of ratioIndexes) expect(figures[a][i]).not.toBeCloseTo(figures[b][i], 6);
}

describe.each(BUSINESS_MODEL_IDS.flatMap((model) => (['en', 'fa'] as const).map((language) => [model, language] as const)))(
  'the %s KPI sheet in %s',
  (model, language) => {
    it('gives every KPI computed from the Data sheet as sum / sum, for all segments and per segment ("A*" is not "AB")', () => {
      checkKpiSheet(model, language, SEGMENTS);
    });
  },
);

describe.each(BUSINESS_MODEL_IDS)('the %s KPI sheet with segments named like criteria', (model) => {
  it(`matches ${CRITERIA_SEGMENTS.join(' ')} as exact text: each block's own actuals, no error value`, () => {
    checkKpiSheet(model, 'en', CRITERIA_SEGMENTS);
  });

  it('counts the rows of a segment named TRUE (3 rows give 3, not 0)', () => {
    const globals = emulate('en');
    const [, kpisName, dataName] = generate(globals, options({ model, channels: ['Email'], segments: ['TRUE', 'FALSE'], granularity: 'month' })).sheetNames;
    const data = sheetNamed(globals, dataName);
    const segmentColumn = column(data, 'Segment');
    const measures = measureColumnsOf(data);
    const planned = data.values.slice(1).filter((row) => row[segmentColumn] !== '');
    // Every row of the TRUE segment gets 1 of each measure, the FALSE segment's rows 5.
    globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName(dataName)!
      .getRange(2, measures[0].column + 1, planned.length, measures.length)
      .setValues(planned.map((row) => measures.map(() => (row[segmentColumn] === 'TRUE' ? 1 : 5))));
    const trueRows = planned.filter((row) => row[segmentColumn] === 'TRUE').length;
    expect(trueRows).toBe(3);
    const kpis = sheetNamed(globals, kpisName);
    expect(errorCells(kpis)).toEqual([]);
    const blockRow = rowOf(kpis, ['Segment', 'TRUE']);
    const header = kpis.values[blockRow + 1];
    // The model's first KPI that is one measure's sum.
    const summed = Object.values(BUSINESS_MODELS[model].kpiIds).flat().find((id) => KPI_MEANING[id] && 'numerator' in KPI_MEANING[id]! && !('denominator' in KPI_MEANING[id]!))!;
    const line = kpis.values.slice(blockRow + 2).find((l) => l[header.indexOf('KPI')] === KPIS_BY_ID[summed].name.en);
    expect(line?.[header.indexOf('Actual')]).toBe(trueRows);
  });
});
