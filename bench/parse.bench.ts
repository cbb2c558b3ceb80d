// `npm run bench` (second part): the sidebar's browser-side parse path on a generated 20 MB CSV export,
// against Papa Parse alone, interleaved in one process, median CPU time.
// - ours: sidebar/parse.ts as the sidebar runs it on a chosen file: decodeBytes (UTF-8/UTF-16 by BOM),
//   parseDelimitedText (delimiter guessed past the preamble, Papa Parse, trailing blank lines dropped)
//   and chunkRows (JSON byte size of every cell for the 2,000-row / 512 KB upload chunks);
// - Papa Parse alone: TextDecoder on the same bytes, then Papa.parse(text) with its own delimiter detection.
// Run in Node: sidebar/parse.ts uses no DOM (TextDecoder and Papa Parse are the same code in both), so what
// it measures is the JavaScript the sidebar runs, without the browser's File read.
// Environment: BENCH_MB (default 20), BENCH_RUNS (default 7).
import Papa from 'papaparse';
import { chunkRows, decodeBytes, parseDelimitedText } from '../sidebar/parse';
import { seededRandom } from './data';
import { contender, measureAll, median, RUNS, writeResults } from './measure';

const TARGET_BYTES = Number(process.env.BENCH_MB ?? 20) * 1024 * 1024;

/** A Google Ads-like campaign export: title and date-range preamble, quoted "$1,234.56" and "12,480", "--", Persian campaign names, a Total row. */
function generateExport(targetBytes: number): Uint8Array {
  const random = seededRandom(2026);
  const campaigns = ['Spring sale - Search', 'Brand - Exact', 'Retargeting, EU', 'کمپین نوروز ۱۴۰۵', 'Performance Max "All"', 'حملة رمضان'];
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const money = (value: number) => quote(`$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  const lines = ['\ufeffCampaign performance report', '"January 1, 2025 - December 31, 2026"', 'Campaign,Day,Campaign status,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value'];
  let bytes = lines.join('\r\n').length;
  for (let day = 0; bytes < targetBytes; day++) {
    const date = new Date(Date.UTC(2025, 0, 1 + (day % 730))).toISOString().slice(0, 10);
    for (const campaign of campaigns) {
      const impressions = Math.floor(random() * 20000);
      const clicks = Math.floor(impressions * random() * 0.05);
      const conversions = Math.floor(clicks * random() * 0.1);
      const line = [
        quote(campaign),
        date,
        'Enabled',
        'USD',
        quote(impressions.toLocaleString('en-US')),
        String(clicks),
        money(clicks * (0.5 + random() * 3)),
        conversions === 0 ? '--' : String(conversions),
        conversions === 0 ? '--' : money(conversions * (20 + random() * 80)),
      ].join(',');
      lines.push(line);
      bytes += Buffer.byteLength(line) + 2;
    }
  }
  lines.push('Total: Campaigns,,,USD,"1,234,567","45,678","$98,765.43","1,234","$123,456.78"');
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
}

const bytes = generateExport(TARGET_BYTES);
const ours = contender('sidebar parse path (decode + parse + chunks)', () => {
  const parsed = parseDelimitedText(decodeBytes(bytes));
  return { rows: parsed.rows, chunks: chunkRows(parsed.rows) };
});
const papa = contender('Papa Parse alone (decode + Papa.parse)', () => Papa.parse<string[]>(new TextDecoder().decode(bytes)).data);

console.log(`Sidebar parse benchmark: a ${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV export, median of ${RUNS} runs after a warm-up`);
measureAll([ours, papa]);

// Same rows from both (Papa alone keeps the empty line after the last line break), so the same work is compared.
const { rows, chunks } = ours.result as { rows: string[][]; chunks: string[][][] };
const papaRows = papa.result as string[][];
if (papaRows.length !== rows.length + 1 || JSON.stringify(papaRows[rows.length - 1]) !== JSON.stringify(rows[rows.length - 1])) {
  throw new Error(`the parse paths disagree: ${rows.length} rows against Papa Parse's ${papaRows.length}`);
}
if (chunks.reduce((sum, chunk) => sum + chunk.length, 0) !== rows.length) throw new Error('the chunks lose rows');

const round = (n: number) => Math.round(n * 100) / 100;
const ratio = round(median(ours.cpu) / median(papa.cpu));
console.log(`\n  rows ${rows.length.toLocaleString('en')}, upload chunks ${chunks.length}`);
console.log(`  ratio (CPU time) ours / Papa Parse alone: ${ratio}   goal <= 1.5`);
writeResults({
  parse: {
    bytes: bytes.length,
    rows: rows.length,
    chunks: chunks.length,
    runs: RUNS,
    node: process.version,
    date: new Date().toISOString(),
    environment: 'Node (sidebar/parse.ts is DOM-free)',
    cpuMs: { ours: round(median(ours.cpu)), papaAlone: round(median(papa.cpu)) },
    wallMs: { ours: round(median(ours.wall)), papaAlone: round(median(papa.wall)) },
    ratios: { oursOverPapa: ratio },
    goals: { oursOverPapa: '<= 1.5' },
    goalsMet: { oursOverPapa: ratio <= 1.5 },
  },
});
