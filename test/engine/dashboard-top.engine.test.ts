// The top of the dashboard in the emulated spreadsheet (HyperFormula): the selector's slices of the
// headline strip and the funnel, the bottleneck against benchmarks and against typed target rates (and an
// empty step as a finding), the funnel charts' data, and a number format on every computed number. Every
// expected figure is computed here from the rows this file writes into the Data sheet.
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import { translate, type Language } from '../../src/core/i18n';
import { FUNNEL_BENCHMARKS } from '../../src/core/model/benchmarks';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { MEASURES, type MeasureId } from '../../src/core/model/measures';
import { stageLabel, type StageId } from '../../src/core/model/stages';
import { generateWorkbookSpec } from '../../src/core/workbook/generate';
import { dashboardSheet } from '../../src/core/workbook/dashboard-sheet';
import { dataLayout, periodStarts } from '../../src/core/workbook/data-sheet';
import { kpiSheet } from '../../src/core/workbook/kpi-sheet';
import { COUNT_FORMAT, DATE_FORMAT, RATE_FORMAT, RATIO_FORMAT, moneyFormat } from '../../src/core/workbook/data-sheet';
import { CHANGE_FORMAT } from '../../src/core/workbook/dashboard-top';
import { START, emulate, errorCells, expectClose, generate, measureColumnsOf, options, sheetNamed, type AppsScriptGlobals, type Row } from './support';

const MODEL = 'ecommerce';
const CHANNELS = ['Email', 'Paid search'];
/** Names SUMIFS would read as criteria or wildcards: they must match literally. */
const SEGMENTS = ['>10', 'A*'];
const CAMPAIGNS = ['>10', 'Spring', 'AB', ''];
const FILLED_PERIODS = 4;
const STEPS = BUSINESS_MODELS[MODEL].funnel;
/** Each funnel step's RACE stage, written out here. */
const STEP_STAGE: Partial<Record<MeasureId, StageId>> = { impressions: 'reach', visits: 'reach', leads: 'act', orders: 'convert', repeatCustomers: 'engage' };
/** The headline's measures: each stage's main KPI's measure, then revenue and cost. */
const HEADLINE: MeasureId[] = ['impressions', 'leads', 'orders', 'repeatCustomers', 'revenue', 'cost'];

interface DataRow {
  period: string;
  channel: string;
  segment: string;
  campaign: string;
  figures: Row | null;
}

function figuresFor(period: number, channel: number, segment: number, campaign: number): Row {
  const impressions = 10000 + 900 * period + 1300 * channel + 500 * segment + 170 * campaign;
  const visits = Math.round(impressions * (0.04 + 0.004 * segment + 0.002 * channel));
  const leads = Math.round(visits * (0.09 + 0.01 * campaign));
  const orders = Math.round(leads * (0.2 + 0.03 * segment));
  const repeatCustomers = Math.round(orders * (0.25 + 0.02 * channel));
  const row = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Row;
  return { ...row, impressions, clicks: visits + 10, visits, leads, orders, customers: orders - 1, repeatCustomers, revenue: orders * 42.5, cost: 300.75 + 20 * period };
}

/**
 * Fills the first FILLED_PERIODS periods of every planned row, each row with a campaign; the last filled
 * period of Paid search stays blank, so that slice's latest period with data is the one before.
 */
function fill(globals: AppsScriptGlobals, dataName: string, language: Language, change: (row: Row) => Row = (row) => row): DataRow[] {
  const data = sheetNamed(globals, dataName);
  const header = data.values[0];
  const [periodCol, channelCol, campaignCol, segmentCol] = (['workbook.data.period', 'workbook.data.channel', 'workbook.data.campaign', 'workbook.data.segment'] as const).map(
    (key) => header.indexOf(translate(language, key)),
  );
  const planned = data.values.slice(1).filter((row) => row[periodCol] !== '');
  const periods = [...new Set(planned.map((row) => String(row[periodCol])))];
  const rows = planned.map((row, i): DataRow => {
    const [period, channel, segment] = [String(row[periodCol]), String(row[channelCol]), String(row[segmentCol])];
    const p = periods.indexOf(period);
    const c = CHANNELS.indexOf(channel);
    const k = (i + p) % CAMPAIGNS.length; // every period has every campaign, each time on another channel and segment
    const blank = p >= FILLED_PERIODS || (p === FILLED_PERIODS - 1 && channel === 'Paid search');
    return { period, channel, segment, campaign: CAMPAIGNS[k], figures: blank ? null : change(figuresFor(p, c, SEGMENTS.indexOf(segment), k)) };
  });
  const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dataName)!;
  const measures = measureColumnsOf(data);
  sheet.getRange(2, measures[0].column + 1, rows.length, measures.length).setValues(rows.map((row) => measures.map(({ measure }) => (row.figures ? row.figures[measure] : ''))));
  // Campaign names as text, as the importer writes them (">10" would otherwise be typed as a formula-ish value).
  sheet.getRange(2, campaignCol + 1, rows.length, 1).setValues(rows.map((row) => [row.campaign === '' ? '' : `'${row.campaign}`]));
  return rows;
}

