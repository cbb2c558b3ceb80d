// `npm run bench` (second part): the import pipeline (analyzeImport on the first 200 rows, then
// cleanImport: column decisions, total rows, "--", amounts, dates, dimensions, records, totals) against a
// bare loop that only parses the same amount cells with the same parser (parseAmountText) and sums them,
// over a 100,000-row x 12-column Google Ads export held as text, as a CSV file or the staging sheet gives it.
// Both totals are checked equal. Median CPU time of interleaved rounds (bench/measure.ts); results go to
// bench/results.json under "import". Environment: BENCH_IMPORT_ROWS (default 100,000) and BENCH_RUNS.
import { parseAmountText } from '../src/core/cells';
import { analyzeImport, cleanImport, type ImportResult } from '../src/core/import';
import { seededRandom } from './data';
import { contender, measureAll, median, RUNS, writeResults } from './measure';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const HEADER = ['Day', 'Campaign', 'Ad group', 'Campaign type', 'Impr.', 'Clicks', 'CTR', 'Avg. CPC', 'Cost', 'Conversions', 'Conv. value', 'Currency code'];
/** Columns of the five measures the vocabulary maps (Impr., Clicks, Cost, Conversions, Conv. value). */
const MEASURE_COLUMNS = [4, 5, 8, 9, 10];
const PREAMBLE = 2;

const thousands = (n: number) => n.toLocaleString('en-US');
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Two preamble lines, the header, ROWS data rows over 90 days and 40 campaigns: thousands separators, "--" (2%), "$" (half the values). */
function generateExport(rows: number): string[][] {
  const random = seededRandom(20260301);
  const table: string[][] = [['Campaign performance report'], ['January 1, 2026 - March 31, 2026'], HEADER];
  for (let r = 0; r < rows; r++) {
    const impressions = 100 + Math.floor(random() * 20_000);
    const clicks = Math.floor(impressions * random() * 0.1);
    const cost = Math.round(clicks * (0.2 + random() * 2) * 100) / 100;
    const conversions = Math.round(clicks * random() * 0.1 * 100) / 100;
    const value = Math.round(conversions * (20 + random() * 100) * 100) / 100;
    const date = new Date(Date.UTC(2026, 0, 1 + (r % 90))).toISOString().slice(0, 10);
    const campaign = `Campaign ${1 + Math.floor(random() * 40)}`;
    const none = random() < 0.02;
    table.push([
      date, campaign, `${campaign} - Ad group ${1 + Math.floor(random() * 5)}`, 'Search',
      thousands(impressions), thousands(clicks), `${((clicks / impressions) * 100).toFixed(2)}%`, clicks ? money(cost / clicks) : '--',
      money(cost), none ? '--' : money(conversions), none ? '--' : `${random() < 0.5 ? '$' : ''}${money(value)}`, 'USD',
    ]);
  }
  return table;
}

/** The bare limit: the same amount cells parsed with the same parser and summed, nothing else. */
function bareLoop(table: string[][]): Float64Array {
  const sums = new Float64Array(MEASURE_COLUMNS.length);
  for (let r = PREAMBLE + 1; r < table.length; r++) {
    const row = table[r];
    sums[0] += parseAmountText(row[4]) ?? 0;
    sums[1] += parseAmountText(row[5]) ?? 0;
    sums[2] += parseAmountText(row[8]) ?? 0;
    sums[3] += parseAmountText(row[9]) ?? 0;
    sums[4] += parseAmountText(row[10]) ?? 0;
  }
  return sums;
}

function pipeline(table: string[][]): ImportResult {
  const analysis = analyzeImport(table.slice(0, 200));
  const plan = { headerRow: analysis.headerRow, mapping: Object.fromEntries(analysis.columns.map((c) => [c.index, c.target])), channel: 'Paid search' };
  return cleanImport(table, plan, { fn: 'bench', language: 'en' });
}

const table = generateExport(ROWS);
console.log(`\nImport benchmark: ${ROWS.toLocaleString('en')} rows x ${HEADER.length} columns of text, median of ${RUNS} runs after a warm-up`);
const ours = contender('analyzeImport + cleanImport', () => pipeline(table));
const bare = contender('bare loop parsing the 5 amount columns', () => bareLoop(table));
measureAll([ours, bare]);

const result = ours.result as ImportResult;
const bareSums = bare.result as Float64Array;
const measures = ['impressions', 'clicks', 'cost', 'leads', 'revenue'] as const;
measures.forEach((measure, j) => {
  const total = result.totals[measure] ?? NaN;
  if (Math.abs(total - bareSums[j]) > 1e-6 * Math.abs(bareSums[j])) throw new Error(`${measure}: pipeline ${total} != bare ${bareSums[j]}`);
});
if (result.records.length !== ROWS) throw new Error(`${result.records.length} records for ${ROWS} rows`);

const ratio = Math.round((median(ours.cpu) / median(bare.cpu)) * 100) / 100;
console.log('\n  ratio (CPU time)                               value');
console.log(`  import pipeline / bare number parsing          ${String(ratio).padStart(5)}`);
writeResults({
  import: {
    rows: ROWS,
    columns: HEADER.length,
    runs: RUNS,
    date: new Date().toISOString(),
    cpuMs: { pipeline: Math.round(median(ours.cpu) * 100) / 100, bare: Math.round(median(bare.cpu) * 100) / 100 },
    wallMs: { pipeline: Math.round(median(ours.wall) * 100) / 100, bare: Math.round(median(bare.wall) * 100) / 100 },
    ratios: { pipelineOverBare: ratio },
  },
});
