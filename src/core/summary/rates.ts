import type { MessageKey } from '../i18n';
import type { MeasureId } from '../model/measures';

/** A derived rate of RACE_SUMMARY: sum(numerator) / sum(denominator) over a group. */
export interface SummaryRate {
  readonly label: MessageKey;
  readonly numerator: MeasureId;
  readonly denominator: MeasureId;
}

/** In the order of the output columns; a rate appears when the table has both of its measures. */
export const SUMMARY_RATES: readonly SummaryRate[] = [
  { label: 'summary.ctr', numerator: 'clicks', denominator: 'impressions' },
  { label: 'summary.visitToLead', numerator: 'leads', denominator: 'visits' },
  { label: 'summary.leadToCustomer', numerator: 'customers', denominator: 'leads' },
  { label: 'summary.visitToOrder', numerator: 'orders', denominator: 'visits' },
  { label: 'summary.visitToCustomer', numerator: 'customers', denominator: 'visits' },
  { label: 'summary.visitToTrial', numerator: 'trials', denominator: 'visits' },
  { label: 'summary.trialToPaid', numerator: 'subscribers', denominator: 'trials' },
  { label: 'summary.aov', numerator: 'revenue', denominator: 'orders' },
  { label: 'summary.cpa', numerator: 'cost', denominator: 'customers' },
  { label: 'summary.roas', numerator: 'revenue', denominator: 'cost' },
  { label: 'summary.repeatRate', numerator: 'repeatCustomers', denominator: 'customers' },
];

/** numerator / denominator, or "" when undefined (a denominator that is not positive). */
export function rateOrBlank(numerator: number, denominator: number): number | '' {
  if (!(denominator > 0)) return '';
  const rate = numerator / denominator;
  return Number.isFinite(rate) ? rate : '';
}
