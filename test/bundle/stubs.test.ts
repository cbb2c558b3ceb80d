// The built dist/ as Apps Script will load it: needs `npm run build` first (npm test does it).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PUBLIC_FUNCTIONS, CUSTOM_FUNCTIONS } from '../../src/server';
import { bundleFunction, DIST_CODE, DIST_DIR, loadBundle } from '../support/load-bundle';

interface EmittedStub {
  name: string;
  params: string[];
  jsDoc: string;
}

/** Every top-level function declaration of the file with the JSDoc block directly above it ('' if none). */
function emittedStubs(source: string): EmittedStub[] {
  const stubs: EmittedStub[] = [];
  const declaration = /^function ([\w$]+)\(([^)]*)\)/gm;
  for (let match = declaration.exec(source); match; match = declaration.exec(source)) {
    const before = source.slice(0, match.index);
    const jsDoc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\n$/.exec(before);
    const params = match[2].split(',').map((param) => param.trim()).filter((param) => param !== '');
    stubs.push({ name: match[1], params, jsDoc: jsDoc ? jsDoc[1] : '' });
  }
  return stubs;
}

function jsDocParamNames(jsDoc: string): string[] {
  return [...jsDoc.matchAll(/@param \{[^}]*\} \[?([\w$]+)\]?/g)].map((match) => match[1]);
}

const source = readFileSync(DIST_CODE, 'utf8');
const stubs = emittedStubs(source);
const customNames = new Set<string>(CUSTOM_FUNCTIONS.map((spec) => spec.name));

describe('dist/Code.js', () => {
  it('starts with @OnlyCurrentDoc and is not minified', () => {
    expect(source.startsWith('/** @OnlyCurrentDoc */\n')).toBe(true);
    expect(source).toContain('\n  // src/server.ts\n');
  });

  it('declares exactly one top-level function per public function, none of them private', () => {
    expect(stubs.map((stub) => stub.name).sort()).toEqual(PUBLIC_FUNCTIONS.map((spec) => spec.name).sort());
    for (const stub of stubs) expect(stub.name.endsWith('_')).toBe(false);
  });

  it.each(PUBLIC_FUNCTIONS.map((spec) => [spec.name, spec] as const))(
    '%s has JSDoc directly above it with the real parameter names',
    (name, spec) => {
      const stub = stubs.find((candidate) => candidate.name === name);
      expect(stub).toBeDefined();
      const registryNames = spec.params.map((param) => param.name);
      expect(stub?.params).toEqual(registryNames);
      expect(jsDocParamNames(stub?.jsDoc ?? '')).toEqual(registryNames);
      expect(stub?.jsDoc).toContain(spec.description.trim().replace(/\s+/g, ' '));
      expect(stub?.jsDoc.includes('@customfunction')).toBe(customNames.has(name));
      if (customNames.has(name)) expect(stub?.jsDoc).toMatch(/@return \{[^}]+\} \S/);
    },
  );
});

describe('the bundle loaded with gas-local', () => {
  it('exposes every public function as a top-level function of the global scope', () => {
    const context = loadBundle();
    for (const spec of PUBLIC_FUNCTIONS) {
      expect(typeof context[spec.name]).toBe('function');
      expect(bundleFunction(context, spec.name)).toHaveLength(spec.params.length);
    }
  });

  it('keeps the bundle itself behind one private global', () => {
    const context = loadBundle();
    const ownGlobals = Object.keys(context).filter((key) => key !== 'console');
    const bundleGlobals = ownGlobals.filter((key) => typeof context[key] !== 'function');
    expect(bundleGlobals).toEqual(['RaceAddon_']);
  });

  it('gives every test a fresh global scope', () => {
    const first = loadBundle({ marker: 1 });
    const second = loadBundle();
    expect(first.marker).toBe(1);
    expect(second.marker).toBeUndefined();
    expect(first.RaceAddon_).not.toBe(second.RaceAddon_);
  });
});

describe('dist/appsscript.json', () => {
  it('is the project manifest, copied unchanged', () => {
    const root = resolve(__dirname, '../..');
    expect(readFileSync(join(DIST_DIR, 'appsscript.json'), 'utf8')).toBe(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  });
});
