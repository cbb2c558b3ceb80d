// Pure helpers of the build: check the registry of public functions and render the top-level Apps Script
// stubs (with JSDoc) that delegate to the bundle. No Node or Apps Script APIs here, so it is unit-tested.
import type { ServerFunctionSpec } from '../src/addon/define';
import type { CustomFunctionSpec } from '../src/functions/define';

export type PublicFunctionSpec = CustomFunctionSpec | ServerFunctionSpec;

/** The global the IIFE bundle assigns; ends in "_" so Apps Script keeps it private. */
export const BUNDLE_GLOBAL = 'RaceAddon_';
export const CUSTOM_FUNCTION_PREFIX = 'RACE_';

const IDENTIFIER = /^[A-Za-z$_][\w$]*$/;

/**
 * The parameter names of a function as written in its source: `run(a, b) {}`, `function (a, b) {}`,
 * `(a, b) => ...`, `a => ...`, with default values and a rest parameter. Throws when a parameter is
 * not a plain name (destructuring), since a stub could not repeat it.
 */
export function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = Function.prototype.toString.call(fn);
  const arrowWithoutParens = /^\s*(?:async\s+)?([A-Za-z$_][\w$]*)\s*=>/.exec(source);
  if (arrowWithoutParens) return [arrowWithoutParens[1]];
  const open = source.indexOf('(');
  if (open < 0) throw new Error(`cannot find the parameter list of: ${source.slice(0, 80)}`);
  const pieces: string[] = [];
  let depth = 0;
  let start = open + 1;
  let quote = '';
  for (let i = open + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ')') {
      if (depth === 0) {
        pieces.push(source.slice(start, i));
        return namesOf(pieces, source);
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      pieces.push(source.slice(start, i));
      start = i + 1;
    }
  }
  throw new Error(`unbalanced parameter list in: ${source.slice(0, 80)}`);
}

function namesOf(pieces: string[], source: string): string[] {
  const names: string[] = [];
  for (const piece of pieces) {
    const name = piece.split('=')[0].trim().replace(/^\.\.\./, '');
    if (name === '' && piece.trim() === '') continue; // `()` or a trailing comma
    if (!IDENTIFIER.test(name)) throw new Error(`parameter "${piece.trim()}" is not a plain name in: ${source.slice(0, 80)}`);
    names.push(name);
  }
  return names;
}

function isCustom(spec: PublicFunctionSpec, customSpecs: ReadonlySet<PublicFunctionSpec>): spec is CustomFunctionSpec {
  return customSpecs.has(spec);
}

function isFilled(text: unknown): text is string {
  return typeof text === 'string' && text.trim() !== '';
}

/**
 * Everything that would make the generated Apps Script project wrong, one message per problem
 * (empty when the registry is fine). `customFunctions` are the very objects of `publicFunctions` that get
 * `@customfunction`.
 */
export function registryProblems(
  publicFunctions: readonly PublicFunctionSpec[],
  customFunctions: readonly CustomFunctionSpec[],
): string[] {
  const problems: string[] = [];
  const customSpecs = new Set<PublicFunctionSpec>(customFunctions);
  for (const spec of customFunctions) {
    if (!publicFunctions.includes(spec)) problems.push(`${spec.name}: custom function missing from PUBLIC_FUNCTIONS`);
  }
  const seen = new Set<string>();
  for (const spec of publicFunctions) {
    const name = String(spec.name);
    const where = `${name}:`;
    if (seen.has(name)) problems.push(`${where} two public functions have this name`);
    seen.add(name);
    if (!IDENTIFIER.test(name)) problems.push(`${where} not a valid JavaScript function name`);
    if (name.endsWith('_')) problems.push(`${where} a public name must not end in "_" (Apps Script would make it private)`);
    if (!isFilled(spec.description)) problems.push(`${where} missing description`);
    if (typeof spec.run !== 'function') {
      problems.push(`${where} run is not a function`);
      continue;
    }
    const registryNames = spec.params.map((param) => param.name);
    let realNames: string[];
    try {
      realNames = parameterNames(spec.run);
    } catch (error) {
      problems.push(`${where} ${(error as Error).message}`);
      continue;
    }
    if (registryNames.join(',') !== realNames.join(',')) {
      problems.push(`${where} params (${registryNames.join(', ')}) differ from run's parameters (${realNames.join(', ')})`);
    }
    const firstOptional = spec.params.findIndex((param) => param.optional);
    if (firstOptional >= 0 && spec.params.slice(firstOptional).some((param) => !param.optional)) {
      problems.push(`${where} a required parameter follows an optional one`);
    }
    for (const param of spec.params) {
      if (!isFilled(param.description)) problems.push(`${where} parameter "${param.name}" has no description`);
    }
    if (isCustom(spec, customSpecs)) {
      if (!name.startsWith(CUSTOM_FUNCTION_PREFIX)) problems.push(`${where} a custom function name must start with ${CUSTOM_FUNCTION_PREFIX}`);
      if (!isFilled(spec.returns)) problems.push(`${where} missing returns`);
      if (!spec.example || !isFilled(spec.example.formula) || !isFilled(spec.example.result)) {
        problems.push(`${where} missing example (formula and result)`);
      }
    }
  }
  return problems;
}

/** Text safe inside a /** *\/ comment, on one line. */
function jsDocText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\*\//g, '*\\/');
}

/** JSDoc plus a top-level function that forwards to the bundle, keeping the real parameter names. */
export function renderStub(spec: PublicFunctionSpec, custom: boolean): string {
  const lines = ['/**', ` * ${jsDocText(spec.description)}`];
  if (custom) {
    const { example } = spec as CustomFunctionSpec;
    lines.push(` * Example: ${jsDocText(example.formula)} returns ${jsDocText(example.result)}`);
  }
  lines.push(' *');
  const paramType = custom ? '{*|Array<Array<*>>}' : '{*}';
  for (const param of spec.params) {
    const name = param.optional ? `[${param.name}]` : param.name;
    lines.push(` * @param ${paramType} ${name} ${jsDocText(param.description)}`);
  }
  if (custom) {
    const { returns, spills } = spec as CustomFunctionSpec;
    lines.push(` * @return ${spills ? '{Array<Array<*>>}' : '{*}'} ${jsDocText(returns)}`);
    lines.push(' * @customfunction');
  } else if (isFilled(spec.returns)) {
    lines.push(` * @return {*} ${jsDocText(spec.returns)}`);
  }
  lines.push(' */');
  const params = spec.params.map((param) => param.name).join(', ');
  lines.push(`function ${spec.name}(${params}) { return ${BUNDLE_GLOBAL}.api.${spec.name}.apply(this, arguments); }`);
  return lines.join('\n');
}

/** The footer of the bundle: one stub per public function, in registry order. */
export function renderStubs(
  publicFunctions: readonly PublicFunctionSpec[],
  customFunctions: readonly CustomFunctionSpec[],
): string {
  const customSpecs = new Set<PublicFunctionSpec>(customFunctions);
  const header = '// Generated by scripts/build.mjs from the registry: Apps Script finds only top-level functions.';
  return [header, ...publicFunctions.map((spec) => renderStub(spec, isCustom(spec, customSpecs)))].join('\n\n') + '\n';
}
