import type { BusinessModelId } from '../workbook/options';
import { BUSINESS_MODELS } from './business-models';
import type { LifecycleMeasureId } from './measures';

/** The rate a funnel step is expected to reach (step volume ÷ the step before), and where it comes from. */
export interface StepBenchmark {
  readonly rate: number;
  readonly source: string;
  /** A practitioners' rule of thumb, not a measured average: no published survey fits this step. */
  readonly ruleOfThumb?: true;
}

// Sources (as published; the README's "Funnel benchmarks" section lists them too):
// - Impressions → visits: WordStream's Google Ads benchmarks, average search-ad CTR 3.17% to 3.52%
//   depending on the year: 3.2%. Display CTR is far lower (~0.5%): with display impressions, set a target.
// - Visits → add-to-carts: Smart Insights' "typical add-to-cart rates" (Monetate data, 9-18% by quarter),
//   Littledata's 2022 survey of 2,000+ stores (average 5.9%) and a 7.1% global average (Fero): 7%.
// - Add-to-carts → orders: Baymard Institute's average cart abandonment, 70.19%: about 30% of carts order.
// - Orders → repeat buyers: average ecommerce repeat purchase rate about 28% (Omniconvert, Opensend).
// - Visits → leads: the global average web page conversion, 2.4% (Klipfolio's lead conversion benchmark);
//   B2B lead conversion commonly 2-5% (DiGGrowth).
// - Visits → trial sign-ups: 2-5% visitor to trial; trial → paid 15-25% without a card (Acceleroi's 2026
//   SaaS benchmarks, OpenView's figure as Workabo cites it): 3% and 15%.
// A step marked ruleOfThumb is a round figure practitioners quote, not a survey average.
const WORDSTREAM_CTR: StepBenchmark = { rate: 0.032, source: 'WordStream Google Ads benchmarks: average search CTR 3.17-3.52%' };

/**
 * Per business model, the expected rate of every funnel step after the first, keyed by the step's measure
 * (the step into it): the reference a step is held to when the user gives no target rate.
 */
export const FUNNEL_BENCHMARKS: Record<BusinessModelId, Partial<Record<LifecycleMeasureId, StepBenchmark>>> = {
  ecommerce: {
    visits: WORDSTREAM_CTR,
    leads: { rate: 0.07, source: 'Smart Insights, Littledata and Fero add-to-cart rates: 5.9-7.1% on average' },
    orders: { rate: 0.3, source: 'Baymard Institute: 70.19% average cart abandonment' },
    repeatCustomers: { rate: 0.28, source: 'Ecommerce repeat purchase rate, about 28% (Omniconvert, Opensend)' },
  },
  b2b: {
    visits: WORDSTREAM_CTR,
    leads: { rate: 0.024, source: 'Klipfolio: average web page conversion 2.4%; B2B 2-5% (DiGGrowth)' },
    orders: { rate: 0.05, source: 'Lead to won deal, commonly quoted 2-10%', ruleOfThumb: true },
    repeatCustomers: { rate: 0.3, source: 'Clients who buy again', ruleOfThumb: true },
  },
  saas: {
    trials: { rate: 0.03, source: 'Visitor to trial 2-5% (Acceleroi)' },
    subscribers: { rate: 0.15, source: 'Trial to paid 15-25% without a card (Acceleroi, OpenView)' },
    repeatCustomers: { rate: 0.9, source: 'Renewals per new subscriber, about 10% churn', ruleOfThumb: true },
  },
  local: {
    visits: WORDSTREAM_CTR,
    leads: { rate: 0.05, source: 'Enquiries and bookings per visit', ruleOfThumb: true },
    customers: { rate: 0.3, source: 'Enquiries that become customers', ruleOfThumb: true },
    repeatCustomers: { rate: 0.3, source: 'Customers who come back', ruleOfThumb: true },
  },
  publisher: {
    visits: WORDSTREAM_CTR,
    leads: { rate: 0.01, source: 'Newsletter sign-ups per visit, 1-2%', ruleOfThumb: true },
    customers: { rate: 0.02, source: 'Free to paid 2-5% (freemium benchmarks)', ruleOfThumb: true },
    repeatCustomers: { rate: 0.7, source: 'Members who renew', ruleOfThumb: true },
  },
};

/** The benchmark rate of each step of the model's funnel; undefined for the first step (nothing before it). */
export function funnelBenchmarks(model: BusinessModelId): (number | undefined)[] {
  return BUSINESS_MODELS[model].funnel.map((step, i) => (i === 0 ? undefined : FUNNEL_BENCHMARKS[model][step.measure]?.rate));
}
