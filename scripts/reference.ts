// Pure: the README's function reference, generated from the registry of custom functions.
// scripts/readme-reference.mjs writes it into README.md; test/unit/readme.test.ts checks it is current.
import type { CustomFunctionSpec } from '../src/functions/define';

export const REFERENCE_START = '<!-- reference:start -->';
export const REFERENCE_END = '<!-- reference:end -->';

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

/** The reference section currently in a README (undefined when the markers are missing). */
export function referenceSection(readme: string): string | undefined {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + REFERENCE_START.length, end);
}

/** The README with its reference section replaced; throws when the markers are missing. */
export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${REFERENCE_START} and ${REFERENCE_END}`);
  return readme.slice(0, start + REFERENCE_START.length) + reference + readme.slice(end);
}
