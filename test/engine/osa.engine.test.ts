// The OSA plan and the 3-3-3 content sheet in the emulated spreadsheet (HyperFormula), in en and fa:
// the Opportunity sentences before and after figures reach the Data sheet, the best and worst channel and
// segment, the live priority of the initiatives, budget against cost per stage, the Plan-stage KPIs with
// the gross-margin option, progress per stage, and the content calendar following its matrix. Every
// expected figure is computed here from the rows this file writes.
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import { translate, type Language, type MessageKey } from '../../src/core/i18n';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { INITIATIVES } from '../../src/core/model/initiatives';
import { KPIS_BY_ID, type KpiId } from '../../src/core/model/kpis';
import { stageLabel } from '../../src/core/model/stages';
import { dashboardSheet, type DashboardLinks, type TargetLink } from '../../src/core/workbook/dashboard-sheet';
import { dataLayout, periodStarts } from '../../src/core/workbook/data-sheet';
import { generateWorkbookSpec } from '../../src/core/workbook/generate';
import { kpiSheet } from '../../src/core/workbook/kpi-sheet';
import { KPI_STAGES, type KpiStageId, type WorkbookOptions } from '../../src/core/workbook/options';
import type { SheetRole } from '../../src/core/workbook/spec';
import {
  START, USER_SHEETS, emulate, errorCells, expectClose, generate, measureColumnsOf, options, sheetNamed, syntheticRows, type AppsScriptGlobals, type Row,
} from './support';

const CHANNELS = ['Email', 'Paid search', 'Social'];
const SEGMENTS = ['SMB', 'Enterprise'];
const PERIODS = 13;
const FILLED_PERIODS = 5;
const TARGETS = { reach: 200000, act: 2000, convert: 500 };
/** The stage volume KPI of the e-commerce model and its Data measure. */
const STAGE_VOLUME: Record<KpiStageId, { kpi: KpiId; measure: keyof Row }> = {
  reach: { kpi: 'impressions', measure: 'impressions' },
  act: { kpi: 'leads', measure: 'leads' },
  convert: { kpi: 'sales', measure: 'orders' },
  engage: { kpi: 'repeatCustomers', measure: 'repeatCustomers' },
};

/** A number's text in the language's digits, written out here (Persian ۰-۹, the Arabic decimal separator). */
function digits(text: string, language: Language): string {
  if (language === 'en') return text;
  const separators: Record<string, string> = { '.': '\u066b', ',': '\u066c', '%': '\u066a' };
  return [...text].map((ch) => (ch >= '0' && ch <= '9' ? String.fromCharCode(0x6f0 + Number(ch)) : separators[ch] ?? ch)).join('');
}

/** A figure with thousands separators, as Sheets' TEXT writes "#,##0" or "#,##0.00". */
function grouped(n: number, decimals = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function money(amount: number, language: Language): string {
  const number = digits(grouped(amount, 2), language);
  const name = translate(language, 'workbook.currency.USD' as MessageKey);
  return language === 'en' ? `${name} ${number}` : `${number} ${name}`;
}

function rate(share: number, language: Language): string {
  return digits(`${(share * 100).toFixed(1)}%`, language);
}

interface Workbook {
  globals: AppsScriptGlobals;
  opts: WorkbookOptions;
  name: (role: SheetRole) => string;
  sheet: (role: SheetRole) => SheetSnapshot;
  write: (role: SheetRole, row: number, column: number, values: (string | number)[][]) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
}

function workbook(language: Language, overrides: Partial<WorkbookOptions> = {}): Workbook {
  const globals = emulate(language);
  const opts = options({ language, horizon: '90d', granularity: 'week', channels: CHANNELS, segments: SEGMENTS, targets: TARGETS, ...overrides });
  generate(globals, opts);
  const spec = generateWorkbookSpec(opts, Object.keys(USER_SHEETS), START);
  const name = (role: SheetRole) => spec.sheets.find((s) => s.role === role)!.name;
  return {
    globals,
    opts,
    name,
    sheet: (role) => sheetNamed(globals, name(role)),
    write: (role, row, column, values) =>
      globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name(role))!.getRange(row, column, values.length, values[0].length).setValues(values),
    t: (key, params) => translate(language, key, params),
  };
}

/** 0-based index of the first row at or after `from` whose first cell is `label`. */
function rowOf(sheet: SheetSnapshot, label: string, from = 0): number {
  const r = sheet.values.findIndex((row, i) => i >= from && row[0] === label);
  if (r < 0) throw new Error(`no row "${label}" in ${sheet.name}`);
  return r;
}

