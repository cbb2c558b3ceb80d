// Shared by the benchmarks: interleaved rounds, median CPU and wall time per contender.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** bench/results.json: the RACE_SUMMARY figures at the top level, the other functions under `functions`. */
export const RESULTS_FILE = join(process.cwd(), 'bench', 'results.json');

export function readResults(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Writes `entries` into bench/results.json, keeping what the other benchmarks wrote there. */
export function writeResults(entries: Record<string, unknown>): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...readResults(), ...entries }, null, 2)}\n`);
  console.log(`\n  written: ${RESULTS_FILE}`);
}

/** Timed rounds per contender (after one warm-up run); BENCH_RUNS overrides. */
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
 * One warm-up run each (its result kept for checking unless `keepResults` is false), then `runs` rounds in
 * which every contender runs once, so that load from other processes on a shared machine falls on all of
 * them alike. Both CPU time (user + system of this process) and wall time are recorded; the ratios use CPU
 * time, which does not count time spent waiting for a core.
 * No forced gc() between runs: a forced full GC discards optimized code, so every run would start cold.
 */
export function measureAll(contenders: Contender[], runs = RUNS, { keepResults = true, print = true } = {}): void {
  for (const c of contenders) {
    const result = c.work();
    if (keepResults) c.result = result;
  }
  for (let round = 0; round < runs; round++) {
    for (const c of contenders) {
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      c.work(); // results of the timed runs are dropped: holding large ones would add GC work to the next contender's time
      c.wall.push(performance.now() - wallStart);
      const cpu = process.cpuUsage(cpuStart);
      c.cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  if (print) printContenders(contenders);
}

export function printContenders(contenders: Contender[]): void {
  console.log(`  ${'contender'.padEnd(48)} ${'cpu ms'.padStart(8)} ${'wall ms'.padStart(8)}   cpu ms of each run`);
  for (const c of contenders) {
    const each = c.cpu.map((t) => t.toFixed(0)).join(', ');
    console.log(`  ${c.name.padEnd(48)} ${median(c.cpu).toFixed(1).padStart(8)} ${median(c.wall).toFixed(1).padStart(8)}   ${each}`);
  }
}
