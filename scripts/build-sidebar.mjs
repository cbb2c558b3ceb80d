// Builds sidebar/ into one self-contained dist/Sidebar.html: the bundled script and the stylesheet are
// inlined into sidebar/index.html, because HtmlService serves one file and the sandbox should fetch nothing.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// HtmlService sends the whole file each time the sidebar opens. Measured at 116 KB with the import
// section: the three message catalogues 55 KB (every key is bundled), Papa Parse 19 KB, sidebar code
// 17 KB, core code 16 KB, markup and styles 9 KB. Issue 7 adds the plan's and dashboard's sentences in
// three languages (about 20 KB per branch for the OSA plan alone), so 224 KB leaves room for the
// catalogues to grow; a large library bundled by mistake still fails the build.
export const SIDEBAR_MAX_BYTES = 224 * 1024;
const STYLE_SLOT = '/* inline: styles.css */';
const SCRIPT_SLOT = '/* inline: main.js */';

/** Every reference to something outside the file: src/href/action to a URL, CSS url() or @import. */
export function externalReferences(html) {
  const patterns = [
    /\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\/[^\s"'>]*/gi,
    /url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\/[^)]*\)/gi,
    /@import\b[^;]*/gi,
  ];
  return patterns.flatMap((pattern) => html.match(pattern) ?? []);
}

/** Puts `code` where `slot` is in `html`, exactly once (a function replacement keeps "$&" in code literal). */
function fillSlot(html, slot, code) {
  const at = html.indexOf(slot);
  if (at < 0 || html.indexOf(slot, at + 1) >= 0) throw new Error(`sidebar/index.html must contain ${slot} exactly once`);
  return html.slice(0, at) + code + html.slice(at + slot.length);
}

export async function buildSidebar(outDir, sidebarDir = resolve('sidebar')) {
  const script = await build({
    entryPoints: [join(sidebarDir, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    charset: 'utf8', // fa/ar labels as UTF-8 (2 bytes a letter) rather than \u escapes (6)
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const styles = await build({
    entryPoints: [join(sidebarDir, 'styles.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  let html = readFileSync(join(sidebarDir, 'index.html'), 'utf8');
  html = fillSlot(html, STYLE_SLOT, styles.outputFiles[0].text.trim());
  html = fillSlot(html, SCRIPT_SLOT, script.outputFiles[0].text.trim());

  const problems = [];
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > SIDEBAR_MAX_BYTES) problems.push(`dist/Sidebar.html is ${bytes} bytes, over the ${SIDEBAR_MAX_BYTES}-byte limit`);
  for (const reference of externalReferences(html)) problems.push(`dist/Sidebar.html refers to something outside itself: ${reference}`);
  if (problems.length > 0) throw new Error(`sidebar build failed:\n  - ${problems.join('\n  - ')}`);

  writeFileSync(join(outDir, 'Sidebar.html'), html);
  console.log(`dist/Sidebar.html: ${(bytes / 1024).toFixed(1)} KB`);
  return { bytes };
}
