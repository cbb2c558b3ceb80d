// npm run workbook: the headless workbook as JSON, made by the built dist/Code.js on the emulator.
// Needs `npm run build` first (npm test does it).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateWorkbookJson, type WorkbookJson } from '../../preview/workbook-cli';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
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

test('writes the Persian workbook as JSON to standard output: four right-to-left sheets, values and formulas of one shape, no error value', async () => {
  const { code, stdout, stderr } = await runCli(['--model', 'saas', '--language', 'fa']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const workbook = JSON.parse(stdout) as WorkbookJson;
  expect(Object.keys(workbook)).toEqual(['sheets']);
  expect(workbook.sheets).toHaveLength(4);
  for (const sheet of workbook.sheets) {
    expect(Object.keys(sheet).sort()).toEqual(['formulas', 'name', 'rightToLeft', 'values']);
    expect(sheet.name).toMatch(/\S/);
    expect(sheet.rightToLeft).toBe(true);
    expect(sheet.values.length).toBeGreaterThan(0);
    expect(sheet.formulas.map((row) => row.length)).toEqual(sheet.values.map((row) => row.length));
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
  expect(workbook.sheets.map((sheet) => sheet.rightToLeft)).toEqual([false, false, false, false]);
  expect(errorValues(workbook)).toEqual([]);
});

test.each([
  [[], /--model must be one of ecommerce, b2b, saas, local, publisher/],
  [['--model', 'shop', '--language', 'en'], /--model must be one of .*not "shop"/],
  [['--model', 'b2b', '--language', 'de'], /--language must be one of en, fa, ar, not "de"/],
  [['--model', 'b2b', '--language', 'en', '--colour', 'red'], /Unknown option '--colour'/],
  [['--model', 'b2b', '--language', 'en', '--data', 'no/such.csv'], /--data: no file .*no\/such\.csv/],
  [['--model', 'b2b', '--language', 'en', '--data', KAG, '--columns', 'leads=Nope'], /--columns: the CSV has no column "Nope"/],
  [['--model', 'b2b', '--language', 'en', '--data', KAG, '--columns', 'sales=Clicks'], /--columns: .*"sales"/],
])('bad arguments %j print the usage and exit 2', async (args, message) => {
  const { code, stdout, stderr } = await runCli(args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
  expect(stderr).toContain('usage: npm run workbook -- --model <id> --language <en|fa|ar>');
});

describe('--data appends real ad rows (kag_conversion.csv) to the Data sheet', () => {
  type Ad = Record<'Impressions' | 'Clicks' | 'Spent' | 'Total_Conversion' | 'Approved_Conversion' | 'xyz_campaign_id' | 'gender', string>;
  const ads = parse(readFileSync(KAG, 'utf8'), { columns: true }) as Ad[];
  /** The CSV column each funnel measure comes from under KAG_COLUMNS (Impressions by its own name). */
  const SOURCE: Partial<Record<MeasureId, keyof Ad>> = { impressions: 'Impressions', visits: 'Clicks', leads: 'Total_Conversion', customers: 'Approved_Conversion' };
  const total = (measure: MeasureId) => ads.reduce((sum, ad) => sum + (SOURCE[measure] ? Number(ad[SOURCE[measure]]) : 0), 0);

  test.each(['en', 'ar'] as const)('the dashboard funnel equals sums computed from the file (%s)', (language) => {
    const workbook = generateWorkbookJson(join(ROOT, 'dist'), { model: 'b2b', language, dataFile: KAG, columns: KAG_COLUMNS });
    expect(errorValues(workbook)).toEqual([]);
    const [, , data, dashboard] = workbook.sheets;
    // Header row, one template row per week x campaign x gender, then every ad row.
    const campaigns = new Set(ads.map((ad) => ad.xyz_campaign_id));
    const genders = new Set(ads.map((ad) => ad.gender));
    expect(data.values.length).toBe(1 + 13 * campaigns.size * genders.size + ads.length);
    expect(new Set(data.values.slice(1).map((row) => row[1]))).toEqual(campaigns);
    for (const step of BUSINESS_MODELS.b2b.funnel) {
      const row = dashboard.values.find((cells) => cells[0] === step.name[language]);
      expect(row).toBeDefined();
      expect(row![1]).toBeCloseTo(total(step.measure), 6);
    }
    expect(total('impressions')).toBeGreaterThan(0);
  });
});