interface Filled {
  row: Row;
  channel: string;
  segment: string;
}

/** Figures for the first FILLED_PERIODS periods of every channel and segment; the later rows stay blank. */
function fill(book: Workbook): Filled[] {
  const data = book.sheet('data');
  const columns = measureColumnsOf(data);
  const planned = data.values.slice(1).filter((row) => row[0] !== '');
  const groups = book.opts.channels.length * Math.max(1, book.opts.segments.length);
  expect(planned).toHaveLength(PERIODS * groups);
  const count = FILLED_PERIODS * groups;
  const rows = syntheticRows(count).map((row, i) => ({ ...row, cost: row.cost + 40 * (i % CHANNELS.length) + 15 * (i % 2) }));
  book.write('data', 2, columns[0].column + 1, rows.map((row) => columns.map(({ measure }) => row[measure])));
  return rows.map((row, i) => ({ row, channel: String(planned[i][1]), segment: book.opts.segments.length > 0 ? String(planned[i][3]) : '' }));
}

function total(rows: Filled[], measure: keyof Row, keep: (row: Filled) => boolean = () => true): number {
  return rows.filter(keep).reduce((sum, row) => sum + row.row[measure], 0);
}

/**
 * The cells the plan reads on the KPI sheet and the dashboard, laid out as generate.ts lays them out: each
 * stage's target link (with pacing's target to date and forecast once they exist) and the bottleneck.
 */
function linksOf(book: Workbook): { targets: TargetLink[]; links: DashboardLinks } {
  const model = BUSINESS_MODELS[book.opts.model];
  const data = dataLayout(book.opts, book.name('data'), periodStarts(book.opts, START));
  const kpis = kpiSheet(book.opts, book.name('kpis'), model.kpiIds, data);
  return { targets: kpis.targets, links: dashboardSheet(book.opts, book.name('dashboard'), data, model.funnel, kpis.targets).links };
}

