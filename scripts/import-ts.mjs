// Imports a TypeScript module from a build script: esbuild bundles it for Node (packages stay external).
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTs(file) {
  // Inside the project, so external imports resolve from its node_modules.
  const outDir = resolve('node_modules/.cache/race-scripts');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(file, '.ts')}-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [resolve(file)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
