// The dashboard's bottom, computed by the engine after the writer ran: the trend that stops where the data
// stops, its index, cost per acquisition and ROAS per channel and per segment, the summaries per channel
// and per segment, their room to spill at the largest Data sheet, and the format of every figure. The
// expected figures are computed here from the rows this file writes into the Data sheet.
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import { translate, type Language } from '../../src/core/i18n';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { KPIS_BY_ID } from '../../src/core/model/kpis';
import { MEASURE_HEADERS, type MeasureId } from '../../src/core/model/measures';
import { SUMMARY_RATES } from '../../src/core/summary/rates';
import { dataMeasures } from '../../src/core/workbook/data-sheet';
import { generateWorkbookSpec } from '../../src/core/workbook/generate';
import { WORKBOOK_LIMITS, type BusinessModelId, type WorkbookOptions } from '../../src/core/workbook/options';
import { ERROR_VALUE, START, emulate, errorCells, expectClose, generate, measureColumnsOf, options, rangeText, sheetNamed, sum, zeroRow, type AppsScriptGlobals, type Row } from './support';

const CHANNELS = ['Email', 'A*', '>10'];
const SEGMENTS = ['SMB', 'AB', 'A?'];
const PERIOD_COUNT = 13;

type Figures = (period: number, channel: number, segment: number) => Row | null;

interface Planned {
  period: number;
  channel: string;
  segment: string;
  figures: Row | null;
}

/** Every funnel step and the CPA/ROAS inputs get a figure that differs per period, channel and segment. */
function figuresFor(period: number, channel: number, segment: number): Row {
  const row = zeroRow();
  row.impressions = 10000 + 900 * period + 400 * channel + 250 * segment;
  row.clicks = Math.round(row.impressions * (0.1 + 0.01 * segment));
  row.visits = Math.round(row.clicks * (0.7 + 0.03 * channel));
  row.leads = Math.round(row.visits * (0.2 + 0.02 * segment));
  row.trials = Math.round(row.visits * (0.15 + 0.01 * channel));
  row.orders = Math.round(row.leads * (0.3 + 0.05 * period));
  row.customers = Math.round(row.orders * 0.8);
  row.subscribers = Math.round(row.trials * (0.2 + 0.03 * segment));
  row.repeatCustomers = Math.round(row.customers * 0.4) + period;
  row.revenue = row.orders * (45.5 + 3 * channel + segment);
  row.mrr = 5000 + 300 * period;
  row.cost = 300.75 + 40 * channel + 25 * segment + 10 * period;
  row.churnedSubscribers = 1 + segment;
  return row;
}

