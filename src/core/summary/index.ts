export { isSummaryRowLabel } from './labels';
export { parseColumnMapping } from './mapping';
export { rateOrBlank, SUMMARY_RATES, type SummaryRate } from './rates';
export { MAX_MEASURE_COLUMNS, summarize } from './summarize';
export * from './vocabulary';
export { vocabularyMarkdown } from './vocabulary-table';
