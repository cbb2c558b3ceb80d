// `npm run bench`, second part: every custom function that reads ranges, measured as Apps Script runs it:
// the BUILT dist/Code.js loaded by gas-local (one vm context, as in the bundle tests), called through its
// top-level stubs, on arrays made inside the bundle's realm. Each is timed against a bare loop over the same
// cells in the same process: the least hand-written code giving the same result (typeof checks only; blanks
// skipped and Persian-digit text read with the same parseNumberText; no validation). Results are checked
// equal before timing.
// Ranges: the ratio functions (fn(amounts, counts)) and RACE_STATUS (actual, target; direction "higher" and
// tolerance 0.1 as single cells) read two 100,000 x 10 ranges of 1M cells each; RACE_CLV two such ranges
// (order value, purchases) and two single cells; RACE_NPS one; RACE_FUNNEL and RACE_BOTTLENECK a
// 1,000,000 x 1 column of volumes without labels (so "Stage n" labels). clean: every cell a number; messy:
// 2% blank cells (none among funnel volumes, where a blank is an error) and 1% Persian-digit text.
// Each figure is the median CPU time of RUNS rounds after one warm-up, the function and its bare loop taking
// turns (see measure.ts): the steady state of optimized code (an Apps Script execution starts colder).
// RACE_SUMMARY is measured by the first part (summary.bench.ts, on the core); RACE_KPIS reads no range.
// Environment: BENCH_RANGE_ROWS (default 100,000) and BENCH_RUNS (default 5: a RACE_FUNNEL run builds a
// 1M-row table and takes seconds). `npm run bench` builds dist/ first.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { parseNumberText, type Cell } from '../src/core/cells';
import { CUSTOM_FUNCTIONS } from '../src/functions';
import { bundleFunction, loadBundle, type BundleContext } from '../test/support/load-bundle';
import { generateBenchRange, type BenchVariant, type RangeKind } from './data';
import { contender, measureAll, median, printContenders, readResults, writeResults, type Contender } from './measure';

const ROWS = Number(process.env.BENCH_RANGE_ROWS ?? 100_000);
const COLUMNS = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL = 3;

type Range = Cell[][];

/** Copies a range into the bundle's realm, row by row (packed arrays, as a range arrives in Apps Script). */
function realmCopier(context: BundleContext): (range: Range) => Range {
  return vm.runInContext(
    `(function (range) {
      var out = [];
      for (var r = 0; r < range.length; r++) {
        var row = range[r], copy = [];
        for (var c = 0; c < row.length; c++) copy.push(row[c]);
        out.push(copy);
      }
      return out;
    })`,
    context,
  ) as (range: Range) => Range;
}

// --- the bare loops: what the functions compute, and nothing else ---

/** A cell that is not a number: blank is null, text goes through the same parser as ours. */
const textOrBlank = (value: Cell): number | null => (typeof value === 'string' && value !== '' ? (parseNumberText(value) ?? null) : null);

function bareSum(range: Range): number {
  let sum = 0;
  for (let r = 0; r < range.length; r++) {
    const row = range[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      sum += typeof v === 'number' ? v : (textOrBlank(v) ?? 0);
    }
  }
  return sum;
}

function bareMean(range: Range): number {
  let sum = 0;
  let count = 0;
  for (let r = 0; r < range.length; r++) {
    const row = range[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const n = typeof v === 'number' ? v : textOrBlank(v);
      if (n !== null) {
        sum += n;
        count++;
      }
    }
  }
  return sum / count;
}

function bareNps(range: Range): number {
  let answers = 0;
  let promoters = 0;
  let detractors = 0;
  for (let r = 0; r < range.length; r++) {
    const row = range[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const score = typeof v === 'number' ? v : textOrBlank(v);
      if (score === null) continue;
      answers++;
      if (score >= 9) promoters++;
      else if (score <= 6) detractors++;
    }
  }
  return ((promoters - detractors) * 100) / answers;
}

const STATUS = { onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' };

function bareStatus(actual: Range, target: Range, tolerance: number): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < actual.length; r++) {
    const actualRow = actual[r];
    const targetRow = target[r];
    const line: string[] = [];
    for (let c = 0; c < actualRow.length; c++) {
      const x = actualRow[c];
      const y = targetRow[c];
      const a = typeof x === 'number' ? x : textOrBlank(x);
      const t = typeof y === 'number' ? y : textOrBlank(y);
      if (a === null || t === null) line.push('');
      else line.push(a >= t ? STATUS.onTrack : a >= t - Math.abs(t) * tolerance ? STATUS.atRisk : STATUS.offTrack);
    }
    out.push(line);
  }
  return out;
}

const FUNNEL_HEADER = ['Stage', 'Volume', 'Step conversion', 'Cumulative conversion', 'Drop-off', 'Drop-off rate'];