function rowOf(sheet: SheetSnapshot, label: string, column = 0): number {
  const r = sheet.values.findIndex((row) => row[column] === label);
  if (r < 0) throw new Error(`no row "${label}" in ${sheet.name}`);
  return r;
}

/** The value of an absolute one-cell reference on `sheet`: 'Dashboard'!$B$24. */
function valueAt(sheet: SheetSnapshot, ref: string): unknown {
  const match = /^'((?:[^']|'')*)'!\$([A-Z]+)\$(\d+)$/.exec(ref);
  expect(match?.[1].replace(/''/g, "'")).toBe(sheet.name);
  const column = [...match![2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet.values[Number(match![3]) - 1][column - 1];
}

function sum(rows: DataRow[], measure: MeasureId): number {
  return rows.reduce((total, row) => total + (row.figures ? row.figures[measure] : 0), 0);
}

/** A rate as each language writes a percentage with one decimal, in its own digits. */
function percent(rate: number, language: Language): string {
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  if (language === 'en') return `${text}%`;
  const zero = language === 'fa' ? 0x6f0 : 0x660;
  return `${[...text].map((ch) => (ch === '.' ? '\u066b' : String.fromCharCode(zero + Number(ch)))).join('')}\u066a`;
}

/** How the bottleneck reads in each language (the arrow from A to B in the reading direction). */
const SHORTFALL: Record<'en' | 'fa', (from: string, to: string, rate: string, reference: string, empty: boolean) => string> = {
  en: (from, to, rate, reference, empty) => `${empty ? `No ${to} yet: ` : ''}${from} → ${to} ${rate} vs ${reference} expected`,
  fa: (from, to, rate, reference, empty) => `${empty ? `هنوز هیچ ${to} ثبت نشده است: ` : ''}${from} ← ${to}: ${rate} در برابر ${reference} مورد انتظار`,
};

const NOTHING_AT_TOP: Record<'en' | 'fa', (stage: string) => string> = {
  en: (stage) => `No ${stage} yet`,
  fa: (stage) => `هنوز هیچ ${stage} ثبت نشده است`,
};

/**
 * What the bottleneck cells must say for these step volumes against these references (the first
 * ignored): the step furthest below its reference, or the empty top of the funnel; and its stage.
 */
function expectedBottleneck(language: 'en' | 'fa', volumes: number[], references: (number | undefined)[]): { text: string; stage: string; worst: number } {
  const gaps = volumes.map((v, i) => (i === 0 || volumes[i - 1] === 0 ? Infinity : v / volumes[i - 1] / references[i]! - 1));
  const worst = gaps.indexOf(Math.min(...gaps));
  if (gaps[worst] === Infinity) {
    expect(volumes[0]).toBe(0);
    return { text: NOTHING_AT_TOP[language](STEPS[0].name[language]), stage: stageLabel(STEP_STAGE[STEPS[0].measure]!, language), worst: 0 };
  }
  expect(gaps.filter((gap) => gap === gaps[worst])).toHaveLength(1);
  const rate = volumes[worst] / volumes[worst - 1];
  const text = SHORTFALL[language](STEPS[worst - 1].name[language], STEPS[worst].name[language], percent(rate, language), percent(references[worst]!, language), volumes[worst] === 0);
  return { text, stage: stageLabel(STEP_STAGE[STEPS[worst].measure]!, language), worst };
}

/** The top's cells: the selector cells, the headline rows, the funnel rows, the bottleneck and its stage. */
function layout(sheet: SheetSnapshot, language: Language) {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const selectorRow = rowOf(sheet, t('workbook.data.channel'));
  const selectorColumn = (key: 'workbook.data.channel' | 'workbook.data.segment' | 'workbook.data.campaign') => sheet.values[selectorRow].indexOf(t(key)) + 2; // the dropdown right of its label, 1-based
  const periodRow = rowOf(sheet, t('workbook.dashboard.periodStart'));
  const stepHeader = rowOf(sheet, t('workbook.dashboard.step'));
  return {
    selector: { row: selectorRow, channel: selectorColumn('workbook.data.channel'), segment: selectorColumn('workbook.data.segment'), campaign: selectorColumn('workbook.data.campaign') },
    periodRow,
    headlineRows: HEADLINE.map((_, i) => periodRow + 1 + i),
    stepRows: STEPS.map((_, i) => stepHeader + 1 + i),
    bottleneckRow: rowOf(sheet, t('workbook.dashboard.bottleneck')),
    stageRow: rowOf(sheet, t('workbook.dashboard.bottleneckStage')),
  };
}

describe.each(['en', 'fa'] as const)('the top of the %s dashboard', (language) => {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const all = t('workbook.dashboard.all');
  const opts = options({ model: MODEL, language, granularity: 'week', channels: CHANNELS, segments: SEGMENTS, targets: { reach: 100000 } });

  it('filters the headline strip and the funnel by channel, segment and campaign (names matched literally)', () => {
    const globals = emulate(language);
    const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
    for (const name of [dataName, dashboardName]) expect(errorCells(sheetNamed(globals, name))).toEqual([]);
    const rows = fill(globals, dataName, language);
    let dashboard = sheetNamed(globals, dashboardName);
    expect(errorCells(dashboard)).toEqual([]);
    const at = layout(dashboard, language);
    const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dashboardName)!;

    // The campaign dropdown lists the Data sheet's campaigns, sorted, after "All"; a name not there is refused.
    const campaignRule = dashboard.dataValidations.find((rule) => rule.criteria === 'VALUE_IN_RANGE')!;
    const source = campaignRule.values[0] as { row: number; column: number; numRows: number };
    const listed = dashboard.values.slice(source.row - 1, source.row - 1 + source.numRows).map((line) => line[source.column - 1] ?? '').filter((v) => v !== '');
    expect(listed).toEqual([all, ...[...new Set(CAMPAIGNS.filter((c) => c !== ''))].sort()]);
    const check = (column: number, value: string) => globals.emulator.checkDataValidation(dashboardName, at.selector.row + 1, column, value);
    for (const value of [all, '>10', 'Spring']) expect(check(at.selector.campaign, value).rejected).toBe(false);
    expect(check(at.selector.campaign, 'Autumn').rejected).toBe(true);
    expect(check(at.selector.channel, 'Email').rejected).toBe(false);
    expect(check(at.selector.channel, 'Radio').rejected).toBe(true);
    expect(check(at.selector.segment, 'A*').rejected).toBe(false);

    const periods = [...new Set(rows.map((row) => row.period))];
    const benchmarks = STEPS.map((step, i) => (i === 0 ? undefined : FUNNEL_BENCHMARKS[MODEL][step.measure]!.rate));
    const selections: [string, string, string][] = [
      [all, all, all],
      ['Email', all, all],
      ['Paid search', all, all],
      [all, 'A*', all],
      [all, all, '>10'],
      ['Email', '>10', 'Spring'], // one period with data: nothing to compare it with
      ['Paid search', 'A*', 'AB'], // no data at all: AB falls on this pair only in the period Paid search left blank
    ];
    const seen = new Set<string>();
    const shapes = new Set<number>();
    for (const [channel, segment, campaign] of selections) {
      sheet.getRange(at.selector.row + 1, at.selector.channel).setValue(channel);
      sheet.getRange(at.selector.row + 1, at.selector.segment).setValue(segment);
      sheet.getRange(at.selector.row + 1, at.selector.campaign).setValue(campaign);
      dashboard = sheetNamed(globals, dashboardName);
      expect(errorCells(dashboard)).toEqual([]);
      const slice = rows.filter(
        (row) => (channel === all || row.channel === channel) && (segment === all || row.segment === segment) && (campaign === all || row.campaign === campaign),
      );
      // The funnel: each step's sum over the slice.
      const volumes = STEPS.map((step) => sum(slice, step.measure));
      at.stepRows.forEach((r, i) => expectClose(dashboard.values[r][2], volumes[i]));
      seen.add(volumes.join());
      // The bottleneck follows the slice (against the benchmarks); an empty slice has nothing at its top.
      const expected = expectedBottleneck(language, volumes, benchmarks);
      expect([dashboard.values[at.bottleneckRow][1], dashboard.values[at.stageRow][1]]).toEqual([expected.text, expected.stage]);
      // The headline: the latest period with data in the slice against the one with data before it.
      const withData = periods.filter((period) => slice.some((row) => row.period === period && row.figures !== null));
      const [latest, previous] = [withData[withData.length - 1], withData[withData.length - 2]];
      expect(dashboard.values[at.periodRow].slice(2, 4)).toEqual([latest ?? t('workbook.dashboard.noData'), previous ?? '']);
      HEADLINE.forEach((measure, i) => {
        const line = dashboard.values[at.headlineRows[i]];
        const now = sum(slice.filter((row) => row.period === latest), measure);
        const before = sum(slice.filter((row) => row.period === previous), measure);
        if (latest === undefined) expect(line.slice(2, 5)).toEqual(['', '', '']);
        else expectClose(line[2], now);
        if (previous === undefined) return expect(line.slice(3, 5)).toEqual(['', '']);
        expectClose(line[3], before);
        expectClose(line[4], now / before - 1);
      });
      shapes.add(withData.length);
    }
    // The selections cover a slice with several periods, one with a single period and an empty one.
    expect([...shapes].sort()).toEqual([0, 1, FILLED_PERIODS - 1, FILLED_PERIODS].sort());
    // Every selection gave its own funnel: a filter that kept every row would repeat the first.
    expect(seen.size).toBe(selections.length);
    // Paid search stops a period earlier than Email: its latest period with data is not the workbook's.
    expect(rows.some((row) => row.channel === 'Paid search' && row.period === periods[FILLED_PERIODS - 1] && row.figures === null)).toBe(true);
  });

  it('finds the bottleneck against the benchmarks, then against typed target rates, and an empty step', () => {
    const globals = emulate(language);
    const [, kpisName, dataName, dashboardName] = generate(globals, opts).sheetNames;
    const rows = fill(globals, dataName, language);
    let dashboard = sheetNamed(globals, dashboardName);
    const at = layout(dashboard, language);
    const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dashboardName)!;
    const volumes = STEPS.map((step) => sum(rows, step.measure));
    const benchmarks = STEPS.map((step, i) => (i === 0 ? undefined : FUNNEL_BENCHMARKS[MODEL][step.measure]!.rate));

    /** The step furthest below its reference (rate ÷ reference − 1), and the texts the dashboard shows. */
    const expectBottleneck = (references: (number | undefined)[], stepVolumes: number[]) => {
      const expected = expectedBottleneck(language, stepVolumes, references);
      expect([dashboard.values[at.bottleneckRow][1], dashboard.values[at.stageRow][1]]).toEqual([expected.text, expected.stage]);
      at.stepRows.forEach((r, i) => {
        if (i === 0) return;
        expectClose(dashboard.values[r][3], stepVolumes[i] / stepVolumes[i - 1]);
        expectClose(dashboard.values[r][6], references[i]!);
        expectClose(dashboard.values[r][7], stepVolumes[i] / stepVolumes[i - 1] / references[i]! - 1);
      });
      return expected.worst;
    };

    // Against the benchmarks: not the lowest rate (impressions → visits is always the lowest).
    const rates = volumes.map((v, i) => (i === 0 ? Infinity : v / volumes[i - 1]));
    const lowest = rates.indexOf(Math.min(...rates));
    at.stepRows.forEach((r, i) => i > 0 && expectClose(dashboard.values[r][5], benchmarks[i]!));
    const againstBenchmarks = expectBottleneck(benchmarks, volumes);
    expect(againstBenchmarks).not.toBe(lowest);

    // A target rate typed for another step, twice its actual rate, makes that step the bottleneck.
    const chosen = againstBenchmarks === 1 ? 2 : 1;
    const targets = [...benchmarks];
    targets[chosen] = 2 * rates[chosen];
    sheet.getRange(at.stepRows[chosen] + 1, 5).setValue(targets[chosen]);
    dashboard = sheetNamed(globals, dashboardName);
    expect(errorCells(dashboard)).toEqual([]);
    expect(expectBottleneck(targets, volumes)).toBe(chosen);

    // The links the OSA plan reads point at the bottleneck's text and its stage.
    const data = dataLayout(opts, dataName, periodStarts(opts, START));
    const { targets: targetLinks } = kpiSheet(opts, kpisName, BUSINESS_MODELS[MODEL].kpiIds, data);
    const { links: dashboardLinks } = dashboardSheet(opts, dashboardName, data, STEPS, targetLinks);
    expect(valueAt(dashboard, dashboardLinks.bottleneckText)).toBe(dashboard.values[at.bottleneckRow][1]);
    expect(valueAt(dashboard, dashboardLinks.bottleneckStage)).toBe(stageLabel(STEP_STAGE[STEPS[chosen].measure]!, language));

    // No repeat buyers at all: the finding names the empty step.
    fill(globals, dataName, language, (row) => ({ ...row, repeatCustomers: 0 }));
    dashboard = sheetNamed(globals, dashboardName);
    const emptied = STEPS.map((step) => (step.measure === 'repeatCustomers' ? 0 : sum(rows, step.measure)));
    expect(expectBottleneck(targets, emptied)).toBe(STEPS.length - 1);
    expect(errorCells(dashboard)).toEqual([]);
  });

  it('draws the funnel as centred stacked bars and the step rates against their references', () => {
    const spec = generateWorkbookSpec(opts, [], START).sheets.find((s) => s.role === 'dashboard')!;
    const funnelChart = spec.charts.find((chart) => chart.type === 'bar')!;
    expect(funnelChart).toMatchObject({ stacked: true, series: { 0: { color: 'none', hiddenInLegend: true }, 1: { dataLabels: true } } });
    const conversionChart = spec.charts.find((chart) => chart.type === 'column')!;
    expect(conversionChart.ranges).toHaveLength(1);
    expect(conversionChart.ranges[0]).toMatchObject({ numRows: STEPS.length, numColumns: 3 });

    const globals = emulate(language);
    const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
    const rows = fill(globals, dataName, language);
    const dashboard = sheetNamed(globals, dashboardName);
    const volumes = STEPS.map((step) => sum(rows, step.measure));
    const widest = Math.max(...volumes);
    // The chart's range holds: the step names, the offset (max − volume) / 2, then the volume.
    const block = funnelChart.ranges[0];
    expect(block).toMatchObject({ numRows: STEPS.length + 1, numColumns: 3 });
    const bar = dashboard.charts.find((chart) => chart.type === 'BAR')!;
    expect(bar.ranges).toEqual([`'${dashboardName}'!A${block.row}:C${block.row + STEPS.length}`]);
    STEPS.forEach((step, i) => {
      const line = dashboard.values[block.row + i];
      expect(line[0]).toBe(step.name[language]);
      expectClose(line[1], (widest - volumes[i]) / 2);
      expectClose(line[2], volumes[i]);
      // Offset and volume together reach the same centre line for every step.
      expectClose((line[1] as number) + (line[2] as number) / 2, widest / 2);
    });
    // The step rates against their references (the benchmarks here), one row per step after the first.
    const c = conversionChart.ranges[0];
    STEPS.slice(1).forEach((step, i) => {
      const line = dashboard.values[c.row + i];
      expectClose(line[c.column], volumes[i + 1] / volumes[i]);
      expectClose(line[c.column + 1], FUNNEL_BENCHMARKS[MODEL][step.measure]!.rate);
    });
  });

  it('gives every computed number of the top a number format, before and after data arrives', () => {
    const globals = emulate(language);
    const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
    const money = moneyFormat(opts.currency, language);
    const allowed = new Set([COUNT_FORMAT, RATE_FORMAT, RATIO_FORMAT, money, DATE_FORMAT, CHANGE_FORMAT]);
    const check = () => {
      const dashboard = sheetNamed(globals, dashboardName);
      const lastRow = rowOf(dashboard, t('workbook.dashboard.trend')); // the top ends where the trend starts
      const formats = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dashboardName)!.getRange(1, 1, dashboard.values.length, dashboard.values[0].length).getNumberFormats();
      let numbers = 0;
      dashboard.formulas.forEach((line, r) =>
        line.forEach((formula, c) => {
          if (r >= lastRow || formula === '') return;
          const value = dashboard.values[r][c];
          const isDate = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value);
          if (typeof value !== 'number' && !isDate) return;
          numbers++;
          expect([r + 1, c + 1, formula.slice(0, 40), allowed.has(formats[r][c])]).toEqual([r + 1, c + 1, formula.slice(0, 40), true]);
          if (isDate) expect(formats[r][c]).toBe(DATE_FORMAT);
        }),
      );
      return numbers;
    };
    const before = check();
    fill(globals, dataName, language);
    // With data, the headline, the rates and the gaps are numbers too.
    expect(check()).toBeGreaterThan(before + HEADLINE.length * 3);
  });
});
