import { LANGUAGES, type Localized } from '../../src/core/i18n';
import {
  BUSINESS_MODELS,
  CHANNEL_IDS,
  CHANNELS,
  DIRECTION_LABELS,
  KPI_DIRECTIONS,
  KPI_UNITS,
  KPIS,
  KPIS_BY_ID,
  LIFECYCLE_MEASURES,
  MEASURE_HEADERS,
  MEASURES,
  measureName,
  resolveStage,
  STAGE_IDS,
  STAGES,
  UNIT_LABELS,
  VQVC_CLASSES,
  VQVC_LABELS,
} from '../../src/core/model';
import { BUSINESS_MODEL_IDS, KPI_STAGES } from '../../src/core/workbook/options';

const ARABIC_SCRIPT_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;

/** Every Localized text of the model, with where it comes from (for readable failures). */
function allTexts(): Array<[string, Localized]> {
  const texts: Array<[string, Localized]> = [];
  for (const id of STAGE_IDS) texts.push([`stage ${id} name`, STAGES[id].name], [`stage ${id} description`, STAGES[id].description]);
  for (const kpi of KPIS) {
    texts.push([`kpi ${kpi.id} name`, kpi.name], [`kpi ${kpi.id} definition`, kpi.definition], [`kpi ${kpi.id} formula`, kpi.formula]);
  }
  for (const [id, label] of Object.entries(VQVC_LABELS)) texts.push([`vqvc ${id}`, label]);
  for (const [id, label] of Object.entries(UNIT_LABELS)) texts.push([`unit ${id}`, label]);
  for (const [id, label] of Object.entries(DIRECTION_LABELS)) texts.push([`direction ${id}`, label]);
  for (const [id, label] of Object.entries(CHANNELS)) texts.push([`channel ${id}`, label]);
  for (const model of Object.values(BUSINESS_MODELS)) {
    texts.push([`model ${model.id} name`, model.name], [`model ${model.id} description`, model.description]);
    model.funnel.forEach((step, i) => texts.push([`model ${model.id} funnel step ${i}`, step.name]));
    for (const [measure, name] of Object.entries(model.names ?? {})) texts.push([`model ${model.id} name of ${measure}`, name]);
  }
  return texts;
}

describe('stages', () => {
  test('are Plan, Reach, Act, Convert, Engage in that order', () => {
    expect(STAGE_IDS).toEqual(['plan', 'reach', 'act', 'convert', 'engage']);
    for (const id of STAGE_IDS) expect(STAGES[id].id).toBe(id);
  });

  test('resolve from their id and from their name in every language, ignoring case and spaces', () => {
    for (const id of STAGE_IDS) {
      expect(resolveStage(id)).toBe(id);
      expect(resolveStage(` ${id.toUpperCase()} `)).toBe(id);
      for (const language of LANGUAGES) expect(resolveStage(STAGES[id].name[language])).toBe(id);
    }
  });

  test('resolve Persian names typed with Arabic letter forms and Arabic names without the article', () => {
    expect(resolveStage('برنامه ريزي')).toBe('plan'); // Arabic yeh, a space instead of the zero-width non-joiner
    expect(resolveStage('وصول')).toBe('reach');
    expect(resolveStage('تحويل')).toBe('convert');
  });

  test('resolve nothing for an unknown or blank text', () => {
    expect(resolveStage('awareness')).toBeUndefined();
    expect(resolveStage('')).toBeUndefined();
    expect(resolveStage('   ')).toBeUndefined();
    expect(resolveStage('ال')).toBeUndefined();
  });

  test('have distinct names in each language', () => {
    for (const language of LANGUAGES) {
      const names = STAGE_IDS.map((id) => STAGES[id].name[language]);
      expect(new Set(names).size).toBe(STAGE_IDS.length);
    }
  });
});

