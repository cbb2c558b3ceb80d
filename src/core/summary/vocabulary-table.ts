import { MEASURES } from '../model/measures';
import { DIMENSION_VOCABULARY, DIMENSIONS, MEASURE_VOCABULARY, VOCABULARY_SOURCES, type VocabularyEntry } from './vocabulary';

/** The cells of one vocabulary row: per source, its names in backticks, fallbacks marked with "*". */
function namesBySource(entry: VocabularyEntry): string[] {
  return VOCABULARY_SOURCES.map((source) =>
    [...(entry.names[source] ?? []).map((name) => `\`${name}\``), ...(entry.fallbacks?.[source] ?? []).map((name) => `\`${name}\`*`)].join(', '),
  );
}

/** The header vocabulary as a Markdown table (README; `npm run docs` or the summary test keep it current). */
export function vocabularyMarkdown(): string {
  const rows = [
    '| Measure / dimension | English | Persian | Arabic | Google Analytics (GA4, UA) | Ad, shop and email exports |',
    '| --- | --- | --- | --- | --- | --- |',
    ...MEASURES.map((measure) => `| ${measure} | ${namesBySource(MEASURE_VOCABULARY[measure]).join(' | ')} |`),
    ...DIMENSIONS.map((dimension) => `| ${dimension} (group_by) | ${namesBySource(DIMENSION_VOCABULARY[dimension]).join(' | ')} |`),
  ];
  return rows.join('\n');
}
