// `npm run bench`: RACE_SUMMARY grouped by channel on 1,000,000 rows x 8 columns, against
// - a bare hand-written loop doing the same sums (the limit), on the same data: one statement per column,
//   typeof checks only; on the messy variant it still skips blanks and reads Persian-digit text (with the
//   same parseNumberText), so both do the same work (their totals are checked equal);
// - arquero@7 groupby().rollup() (the peer) on the clean variant, timed from the same 2-D array, so the
//   cost of building its columnar table from the rows is included (it is printed separately as well).
// Each figure is the median of RUNS rounds after one warm-up run (see measureAll); results go to bench/results.json.
// Environment: BENCH_ROWS (default 1,000,000) and BENCH_RUNS (default 7).
import * as aq from 'arquero';
import { performance } from 'node:perf_hooks';
import { parseNumberText, type Cell } from '../src/core/cells';
import { CUSTOM_FUNCTIONS } from '../src/functions';
import { BENCH_HEADER, FIRST_MEASURE, generateBenchRows } from './data';
import { contender, measureAll, median, RUNS, writeResults, type Contender } from './measure';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const MEASURE_COUNT = BENCH_HEADER.length - FIRST_MEASURE;
const CHANNEL = 1;

const raceSummary = CUSTOM_FUNCTIONS.find((spec) => spec.name === 'RACE_SUMMARY');
if (!raceSummary) throw new Error('RACE_SUMMARY is not in the registry');
const runSummary = (table: Cell[][]) => raceSummary.run(table, 'Channel', '', 'en') as Cell[][];

/** A non-number cell of the bare loops: blank adds 0, text goes through the same parser as ours. */
const textNumber = (value: Cell): number => (typeof value === 'string' && value !== '' ? (parseNumberText(value) ?? 0) : 0);

/**
 * The limit: the fastest hand-written loop for exactly these columns (known at write time, so one
 * statement per column), sums per channel, typeof checks only.
 */
function bareLoop(table: Cell[][]): Map<string, Float64Array> {
  const sums = new Map<string, Float64Array>();
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    const channel = row[CHANNEL] as string;
    let group = sums.get(channel);
    if (group === undefined) sums.set(channel, (group = new Float64Array(MEASURE_COUNT)));
    const visits = row[3], leads = row[4], customers = row[5], revenue = row[6], cost = row[7];
    group[0] += typeof visits === 'number' ? visits : textNumber(visits);
    group[1] += typeof leads === 'number' ? leads : textNumber(leads);
    group[2] += typeof customers === 'number' ? customers : textNumber(customers);
    group[3] += typeof revenue === 'number' ? revenue : textNumber(revenue);
    group[4] += typeof cost === 'number' ? cost : textNumber(cost);
  }
  return sums;
}

/** The same written naturally, with an inner loop over the columns (for information: see summarize.ts). */
function bareInnerLoop(table: Cell[][]): Map<string, Float64Array> {
  const sums = new Map<string, Float64Array>();
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    const channel = row[CHANNEL] as string;
    let group = sums.get(channel);
    if (group === undefined) sums.set(channel, (group = new Float64Array(MEASURE_COUNT)));
    for (let j = 0; j < MEASURE_COUNT; j++) {
      const value = row[FIRST_MEASURE + j];
      group[j] += typeof value === 'number' ? value : textNumber(value);
    }
  }
  return sums;
}

/** arquero's columnar table built from the 2-D array (what a 2-D range would need). */
function arqueroTable(table: Cell[][]) {
  const columns: Record<string, unknown[]> = {};
  for (const name of ['Channel', ...BENCH_HEADER.slice(FIRST_MEASURE)]) columns[name] = new Array(table.length - 1);
  const names = Object.keys(columns);
  const sources = [CHANNEL, ...BENCH_HEADER.slice(FIRST_MEASURE).map((_, j) => FIRST_MEASURE + j)];
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    for (let c = 0; c < names.length; c++) columns[names[c]][r - 1] = row[sources[c]];
  }
  return aq.table(columns);
}

function arqueroRollup(built: ReturnType<typeof arqueroTable>) {
  return built.groupby('Channel').rollup({
    Visits: aq.op.sum('Visits'),
    Leads: aq.op.sum('Leads'),
    Customers: aq.op.sum('Customers'),
    Revenue: aq.op.sum('Revenue'),
    Cost: aq.op.sum('Cost'),
  });
}

/** Our Total row must equal the bare loop's sums: the comparison is only fair if both do the same work. */
function checkSameTotals(label: string, ours: Cell[][], bare: Map<string, Float64Array>): void {
  const total = ours[ours.length - 1].slice(1, 1 + MEASURE_COUNT) as number[];
  const expected = new Float64Array(MEASURE_COUNT);
  for (const sums of bare.values()) sums.forEach((sum, j) => (expected[j] += sum));
  total.forEach((sum, j) => {
    if (Math.abs(sum - expected[j]) > 1e-6 * Math.abs(expected[j])) throw new Error(`${label}: column ${j} ${sum} != ${expected[j]}`);
  });
  if (ours.length - 2 !== bare.size) throw new Error(`${label}: ${ours.length - 2} groups, bare loop has ${bare.size}`);
}

