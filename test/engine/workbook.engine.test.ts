// The generated workbook computed by a real spreadsheet engine: the writer runs against the
// HyperFormula-backed emulator of SpreadsheetApp, formulas and RACE functions included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { LANGUAGES, translate } from '../../src/core/i18n';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { MEASURE_HEADERS } from '../../src/core/model/measures';
import { dataMeasures, SPARE_DATA_ROWS } from '../../src/core/workbook/data-sheet';
import { HEADER_BACKGROUND } from '../../src/core/workbook/grid';
import { BUSINESS_MODEL_IDS, type WorkbookOptions } from '../../src/core/workbook/options';
import {
  emulate,
  errorCells,
  expectClose,
  fillData,
  measureColumnsOf,
  generate,
  options,
  sheetNamed,
  spillAt,
  sum,
  syntheticRows,
  userSheets,
  zeroRow,
  type AppsScriptGlobals,
  type Row,
} from './support';

/** Checks the dashboard's funnel and per-channel summary against sums computed here from the rows. */
function expectDashboardMatches(globals: AppsScriptGlobals, opts: WorkbookOptions, [dataName, dashboardName]: string[], rows: Row[], channels: string[]): void {
  const dashboard = sheetNamed(globals, dashboardName);
  const language = opts.language;
  // The funnel table: Step | Stage | Volume | ..., one row per step.
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const funnelHeader = dashboard.values.findIndex((row) => row[0] === t('workbook.dashboard.step') && row[2] === t('workbook.dashboard.volume'));
  expect(funnelHeader).toBeGreaterThan(0);
  const steps = BUSINESS_MODELS[opts.model].funnel;
  steps.forEach((step, i) => {
    const line = dashboard.values[funnelHeader + 1 + i];
    expect(line[0]).toBe(step.name[language]);
    expectClose(line[2], sum(rows, step.measure));
  });

  const summary = spillAt(dashboard, 'RACE_SUMMARY');
  const header = summary[0];
  for (const channel of opts.channels) {
    const line = summary.find((row) => row[0] === channel);
    expect(line).toBeDefined();
    const channelRows = rows.filter((_, i) => channels[i] === channel);
    // Every measure column of the Data sheet, read back by RACE_SUMMARY from the model's own headers.
    for (const { measure } of measureColumnsOf(sheetNamed(globals, dataName))) {
      const column = header.indexOf(MEASURE_HEADERS[measure][language]);
      expect([measure, column > 0]).toEqual([measure, true]);
      expectClose(line![column], sum(channelRows, measure));
    }
  }
  const total = summary[summary.length - 1];
  expectClose(total[header.indexOf(MEASURE_HEADERS.cost[language])], sum(rows, 'cost'));
}

describe.each(BUSINESS_MODEL_IDS.flatMap((model) => LANGUAGES.map((language) => [model, language] as const)))(
  'the %s workbook in %s',
  (model, language) => {
    const opts = options({ model, language });

    it('shows no error value before any data, keeps the user sheets and is right-to-left in fa/ar', () => {
      const globals = emulate(language);
      const before = userSheets(globals);
      const { sheetNames } = generate(globals, opts);
      expect(sheetNames).toHaveLength(5);
      expect(sheetNames).not.toContain('Data'); // the user's Data sheet keeps its name
      for (const name of sheetNames) {
        const sheet = sheetNamed(globals, name);
        expect(errorCells(sheet)).toEqual([]);
        expect(sheet.rightToLeft).toBe(language !== 'en');
        expect(sheet.metadata).toContainEqual({ key: 'race.sheet', value: expect.any(String) });
      }
      expect(userSheets(globals)).toEqual(before);
      expect(globals.emulator.documentLockHolder).toBeNull();
    });

    it('computes the funnel and the per-channel summary from the Data sheet, with no error value', () => {
      const globals = emulate(language);
      const { sheetNames } = generate(globals, opts);
      const dataRows = sheetNamed(globals, sheetNames[2]).values.length - 1;
      const rows = syntheticRows(dataRows);
      const channels = fillData(globals, sheetNames[2], rows);
      for (const name of sheetNames) expect(errorCells(sheetNamed(globals, name))).toEqual([]);
      expectDashboardMatches(globals, opts, sheetNames.slice(2), rows, channels);
    });
  },
);

