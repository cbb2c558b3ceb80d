// npm run workbook: the headless workbook as JSON, made by the built dist/Code.js on the emulator.
// Needs `npm run build` first (npm test does it).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateWorkbookJson, type WorkbookJson } from '../../preview/workbook-cli';
import { parseA1 } from '../../preview/emulator/cell-layer';
import { COUNT_FORMAT, DATE_FORMAT } from '../../src/core/workbook/data-sheet';
import { BUSINESS_MODELS, CHANNELS } from '../../src/core/model/business-models';
import { recognizeMeasure } from '../../src/core/summary/vocabulary';
import type { MeasureId } from '../../src/core/model/measures';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../..');
const KAG = join(ROOT, 'test/fixtures/kag_conversion.csv');
const KAG_COLUMNS = 'channel=xyz_campaign_id; segment=gender; visits=Clicks; leads=Total_Conversion; customers=Approved_Conversion';
const ERROR_VALUE = /^#(DIV\/0!|ERROR!|N\/A|REF!|NAME\?|VALUE!|NUM!|NULL!|SPILL!|CYCLE!|LIC!)/;

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['scripts/run-ts.mjs', 'preview/workbook-cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

function errorValues(workbook: WorkbookJson): string[] {
  return workbook.sheets.flatMap((sheet) =>
    sheet.values.flatMap((row, r) => row.flatMap((value, c) => (typeof value === 'string' && ERROR_VALUE.test(value) ? [`${sheet.name}!R${r + 1}C${c + 1} ${value}`] : []))),
  );
}

test('writes the Persian workbook as JSON to standard output: five right-to-left sheets, values and formulas of one shape, no error value', async () => {
  const { code, stdout, stderr } = await runCli(['--model', 'saas', '--language', 'fa']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const workbook = JSON.parse(stdout) as WorkbookJson;
  expect(Object.keys(workbook)).toEqual(['sheets']);
  expect(workbook.sheets).toHaveLength(5);
  for (const sheet of workbook.sheets) {
    expect(Object.keys(sheet).sort()).toEqual(['charts', 'formulas', 'name', 'numberFormats', 'rightToLeft', 'values']);
    expect(sheet.name).toMatch(/\S/);
    expect(sheet.rightToLeft).toBe(true);
    expect(sheet.values.length).toBeGreaterThan(0);
    expect(sheet.formulas.map((row) => row.length)).toEqual(sheet.values.map((row) => row.length));
    expect(sheet.numberFormats.map((row) => row.length)).toEqual(sheet.values.map((row) => row.length));
    for (const row of sheet.formulas) for (const formula of row) expect(formula === '' || formula.startsWith('=')).toBe(true);
    for (const row of sheet.values) for (const value of row) expect(['string', 'number', 'boolean']).toContain(typeof value);
  }
  expect(workbook.sheets.some((sheet) => sheet.formulas.some((row) => row.some((formula) => formula.startsWith('=RACE_'))))).toBe(true);
  expect(errorValues(workbook)).toEqual([]);
});

test('English sheets are left-to-right, and --out writes the same JSON to a file', async () => {
  const out = join(ROOT, 'test/artifacts/workbook-en.json');
  mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true }); // absent on a fresh clone until a browser test ran
  const { code, stderr } = await runCli(['--model', 'ecommerce', '--language', 'en', '--out', out]);
  expect(code).toBe(0);
  expect(stderr).toMatch(/^wrote /);
  const workbook = JSON.parse(readFileSync(out, 'utf8')) as WorkbookJson;
  expect(workbook.sheets.map((sheet) => sheet.rightToLeft)).toEqual([false, false, false, false, false]);
  expect(errorValues(workbook)).toEqual([]);
});