function bareFunnel(volumes: Range): (string | number)[][] {
  const rows: (string | number)[][] = [FUNNEL_HEADER];
  let first = 0;
  let previous = 0;
  for (let i = 0; i < volumes.length; i++) {
    const cell = volumes[i][0];
    const volume = typeof cell === 'number' ? cell : (textOrBlank(cell) ?? 0);
    const label = `Stage ${i + 1}`;
    if (i === 0) {
      first = volume;
      rows.push([label, volume, '', '', '', '']);
    } else {
      const dropOff = previous - volume;
      rows.push([label, volume, previous > 0 ? volume / previous : '', first > 0 ? volume / first : '', dropOff, previous > 0 ? dropOff / previous : '']);
    }
    previous = volume;
  }
  return rows;
}

function bareBottleneck(volumes: Range): string {
  let worst = -1;
  let worstRate = Infinity;
  let previous = 0;
  for (let i = 0; i < volumes.length; i++) {
    const cell = volumes[i][0];
    const volume = typeof cell === 'number' ? cell : (textOrBlank(cell) ?? 0);
    if (i > 0 && previous > 0 && volume / previous < worstRate) {
      worstRate = volume / previous;
      worst = i;
    }
    previous = volume;
  }
  return `Stage ${worst} → Stage ${worst + 1}`;
}

// --- what is measured ---

interface Data {
  counts: Range;
  amounts: Range;
  targets: Range;
  scores: Range;
  volumes: Range;
}

interface Case {
  name: string;
  ours: (data: Data) => unknown;
  bare: (data: Data) => unknown;
}

const generationStart = performance.now();
const context = loadBundle({}, resolve('dist'));
const toRealm = realmCopier(context);
const fn = (name: string) => bundleFunction(context, name);
const range = (kind: RangeKind, variant: BenchVariant, seed: number, rows = ROWS, columns = COLUMNS, blanks = true) =>
  toRealm(generateBenchRange(rows, columns, kind, variant, seed, blanks));
const dataOf = (variant: BenchVariant): Data => ({
  counts: range('count', variant, 11),
  amounts: range('amount', variant, 12),
  targets: range('count', variant, 13),
  scores: range('score', variant, 14),
  volumes: range('count', variant, 15, ROWS * COLUMNS, 1, false),
});
const data: Record<BenchVariant, Data> = { clean: dataOf('clean'), messy: dataOf('messy') };

// Every ratio function is called as fn(amounts, counts): its first argument is the numerator, except
// RACE_CONVERSION(from, to), which is sum(to) / sum(from).
const ratio = (name: string, bare: (top: number, bottom: number) => number): Case => ({
  name,
  ours: (d) => fn(name)(d.amounts, d.counts),
  bare: (d) => bare(bareSum(d.amounts), bareSum(d.counts)),
});
const quotient = (top: number, bottom: number) => top / bottom;
const change = (top: number, bottom: number) => top / bottom - 1;
const cases: Case[] = [
  ratio('RACE_CONVERSION', (from, to) => to / from),
  ...['RACE_AOV', 'RACE_CPA', 'RACE_ROAS', 'RACE_VALUE_PER_VISIT', 'RACE_BOUNCE_RATE', 'RACE_REPEAT_RATE', 'RACE_CHURN'].map((name) => ratio(name, quotient)),
  ratio('RACE_ROI', change),
  ratio('RACE_GROWTH', change),
  {
    name: 'RACE_CLV',
    ours: (d) => fn('RACE_CLV')(d.amounts, d.scores, 3, 0.4),
    bare: (d) => bareMean(d.amounts) * bareMean(d.scores) * 3 * 0.4,
  },
  { name: 'RACE_NPS', ours: (d) => fn('RACE_NPS')(d.scores), bare: (d) => bareNps(d.scores) },
  {
    name: 'RACE_STATUS',
    ours: (d) => fn('RACE_STATUS')(d.counts, d.targets, 'higher', 0.1, 'en'),
    bare: (d) => bareStatus(d.counts, d.targets, 0.1),
  },
  { name: 'RACE_BOTTLENECK', ours: (d) => fn('RACE_BOTTLENECK')(d.volumes, '', 'en'), bare: (d) => bareBottleneck(d.volumes) },
  { name: 'RACE_FUNNEL', ours: (d) => fn('RACE_FUNNEL')(d.volumes, '', 'en'), bare: (d) => bareFunnel(d.volumes) },
];
const notMeasured: Record<string, string> = {
  RACE_SUMMARY: 'measured above (core, 1M rows x 8 columns)',
  RACE_KPIS: 'reads no range (the KPI catalogue)',
};
const missing = CUSTOM_FUNCTIONS.map((spec) => spec.name).filter((name) => !cases.some((c) => c.name === name) && !(name in notMeasured));
if (missing.length > 0) throw new Error(`no benchmark case for ${missing.join(', ')}`);

