export { parseColumnMapping } from './mapping';
export { rateOrBlank, SUMMARY_RATES, type SummaryRate } from './rates';
export { summarize } from './summarize';
export * from './vocabulary';