function headerColumn(sheet: SheetSnapshot, header: string): number {
  const index = sheet.values[0].indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${sheet.name}`);
  return index;
}

/** Writes `figures` into the planned Data rows (blank where null) and returns them with their keys. */
function fill(globals: AppsScriptGlobals, dataName: string, language: Language, opts: WorkbookOptions, figures: Figures): Planned[] {
  const data = sheetNamed(globals, dataName);
  const [periodColumn, channelColumn, segmentColumn] = (['workbook.data.period', 'workbook.data.channel', 'workbook.data.segment'] as const).map((key) =>
    headerColumn(data, translate(language, key)),
  );
  const planned = data.values.slice(1).filter((row) => row[periodColumn] !== '');
  const periods = [...new Set(planned.map((row) => String(row[periodColumn])))];
  expect(periods).toHaveLength(PERIOD_COUNT);
  const rows = planned.map((row): Planned => {
    const [period, channel, segment] = [periods.indexOf(String(row[periodColumn])), String(row[channelColumn]), String(row[segmentColumn])];
    return { period, channel, segment, figures: figures(period, opts.channels.indexOf(channel), opts.segments.indexOf(segment)) };
  });
  const measures = measureColumnsOf(data);
  globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName(dataName)!
    .getRange(2, measures[0].column + 1, rows.length, measures.length)
    .setValues(rows.map((row) => measures.map(({ measure }) => (row.figures ? row.figures[measure] : ''))));
  return rows;
}

function figuresOf(rows: Planned[], keep: (row: Planned) => boolean = () => true): Row[] {
  return rows.filter((row) => row.figures !== null && keep(row)).map((row) => row.figures!);
}

/** The 0-based row whose first cell is `label`. */
function rowLabelled(sheet: SheetSnapshot, label: string, column = 0): number {
  const r = sheet.values.findIndex((row) => row[column] === label);
  if (r < 0) throw new Error(`no row ${label} in ${sheet.name}`);
  return r;
}

/** The 0-based [row, column] of the formula that starts with `start`, found in the sheet's formulas. */
function formulaCell(sheet: SheetSnapshot, test: (formula: string) => boolean): [number, number][] {
  const found: [number, number][] = [];
  sheet.formulas.forEach((row, r) => row.forEach((formula, c) => test(formula) && found.push([r, c])));
  return found;
}

/** The block a spill produced from (row, column): down to the first blank cell of its first column. */
function spillFrom(sheet: SheetSnapshot, row: number, column: number, width: number): (string | number | boolean)[][] {
  const block: (string | number | boolean)[][] = [];
  for (let r = row; r < sheet.values.length && sheet.values[r][column] !== ''; r++) block.push(sheet.values[r].slice(column, column + width));
  return block;
}

/** What RACE_SUMMARY's rows show for `rows`: the measures' sums, then each rate present as sum / sum. */
function summaryLine(model: BusinessModelId, rows: Row[]): (number | '')[] {
  const measures = dataMeasures(model);
  const sums = measures.map((measure) => sum(rows, measure));
  const rates = SUMMARY_RATES.filter((rate) => measures.includes(rate.numerator) && measures.includes(rate.denominator));
  return [...sums, ...rates.map((rate) => (sum(rows, rate.denominator) > 0 ? sum(rows, rate.numerator) / sum(rows, rate.denominator) : ''))];
}

function expectLine(actual: (string | number | boolean)[], expected: (number | '')[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => (value === '' ? expect(actual[i]).toBe('') : expectClose(actual[i], value)));
}

describe.each((['ecommerce', 'saas'] as const).flatMap((model) => (['en', 'fa'] as const).map((language) => [model, language] as const)))(
  'the %s dashboard bottom in %s',
  (model, language) => {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(language, key, params);
    const steps = BUSINESS_MODELS[model].funnel;
    const opts = options({ model, language, horizon: '90d', granularity: 'week', channels: CHANNELS, segments: SEGMENTS, targets: {} });

    it('draws the trend only in the weeks with data, and indexes each step to 100 at its first week with a volume', () => {
      const globals = emulate(language);
      const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
      // 2 weeks of data in a 13-week plan; the last step has a typed 0 in the first week (a figure, no base).
      const last = steps[steps.length - 1].measure;
      const rows = fill(globals, dataName, language, opts, (p, c, s) => {
        if (p >= 2) return null;
        const row = figuresFor(p, c, s);
        if (p === 0) row[last] = 0;
        return row;
      });
      const dashboard = sheetNamed(globals, dashboardName);
      expect(errorCells(dashboard)).toEqual([]);

      const trendHeader = rowLabelled(dashboard, t('workbook.dashboard.trend')) + 1;
      expect(dashboard.values[trendHeader].slice(0, steps.length + 1)).toEqual([t('workbook.data.period'), ...steps.map((s) => s.name[language])]);
      const volumes = steps.map((step) => Array.from({ length: PERIOD_COUNT }, (_, p) => sum(figuresOf(rows, (row) => row.period === p), step.measure)));
      for (let p = 0; p < PERIOD_COUNT; p++) {
        const line = dashboard.values[trendHeader + 1 + p];
        steps.forEach((_, i) => {
          if (p < 2) expectClose(line[1 + i], volumes[i][p]);
          else expect([p, i, line[1 + i]]).toEqual([p, i, '']); // not 0: no data yet
        });
      }
      expect(volumes[steps.length - 1][0]).toBe(0);

      const indexSection = rowLabelled(dashboard, t('workbook.dashboard.trendIndex'));
      const indexHeader = indexSection + 1;
      expect(dashboard.values[indexHeader].slice(0, steps.length + 1)).toEqual([t('workbook.data.period'), ...steps.map((s) => s.name[language])]);
      for (let p = 0; p < PERIOD_COUNT; p++) {
        const line = dashboard.values[indexHeader + 1 + p];
        // The same period labels as the volumes above.
        expect(line[0]).toBe(dashboard.values[trendHeader + 1 + p][0]);
        steps.forEach((_, i) => {
          if (p >= 2) return expect([p, i, line[1 + i]]).toEqual([p, i, '']);
          const base = volumes[i][0] > 0 ? volumes[i][0] : volumes[i][1];
          expectClose(line[1 + i], (volumes[i][p] / base) * 100);
        });
      }
      // Every step but the last starts at 100 in the first week; the last is 0 there and 100 in the second.
      steps.slice(0, -1).forEach((_, i) => expectClose(dashboard.values[indexHeader + 1][1 + i], 100));
      expectClose(dashboard.values[indexHeader + 1][steps.length], 0);
      expectClose(dashboard.values[indexHeader + 2][steps.length], 100);

      // The line chart draws the index block: the period labels and one series per step.
      const line = dashboard.charts.filter((chart) => chart.type === 'LINE');
      expect(line).toHaveLength(1);
      expect(line[0].ranges).toEqual([rangeText(dashboardName, indexHeader, 0, PERIOD_COUNT + 1, steps.length + 1)]);
    });

    it('shows cost per acquisition and ROAS per channel and per segment, blank where the denominator is zero, under bar charts', () => {
      const globals = emulate(language);
      const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
      const { cpa, roas } = { cpa: model === 'saas' ? KPIS_BY_ID.costPerSubscriber : KPIS_BY_ID.cpa, roas: KPIS_BY_ID.roas };
      const acquired = cpa.fromData!.denominator!;
      // Channel ">10" spends nothing (no ROAS); segment "A?" acquires nobody (no CPA).
      const rows = fill(globals, dataName, language, opts, (p, c, s) => {
        if (p >= 4) return null;
        const row = figuresFor(p, c, s);
        if (c === 2) row.cost = 0;
        if (s === 2) row[acquired] = 0;
        return row;
      });
      const dashboard = sheetNamed(globals, dashboardName);
      expect(errorCells(dashboard)).toEqual([]);
      const ratio = (figures: Row[], numerator: MeasureId, denominator: MeasureId) => (sum(figures, denominator) > 0 ? sum(figures, numerator) / sum(figures, denominator) : '');
      // The definitions RACE_SUMMARY uses, where the model's Data sheet has their measures.
      const summaryCpa = SUMMARY_RATES.find((rate) => rate.label === 'summary.cpa')!;
      if (dataMeasures(model).includes('customers')) expect(cpa.fromData).toMatchObject({ numerator: summaryCpa.numerator, denominator: summaryCpa.denominator });
      const summaryRoas = SUMMARY_RATES.find((rate) => rate.label === 'summary.roas')!;
      expect(roas.fromData).toMatchObject({ numerator: summaryRoas.numerator, denominator: summaryRoas.denominator });

      const blocks = [
        { title: 'workbook.dashboard.acquisitionByChannel', per: 'workbook.dashboard.kpiPerChannel', key: 'workbook.data.channel', names: CHANNELS, of: (row: Planned) => row.channel },
        { title: 'workbook.dashboard.acquisitionBySegment', per: 'workbook.dashboard.kpiPerSegment', key: 'workbook.data.segment', names: SEGMENTS, of: (row: Planned) => row.segment },
      ] as const;
      const bars = dashboard.charts.filter((chart) => chart.type === 'BAR' && [cpa, roas].some((kpi) => blocks.some((b) => chart.options.title === t(b.per, { kpi: kpi.name[language] }))));
      expect(bars).toHaveLength(4);
      for (const block of blocks) {
        const header = rowLabelled(dashboard, t(block.title)) + 1;
        expect(dashboard.values[header].slice(0, 3)).toEqual([t(block.key), cpa.name[language], roas.name[language]]);
        const shown = block.names.map((name, i) => {
          const line = dashboard.values[header + 1 + i];
          expect(line[0]).toBe(name);
          const figures = figuresOf(rows, (row) => block.of(row) === name);
          expect(figures).toHaveLength(4 * (block.names === CHANNELS ? SEGMENTS.length : CHANNELS.length));
          expectLine(line.slice(1, 3), [ratio(figures, 'cost', acquired), ratio(figures, 'revenue', 'cost')]);
          return line.slice(1, 3);
        });
        // Each name's figures differ, so a block reading another's rows cannot pass.
        expect(new Set(shown.map((line) => JSON.stringify(line))).size).toBe(block.names.length);
        expect(dashboard.values[header + 1 + block.names.length]?.[0] ?? '').toBe('');
        // One bar chart per figure: the names and that figure's column.
        [cpa, roas].forEach((kpi, k) => {
          const chart = bars.find((bar) => bar.options.title === t(block.per, { kpi: kpi.name[language] }))!;
          expect(chart.ranges).toEqual([rangeText(dashboardName, header, 0, block.names.length + 1, 1), rangeText(dashboardName, header, 1 + k, block.names.length + 1, 1)]);
        });
      }
      // The blanks are where the denominators are zero.
      const channelHeader = rowLabelled(dashboard, t(blocks[0].title)) + 1;
      expect(dashboard.values[channelHeader + 3][2]).toBe('');
      const segmentHeader = rowLabelled(dashboard, t(blocks[1].title)) + 1;
      expect(dashboard.values[segmentHeader + 3][1]).toBe('');
    });

    it('summarizes per segment beside the summary per channel, each spill clear of the other', () => {
      const globals = emulate(language);
      const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
      const rows = fill(globals, dataName, language, opts, (p, c, s) => (p < 3 ? figuresFor(p, c, s) : null));
      const dashboard = sheetNamed(globals, dashboardName);
      expect(errorCells(dashboard)).toEqual([]);
      const summaries = formulaCell(dashboard, (f) => f.startsWith('=RACE_SUMMARY('));
      expect(summaries).toHaveLength(2);
      const [[channelRow, channelColumn], [segmentRow, segmentColumn]] = summaries;
      expect(segmentRow).toBe(channelRow);
      expect(channelColumn).toBe(0);
      const measures = dataMeasures(model);
      const width = summaryLine(model, figuresOf(rows)).length + 1;
      const dataRows = sheetNamed(globals, dataName).values.length - 1;
      // Nothing beside or below either spill, over the room they may take.
      expect(segmentColumn).toBeGreaterThanOrEqual(width + 1);
      for (let r = channelRow + 1; r < dashboard.formulas.length; r++) expect(dashboard.formulas[r].every((f) => f === '')).toBe(true);
      expect(dashboard.maxRows).toBeGreaterThanOrEqual(channelRow + 1 + dataRows + 1);

      const check = (column: number, header: string, names: string[], of: (row: Planned) => string) => {
        const block = spillFrom(dashboard, channelRow, column, width);
        expect(block[0]).toEqual([header, ...measures.map((m) => MEASURE_HEADERS[m][language]), ...block[0].slice(1 + measures.length)]);
        expect(block).toHaveLength(names.length + 2);
        names.forEach((name, i) => {
          expect(block[1 + i][0]).toBe(name);
          expectLine(block[1 + i].slice(1), summaryLine(model, figuresOf(rows, (row) => of(row) === name)));
        });
        expect(block[names.length + 1][0]).toBe(t('summary.total'));
        expectLine(block[names.length + 1].slice(1), summaryLine(model, figuresOf(rows)));
      };
      check(channelColumn, t('workbook.data.channel'), CHANNELS, (row) => row.channel);
      check(segmentColumn, t('workbook.data.segment'), SEGMENTS, (row) => row.segment);
      // A workbook without segments has the summary per channel only.
      const plain = emulate(language);
      const [, , , plainDashboard] = generate(plain, { ...opts, segments: [] }).sheetNames;
      expect(formulaCell(sheetNamed(plain, plainDashboard), (f) => f.startsWith('=RACE_SUMMARY('))).toHaveLength(1);
    });

    it('gives every figure of its rows a number format: formulas and the summaries\' spills', () => {
      const globals = emulate(language);
      const [, , dataName, dashboardName] = generate(globals, opts).sheetNames;
      fill(globals, dataName, language, opts, (p, c, s) => (p < 3 ? figuresFor(p, c, s) : null));
      const dashboard = sheetNamed(globals, dashboardName);
      const first = rowLabelled(dashboard, t('workbook.dashboard.trend'));
      const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dashboardName)!;
      const formats = sheet.getRange(first + 1, 1, dashboard.values.length - first, dashboard.values[0].length).getNumberFormats();
      const money = /USD|دلار/;
      const counted = { formula: 0, spilled: 0 };
      const unformatted: string[] = [];
      for (let r = first; r < dashboard.values.length; r++) {
        dashboard.values[r].forEach((value, c) => {
          if (typeof value !== 'number') return;
          counted[dashboard.formulas[r][c] ? 'formula' : 'spilled']++;
          const format = formats[r - first][c];
          if (format === '' || format === 'General') unformatted.push(`R${r + 1}C${c + 1} ${value}`);
        });
      }
      expect(unformatted).toEqual([]);
      expect(counted.formula).toBeGreaterThan(30);
      expect(counted.spilled).toBeGreaterThan(50);
      // The kinds: index '0', CPA money, ROAS '0.00', the summaries' CTR a percent.
      const indexRow = rowLabelled(dashboard, t('workbook.dashboard.trendIndex')) + 2;
      expect(formats[indexRow - first][1]).toBe('0');
      const channelRow = rowLabelled(dashboard, t('workbook.dashboard.acquisitionByChannel')) + 2;
      expect(formats[channelRow - first][1]).toMatch(money);
      expect(formats[channelRow - first][2]).toBe('0.00');
      const [[summaryRow]] = formulaCell(dashboard, (f) => f.startsWith('=RACE_SUMMARY('));
      const header = dashboard.values[summaryRow];
      const columnOf = (label: string) => header.indexOf(label);
      expect(formats[summaryRow + 1 - first][columnOf(t('summary.ctr'))]).toBe('0.0%');
      expect(formats[summaryRow + 1 - first][columnOf(t('summary.roas'))]).toBe('0.00');
      expect(formats[summaryRow + 1 - first][columnOf(MEASURE_HEADERS.cost[language])]).toMatch(money);
      expect(formats[summaryRow + 1 - first][columnOf(MEASURE_HEADERS.visits[language])]).toBe('#,##0');
    });
  },
);

describe.each(['en', 'fa'] as const)('spill room at the largest Data sheet, in %s', (language) => {
  it('shows every group and the total of both summaries, with the grid covering the room they need', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
    const opts = options({
      language,
      horizon: '12m',
      granularity: 'week',
      channels: Array.from({ length: WORKBOOK_LIMITS.channels }, (_, i) => `Channel ${i}`),
      segments: Array.from({ length: WORKBOOK_LIMITS.segments }, (_, i) => `Segment ${i}`),
      targets: {},
    });
    const globals = emulate(language);
    const spreadsheet = globals.SpreadsheetApp.getActiveSpreadsheet();
    const existing = spreadsheet.getSheets().map((sheet) => sheet.getName());
    const [planName, kpisName, dataName, dashboardName, contentName] = generate(globals, opts).sheetNames;
    // The room of the dashboard's spills is the point: the Plan, KPI and Content sheets, whose formulas over
    // 10,500 rows the other tests check at a smaller size, go before the first computation, which takes a
    // minute or more here. Reads come only once the Data sheet is filled (every read recomputes), through
    // the sheets (a snapshot of every format takes minutes); the Data headers come from the written spec.
    for (const name of [planName, kpisName, contentName]) spreadsheet.deleteSheet(spreadsheet.getSheetByName(name)!);
    const data = spreadsheet.getSheetByName(dataName)!;
    const dataRows = data.getMaxRows() - 1;
    expect(dataRows).toBe(52 * WORKBOOK_LIMITS.channels * WORKBOOK_LIMITS.segments + 100);
    const headers = generateWorkbookSpec(opts, existing, START).sheets.find((sheet) => sheet.role === 'data')!.values[0].map((cell) => String(cell ?? '').replace(/^'/, ''));
    const [channelColumn, segmentColumn] = [headers.indexOf(t('workbook.data.channel')), headers.indexOf(t('workbook.data.segment'))];
    expect(segmentColumn).toBe(channelColumn + 2); // Channel | Campaign | Segment
    const visits = headers.indexOf(MEASURE_HEADERS.visits[language]);
    expect(visits).toBeGreaterThan(segmentColumn);
    // Every Data row, spare rows included, gets its own channel and segment and one figure.
    data.getRange(2, channelColumn + 1, dataRows, 3).setValues(Array.from({ length: dataRows }, (_, i) => [`ch ${i}`, '', `seg ${i}`]));
    data.getRange(2, visits + 1, dataRows, 1).setValues(Array.from({ length: dataRows }, (_, i) => [i + 1]));

    const dashboard = spreadsheet.getSheetByName(dashboardName)!;
    const [maxRows, maxColumns] = [dashboard.getMaxRows(), dashboard.getMaxColumns()];
    const all = dashboard.getRange(1, 1, maxRows, maxColumns);
    const values = all.getValues();
    const formulas = all.getFormulas();
    const summaries = formulas.flatMap((row, r) => row.flatMap((f, c) => (f.startsWith('=RACE_SUMMARY(') ? [[r, c] as const] : [])));
    // No error from the summaries' row down (above it, the cells reading the deleted KPI sheet show #REF!).
    const errors = values.slice(summaries[0]?.[0] ?? 0).flatMap((row, r) => row.flatMap((value, c) => (typeof value === 'string' && ERROR_VALUE.test(value) ? [`R${r + 1}C${c + 1} ${value}`] : [])));
    expect(errors).toEqual([]);
    expect(summaries).toHaveLength(2);
    const measures = dataMeasures('ecommerce');
    const width = 1 + measures.length + SUMMARY_RATES.filter((rate) => measures.includes(rate.numerator) && measures.includes(rate.denominator)).length;
    for (const [[row, column], prefix] of [[summaries[0], 'ch'], [summaries[1], 'seg']] as const) {
      // The spill's last row and column lie inside the sheet's grid: header, one row per Data row, Total.
      expect(maxRows).toBeGreaterThanOrEqual(row + 1 + dataRows + 1);
      expect(maxColumns).toBeGreaterThanOrEqual(column + width);
      const block = values.slice(row, row + dataRows + 2).map((line) => line.slice(column, column + width));
      expect(block[0][0]).toBe(t(prefix === 'ch' ? 'workbook.data.channel' : 'workbook.data.segment'));
      expect(block[0][width - 1]).not.toBe('');
      const visitsColumn = block[0].indexOf(MEASURE_HEADERS.visits[language]);
      for (let i = 0; i < dataRows; i++) {
        if (block[1 + i][0] !== `${prefix} ${i}` || block[1 + i][visitsColumn] !== i + 1) throw new Error(`${prefix} row ${i}: ${block[1 + i].join('|')}`);
      }
      expect(block[dataRows + 1][0]).toBe(t('summary.total'));
      expect(block[dataRows + 1][visitsColumn]).toBe((dataRows * (dataRows + 1)) / 2);
    }
    // The segment summary starts after the channel summary's last column, on the same row.
    expect(summaries[1][0]).toBe(summaries[0][0]);
    expect(summaries[1][1]).toBeGreaterThan(summaries[0][1] + width - 1);
  }, 900_000);
});