describe('KPI catalogue', () => {
  test('every KPI has a known stage, VQVC class, unit and direction', () => {
    for (const kpi of KPIS) {
      expect(kpi.id).toMatch(/^[a-z][A-Za-z]+$/);
      expect(STAGE_IDS).toContain(kpi.stage);
      expect(VQVC_CLASSES).toContain(kpi.vqvc);
      expect(KPI_UNITS).toContain(kpi.unit);
      expect(KPI_DIRECTIONS).toContain(kpi.direction);
    }
  });

  test('ids are unique and indexed', () => {
    const ids = KPIS.map((kpi) => kpi.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kpi of KPIS) expect(KPIS_BY_ID[kpi.id]).toBe(kpi);
  });

  test('each of Reach, Act, Convert and Engage has at least 6 KPIs', () => {
    for (const stage of KPI_STAGES) expect(KPIS.filter((kpi) => kpi.stage === stage).length).toBeGreaterThanOrEqual(6);
  });

  test('the Plan stage holds SMART objectives, budget and forecast items', () => {
    const plan = KPIS.filter((kpi) => kpi.stage === 'plan').map((kpi) => kpi.id);
    expect(plan).toEqual(expect.arrayContaining(['smartObjectives', 'marketingSpend', 'budgetVariance', 'revenueVsForecast']));
  });

  test.each([
    ['reach', ['uniqueVisitors', 'visits', 'valuePerVisit', 'socialFollowers', 'contentShares', 'impressions', 'ctr']],
    ['act', ['bounceRate', 'pagesPerVisit', 'timeOnSite', 'leads', 'leadConversionRate', 'socialInteractions']],
    ['convert', ['onlineSales', 'offlineSales', 'revenue', 'grossProfit', 'averageOrderValue', 'conversionRate', 'cpa', 'roas']],
    ['engage', ['repeatCustomers', 'repeatRate', 'returningVisits', 'customerSatisfaction', 'nps', 'advocacy', 'emailOpenRate', 'churnRate', 'customerLifetimeValue']],
  ] as const)('the required %s KPIs are present in that stage', (stage, ids) => {
    for (const id of ids) expect([id, KPIS.find((kpi) => kpi.id === id)?.stage]).toEqual([id, stage]);
  });

  test('rates where less is better are the ones that measure loss or cost', () => {
    const lower = KPIS.filter((kpi) => kpi.direction === 'lower').map((kpi) => kpi.id).sort();
    expect(lower).toEqual(
      ['bounceRate', 'budgetVariance', 'churnRate', 'costPerClick', 'costPerLead', 'costPerRepeatCustomer', 'costPerSubscriber', 'costPerTrial', 'costPerVisit', 'cpa', 'marketingSpend'].sort(),
    );
  });

  test('actuals computed from the Data sheet use known, distinct measures', () => {
    for (const kpi of KPIS) {
      if (kpi.fromData === undefined) continue;
      expect(MEASURES).toContain(kpi.fromData.numerator);
      if (kpi.fromData.denominator !== undefined) {
        expect(MEASURES).toContain(kpi.fromData.denominator);
        expect(kpi.fromData.denominator).not.toBe(kpi.fromData.numerator);
      }
      if (kpi.fromData.denominatorPlus !== undefined) {
        expect(MEASURES).toContain(kpi.fromData.denominatorPlus);
        expect(kpi.fromData.denominator).toBeDefined();
      }
      // A level is read per period, never divided.
      if (kpi.fromData.over !== undefined) expect(kpi.fromData.denominator).toBeUndefined();
    }
  });

  test('a ratio from data is a rate, ratio or currency; a plain sum is a count or currency', () => {
    for (const kpi of KPIS) {
      if (kpi.fromData === undefined) continue;
      const from = kpi.fromData;
      const expected = from.over === 'growth' ? ['rate'] : from.denominator === undefined ? ['count', 'currency'] : ['rate', 'ratio', 'currency'];
      expect([kpi.id, expected.includes(kpi.unit)]).toEqual([kpi.id, true]);
    }
  });

  test('the core funnel KPIs are computed from data as the textbook ratios', () => {
    expect(KPIS_BY_ID.ctr.fromData).toEqual({ numerator: 'clicks', denominator: 'impressions' });
    expect(KPIS_BY_ID.sales.fromData).toEqual({ numerator: 'orders' });
    expect(KPIS_BY_ID.conversionRate.fromData).toEqual({ numerator: 'orders', denominator: 'visits' });
    // Orders and customers are separate: AOV per order, repeat rate per customer.
    expect(KPIS_BY_ID.averageOrderValue.fromData).toEqual({ numerator: 'revenue', denominator: 'orders' });
    expect(KPIS_BY_ID.cpa.fromData).toEqual({ numerator: 'cost', denominator: 'customers' });
    expect(KPIS_BY_ID.roas.fromData).toEqual({ numerator: 'revenue', denominator: 'cost' });
    expect(KPIS_BY_ID.repeatRate.fromData).toEqual({ numerator: 'repeatCustomers', denominator: 'customers' });
  });

  test('the subscription KPIs compute from trials, new subscribers, MRR and churned subscribers', () => {
    expect(KPIS_BY_ID.trials.fromData).toEqual({ numerator: 'trials' });
    expect(KPIS_BY_ID.trialRate.fromData).toEqual({ numerator: 'trials', denominator: 'visits' });
    expect(KPIS_BY_ID.newSubscribers.fromData).toEqual({ numerator: 'subscribers' });
    expect(KPIS_BY_ID.trialToPaidRate.fromData).toEqual({ numerator: 'subscribers', denominator: 'trials' });
    expect(KPIS_BY_ID.costPerSubscriber.fromData).toEqual({ numerator: 'cost', denominator: 'subscribers' });
    expect(KPIS_BY_ID.mrr.fromData).toEqual({ numerator: 'mrr', over: 'latest' });
    expect(KPIS_BY_ID.mrrGrowth.fromData).toEqual({ numerator: 'mrr', over: 'growth' });
    // Those due to renew in a period are the ones who renewed plus the ones who left.
    expect(KPIS_BY_ID.churnRate.fromData).toEqual({ numerator: 'churnedSubscribers', denominator: 'repeatCustomers', denominatorPlus: 'churnedSubscribers' });
  });

  test('labels exist for every VQVC class, unit and direction', () => {
    expect(Object.keys(VQVC_LABELS).sort()).toEqual([...VQVC_CLASSES].sort());
    expect(Object.keys(UNIT_LABELS).sort()).toEqual([...KPI_UNITS].sort());
    expect(Object.keys(DIRECTION_LABELS).sort()).toEqual([...KPI_DIRECTIONS].sort());
  });
});

