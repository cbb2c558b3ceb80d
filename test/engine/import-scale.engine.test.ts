// Issue 6, scale: importing a 100,000-row x 12-column export from a sheet of the spreadsheet. The number
// of SpreadsheetApp calls grows only by the read chunks (CHUNK_ROWS rows each), never per cell: the same
// export at 50,000 rows makes the same calls but for 10 fewer chunk reads. Runs the built dist/Code.js.
import { join, resolve } from 'node:path';
import { BundleRuntime } from '../../preview/server';
import type { ImportReport, RememberedAnalysis } from '../../src/addon/importer';
import { CHUNK_ROWS } from '../../src/addon/import-sheets';
import type { WorkbookOptions } from '../../src/core/workbook/options';

jest.setTimeout(600_000);

const runtime = new BundleRuntime(join(resolve(__dirname, '../..'), 'dist'), 'en_US');
const HEADER = ['Date', 'Channel', 'Campaign', 'Segment', 'Impressions', 'Clicks', 'Sessions', 'Conversions', 'Orders', 'Revenue', 'Cost', 'Notes'];
const CHANNELS = ['Paid Search', 'Paid Social', 'Email', 'Organic Search', 'Display'];
const WORKBOOK: WorkbookOptions = {
  businessName: 'Scale', model: 'ecommerce', language: 'en', currency: 'USD', horizon: '90d', granularity: 'month',
  channels: CHANNELS, segments: ['New', 'Returning'], targets: {},
};

/** Row i of the export: 28 days x 5 channels x 10 campaigns x 2 segments repeat, so any size lands in the same 100 Data rows. */
function exportRows(count: number): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push([`2026-02-${day}`, CHANNELS[i % 5], `Campaign ${Math.floor(i / 5) % 10}`, Math.floor(i / 50) % 2 === 0 ? 'New' : 'Returning', 1000 + (i % 97), 50 + (i % 13), 40 + (i % 11), i % 7, i % 3, (i % 3) * 25.5, 12.25 + (i % 5), `note ${i % 4}`]);
  }
  return rows;
}

interface Measured {
  calls: number;
  entries: Record<string, number>;
  report: ImportReport;
}

function measure(count: number): Measured {
  runtime.reset('en_US');
  const generated = runtime.call('generateWorkbook', JSON.stringify([WORKBOOK]));
  if (!generated.ok) throw new Error(generated.message);
  runtime.emulator.addSheet('Export', exportRows(count));
  runtime.emulator.calls.reset();
  const analysis = runtime.call('analyzeSheetImport', JSON.stringify(['Export']));
  if (!analysis.ok) throw new Error(analysis.message);
  const { headerRow, columns } = analysis.value as RememberedAnalysis;
  const targets = columns.map((column) => column.target);
  const answer = runtime.call('commitImport', JSON.stringify([{ source: { kind: 'sheet', sheetName: 'Export' }, headerRow, targets }]));
  if (!answer.ok) throw new Error(answer.message);
  return { calls: runtime.emulator.calls.count(), entries: runtime.emulator.calls.entries(), report: answer.value as ImportReport };
}

test('SpreadsheetApp calls grow with the chunk count only: 50,000 vs 100,000 rows x 12 columns', () => {
  const half = measure(50_000);
  const full = measure(100_000);
  const extraChunks = Math.ceil(100_001 / CHUNK_ROWS) - Math.ceil(50_001 / CHUNK_ROWS);
  console.log(
    `import from a sheet, SpreadsheetApp calls: 50,000 rows ${half.calls}, 100,000 rows ${full.calls} ` +
      `(${extraChunks} more chunks of ${CHUNK_ROWS} rows)\n${JSON.stringify(full.entries)}`,
  );
  expect(full.report.rowsImported).toBe(100_000);
  expect(half.report.rowsImported).toBe(50_000);
  // The same Data rows either way: one month x 5 channels x 10 campaigns x 2 segments.
  expect(full.report.dataRowsWritten).toBe(half.report.dataRowsWritten);
  expect(full.report.dataRowsWritten).toBe(100);
  // Each extra chunk is one getRange and one getValues; nothing else grows.
  expect(full.calls - half.calls).toBe(2 * extraChunks);
  expect(full.entries['Range.getValues']).toBe(half.entries['Range.getValues'] + extraChunks);
  // Nothing read or written per cell.
  for (const perCell of ['Range.getValue', 'Range.setValue', 'Range.getFormula', 'Range.setFormula']) expect(full.entries[perCell]).toBeUndefined();
  expect(full.calls).toBeLessThan(150);
  // The figures add up: 100,000 rows of Clicks = sum over i of 50 + i % 13.
  let clicks = 0;
  for (let i = 0; i < 100_000; i++) clicks += 50 + (i % 13);
  expect(full.report.totals.clicks).toBe(clicks);
});
