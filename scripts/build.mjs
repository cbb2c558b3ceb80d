// npm run build: dist/Code.js (the server bundle plus generated top-level stubs), dist/appsscript.json
// and dist/Sidebar.html, ready for `clasp push` as they are.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { buildSidebar } from './build-sidebar.mjs';
import { requireTs } from './require-ts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const outDir = join(root, 'dist');
const { BUNDLE_GLOBAL, parameterNames, registryProblems, renderStubs } = requireTs('scripts/stubs.ts');

function fail(lines) {
  console.error(['build failed:', ...lines.map((line) => `  - ${line}`)].join('\n'));
  process.exit(1);
}

/** Runs the bundle in an empty context, as Apps Script does before every call: load-time service calls fail here. */
function evaluate(code) {
  const context = vm.createContext({ console });
  vm.runInContext(code, context, { filename: 'dist/Code.js' });
  return context;
}

const bundle = await build({
  entryPoints: ['src/server.ts'],
  bundle: true,
  format: 'iife',
  globalName: BUNDLE_GLOBAL,
  target: 'es2020',
  platform: 'neutral', // no Node built-ins: importing one is a build error
  minify: false, // Apps Script stack traces point into dist/Code.js
  charset: 'utf8', // fa/ar messages stay readable in dist/
  legalComments: 'eof',
  banner: { js: '/** @OnlyCurrentDoc */' },
  write: false,
  logLevel: 'warning',
});
const bundleCode = bundle.outputFiles[0].text;

// The registry as written in the source (see require-ts.mjs for why not from the bundle).
const { PUBLIC_FUNCTIONS: publicFunctions, CUSTOM_FUNCTIONS: customFunctions } = requireTs('src/server.ts');
if (!Array.isArray(publicFunctions) || !Array.isArray(customFunctions)) {
  fail(['src/server.ts must export PUBLIC_FUNCTIONS and CUSTOM_FUNCTIONS']);
}
const problems = registryProblems(publicFunctions, customFunctions);
if (problems.length > 0) fail(problems);

const code = `${bundleCode}\n${renderStubs(publicFunctions, customFunctions)}`;

// The emitted file as Apps Script loads it: one top-level function per public function, with the
// registry's parameter names, forwarding to a bundle function of the same name.
let emitted;
try {
  emitted = evaluate(code);
} catch (error) {
  fail([`dist/Code.js throws while loading: ${error.stack ?? error}`]);
}
const stubProblems = publicFunctions.flatMap((spec) => {
  const stub = emitted[spec.name];
  if (typeof stub !== 'function') return [`${spec.name}: no top-level function in dist/Code.js`];
  if (typeof emitted[BUNDLE_GLOBAL].api[spec.name] !== 'function') return [`${spec.name}: missing from api in src/server.ts`];
  const expected = spec.params.map((param) => param.name).join(', ');
  const actual = parameterNames(stub).join(', ');
  return actual === expected ? [] : [`${spec.name}: stub parameters (${actual}) differ from the registry (${expected})`];
});
if (stubProblems.length > 0) fail(stubProblems);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(outDir, 'appsscript.json'));
await buildSidebar(outDir);

const serverCount = publicFunctions.length - customFunctions.length;
console.log(
  `dist/Code.js: ${customFunctions.length} custom functions, ${serverCount} server functions, ${(code.length / 1024).toFixed(1)} KB`,
);
