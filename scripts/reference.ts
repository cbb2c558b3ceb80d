// Pure: the README's generated sections (function reference, header vocabulary) and the marker splicing.
// scripts/readme-reference.mjs writes them into README.md; the tests check they are current.
import type { CustomFunctionSpec } from '../src/functions/define';

function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

function signature(spec: CustomFunctionSpec): string {
  const params = spec.params.map((param) => (param.optional ? `[${param.name}]` : param.name));
  return `${spec.name}(${params.join(', ')})`;
}

function renderFunction(spec: CustomFunctionSpec): string {
  const lines = [`### ${spec.name}`, '', `\`${signature(spec)}\``, '', spec.description.trim(), ''];
  if (spec.params.length > 0) {
    lines.push('| Argument | Required | Description |', '| --- | --- | --- |');
    for (const param of spec.params) {
      lines.push(`| \`${param.name}\` | ${param.optional ? 'optional' : 'yes'} | ${cellText(param.description)} |`);
    }
    lines.push('');
  }
  lines.push(`Returns: ${spec.returns.trim()}${spec.spills ? ' Spills into the cells below and to the right.' : ''}`, '');
  lines.push(`Example: \`${spec.example.formula}\` gives ${spec.example.result.trim()}`);
  return lines.join('\n');
}

/** The text between the reference markers (one block per function, in registry order). */
export function renderReference(customFunctions: readonly CustomFunctionSpec[]): string {
  const index = customFunctions.map((spec) => `- [\`${spec.name}\`](#${spec.name.toLowerCase()})`).join('\n');
  const intro =
    'Generated from the function registry by `npm run docs`; do not edit by hand. Ranges work wherever a number is expected.';
  return ['', intro, '', index, '', ...customFunctions.map(renderFunction).flatMap((block) => [block, '']), ''].join('\n');
}

/** The generated text between `<!-- name:start -->` and `<!-- name:end -->` (undefined without markers). */
export function generatedSection(readme: string, name: string): string | undefined {
  const [startMarker, endMarker] = markers(name);
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + startMarker.length, end);
}

/** The README with the generated section `name` replaced; throws when its markers are missing. */
export function withGeneratedSection(readme: string, name: string, content: string): string {
  const [startMarker, endMarker] = markers(name);
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${startMarker} and ${endMarker}`);
  return readme.slice(0, start + startMarker.length) + content + readme.slice(end);
}

function markers(name: string): [string, string] {
  return [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
}