describe('the workbook filled from real ad data (kag_conversion.csv)', () => {
  interface AdRow {
    Impressions: string;
    Clicks: string;
    Spent: string;
    Total_Conversion: string;
    Approved_Conversion: string;
  }
  const ads: AdRow[] = parse(readFileSync(join(__dirname, '../fixtures/kag_conversion.csv'), 'utf8'), { columns: true });

  it.each(LANGUAGES)('matches sums computed from the file (%s)', (language) => {
    const opts = options({ model: 'b2b', language, channels: ['Campaign A', 'Campaign B', 'Campaign C'], segments: ['M', 'F'] });
    const globals = emulate(language);
    const { sheetNames } = generate(globals, opts);
    const dataRows = sheetNamed(globals, sheetNames[2]).values.length - 1;
    // Ad i goes to Data row i mod rows: every period, channel and segment gets a deterministic share.
    const rows: Row[] = Array.from({ length: dataRows }, zeroRow);
    ads.forEach((ad, i) => {
      const row = rows[i % dataRows];
      row.impressions += Number(ad.Impressions);
      row.visits += Number(ad.Clicks);
      row.leads += Number(ad.Total_Conversion);
      row.orders += Number(ad.Approved_Conversion); // an approved conversion is one won deal of one new client
      row.customers += Number(ad.Approved_Conversion);
      row.cost += Number(ad.Spent);
    });
    const channels = fillData(globals, sheetNames[2], rows);
    for (const name of sheetNames) expect(errorCells(sheetNamed(globals, name))).toEqual([]);
    expectDashboardMatches(globals, opts, sheetNames.slice(2), rows, channels);
    const fileTotal = ads.reduce((total, ad) => total + Number(ad.Approved_Conversion), 0);
    expect(sum(rows, 'customers')).toBe(fileTotal);
  });
});