/** The computed value at an absolute reference such as 'KPIs'!$G$30. */
function valueAt(book: Workbook, ref: string): string | number | boolean {
  const match = /^'((?:[^']|'')*)'!\$([A-Z]+)\$(\d+)$/.exec(ref);
  if (!match) throw new Error(`not a cell reference: ${ref}`);
  const column = [...match[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheetNamed(book.globals, match[1].replace(/''/g, "'")).values[Number(match[3]) - 1][column - 1];
}

/** The stage to act on first: the dashboard's bottleneck stage when it names one, else the one furthest behind its target. */
function expectedFocus(book: Workbook, shares: Partial<Record<KpiStageId, number>>): string {
  const { links } = linksOf(book);
  const bottleneck = String(valueAt(book, links.bottleneckStage));
  if (bottleneck !== '') return bottleneck;
  return stageLabel((Object.keys(shares) as KpiStageId[]).sort((a, b) => shares[a]! - shares[b]!)[0], book.opts.language);
}

/** Best and worst of named groups by cost per acquisition (lowest best) and conversion (highest best). */
function ranking(groups: { name: string; cpa: number; conversion: number }[]) {
  const byCpa = [...groups].sort((a, b) => a.cpa - b.cpa);
  const byConversion = [...groups].sort((a, b) => b.conversion - a.conversion);
  return { bestCpa: byCpa[0], worstCpa: byCpa[byCpa.length - 1], bestConversion: byConversion[0], worstConversion: byConversion[byConversion.length - 1] };
}

function groupsOf(rows: Filled[], names: string[], key: (row: Filled) => string) {
  return names.map((name) => {
    const mine = (row: Filled) => key(row) === name;
    const customers = total(rows, 'customers', mine);
    return { name, cpa: total(rows, 'cost', mine) / customers, conversion: customers / total(rows, 'visits', mine) };
  });
}

function comparison(book: Workbook, language: Language, groups: ReturnType<typeof groupsOf>): string {
  const r = ranking(groups);
  return [
    book.t('workbook.osa.cpaCompare', { best: r.bestCpa.name, bestValue: money(r.bestCpa.cpa, language), worst: r.worstCpa.name, worstValue: money(r.worstCpa.cpa, language) }),
    book.t('workbook.osa.conversionCompare', {
      best: r.bestConversion.name, bestValue: rate(r.bestConversion.conversion, language),
      worst: r.worstConversion.name, worstValue: rate(r.worstConversion.conversion, language),
    }),
  ].join(' ');
}

describe.each(['en', 'fa'] as const)('the OSA plan (%s)', (language) => {
  it('writes its Opportunity sentences from the data: a hint before any figure, the figures after', () => {
    const book = workbook(language);
    const before = book.sheet('plan');
    expect(errorCells(before)).toEqual([]);
    for (const stage of KPI_STAGES) {
      const r = rowOf(before, stageLabel(stage, language));
      expect(before.values[r][1]).toBe(book.t('workbook.osa.noData', { kpi: KPIS_BY_ID[STAGE_VOLUME[stage].kpi].name[language] }));
      expect(before.values[r][2]).toBe('');
    }
    expect(before.values[rowOf(before, book.t('workbook.osa.channels'))][1]).toBe(book.t('workbook.osa.compareChannelsNoData'));
    expect(before.values[rowOf(before, book.t('workbook.osa.segments'))][1]).toBe(book.t('workbook.osa.compareSegmentsNoData'));
    expect(before.values[rowOf(before, book.t('workbook.osa.focus'))][1]).toBe(book.t('workbook.osa.focusNone'));

    const rows = fill(book);
    const after = book.sheet('plan');
    expect(errorCells(after)).toEqual([]);
    const { targets, links } = linksOf(book);
    const bottleneck = String(valueAt(book, links.bottleneckStage));
    const number = (ref: string) => digits(grouped(Number(valueAt(book, ref))), language);
    const shares: Partial<Record<KpiStageId, number>> = {};
    for (const stage of KPI_STAGES) {
      const { kpi, measure } = STAGE_VOLUME[stage];
      const actual = total(rows, measure);
      const r = rowOf(after, stageLabel(stage, language));
      const name = KPIS_BY_ID[kpi].name[language];
      const link = targets.find((target) => target.stage === stage)!;
      expect(valueAt(book, link.actual)).toBe(actual);
      const here = bottleneck === stageLabel(stage, language) ? book.t('workbook.osa.bottleneckHere', { bottleneck: String(valueAt(book, links.bottleneckText)) }) : '';
      const target = TARGETS[stage as keyof typeof TARGETS];
      if (target === undefined) {
        expect(after.values[r][1]).toBe(book.t('workbook.osa.noTarget', { kpi: name, actual: digits(grouped(actual), language) }) + here);
        continue;
      }
      // Against the target due by now (the pacing tests check that figure), with the forecast.
      const due = Number(valueAt(book, link.targetToDate));
      shares[stage] = actual / due;
      expectClose(after.values[r][2], actual / due);
      const status = String(valueAt(book, link.status));
      const parts = { kpi: name, actual: digits(grouped(actual), language), target: digits(grouped(target), language), status };
      expect(after.values[r][1]).toBe(
        book.t('workbook.osa.againstPace', { ...parts, due: number(link.targetToDate), forecast: number(link.forecast) }) + here,
      );
    }
    const focus = expectedFocus(book, shares);
    const focusRow = rowOf(after, book.t('workbook.osa.focus'));
    expect(after.values[focusRow][2]).toBe(focus);
    expect(after.values[focusRow][1]).toBe(book.t('workbook.osa.focusStage', { stage: focus }));
    expect(after.values[rowOf(after, book.t('workbook.osa.channels'))][1]).toBe(comparison(book, language, groupsOf(rows, CHANNELS, (row) => row.channel)));
    expect(after.values[rowOf(after, book.t('workbook.osa.segments'))][1]).toBe(comparison(book, language, groupsOf(rows, SEGMENTS, (row) => row.segment)));
  });

  it('computes each channel\'s cost per acquisition and conversion, and names the best and the worst', () => {
    const book = workbook(language, { segments: [] });
    const rows = fill(book);
    const plan = book.sheet('plan');
    const header = rowOf(plan, book.t('workbook.osa.byChannel')) + 1;
    const groups = groupsOf(rows, CHANNELS, (row) => row.channel);
    groups.forEach((group, i) => {
      const cells = plan.values[header + 1 + i];
      expect(cells[0]).toBe(group.name);
      expectClose(cells[4], group.cpa);
      expectClose(cells[5], group.conversion);
    });
    const r = ranking(groups);
    expect(new Set([r.bestCpa.name, r.worstCpa.name]).size).toBe(2); // the figures single out two channels
    expect(plan.values[rowOf(plan, book.t('workbook.osa.channels'))][1]).toBe(comparison(book, language, groups));
    expect(() => rowOf(plan, book.t('workbook.osa.segments'))).toThrow(); // no segments, no segment line
  });

  it('puts the focus stage\'s initiatives first, live', () => {
    const book = workbook(language);
    const ordered = (plan: SheetSnapshot, focus?: string) => {
      const header = rowOf(plan, book.t('workbook.plan.priority'));
      const initiatives = KPI_STAGES.flatMap((stage) => INITIATIVES.ecommerce[stage].map((initiative) => ({ stage, initiative })));
      const inFocus = (stage: KpiStageId) => stageLabel(stage, language) === focus;
      const first = initiatives.filter(({ stage }) => inFocus(stage));
      const rest = initiatives.filter(({ stage }) => !inFocus(stage));
      initiatives.forEach(({ stage, initiative }, i) => {
        const cells = plan.values[header + 1 + i];
        expect(cells[1]).toBe(initiative.name[language]);
        expect(cells[2]).toBe(stageLabel(stage, language));
        expect(cells[3]).toBe(KPIS_BY_ID[initiative.kpi].name[language]);
        const position = inFocus(stage) ? first.findIndex((x) => x.initiative === initiative) : first.length + rest.findIndex((x) => x.initiative === initiative);
        expect(cells[0]).toBe(position + 1);
      });
    };
    ordered(book.sheet('plan'));
    fill(book);
    const plan = book.sheet('plan');
    const shares = Object.fromEntries(KPI_STAGES.map((stage) => [stage, plan.values[rowOf(plan, stageLabel(stage, language))][2]]).filter(([, share]) => typeof share === 'number'));
    expect(Object.keys(shares).sort()).toEqual(Object.keys(TARGETS).sort());
    ordered(plan, expectedFocus(book, shares as Partial<Record<KpiStageId, number>>));
  });

  it('compares the budget per stage with the cost to date, attributed by each channel\'s budget split', () => {
    const book = workbook(language);
    const rows = fill(book);
    let plan = book.sheet('plan');
    const budgetHeader = rowOf(plan, book.t('workbook.plan.channel'), rowOf(plan, book.t('workbook.plan.budget')));
    const budget = [
      [100, 200, 300, 400],
      [1300, 0, 1300, 0],
      [0, 0, 0, 0], // Social: no budget, so its cost goes to no stage
    ];
    book.write('plan', budgetHeader + 2, 2, budget);
    plan = book.sheet('plan');
    expect(errorCells(plan)).toEqual([]);
    const whole = budget.flat().reduce((a, b) => a + b, 0);
    const budgetToDate = (whole * FILLED_PERIODS) / PERIODS;
    const cost = total(rows, 'cost');
    const kpi = (key: MessageKey) => plan.values[rowOf(plan, book.t(key))][1];
    expect(kpi('workbook.osa.periodsElapsed')).toBe(FILLED_PERIODS);
    expectClose(kpi('workbook.osa.costToDate'), cost);
    expectClose(kpi('workbook.osa.budgetToDate'), budgetToDate);
    expectClose(plan.values[rowOf(plan, KPIS_BY_ID.budgetVariance.name[language])][1], (cost - budgetToDate) / budgetToDate);

    const stageHeader = rowOf(plan, book.t('workbook.plan.stage'), rowOf(plan, book.t('workbook.osa.stageBudget')));
    KPI_STAGES.forEach((stage, s) => {
      const cells = plan.values[stageHeader + 1 + s];
      expect(cells[0]).toBe(stageLabel(stage, language));
      const stageBudget = budget.reduce((sum, channel) => sum + channel[s], 0);
      const attributed = CHANNELS.reduce((sum, channel, c) => {
        const channelBudget = budget[c].reduce((a, b) => a + b, 0);
        return channelBudget === 0 ? sum : sum + (total(rows, 'cost', (row) => row.channel === channel) * budget[c][s]) / channelBudget;
      }, 0);
      const due = (budgetToDate * stageBudget) / whole;
      expect(cells[1]).toBe(stageBudget);
      expectClose(cells[2], due);
      expectClose(cells[3], attributed);
      if (due > 0) expectClose(cells[4], (attributed - due) / due);
      else expect(cells[4]).toBe('');
    });
  });

  it('gives marketing ROI on gross profit with the margin option, and revenue against the forecast', () => {
    const book = workbook(language, { grossMargin: 0.3 });
    let plan = book.sheet('plan');
    const roiRow = rowOf(plan, book.t('workbook.osa.roiName'));
    const forecastRow = rowOf(plan, book.t('workbook.osa.revenueForecast'));
    const marginRow = rowOf(plan, book.t('workbook.osa.grossMargin'));
    const versusRow = rowOf(plan, KPIS_BY_ID.revenueVsForecast.name[language]);
    expect(plan.values[marginRow][1]).toBe(0.3);
    expect(plan.values[roiRow][1]).toBe(''); // no cost yet
    expect(plan.values[versusRow][1]).toBe('');
    const rows = fill(book);
    const [revenue, cost] = [total(rows, 'revenue'), total(rows, 'cost')];
    plan = book.sheet('plan');
    expectClose(plan.values[roiRow][1], (revenue * 0.3 - cost) / cost);
    expect(plan.values[versusRow][1]).toBe(''); // no forecast typed
    book.write('plan', forecastRow + 1, 2, [[52000]]);
    book.write('plan', marginRow + 1, 2, [[0.55]]);
    plan = book.sheet('plan');
    expectClose(plan.values[roiRow][1], (revenue * 0.55 - cost) / cost);
    expectClose(plan.values[versusRow][1], revenue / ((52000 * FILLED_PERIODS) / PERIODS));
  });

  it('pre-fills dated action rows from the initiatives and shows progress per stage as actions are done', () => {
    const book = workbook(language, { channels: ['Email', 'Paid search', 'Organic social'] });
    let plan = book.sheet('plan');
    const header = rowOf(plan, book.t('workbook.plan.stage'), rowOf(plan, book.t('workbook.plan.action90')));
    const initiatives = KPI_STAGES.flatMap((stage) => INITIATIVES.ecommerce[stage].map((initiative) => ({ stage, initiative })));
    const starts = (plan.values.slice(rowOf(plan, book.t('workbook.osa.periodNumber')) + 1, rowOf(plan, book.t('workbook.osa.periodNumber')) + 1 + PERIODS)).map((row) => String(row[2]).slice(0, 10));
    const horizonEnd = new Date(Date.parse(`${starts[PERIODS - 1]}T00:00:00Z`) + 6 * 86400000).toISOString().slice(0, 10);
    initiatives.forEach(({ stage, initiative }, i) => {
      const cells = plan.values[header + 1 + i];
      expect(cells[0]).toBe(stageLabel(stage, language));
      expect(cells[1]).toBe(initiative.name[language]);
      expect(cells[3]).toBe(KPIS_BY_ID[initiative.kpi].name[language]);
      expect(cells[4]).toBe(''); // the owner is the user's to name
      expect(cells[7]).toBe(book.t('workbook.status.notStarted'));
      const start = String(cells[5]).slice(0, 10);
      const due = String(cells[6]).slice(0, 10);
      expect(starts).toContain(start);
      expect(due >= start && due <= horizonEnd).toBe(true);
    });
    // Cart-abandonment emails run by email; the last of a stage's initiatives ends with the horizon.
    const cart = initiatives.findIndex(({ initiative }) => initiative.name.en === 'Cart-abandonment emails');
    expect(plan.values[header + 1 + cart][2]).toBe('Email');
    expect(String(plan.values[header + 3][6]).slice(0, 10)).toBe(horizonEnd);
    const influencers = initiatives.findIndex(({ initiative }) => initiative.name.en === 'Influencer and creator collaborations');
    expect(plan.values[header + 1 + influencers][2]).toBe('Organic social');

    const progress = () => {
      const sheet = book.sheet('plan');
      const first = rowOf(sheet, book.t('workbook.plan.stage'), rowOf(sheet, book.t('workbook.osa.progress'))) + 1;
      return KPI_STAGES.map((_, s) => sheet.values[first + s]);
    };
    expect(progress().map((cells) => cells[3])).toEqual([0, 0, 0, 0]);
    const done = book.t('workbook.status.done');
    book.write('plan', header + 2, 8, [[done], [book.t('workbook.status.inProgress')], [done]]); // Reach: 2 of its 4 rows
    book.write('plan', header + 2 + 3, 8, [[done]]); // Act: 1 of 4
    plan = book.sheet('plan');
    expect(progress().map((cells) => [cells[1], cells[2], cells[3]])).toEqual([[4, 2, 0.5], [4, 1, 0.25], [4, 0, 0], [4, 0, 0]]);
    expect(errorCells(plan)).toEqual([]);
  });

  it('formats every numeric formula cell of the plan and the content sheet', () => {
    const book = workbook(language);
    fill(book);
    const planHeader = rowOf(book.sheet('plan'), book.t('workbook.plan.channel'), rowOf(book.sheet('plan'), book.t('workbook.plan.budget')));
    book.write('plan', planHeader + 2, 2, [[100, 200, 300, 400], [50, 50, 50, 50], [10, 0, 0, 0]]);
    book.write('plan', rowOf(book.sheet('plan'), book.t('workbook.osa.revenueForecast')) + 1, 2, [[40000]]);
    const spec = generateWorkbookSpec(book.opts, Object.keys(USER_SHEETS), START);
    let numeric = 0;
    for (const role of ['plan', 'content'] as const) {
      const sheet = book.sheet(role);
      const formats = spec.sheets.find((s) => s.role === role)!.numberFormats;
      sheet.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (formula === '' || typeof sheet.values[r][c] !== 'number') return;
          numeric++;
          expect(`${role}!R${r + 1}C${c + 1} ${formats[r][c]}`).not.toBe(`${role}!R${r + 1}C${c + 1} General`);
        }),
      );
    }
    expect(numeric).toBeGreaterThan(60);
  });
});

