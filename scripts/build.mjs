// npm run build: dist/Code.js (the server bundle plus generated top-level stubs), dist/appsscript.json
// and dist/Sidebar.html, ready for `clasp push` as they are.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { buildSidebar } from './build-sidebar.mjs';
import { importTs } from './import-ts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const outDir = join(root, 'dist');
const { BUNDLE_GLOBAL, parameterNames, registryProblems, renderStubs } = await importTs('scripts/stubs.ts');

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

let registry;
try {
  registry = evaluate(bundleCode)[BUNDLE_GLOBAL];
} catch (error) {
  fail([`the bundle throws while loading: ${error.stack ?? error}`]);
}
const { PUBLIC_FUNCTIONS: publicFunctions, CUSTOM_FUNCTIONS: customFunctions } = registry;
if (!Array.isArray(publicFunctions) || !Array.isArray(customFunctions)) {
  fail(['src/server.ts must export PUBLIC_FUNCTIONS and CUSTOM_FUNCTIONS']);
}
const problems = registryProblems(publicFunctions, customFunctions);
if (problems.length > 0) fail(problems);

const code = `${bundleCode}\n${renderStubs(publicFunctions, customFunctions)}`;

// The emitted stubs, as Apps Script will see them: top-level functions with the registry's parameter names.
const emitted = evaluate(code);
const stubProblems = publicFunctions.flatMap((spec) => {
  const stub = emitted[spec.name];
  if (typeof stub !== 'function') return [`${spec.name}: no top-level function in dist/Code.js`];
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