describe('business models', () => {
  test('exist for every business model id', () => {
    expect(Object.keys(BUSINESS_MODELS).sort()).toEqual([...BUSINESS_MODEL_IDS].sort());
    for (const id of BUSINESS_MODEL_IDS) expect(BUSINESS_MODELS[id].id).toBe(id);
  });

  // Up to 9: a stage's list covers Volume, Quality, Value and Cost (issue 7), besides its typed KPIs.
  test.each(BUSINESS_MODEL_IDS)('%s lists 4-9 distinct existing KPIs of the right stage per KPI stage', (id) => {
    const model = BUSINESS_MODELS[id];
    expect(Object.keys(model.kpiIds).sort()).toEqual([...KPI_STAGES].sort());
    for (const stage of KPI_STAGES) {
      const ids = model.kpiIds[stage];
      expect(ids.length).toBeGreaterThanOrEqual(4);
      expect(ids.length).toBeLessThanOrEqual(9);
      expect(new Set(ids).size).toBe(ids.length);
      for (const kpiId of ids) expect([kpiId, KPIS.find((kpi) => kpi.id === kpiId)?.stage]).toEqual([kpiId, stage]);
    }
  });

  test.each(BUSINESS_MODEL_IDS)('%s has a 4-5 step funnel ordered by customer lifecycle', (id) => {
    const { funnel } = BUSINESS_MODELS[id];
    expect(funnel.length).toBeGreaterThanOrEqual(4);
    expect(funnel.length).toBeLessThanOrEqual(5);
    const positions = funnel.map((step) => LIFECYCLE_MEASURES.indexOf(step.measure));
    expect(positions.every((position) => position >= 0)).toBe(true);
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
  });

  test.each(BUSINESS_MODEL_IDS)('%s preselects distinct known channels', (id) => {
    const { channels } = BUSINESS_MODELS[id];
    expect(channels.length).toBeGreaterThan(0);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(CHANNEL_IDS).toContain(channel);
  });

  test('the channel table names every channel id', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual([...CHANNEL_IDS].sort());
  });

  test("a measure is named as the model's funnel names it, else by its header", () => {
    expect(measureName('ecommerce', 'leads').en).toBe('Add-to-carts');
    expect(measureName('ecommerce', 'orders').en).toBe('Orders');
    expect(measureName('ecommerce', 'customers')).toEqual(MEASURE_HEADERS.customers);
    expect(measureName('saas', 'trials').en).toBe('Trial sign-ups');
    expect(measureName('saas', 'subscribers').en).toBe('New paying subscribers');
    expect(measureName('b2b', 'orders').en).toBe('Won deals');
    expect(measureName('b2b', 'customers').en).toBe('New clients'); // the model's own name outside its funnel
    expect(measureName('b2b', 'churnedSubscribers').fa).toBe('مشتریان ازدست‌رفته');
    expect(measureName('ecommerce', 'revenue')).toEqual(MEASURE_HEADERS.revenue);
    expect(measureName('saas', 'impressions')).toEqual(MEASURE_HEADERS.impressions);
  });
});

describe('texts', () => {
  test('every text is non-empty in en, fa and ar', () => {
    for (const [where, text] of allTexts()) {
      for (const language of LANGUAGES) expect([where, language, text[language].trim().length > 0]).toEqual([where, language, true]);
    }
  });

  test('Persian and Arabic texts are written in Arabic script and differ from English', () => {
    for (const [where, text] of allTexts()) {
      for (const language of ['fa', 'ar'] as const) {
        expect([where, language, ARABIC_SCRIPT_LETTER.test(text[language])]).toEqual([where, language, true]);
        expect([where, language, text[language] === text.en]).toEqual([where, language, false]);
      }
    }
  });

  test('Persian and Arabic definitions and descriptions are separate translations', () => {
    for (const [where, text] of allTexts()) {
      if (!/definition|description/.test(where)) continue;
      expect([where, text.fa === text.ar]).toEqual([where, false]);
    }
  });

  test('no text starts like a formula (=, +, -, @), so writing it into a cell is safe', () => {
    for (const [where, text] of allTexts()) {
      for (const language of LANGUAGES) expect([where, language, /^[=+\-@]/.test(text[language])]).toEqual([where, language, false]);
    }
  });
});
