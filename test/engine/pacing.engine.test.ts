// Issue 7 section 1 on the engine: status that knows the calendar. A 13-week B2B plan with a Leads target
// of 2,000 gets figures typed week by week; the KPI sheet's target to date, status, forecast and forecast
// status are checked against figures written out here (the share of the weights so far, the pace).
import { translate, type Language, type MessageKey } from '../../src/core/i18n';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { KPIS_BY_ID, type KpiId } from '../../src/core/model/kpis';
import { COUNT_FORMAT, DATE_FORMAT, RATE_FORMAT, RATIO_FORMAT, moneyFormat } from '../../src/core/workbook/data-sheet';
import type { MeasureId } from '../../src/core/model/measures';
import { emulate, errorCells, expectClose, generate, measureColumnsOf, options, sheetNamed, type AppsScriptGlobals } from './support';

const WEEKS = 13;
const CHANNELS = ['Email', 'Paid search'];
const LEADS_TARGET = 2000;

/** RACE_STATUS's rule with the default 10% tolerance, written out here. */
function expectedStatus(language: Language, actual: number, target: number, direction: 'higher' | 'lower'): string {
  const band = Math.abs(target) * 0.1;
  const key =
    direction === 'higher'
      ? actual >= target ? 'status.onTrack' : actual >= target - band ? 'status.atRisk' : 'status.offTrack'
      : actual <= target ? 'status.onTrack' : actual <= target + band ? 'status.atRisk' : 'status.offTrack';
  return translate(language, key);
}

interface Plan {
  globals: AppsScriptGlobals;
  kpisName: string;
  dataName: string;
  language: Language;
}

function plan(language: Language, segments: string[] = []): Plan {
  const globals = emulate(language);
  const opts = options({ model: 'b2b', language, horizon: '90d', granularity: 'week', channels: CHANNELS, segments, targets: { act: LEADS_TARGET } });
  const [, kpisName, dataName] = generate(globals, opts).sheetNames;
  return { globals, kpisName, dataName, language };
}

/** Types a week's figures into its planned Data rows (one per channel, split evenly); 0-based week. */
function typeWeek(p: Plan, week: number, figures: Partial<Record<MeasureId, number>>): void {
  const data = sheetNamed(p.globals, p.dataName);
  const columns = measureColumnsOf(data);
  const sheet = p.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(p.dataName)!;
  const perChannel = (measure: MeasureId) => (figures[measure] === undefined ? '' : figures[measure]! / CHANNELS.length);
  sheet.getRange(2 + week * CHANNELS.length, columns[0].column + 1, CHANNELS.length, columns.length).setValues(CHANNELS.map(() => columns.map(({ measure }) => perChannel(measure))));
}

interface KpiLine {
  target: unknown;
  targetToDate: unknown;
  actual: unknown;
  forecast: unknown;
  status: unknown;
  forecastStatus: unknown;
  note: unknown;
  row: number;
  columns: Record<'target' | 'actual', number>;
}

/** A KPI's cells in the all-segments block (the last block), found by the headers' texts. */
function kpiLine(p: Plan, id: KpiId): KpiLine {
  const kpis = sheetNamed(p.globals, p.kpisName);
  const t = (key: MessageKey) => translate(p.language, key);
  const header = [...kpis.values].reverse().find((row) => row.includes(t('workbook.kpi.targetToDate')))!;
  const col = (key: MessageKey) => {
    const c = header.indexOf(t(key));
    expect(c).toBeGreaterThanOrEqual(0);
    return c;
  };
  const rows = kpis.values.flatMap((row, r) => (row[col('workbook.kpi.kpi')] === KPIS_BY_ID[id].name[p.language] ? [r] : []));
  const r = rows[rows.length - 1];
  const line = kpis.values[r];
  return {
    target: line[col('workbook.kpi.target')],
    targetToDate: line[col('workbook.kpi.targetToDate')],
    actual: line[col('workbook.kpi.actual')],
    forecast: line[col('workbook.kpi.forecast')],
    status: line[col('workbook.kpi.status')],
    forecastStatus: line[col('workbook.kpi.forecastStatus')],
    note: line[col('workbook.kpi.note')],
    row: r + 1,
    columns: { target: col('workbook.kpi.target') + 1, actual: col('workbook.kpi.actual') + 1 },
  };
}