describe('the writer', () => {
  it('writes user text as text, never as a formula', () => {
    const globals = emulate('en');
    const evil = options({ businessName: '=1+1', channels: ['=SUM(1)', '+1+2', '@me'], segments: ['-x', "'quoted"] });
    const { sheetNames } = generate(globals, evil);
    const data = sheetNamed(globals, sheetNames[2]);
    const cells = data.values.slice(1).flatMap((row) => [row[1], row[3]]); // channel and segment (C is Campaign)
    for (const name of ['=SUM(1)', '+1+2', '@me', '-x', "'quoted"]) expect(cells).toContain(name);
    for (const row of data.formulas) for (const formula of row) expect(formula).toBe('');
  });

  it('answers "busy" while another run holds the document lock, and changes nothing', () => {
    for (const language of LANGUAGES) {
      const globals = emulate(language);
      const other = globals.LockService.getDocumentLock();
      expect(other.tryLock(1000)).toBe(true);
      const before = globals.emulator.snapshot();
      expect(() => generate(globals, options({ language }))).toThrow(translate(language, 'workbook.error.busy'));
      expect(globals.emulator.snapshot()).toEqual(before);
      other.releaseLock();
    }
  });

  it('trims created sheets to what they use and adds rows beyond 1,000 when needed', () => {
    const globals = emulate('en');
    const big = options({ horizon: '12m', granularity: 'week', channels: ['A', 'B', 'C', 'D'], segments: ['X', 'Y', 'Z', 'W', 'V'] });
    const { sheetNames } = generate(globals, big);
    const data = sheetNamed(globals, sheetNames[2]);
    expect(data.maxRows).toBe(1 + 52 * 4 * 5 + SPARE_DATA_ROWS);
    expect(data.maxColumns).toBe(4 + dataMeasures('ecommerce').length);
    const plan = sheetNamed(globals, sheetNames[0]);
    expect(plan.maxRows).toBe(plan.values.length);
    expect(plan.maxColumns).toBeLessThan(26);
  });

  it('wraps every column header and the OSA plan\'s Opportunity sentences, and nothing else', () => {
    const globals = emulate('fa');
    const { sheetNames } = generate(globals, options({ language: 'fa', segments: ['SMB', 'Enterprise'] }));
    for (const name of sheetNames) {
      const range = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.getDataRange();
      const [backgrounds, weights, wraps, formulas] = [range.getBackgrounds(), range.getFontWeights(), range.getWraps(), range.getFormulas()];
      const cells = wraps.flatMap((row, r) =>
        row.map((wrap, c) => ({ at: `${name}!R${r + 1}C${c + 1}`, wrap, header: backgrounds[r][c] === HEADER_BACKGROUND, bold: weights[r][c] === 'bold', formula: formulas[r][c] !== '' })),
      );
      expect(cells.filter((cell) => cell.header && !cell.wrap)).toEqual([]);
      // Besides headers (bold; some are also input cells), only the plan's sentences: formulas in its second column.
      const sentences = cells.filter((cell) => cell.wrap && !cell.bold);
      if (name === sheetNames[0]) {
        expect(sentences.every((cell) => cell.formula && cell.at.endsWith('C2'))).toBe(true);
        expect(sentences.length).toBe(4 + 2 + 2); // four stages, bottleneck and focus, channels and segments
      } else expect(sentences).toEqual([]);
      expect(cells.filter((cell) => cell.wrap).length).toBeGreaterThan(0);
    }
  });

  it('protects formula areas and the Data headers with a warning only, in the workbook language', () => {
    const globals = emulate('fa');
    const { sheetNames } = generate(globals, options({ language: 'fa' }));
    const [plan, kpis, data, dashboard, content] = sheetNames.map((name) => sheetNamed(globals, name));
    expect(plan.protections).toEqual([]);
    for (const sheet of [kpis, data, dashboard, content]) {
      expect(sheet.protections.length).toBeGreaterThan(0);
      for (const protection of sheet.protections) {
        expect(protection).toMatchObject({ type: 'RANGE', warningOnly: true, description: translate('fa', 'workbook.protectionNote') });
      }
    }
    expect(data.protections.map((p) => p.range)).toEqual([`A1:${String.fromCharCode(64 + 4 + dataMeasures('ecommerce').length)}1`]);
  });

  it('makes as many SpreadsheetApp calls for a large workbook (1,248 data rows, 52 periods) as for a small one (3 rows)', () => {
    const count = (opts: WorkbookOptions) => {
      const globals = emulate('en');
      globals.emulator.calls.reset();
      generate(globals, opts);
      return globals.emulator.calls.count();
    };
    const small = count(options({ horizon: '90d', granularity: 'month', channels: ['Email'], segments: ['Only'] }));
    const large = count(
      options({
        horizon: '12m',
        granularity: 'week',
        channels: Array.from({ length: 8 }, (_, i) => `Channel ${i + 1}`),
        segments: Array.from({ length: 3 }, (_, i) => `Segment ${i + 1}`),
      }),
    );
    console.log(`SpreadsheetApp calls: small workbook ${small}, large workbook ${large}`);
    expect(large).toBeLessThanOrEqual(small);
  });
});

describe('fault injection', () => {
  const small = options({ horizon: '90d', granularity: 'month', channels: ['Email', 'Social'], segments: ['SMB'] });

  it('leaves the user sheets unchanged and nothing of the run behind, whichever write fails', () => {
    const full = emulate('en');
    generate(full, small);
    const writes = full.emulator.writes;
    expect(writes).toBeGreaterThan(10);
    for (let n = 1; n <= writes; n++) {
      const globals = emulate('en', { failOnWrite: n });
      const before = globals.emulator.snapshot();
      expect(() => generate(globals, small)).toThrow(`Injected failure at write ${n}`);
      expect(globals.emulator.snapshot()).toEqual(before);
      expect(globals.emulator.documentLockHolder).toBeNull();
    }
  });

  it('tells the user why in their language', () => {
    const globals = emulate('fa', { failOnWrite: 3 });
    expect(() => generate(globals, options({ language: 'fa' }))).toThrow(
      translate('fa', 'workbook.error.failed', { cause: 'Injected failure at write 3' }),
    );
  });
});