describe.each(['en', 'fa'] as const)('numberFormats and charts (%s)', (language) => {
  const workbook = generateWorkbookJson(join(ROOT, 'dist'), { model: 'ecommerce', language });
  const [, , data, dashboard] = workbook.sheets;

  test('numberFormats has the shape of values, "" where a cell has no format, and the formats the cells were written with', () => {
    for (const sheet of workbook.sheets) {
      expect(sheet.numberFormats.map((row) => row.length)).toEqual(sheet.values.map((row) => row.length));
      for (const row of sheet.numberFormats) for (const format of row) expect(typeof format).toBe('string');
      expect(sheet.numberFormats.flat()).not.toContain('General');
    }
    // The Data sheet: headers are plain text with no format, the period column is dates.
    expect(data.numberFormats[0].every((format) => format === '')).toBe(true);
    expect(data.numberFormats.slice(1).map((row) => row[0])).toEqual(data.values.slice(1).map(() => DATE_FORMAT));
    // The dashboard's trend: every period volume (a SUMIFS, "" after the data) is a count or money.
    const trendCells = dashboard.formulas.flatMap((row, r) => row.flatMap((formula, c) => (formula.includes(',SUMIFS(') ? [dashboard.numberFormats[r][c]] : [])));
    expect(trendCells.length).toBeGreaterThan(0);
    for (const format of trendCells) expect(format === COUNT_FORMAT || /0/.test(format)).toBe(true);
    expect(trendCells).toContain(COUNT_FORMAT);
  });

  test('charts lists each chart with its type, title and ranges, which lie in the sheet\'s used area under a header', () => {
    expect(dashboard.charts.length).toBeGreaterThan(0);
    for (const sheet of workbook.sheets) {
      for (const chart of sheet.charts) {
        expect(['bar', 'column', 'line']).toContain(chart.type);
        expect(chart.title).toMatch(/\S/);
        expect(chart.ranges.length).toBeGreaterThan(0);
        for (const range of chart.ranges) {
          const bang = range.lastIndexOf('!');
          const name = range.slice(0, bang);
          expect(name === sheet.name || name === `'${sheet.name}'`).toBe(true);
          expect(language === 'en' ? name : name.startsWith("'")).toBeTruthy(); // a Persian name is quoted
          const block = parseA1(range.slice(bang + 1))!;
          expect(block).toBeDefined();
          expect(block.row + block.numRows - 1).toBeLessThanOrEqual(sheet.values.length);
          const header = sheet.values[block.row - 1].slice(block.column - 1, block.column - 1 + block.numColumns);
          expect(header.some((cell) => typeof cell === 'string' && cell !== '')).toBe(true); // a header row on top
        }
      }
    }
  });
});

