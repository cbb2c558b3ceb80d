// Timing shared by the benchmarks: interleaved rounds, CPU and wall time, medians; results merged into bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Contender {
  name: string;
  work: () => unknown;
  cpu: number[];
  wall: number[];
  result?: unknown;
}

export const contender = (name: string, work: () => unknown): Contender => ({ name, work, cpu: [], wall: [] });

/**
 * One warm-up run each, then RUNS rounds in which every contender runs once, so that load from other
 * processes on a shared machine falls on all of them alike. Both CPU time (user + system of this process)
 * and wall time are recorded; the ratios use CPU time, which does not count time spent waiting for a core.
 * No forced gc() between runs: a forced full GC discards optimized code, so every run would start cold.
 */
export function measureAll(contenders: Contender[]): void {
  for (const c of contenders) c.result = c.work();
  for (let round = 0; round < RUNS; round++) {
    for (const c of contenders) {
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      c.result = c.work();
      c.wall.push(performance.now() - wallStart);
      const cpu = process.cpuUsage(cpuStart);
      c.cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  console.log(`  ${'contender'.padEnd(48)} ${'cpu ms'.padStart(8)} ${'wall ms'.padStart(8)}   cpu ms of each run`);
  for (const c of contenders) {
    const runs = c.cpu.map((t) => t.toFixed(0)).join(', ');
    console.log(`  ${c.name.padEnd(48)} ${median(c.cpu).toFixed(1).padStart(8)} ${median(c.wall).toFixed(1).padStart(8)}   ${runs}`);
  }
}


/** Writes `entries` into bench/results.json, keeping what the other benchmarks wrote there. */
export function writeResults(entries: Record<string, unknown>): void {
  const out = join(process.cwd(), 'bench', 'results.json');
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(out, `${JSON.stringify({ ...previous, ...entries }, null, 2)}\n`);
  console.log(`\n  written: ${out}`);
}