const generationStart = performance.now();
const messy = generateBenchRows(ROWS, 'messy');
const clean = generateBenchRows(ROWS, 'clean');
console.log(`RACE_SUMMARY benchmark: ${ROWS.toLocaleString('en')} rows x ${BENCH_HEADER.length} columns, median of ${RUNS} runs after a warm-up`);
console.log(`  data generated in ${(performance.now() - generationStart).toFixed(0)} ms`);

const oursMessy = contender('RACE_SUMMARY (registry run), messy data', () => runSummary(messy));
const bareMessy = contender('bare loop, messy data', () => bareLoop(messy));
const oursClean = contender('RACE_SUMMARY (registry run), clean data', () => runSummary(clean));
const bareClean = contender('bare loop, clean data', () => bareLoop(clean));
const bareInnerClean = contender('bare loop with inner column loop, clean data', () => bareInnerLoop(clean));
const builtForArquero = arqueroTable(clean);
const arqueroBuild = contender('arquero table build from the 2-D array', () => arqueroTable(clean));
const arqueroRollupOnly = contender('arquero groupby().rollup() on a built table', () => arqueroRollup(builtForArquero));
const arqueroTotal = contender('arquero build + groupby().rollup(), clean', () => arqueroRollup(arqueroTable(clean)));
measureAll([oursMessy, bareMessy, oursClean, bareClean, bareInnerClean, arqueroBuild, arqueroRollupOnly, arqueroTotal], RUNS);

checkSameTotals('messy', oursMessy.result as Cell[][], bareMessy.result as Map<string, Float64Array>);
checkSameTotals('clean', oursClean.result as Cell[][], bareClean.result as Map<string, Float64Array>);
checkSameTotals('clean, inner loop', oursClean.result as Cell[][], bareInnerClean.result as Map<string, Float64Array>);
const oursCleanTotal = (oursClean.result as Cell[][]).at(-1)!;
const arqueroVisits = (arqueroRollup(builtForArquero).array('Visits') as number[]).reduce((a, b) => a + b, 0);
if (arqueroVisits !== oursCleanTotal[1]) throw new Error('arquero and RACE_SUMMARY disagree on visits');

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const cpuMs = (c: Contender) => median(c.cpu);
const ratios = {
  oursOverBareMessy: round(cpuMs(oursMessy) / cpuMs(bareMessy)),
  oursOverBareClean: round(cpuMs(oursClean) / cpuMs(bareClean)),
  arqueroOverOursClean: round(cpuMs(arqueroTotal) / cpuMs(oursClean)),
  arqueroRollupOnlyOverOursClean: round(cpuMs(arqueroRollupOnly) / cpuMs(oursClean)),
};
const goals = { oursOverBare: '<= 1.5', arqueroOverOurs: '>= 5' };
console.log('\n  ratio (CPU time)                               value   goal');
console.log(`  ours / bare (messy)                            ${String(ratios.oursOverBareMessy).padStart(5)}   ${goals.oursOverBare}`);
console.log(`  ours / bare (clean)                            ${String(ratios.oursOverBareClean).padStart(5)}   ${goals.oursOverBare}`);
console.log(`  arquero (build + rollup) / ours (clean)        ${String(ratios.arqueroOverOursClean).padStart(5)}   ${goals.arqueroOverOurs}`);
console.log(`  arquero (rollup only) / ours (clean)           ${String(ratios.arqueroRollupOnlyOverOursClean).padStart(5)}   (for information)`);

const contenders = (): [string, Contender][] => [
  ['oursMessy', oursMessy],
  ['bareMessy', bareMessy],
  ['oursClean', oursClean],
  ['bareClean', bareClean],
  ['bareInnerLoopClean', bareInnerClean],
  ['arqueroBuild', arqueroBuild],
  ['arqueroRollupOnly', arqueroRollupOnly],
  ['arqueroBuildAndRollup', arqueroTotal],
];
const results = {
  rows: ROWS,
  columns: BENCH_HEADER.length,
  runs: RUNS,
  node: process.version,
  date: new Date().toISOString(),
  /** Median milliseconds per contender: CPU time (the basis of the ratios) and wall time. */
  cpuMs: Object.fromEntries(contenders().map(([key, c]) => [key, round(median(c.cpu))])),
  wallMs: Object.fromEntries(contenders().map(([key, c]) => [key, round(median(c.wall))])),
  ratios,
  goals,
  goalsMet: {
    oursOverBare: ratios.oursOverBareMessy <= 1.5 && ratios.oursOverBareClean <= 1.5,
    arqueroOverOurs: ratios.arqueroOverOursClean >= 5,
  },
};
writeResults(results);
