// Issue 6 section 3 on the engine: Data columns that mean what they say. Figures typed into the generated
// Data sheet (found by their headers, the model's own words read back by the vocabulary) give the KPI
// sheet's AOV per order, repeat rate per customer, the SaaS KPIs, and typed actuals for KPIs no column feeds.
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import { LANGUAGES, translate, type Language } from '../../src/core/i18n';
import { KPIS_BY_ID, type KpiId } from '../../src/core/model/kpis';
import { MEASURE_HEADERS, type MeasureId } from '../../src/core/model/measures';
import { INPUT_BACKGROUND } from '../../src/core/workbook/grid';
import { errorCells, emulate, expectClose, generate, measureColumnsOf, options, sheetNamed, spillAt, type AppsScriptGlobals } from './support';

/** Types `figures` into Data rows 2, 3, ... (one object per row), each measure into its own column. */
function typeData(globals: AppsScriptGlobals, dataName: string, figures: Partial<Record<MeasureId, number>>[]): void {
  const columns = measureColumnsOf(sheetNamed(globals, dataName));
  const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dataName)!;
  sheet
    .getRange(2, columns[0].column + 1, figures.length, columns.length)
    .setValues(figures.map((row) => columns.map(({ measure }) => row[measure] ?? '')));
}

/** The 1-based row of a KPI in the all-segments block (the last block) and the KPI sheet's actual/target/status/note columns. */
function kpiCells(kpis: SheetSnapshot, language: Language, id: KpiId): { row: number; actual: number; target: number; status: number; note: number } {
  const header = kpis.values.find((row) => row.includes(translate(language, 'workbook.kpi.actual')))!;
  const name = KPIS_BY_ID[id].name[language];
  const rows = kpis.values.flatMap((row, r) => (row[header.indexOf(translate(language, 'workbook.kpi.kpi'))] === name ? [r + 1] : []));
  expect(rows.length).toBeGreaterThan(0);
  return {
    row: rows[rows.length - 1],
    actual: header.indexOf(translate(language, 'workbook.kpi.actual')) + 1,
    target: header.indexOf(translate(language, 'workbook.kpi.target')) + 1,
    status: header.indexOf(translate(language, 'workbook.kpi.status')) + 1,
    note: header.indexOf(translate(language, 'workbook.kpi.note')) + 1,
  };
}

function actualOf(globals: AppsScriptGlobals, kpisName: string, language: Language, id: KpiId): unknown {
  const kpis = sheetNamed(globals, kpisName);
  const { row, actual } = kpiCells(kpis, language, id);
  return kpis.values[row - 1][actual - 1];
}

