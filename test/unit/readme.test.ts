import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CUSTOM_FUNCTIONS } from '../../src/functions';
import { generatedSection, renderReference, withGeneratedSection } from '../../scripts/reference';

const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

describe('README.md function reference', () => {
  it('is what `npm run docs` generates from the registry', () => {
    expect(generatedSection(readme, 'reference')).toBe(renderReference(CUSTOM_FUNCTIONS));
  });

  it('documents every custom function with its arguments and an example', () => {
    const section = generatedSection(readme, 'reference') ?? '';
    for (const spec of CUSTOM_FUNCTIONS) {
      expect(section).toContain(`### ${spec.name}\n`);
      for (const param of spec.params) expect(section).toContain(`| \`${param.name}\` |`);
      expect(section).toContain(`Example: \`${spec.example.formula}\``);
    }
  });

  it('sits under the "Function reference" heading', () => {
    expect(readme).toMatch(/## Function reference\s+<!-- reference:start -->/);
  });
});

describe('withGeneratedSection', () => {
  it('replaces only the text between the markers', () => {
    const before = '# Title\n<!-- reference:start -->\nold\n<!-- reference:end -->\n## After\n';
    expect(withGeneratedSection(before, 'reference', '\nnew\n')).toBe('# Title\n<!-- reference:start -->\nnew\n<!-- reference:end -->\n## After\n');
  });

  it('refuses a README without markers', () => {
    expect(() => withGeneratedSection('# Title\n', 'reference', 'x')).toThrow(/markers/);
  });
});