console.log(
  `\nCustom functions benchmark: the built bundle via gas-local against a bare loop, ${(ROWS * COLUMNS).toLocaleString('en')} cells per range, median of ${RUNS} runs after a warm-up`,
);
console.log(`  data generated in ${(performance.now() - generationStart).toFixed(0)} ms`);

/** Same result: numbers equal to 1e-9 relative (the sums may add in another order), everything else exactly. */
function sameResult(ours: unknown, bare: unknown, where: string): void {
  if (Array.isArray(ours) && Array.isArray(bare)) {
    if (ours.length !== bare.length) throw new Error(`${where}: ${ours.length} rows, bare loop has ${bare.length}`);
    for (let i = 0; i < ours.length; i++) sameResult(ours[i], bare[i], `${where}[${i}]`);
    return;
  }
  if (typeof ours === 'number' && typeof bare === 'number') {
    if (Math.abs(ours - bare) <= 1e-9 * Math.max(1, Math.abs(bare))) return;
  } else if (ours === bare) return;
  throw new Error(`${where}: ${String(ours)} != bare loop's ${String(bare)}`);
}

interface Row {
  name: string;
  variant: BenchVariant;
  ours: Contender;
  bare: Contender;
}
const rows: Row[] = [];
for (const variant of ['clean', 'messy'] as const) {
  for (const c of cases) {
    const d = data[variant];
    rows.push({ name: c.name, variant, ours: contender(`${c.name}, ${variant}`, () => c.ours(d)), bare: contender(`bare loop, ${variant}`, () => c.bare(d)) });
  }
}
// Each function against its bare loop, interleaved, one pair at a time: the garbage of the functions that
// return a million cells (RACE_STATUS, RACE_FUNNEL) is then collected within their own pair's rounds.
// Results are checked first and let go: a million-row result kept alive would make every later GC slower.
for (const row of rows) {
  sameResult(row.ours.work(), row.bare.work(), `${row.name} (${row.variant})`);
  measureAll([row.ours, row.bare], RUNS, { keepResults: false, print: false });
}
printContenders(rows.flatMap((row) => [row.ours, row.bare]));

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const cpu = (c: Contender) => median(c.cpu);
const summary = readResults();
const summaryRatios = summary.ratios as { oursOverBareClean?: number; oursOverBareMessy?: number } | undefined;
const functions: Record<string, Record<string, unknown>> = {};
for (const c of cases) {
  const entry: Record<string, unknown> = {};
  for (const row of rows.filter((r) => r.name === c.name)) {
    entry[row.variant] = { oursCpuMs: round(cpu(row.ours)), bareCpuMs: round(cpu(row.bare)), ratio: round(cpu(row.ours) / cpu(row.bare)) };
  }
  functions[c.name] = entry;
}

console.log(`\n  ${'function'.padEnd(22)} ${'clean ms'.padStart(9)} ${'bare ms'.padStart(8)} ${'ratio'.padStart(6)}   ${'messy ms'.padStart(9)} ${'bare ms'.padStart(8)} ${'ratio'.padStart(6)}   goal <= ${GOAL}`);
for (const spec of CUSTOM_FUNCTIONS) {
  const entry = functions[spec.name] as Record<BenchVariant, { oursCpuMs: number; bareCpuMs: number; ratio: number }> | undefined;
  if (entry === undefined) {
    const note =
      spec.name === 'RACE_SUMMARY' && summaryRatios
        ? `${notMeasured[spec.name]}: ours/bare ${summaryRatios.oursOverBareClean} clean, ${summaryRatios.oursOverBareMessy} messy`
        : notMeasured[spec.name];
    console.log(`  ${spec.name.padEnd(22)} ${note}`);
    continue;
  }
  const cells = (['clean', 'messy'] as const).map((v) => {
    const e = entry[v];
    return `${e.oursCpuMs.toFixed(1).padStart(9)} ${e.bareCpuMs.toFixed(1).padStart(8)} ${e.ratio.toFixed(2).padStart(6)}`;
  });
  const met = entry.clean.ratio <= GOAL && entry.messy.ratio <= GOAL;
  console.log(`  ${spec.name.padEnd(22)} ${cells.join('   ')}   ${met ? 'met' : 'NOT met'}`);
}

const allMet = Object.values(functions).every((entry) =>
  Object.values(entry).every((e) => (e as { ratio: number }).ratio <= GOAL),
);
writeResults({
  ...summary,
  functions: {
    measured: 'built dist/Code.js via gas-local, against a bare loop in the same process; median CPU ms',
    cellsPerRange: ROWS * COLUMNS,
    runs: RUNS,
    date: new Date().toISOString(),
    goal: `ours/bare <= ${GOAL}`,
    goalMet: allMet,
    results: functions,
    notMeasured,
  },
});
