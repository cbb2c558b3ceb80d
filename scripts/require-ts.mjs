// Loads TypeScript modules in a build script, one file at a time (esbuild transform, no bundling), so
// every function keeps the parameter names written in the source. (Bundling renames a parameter that
// shadows a top-level name of another module, e.g. `visits` becomes `visits2`.)
import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);

if (!Module._extensions['.ts']) {
  Module._extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
    });
    module._compile(code, filename);
  };
}

export function requireTs(file) {
  return require(resolve(file));
}