describe.each(['en', 'fa'] as const)('the 3-3-3 content sheet (%s)', (language) => {
  it('starts with 3 types x 3 of the workbook\'s channels x the RACE stages, and its calendar follows the matrix', () => {
    const book = workbook(language, { channels: ['Email', 'Paid search', 'Social', 'Display'] });
    let content = book.sheet('content');
    expect(errorCells(content)).toEqual([]);
    const typesRow = rowOf(content, book.t('workbook.content.types')) + 1;
    const types = [0, 1, 2].map((i) => String(content.values[typesRow + i][1]));
    expect(new Set(types).size).toBe(3);
    const matrixHeader = rowOf(content, book.t('workbook.plan.stage'));
    expect(content.values[matrixHeader].slice(2, 5)).toEqual(['Email', 'Paid search', 'Social']);
    const matrix = () => KPI_STAGES.map((_, s) => content.values[matrixHeader + 1 + s].slice(2, 5));
    // Every stage uses the three types, each stage in its own arrangement.
    for (const entries of matrix()) expect([...entries].sort()).toEqual([...types].sort());
    expect(new Set(matrix().map((entries) => entries.join('|'))).size).toBe(KPI_STAGES.length);
    const calendarHeader = rowOf(content, book.t(book.opts.granularity === 'week' ? 'workbook.plan.periodWeek' : 'workbook.plan.periodMonth'));
    const calendar = () => Array.from({ length: PERIODS }, (_, p) => content.values[calendarHeader + 1 + p]);
    const followsMatrix = () => {
      expect(content.values[calendarHeader].slice(2, 5)).toEqual(content.values[matrixHeader].slice(2, 5));
      calendar().forEach((cells, p) => {
        const s = p % KPI_STAGES.length;
        expect(cells[1]).toBe(stageLabel(KPI_STAGES[s], language));
        expect(cells.slice(2, 5)).toEqual(matrix()[s]);
      });
    };
    followsMatrix();

    // Edit a matrix cell, rename a type and a channel: the calendar follows.
    const initial = matrix();
    book.write('content', matrixHeader + 2 + 2, 4, [['Live demo']]); // Convert x second channel (1-based row)
    book.write('content', typesRow + 1, 2, [['Podcast']]);
    book.write('content', matrixHeader + 1, 5, [['Organic social']]);
    content = book.sheet('content');
    const expected = initial.map((entries, s) => entries.map((entry, c) => (s === 2 && c === 1 ? 'Live demo' : entry === types[0] ? 'Podcast' : entry)));
    expect(matrix()).toEqual(expected);
    expect(content.values[calendarHeader][4]).toBe('Organic social');
    followsMatrix();
    // A cleared type leaves its matrix cells and calendar entries empty, not 0.
    book.write('content', typesRow + 3, 2, [['']]);
    content = book.sheet('content');
    expect(matrix()).toEqual(expected.map((entries) => entries.map((entry) => (entry === types[2] ? '' : entry))));
    followsMatrix();
    const convertPeriods = Array.from({ length: PERIODS }, (_, p) => p).filter((p) => p % KPI_STAGES.length === 2);
    expect(calendar().flatMap((cells, p) => (cells[3] === 'Live demo' ? [p] : []))).toEqual(convertPeriods);
    expect(errorCells(content)).toEqual([]);
  });
});