test.each([
  [[], /--model must be one of ecommerce, b2b, saas, local, publisher/],
  [['--model', 'shop', '--language', 'en'], /--model must be one of .*not "shop"/],
  [['--model', 'b2b', '--language', 'de'], /--language must be one of en, fa, ar, not "de"/],
  [['--model', 'b2b', '--language', 'en', '--colour', 'red'], /Unknown option '--colour'/],
  [['--model', 'b2b', '--language', 'en', '--data', 'no/such.csv'], /--data: no file .*no\/such\.csv/],
  [['--model', 'b2b', '--language', 'en', '--data', KAG, '--columns', 'leads=Nope'], /--columns: the CSV has no column "Nope"/],
  [['--model', 'b2b', '--language', 'en', '--data', KAG, '--columns', 'sales=Clicks'], /--columns: .*"sales"/],
  [['--model', 'b2b', '--language', 'fa', '--calendar', 'islamic-umalqura'], /--calendar for fa must be one of persian, gregorian, not "islamic-umalqura"/],
  [['--model', 'b2b', '--language', 'ar', '--week-start', 'friday'], /--week-start must be one of saturday, sunday, monday, not "friday"/],
  [['--model', 'b2b', '--language', 'ar', '--periods', 'day'], /--periods must be week or month, not "day"/],
])('bad arguments %j print the usage and exit 2', async (args, message) => {
  const { code, stdout, stderr } = await runCli(args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
  expect(stderr).toContain('usage: npm run workbook -- --model <id> --language <en|fa|ar>');
});

/** The dashboard's trend: each period's label (column A) and date (after the funnel volumes). */
function trendOf(workbook: WorkbookJson): { label: string; date: string }[] {
  const dashboard = workbook.sheets[3];
  // Trend rows are the ones whose volumes are a SUMIFS blank after the step's latest period with a figure.
  return dashboard.values
    .filter((_, r) => /^=IF\(\$[A-Z]+\$\d+>MAXIFS\(.*SUMIFS\(/.test(dashboard.formulas[r][1]))
    .map((row) => ({ label: String(row[0]), date: String(row.find((cell) => typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(cell))) }));
}

test('--calendar, --periods, --week-start and --currency set the workbook: Jalali months by default in fa, Gregorian when chosen', async () => {
  const jalali = trendOf(generateWorkbookJson(join(ROOT, 'dist'), { model: 'ecommerce', language: 'fa', settings: { granularity: 'month' } }));
  expect(jalali).toHaveLength(3);
  // A Persian month name and a 14xx year; each period starts on the 1st of a Jalali month (no Gregorian 1st).
  for (const { label, date } of jalali) {
    expect(label).toMatch(/^(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴[۰-۹]{2}$/);
    expect(new Date(date).getUTCDate()).not.toBe(1);
  }
  const { code, stdout, stderr } = await runCli(['--model', 'ecommerce', '--language', 'fa', '--calendar', 'gregorian', '--week-start', 'monday', '--currency', 'TOMAN']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const gregorian = JSON.parse(stdout) as WorkbookJson;
  for (const { label, date } of trendOf(gregorian)) {
    expect(new Date(date).getUTCDay()).toBe(1); // Monday weeks
    expect(label).toBe(`هفتهٔ ${date.slice(0, 10).replace(/[0-9]/g, (d) => String.fromCharCode(0x6f0 + Number(d)))}`);
  }
  expect(errorValues(gregorian)).toEqual([]);
});

/** Sum per measure of the Data sheet's columns, found by reading its headers with the vocabulary. */
function dataSums(workbook: WorkbookJson): Partial<Record<MeasureId, number>> {
  const data = workbook.sheets[2];
  const sums: Partial<Record<MeasureId, number>> = {};
  data.values[0].forEach((header, c) => {
    const measure = typeof header === 'string' ? recognizeMeasure(header)?.id : undefined;
    if (measure) sums[measure] = data.values.slice(1).reduce<number>((sum, row) => sum + (typeof row[c] === 'number' ? (row[c] as number) : 0), 0);
  });
  return sums;
}

/** The numbers written into the Data sheet add up to the import's totals, measure by measure. */
function expectDataAddsUp(workbook: WorkbookJson): void {
  const totals = workbook.import!.totals;
  expect(Object.keys(totals).length).toBeGreaterThan(0);
  const sums = dataSums(workbook);
  for (const [measure, total] of Object.entries(totals)) expect(sums[measure as MeasureId]).toBeCloseTo(total, 6);
}

describe('--data imports real ad rows (kag_conversion.csv) through the import path', () => {
  type Ad = Record<'Impressions' | 'Clicks' | 'Spent' | 'Total_Conversion' | 'Approved_Conversion' | 'xyz_campaign_id' | 'gender', string>;
  const ads = parse(readFileSync(KAG, 'utf8'), { columns: true }) as Ad[];
  /** The CSV column each measure comes from under KAG_COLUMNS (Impressions and Spent by their own names). */
  const SOURCE: Partial<Record<MeasureId, keyof Ad>> = { impressions: 'Impressions', visits: 'Clicks', leads: 'Total_Conversion', customers: 'Approved_Conversion', cost: 'Spent' };
  const total = (measure: MeasureId) => ads.reduce((sum, ad) => sum + (SOURCE[measure] ? Number(ad[SOURCE[measure]]) : 0), 0);

  test.each(['en', 'ar'] as const)('the Data sheet adds up to the import totals, which are the file sums, and so does the dashboard funnel (%s)', (language) => {
    const workbook = generateWorkbookJson(join(ROOT, 'dist'), { model: 'b2b', language, dataFile: KAG, columns: KAG_COLUMNS });
    expect(errorValues(workbook)).toEqual([]);
    expect(workbook.import).toMatchObject({ rows: ads.length, skipped: [], mapping: { impressions: 'Impressions', visits: 'Clicks', leads: 'Total_Conversion', customers: 'Approved_Conversion', cost: 'Spent' } });
    for (const measure of Object.keys(SOURCE) as MeasureId[]) expect(workbook.import!.totals[measure]).toBeCloseTo(total(measure), 6);
    expectDataAddsUp(workbook);
    const [, , data, dashboard] = workbook.sheets;
    // The workbook's channels are the file's campaigns; its rows are summed per week, channel and gender.
    const campaigns = new Set(ads.map((ad) => ad.xyz_campaign_id));
    expect(new Set(data.values.slice(1).map((row) => row[1]).filter((name) => name !== ''))).toEqual(campaigns);
    expect(data.values.length - 1).toBeLessThan(ads.length);
    for (const step of BUSINESS_MODELS.b2b.funnel) {
      // The funnel table's row: Step | Stage | Volume.
      const row = dashboard.values.find((cells) => cells[0] === step.name[language]);
      expect(row).toBeDefined();
      expect(row![2]).toBeCloseTo(total(step.measure), 6);
    }
    expect(total('impressions')).toBeGreaterThan(0);
  });
});

describe('--data on exports as the tools write them', () => {
  /** The export's own total row: what the tool says its rows add up to. */
  const totalRow = (file: string, header: number, label: (row: string[]) => boolean) => {
    const rows = parse(readFileSync(join(ROOT, 'test/fixtures', file), 'utf8'), { relax_column_count: true }) as string[][];
    const headers = rows[header];
    const total = rows.slice(header + 1).find(label)!;
    return (name: string) => Number(total[headers.indexOf(name)].replace(/[$,]/g, ''));
  };

  test('GA4 traffic acquisition: preamble and grand-total row skipped, totals equal the export\'s own', () => {
    const workbook = generateWorkbookJson(join(ROOT, 'dist'), { model: 'ecommerce', language: 'en', dataFile: join(ROOT, 'test/fixtures/ga4_traffic_acquisition.csv') });
    const ga4 = totalRow('ga4_traffic_acquisition.csv', 8, (row) => row[0] === '' && row[1] === '');
    expect(workbook.import).toMatchObject({ rows: 18, mapping: { visits: 'Sessions', leads: 'Key events', orders: 'Transactions', revenue: 'Total revenue' } });
    expect(workbook.import!.skipped).toEqual([{ row: 10, reason: 'totalRow' }]); // GA4's grand total under the header
    expect(workbook.import!.totals).toEqual({ visits: ga4('Sessions'), leads: ga4('Key events'), orders: ga4('Transactions'), revenue: ga4('Total revenue') });
    expectDataAddsUp(workbook);
    expect(errorValues(workbook)).toEqual([]);
  });

  test('Google Ads campaigns: --channel answers the single-platform question; "Total: Campaigns" is dropped', async () => {
    const out = join(ROOT, 'test/artifacts/workbook-google-ads.json');
    const { code, stderr } = await runCli(['--model', 'ecommerce', '--language', 'fa', '--data', 'test/fixtures/google_ads_campaigns.csv', '--channel', 'Paid search', '--out', out]);
    expect(stderr).toMatch(/^wrote /);
    expect(code).toBe(0);
    const workbook = JSON.parse(readFileSync(out, 'utf8')) as WorkbookJson;
    const ads = totalRow('google_ads_campaigns.csv', 2, (row) => row[0].startsWith('Total'));
    expect(workbook.import!.skipped).toEqual([{ row: 11, reason: 'totalRow' }]);
    expect(workbook.import!.totals).toEqual({ impressions: ads('Impr.'), clicks: ads('Clicks'), leads: ads('Conversions'), revenue: ads('Conv. value'), cost: ads('Cost') });
    expectDataAddsUp(workbook);
    const data = workbook.sheets[2];
    expect(new Set(data.values.slice(1).map((row) => row[1]))).toEqual(new Set(['Paid search']));
    // The template rows (blank campaign) stay; the export's rows keep their campaigns.
    expect(new Set(data.values.slice(1).map((row) => row[2]).filter((campaign) => campaign !== ''))).toEqual(new Set(['Brand - Exact', 'Generic - Shoes', 'Remarketing']));
    expect(errorValues(workbook)).toEqual([]);
  });

  test('without --channel, a single-platform export takes the channel its headers suggest', () => {
    const workbook = generateWorkbookJson(join(ROOT, 'dist'), { model: 'ecommerce', language: 'en', dataFile: join(ROOT, 'test/fixtures/google_ads_campaigns.csv') });
    expect(new Set(workbook.sheets[2].values.slice(1).map((row) => row[1]))).toEqual(new Set([CHANNELS.paidSearch.en]));
  });
});
