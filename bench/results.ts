// bench/results.json is shared by every benchmark: each one writes its own top-level keys and keeps the
// others' (a benchmark run alone must not drop another's last results).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_FILE = join(process.cwd(), 'bench', 'results.json');

/** Merges `entries` into bench/results.json (replacing only those keys); returns the file's path. */
export function saveResults(entries: Record<string, unknown>): string {
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, ...entries }, null, 2)}\n`);
  return RESULTS_FILE;
}
