// npm run docs: rewrites the function reference in README.md from the registry.
// With --check it only reports (exit 1) when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireTs } from './require-ts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const readmePath = join(root, 'README.md');
const { renderReference, withReference } = requireTs('scripts/reference.ts');
const { CUSTOM_FUNCTIONS } = requireTs('src/functions/index.ts');

const readme = readFileSync(readmePath, 'utf8');
const updated = withReference(readme, renderReference(CUSTOM_FUNCTIONS));
if (updated === readme) {
  console.log('README.md function reference is up to date');
} else if (process.argv.includes('--check')) {
  console.error('README.md function reference is out of date: run npm run docs');
  process.exit(1);
} else {
  writeFileSync(readmePath, updated);
  console.log(`README.md function reference rewritten (${CUSTOM_FUNCTIONS.length} functions)`);
}
