// npm run docs: rewrites the generated sections of README.md: the function reference from the registry
// and the RACE_SUMMARY header vocabulary. With --check it only reports (exit 1) when one is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireTs } from './require-ts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const readmePath = join(root, 'README.md');
const { renderReference, withGeneratedSection } = requireTs('scripts/reference.ts');
const { CUSTOM_FUNCTIONS } = requireTs('src/functions/index.ts');
const { vocabularyMarkdown } = requireTs('src/core/summary/vocabulary-table.ts');

const readme = readFileSync(readmePath, 'utf8');
const sections = { reference: renderReference(CUSTOM_FUNCTIONS), vocabulary: `\n${vocabularyMarkdown()}\n` };
const updated = Object.entries(sections).reduce((text, [name, content]) => withGeneratedSection(text, name, content), readme);
if (updated === readme) {
  console.log('README.md generated sections are up to date');
} else if (process.argv.includes('--check')) {
  console.error('README.md generated sections are out of date: run npm run docs');
  process.exit(1);
} else {
  writeFileSync(readmePath, updated);
  console.log(`README.md rewritten: function reference (${CUSTOM_FUNCTIONS.length} functions) and header vocabulary`);
}