function setCell(p: Plan, row: number, column: number, value: number): void {
  p.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(p.kpisName)!.getRange(row, column).setValue(value);
}

/** The weights table's cells: the column headed Weight, from the row below its header. */
function weightCells(p: Plan): { row: number; column: number } {
  const kpis = sheetNamed(p.globals, p.kpisName);
  const r = kpis.values.findIndex((row) => row.includes(translate(p.language, 'workbook.kpi.weight')));
  return { row: r + 2, column: kpis.values[r].indexOf(translate(p.language, 'workbook.kpi.weight')) + 1 };
}

describe.each(['en', 'fa'] as const)('pacing on the KPI sheet (%s)', (language) => {
  const t = (key: MessageKey) => translate(language, key);

  it('spreads the Leads target over 13 weeks: target to date, status, forecast and forecast status at weeks 1, 2, 7 and 13', () => {
    const p = plan(language);
    // No data yet: nothing is due, nothing judged, no error value.
    let leads = kpiLine(p, 'leads');
    expect(leads.target).toBe(LEADS_TARGET);
    expect([leads.targetToDate, leads.actual, leads.forecast, leads.status, leads.forecastStatus]).toEqual(['', '', '', '', '']);
    expect(errorCells(sheetNamed(p.globals, p.kpisName))).toEqual([]);

    // 208 leads a week: 416 after two weeks, the example.
    const weekly = 208;
    let typed = 0;
    for (const weeks of [1, 2, 7, 13]) {
      for (; typed < weeks; typed++) typeWeek(p, typed, { leads: weekly, visits: 1000, cost: 500, orders: 10, customers: 8 });
      leads = kpiLine(p, 'leads');
      const actual = weekly * weeks;
      const toDate = (LEADS_TARGET * weeks) / WEEKS;
      const forecast = actual / (weeks / WEEKS);
      expectClose(leads.actual, actual);
      expectClose(leads.targetToDate, toDate);
      expectClose(leads.forecast, forecast);
      expect(leads.status).toBe(expectedStatus(language, actual, toDate, 'higher'));
      expect(leads.status).toBe(t('status.onTrack'));
      expect(leads.forecastStatus).toBe(expectedStatus(language, forecast, LEADS_TARGET, 'higher'));
      if (weeks === 2) {
        expect(actual).toBe(416);
        expect(Math.round((leads.targetToDate as number) * 10) / 10).toBe(307.7);
        expect(Math.round(leads.forecast as number)).toBe(2704);
        expect(leads.forecastStatus).toBe(t('status.onTrack'));
      }
    }
    expect(errorCells(sheetNamed(p.globals, p.kpisName))).toEqual([]);
  });

  it('judges a slow pace at risk, then off track, on the target to date and on the forecast', () => {
    const p = plan(language);
    // 140 a week: 280 against 307.7 due after two weeks (91%): at risk; forecast 1,820 of 2,000: at risk.
    for (let w = 0; w < 2; w++) typeWeek(p, w, { leads: 140 });
    let leads = kpiLine(p, 'leads');
    expectClose(leads.forecast, 1820);
    expect([leads.status, leads.forecastStatus]).toEqual([t('status.atRisk'), t('status.atRisk')]);
    // A third week of 20: 300 against 461.5 due; forecast 1,300: off track on both.
    typeWeek(p, 2, { leads: 20 });
    leads = kpiLine(p, 'leads');
    expectClose(leads.targetToDate, (LEADS_TARGET * 3) / WEEKS);
    expectClose(leads.forecast, 300 / (3 / WEEKS));
    expect([leads.status, leads.forecastStatus]).toEqual([t('status.offTrack'), t('status.offTrack')]);
  });

  it('uses the weights of the periods: heavier first weeks make more of the target due by then', () => {
    const p = plan(language);
    const weights = weightCells(p);
    const sheet = p.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(p.kpisName)!;
    sheet.getRange(weights.row, weights.column, 2, 1).setValues([[3], [3]]);
    for (let w = 0; w < 2; w++) typeWeek(p, w, { leads: 208 });
    const leads = kpiLine(p, 'leads');
    // 6 of 3 + 3 + 11 × 1 = 17: 705.9 due; 416 is off track, and the forecast 416 ÷ 6/17 = 1,178.7 too.
    const share = 6 / 17;
    expectClose(leads.targetToDate, LEADS_TARGET * share);
    expectClose(leads.forecast, 416 / share);
    expect([leads.status, leads.forecastStatus]).toEqual([t('status.offTrack'), t('status.offTrack')]);
  });

  it('runs "to date" to the latest period with data: an empty week in the middle is elapsed, later weeks are not', () => {
    const p = plan(language);
    typeWeek(p, 0, { leads: 150 });
    typeWeek(p, 1, { leads: 150 });
    // Week 3 left empty, week 4 typed: four weeks are due.
    typeWeek(p, 3, { leads: 150 });
    const leads = kpiLine(p, 'leads');
    expectClose(leads.actual, 450);
    expectClose(leads.targetToDate, (LEADS_TARGET * 4) / WEEKS);
    expectClose(leads.forecast, 450 / (4 / WEEKS));
    expect(leads.status).toBe(expectedStatus(language, 450, (LEADS_TARGET * 4) / WEEKS, 'higher'));
  });

  it('compares rates and lower-is-better costs as they are, in their direction', () => {
    const p = plan(language);
    for (let w = 0; w < 2; w++) typeWeek(p, w, { leads: 200, visits: 1000, cost: 800, customers: 20, orders: 20 });
    // Lead conversion rate 400 / 2,000 = 20% against a 25% target: not spread, off track; forecast the rate.
    const rate = kpiLine(p, 'leadConversionRate');
    setCell(p, rate.row, rate.columns.target, 0.25);
    // CPA 1,600 / 40 = 40 (lower is better): a target of 38 is at risk (within 10%), 50 on track, 30 off track.
    const cpa = kpiLine(p, 'cpa');
    const cases: [number, MessageKey][] = [[38, 'status.atRisk'], [50, 'status.onTrack'], [30, 'status.offTrack']];
    for (const [target, key] of cases) {
      setCell(p, cpa.row, cpa.columns.target, target);
      const line = kpiLine(p, 'cpa');
      expectClose(line.actual, 40);
      expect(line.targetToDate).toBe(target);
      expectClose(line.forecast, 40);
      expect([line.status, line.forecastStatus]).toEqual([t(key), t(key)]);
      expect(line.status).toBe(expectedStatus(language, 40, target, 'lower'));
    }
    const line = kpiLine(p, 'leadConversionRate');
    expectClose(line.actual, 0.2);
    expect(line.targetToDate).toBe(0.25);
    expectClose(line.forecast, 0.2);
    expect([line.status, line.forecastStatus]).toEqual([t('status.offTrack'), t('status.offTrack')]);
    expect(errorCells(sheetNamed(p.globals, p.kpisName))).toEqual([]);
  });

  it('says to type an actual no Data column gives, and judges it once typed, in every segment block', () => {
    const p = plan(language, ['SMB', '>10']);
    let nps = kpiLine(p, 'nps');
    expect(nps.note).toBe(t('workbook.kpi.typeActual'));
    expect(nps.status).toBe('');
    setCell(p, nps.row, nps.columns.target, 50);
    setCell(p, nps.row, nps.columns.actual, 42);
    nps = kpiLine(p, 'nps');
    expect(nps.note).toBe('');
    expect(nps.targetToDate).toBe(50);
    expect([nps.status, nps.forecastStatus]).toEqual([t('status.offTrack'), t('status.offTrack')]);
    // The segment blocks have their own statuses: one RACE_STATUS per status column per block.
    const kpis = sheetNamed(p.globals, p.kpisName);
    const calls = kpis.formulas.flat().filter((f) => f.includes('RACE_STATUS('));
    expect(calls).toHaveLength(2 * 3);
    expect(errorCells(kpis)).toEqual([]);
  });

  it('gives every computed number of the KPI sheet a number format: counts, percents, money and ratios by the KPI', () => {
    const p = plan(language, ['SMB']);
    for (let w = 0; w < 2; w++) typeWeek(p, w, { impressions: 50000, clicks: 2000, visits: 1500, leads: 300, orders: 30, customers: 25, revenue: 9000.5, cost: 1200.25, repeatCustomers: 5, churnedSubscribers: 1 });
    const sheet = p.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(p.kpisName)!;
    // A target on every KPI of both blocks, so every target to date and forecast is a number.
    const ids = Object.values(BUSINESS_MODELS.b2b.kpiIds).flat();
    let kpis = sheetNamed(p.globals, p.kpisName);
    const lines = ids.flatMap((id) => kpis.values.flatMap((row, r) => (row.includes(KPIS_BY_ID[id].name[language]) ? [{ id, row: r + 1 }] : [])));
    expect(lines).toHaveLength(ids.length * 2);
    const { target: targetColumn, actual: actualColumn } = kpiLine(p, 'leads').columns;
    for (const { row } of lines) sheet.getRange(row, targetColumn).setValue(3);
    for (const { id, row } of lines) if (!KPIS_BY_ID[id].fromData) sheet.getRange(row, actualColumn).setValue(2);
    kpis = sheetNamed(p.globals, p.kpisName);
    expect(errorCells(kpis)).toEqual([]);
    const formats = sheet.getRange(1, 1, kpis.values.length, kpis.values[0].length).getNumberFormats();
    let computed = 0;
    kpis.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === '' || typeof kpis.values[r][c] !== 'number') return;
        computed++;
        expect([r + 1, c + 1, formula, formats[r][c]]).toEqual([r + 1, c + 1, formula, expect.not.stringMatching(/^(General)?$/)]);
      }),
    );
    // Actual, target to date and forecast of each KPI, by its unit.
    const expected = { count: COUNT_FORMAT, rate: RATE_FORMAT, currency: moneyFormat('USD', language), ratio: RATIO_FORMAT, score: RATIO_FORMAT, duration: RATIO_FORMAT };
    const header = kpis.values[lines[0].row - 2 - ids.indexOf(lines[0].id)];
    const figureColumns = (['workbook.kpi.targetToDate', 'workbook.kpi.actual', 'workbook.kpi.forecast'] as const).map((key) => header.indexOf(t(key)));
    for (const { id, row } of lines) {
      for (const c of figureColumns) {
        expect(typeof kpis.values[row - 1][c]).toBe('number');
        expect([id, formats[row - 1][c]]).toEqual([id, expected[KPIS_BY_ID[id].unit]]);
      }
    }
    // Every computed actual, target to date and forecast of both blocks, and the share due to date.
    const fromData = ids.filter((id) => KPIS_BY_ID[id].fromData).length;
    expect(computed).toBe(2 * (fromData + 2 * ids.length) + 1);
    // The latest period with data is a date (the snapshot shows dates as ISO text).
    const latest = kpis.values.findIndex((row) => row[0] === t('workbook.kpi.latestPeriod'));
    expect(formats[latest][1]).toBe(DATE_FORMAT);
    expect(kpis.values[latest][1]).toBe(new Date(Date.UTC(2025, 0, language === 'en' ? 20 : 18)).toISOString());
  });
});