describe.each(LANGUAGES)('typed Data figures on the engine (%s)', (language) => {
  it('gives AOV as revenue ÷ orders and the repeat rate as repeat customers ÷ customers, on the KPI sheet and in RACE_SUMMARY', () => {
    const globals = emulate(language);
    const [, kpisName, dataName, dashboardName] = generate(globals, options({ model: 'ecommerce', language, segments: [] })).sheetNames;
    // 10 + 6 orders from 8 + 4 customers: AOV per order (800 / 16 = 50) differs from revenue per customer (66.67).
    typeData(globals, dataName, [
      { impressions: 1000, clicks: 100, visits: 80, leads: 20, orders: 10, customers: 8, revenue: 500, cost: 100, repeatCustomers: 2 },
      { impressions: 900, clicks: 90, visits: 70, leads: 15, orders: 6, customers: 4, revenue: 300, cost: 80, repeatCustomers: 1 },
    ]);
    for (const name of [kpisName, dataName, dashboardName]) expect(errorCells(sheetNamed(globals, name))).toEqual([]);
    expectClose(actualOf(globals, kpisName, language, 'averageOrderValue'), 800 / 16);
    expectClose(actualOf(globals, kpisName, language, 'repeatRate'), 3 / 12);
    expectClose(actualOf(globals, kpisName, language, 'sales'), 16);
    expectClose(actualOf(globals, kpisName, language, 'conversionRate'), 16 / 150);
    expectClose(actualOf(globals, kpisName, language, 'cpa'), 180 / 12);

    const summary = spillAt(sheetNamed(globals, dashboardName), 'RACE_SUMMARY');
    const [header] = summary;
    const total = summary[summary.length - 1];
    expectClose(total[header.indexOf(MEASURE_HEADERS.orders[language])], 16);
    expectClose(total[header.indexOf(MEASURE_HEADERS.customers[language])], 12);
    expectClose(total[header.indexOf(translate(language, 'summary.aov'))], 50);
    expectClose(total[header.indexOf(translate(language, 'summary.repeatRate'))], 0.25);
    expectClose(total[header.indexOf(translate(language, 'summary.visitToOrder'))], 16 / 150);
  });

  it('computes the SaaS KPIs from trials, new subscribers, MRR and churned subscribers', () => {
    const globals = emulate(language);
    const opts = options({ model: 'saas', language, granularity: 'month', channels: ['Email', 'Ads'], segments: [] });
    const [, kpisName, dataName, dashboardName] = generate(globals, opts).sheetNames;
    const data = sheetNamed(globals, dataName);
    const header = data.values[0];
    for (const measure of ['trials', 'subscribers', 'mrr', 'churnedSubscribers'] as const) {
      expect(measureColumnsOf(data).map((c) => c.measure)).toContain(measure);
    }
    expect(header).not.toContain(MEASURE_HEADERS.orders[language]);
    // Rows: month 1 Email, month 1 Ads, month 2 Email, month 2 Ads (the planned order); month 3 left blank.
    typeData(globals, dataName, [
      { visits: 1000, trials: 100, subscribers: 20, mrr: 4000, cost: 500, revenue: 4000, repeatCustomers: 90, churnedSubscribers: 10 },
      { visits: 500, trials: 40, subscribers: 6, mrr: 1000, cost: 700, revenue: 1000, repeatCustomers: 45, churnedSubscribers: 5 },
      { visits: 1200, trials: 110, subscribers: 25, mrr: 4600, cost: 500, revenue: 4600, repeatCustomers: 100, churnedSubscribers: 8 },
      { visits: 600, trials: 50, subscribers: 9, mrr: 1400, cost: 700, revenue: 1400, repeatCustomers: 50, churnedSubscribers: 7 },
    ]);
    for (const name of [kpisName, dataName, dashboardName]) expect(errorCells(sheetNamed(globals, name))).toEqual([]);
    expectClose(actualOf(globals, kpisName, language, 'trials'), 300);
    expectClose(actualOf(globals, kpisName, language, 'trialRate'), 300 / 3300);
    expectClose(actualOf(globals, kpisName, language, 'newSubscribers'), 60);
    expectClose(actualOf(globals, kpisName, language, 'trialToPaidRate'), 60 / 300);
    expectClose(actualOf(globals, kpisName, language, 'costPerSubscriber'), 2400 / 60);
    // MRR is a level: the latest month's total (4600 + 1400), not the sum over months.
    expectClose(actualOf(globals, kpisName, language, 'mrr'), 6000);
    expectClose(actualOf(globals, kpisName, language, 'mrrGrowth'), 6000 / 5000 - 1);
    // Churn: churned ÷ (renewed + churned), the subscribers due to renew.
    expectClose(actualOf(globals, kpisName, language, 'churnRate'), 30 / (285 + 30));

    // RACE_SUMMARY reads the SaaS headers back and gives trial-to-paid per channel.
    const summary = spillAt(sheetNamed(globals, dashboardName), 'RACE_SUMMARY');
    const email = summary.find((row) => row[0] === 'Email')!;
    expectClose(email[summary[0].indexOf(translate(language, 'summary.trialToPaid'))], 45 / 210);
  });

  it('leaves MRR growth blank with a single month of MRR, never an error', () => {
    const globals = emulate(language);
    const [, kpisName, dataName] = generate(globals, options({ model: 'saas', language, granularity: 'month', channels: ['Email'], segments: ['SMB'] })).sheetNames;
    typeData(globals, dataName, [{ mrr: 3000, visits: 10 }]);
    expectClose(actualOf(globals, kpisName, language, 'mrr'), 3000);
    expect(actualOf(globals, kpisName, language, 'mrrGrowth')).toBe('');
    expect(errorCells(sheetNamed(globals, kpisName))).toEqual([]);
  });

  it('marks the actual of a KPI no column feeds as an input with a note to type it, and its status works from the typed value', () => {
    const globals = emulate(language);
    const [, kpisName] = generate(globals, options({ model: 'ecommerce', language, segments: ['SMB'] })).sheetNames;
    let kpis = sheetNamed(globals, kpisName);
    const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(kpisName)!;
    for (const id of ['nps', 'customerSatisfaction', 'emailOpenRate', 'socialFollowers'] as const) {
      const { row, actual, status, note } = kpiCells(kpis, language, id);
      expect(kpis.formulas[row - 1][actual - 1]).toBe('');
      expect(kpis.values[row - 1][actual - 1]).toBe('');
      expect(sheet.getRange(row, actual).getBackgrounds()).toEqual([[INPUT_BACKGROUND]]);
      expect(kpis.values[row - 1][note - 1]).toBe(translate(language, 'workbook.kpi.typeActual'));
      expect(kpis.values[row - 1][status - 1]).toBe('');
    }
    // NPS typed as 42 against a target of 50: at risk would need 45; 42 is off track. CSAT 4.6 against 4.5: on track.
    const nps = kpiCells(kpis, language, 'nps');
    const csat = kpiCells(kpis, language, 'customerSatisfaction');
    for (const [cells, target, actual] of [[nps, 50, 42], [csat, 4.5, 4.6]] as const) {
      sheet.getRange(cells.row, cells.target).setValue(target);
      sheet.getRange(cells.row, cells.actual).setValue(actual);
    }
    kpis = sheetNamed(globals, kpisName);
    expect(kpis.values[nps.row - 1][nps.status - 1]).toBe(translate(language, 'status.offTrack'));
    expect(kpis.values[csat.row - 1][csat.status - 1]).toBe(translate(language, 'status.onTrack'));
    expect(kpis.values[nps.row - 1][nps.note - 1]).toBe('');
    // A typed actual without a target: no hint any more, and no verdict.
    const open = kpiCells(kpis, language, 'emailOpenRate');
    sheet.getRange(open.row, open.actual).setValue(0.3);
    kpis = sheetNamed(globals, kpisName);
    expect(kpis.values[open.row - 1][open.note - 1]).toBe('');
    expect(kpis.values[open.row - 1][open.status - 1]).toBe('');
    expect(errorCells(kpis)).toEqual([]);
  });
});
