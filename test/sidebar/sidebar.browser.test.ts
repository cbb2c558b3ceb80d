/**
 * dist/Sidebar.html in Debian's chromium, its google.script.run calls bridged to the real entry points
 * running here in Node on fakes (hand fakes, or the HyperFormula emulator to really generate a workbook).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { SERVER_FUNCTIONS } from '../../src/addon/entrypoints';
import { en } from '../../src/core/i18n/en';
import { fa } from '../../src/core/i18n/fa';
import { ar } from '../../src/core/i18n/ar';
import { WORKBOOK_LIMITS } from '../../src/core/workbook/options';
import { createAppsScriptGlobals } from '../../preview/emulator/services';
import { fakeApps } from './fake-apps';
import { fakeImportServer, type FakeImportServer } from './fake-import';

jest.setTimeout(60_000);

const ARTIFACTS = resolve('test/artifacts');
const BUILT = join(ARTIFACTS, 'sidebar-build');
const XSS_IMG = '<img src=x onerror=window.__xss=1>';
const XSS_SCRIPT = '"><script>window.__xss=1</script>';

/** The services the server code sees during the next calls (set by each test). */
let services: Record<string, unknown> = {};
/** When set, server calls wait for it: the loading state stays on screen. */
let gate: Promise<void> | undefined;
/** The server functions the page called, in order. */
const calls: string[] = [];
/** The import calls, answered by a fake (see fake-import.ts); the real importer runs in the preview tests. */
let importFake: FakeImportServer = fakeImportServer();

async function callServer(name: string, argsJson: string): Promise<{ ok: boolean; value?: unknown; message?: string }> {
  calls.push(name);
  await gate;
  const fake = importFake.handlers[name];
  if (fake) {
    try {
      const value = await (fake as (...args: unknown[]) => unknown)(...(JSON.parse(argsJson) as unknown[]));
      return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }
  const spec = SERVER_FUNCTIONS.find((candidate) => candidate.name === name);
  if (!spec) return { ok: false, message: `Script function not found: ${name}` };
  const globals = globalThis as Record<string, unknown>;
  const previous = Object.keys(services).map((key) => [key, globals[key]] as const);
  Object.assign(globals, services);
  try {
    const value = (spec.run as (...args: unknown[]) => unknown)(...(JSON.parse(argsJson) as unknown[]));
    return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    for (const [key, value] of previous) {
      if (value === undefined) delete globals[key];
      else globals[key] = value;
    }
  }
}

/** google.script.run as Apps Script's client has it: with*Handler returns a new runner, handlers run later. */
function installShim(): void {
  type Handlers = { success?: (value: unknown) => void; failure?: (error: Error) => void };
  const bridge = (window as unknown as { __callServer(name: string, args: string): Promise<{ ok: boolean; value?: unknown; message?: string }> }).__callServer;
  const runner = (handlers: Handlers): unknown =>
    new Proxy({}, {
      get(_target, name) {
        if (name === 'withSuccessHandler') return (success: Handlers['success']) => runner({ ...handlers, success });
        if (name === 'withFailureHandler') return (failure: Handlers['failure']) => runner({ ...handlers, failure });
        return (...args: unknown[]) => {
          void bridge(String(name), JSON.stringify(args)).then((answer) =>
            setTimeout(() => (answer.ok ? handlers.success?.(answer.value) : handlers.failure?.(new Error(answer.message))), 0),
          );
        };
      },
    });
  (window as unknown as { google: unknown }).google = { script: { run: runner({}) } };
}

let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(BUILT, { recursive: true });
  execFileSync(process.execPath, ['-e', `import('./scripts/build-sidebar.mjs').then((m) => m.buildSidebar(${JSON.stringify(BUILT)}))`], { stdio: 'pipe' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openSidebar(serverServices: Record<string, unknown>, fakeImport: FakeImportServer = fakeImportServer()): Promise<Page> {
  services = serverServices;
  importFake = fakeImport;
  gate = undefined;
  calls.length = 0;
  const context = await browser.newContext({ viewport: { width: 300, height: 1100 } });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) requests.push(request.url());
  });
  await page.exposeFunction('__callServer', callServer);
  await page.addInitScript(installShim);
  await page.goto(`file://${join(BUILT, 'Sidebar.html')}`);
  await page.waitForFunction(() => !(document.getElementById('generate') as HTMLButtonElement).disabled);
  await page.waitForFunction(() => document.getElementById('import-sheet')!.childElementCount > 0 || !document.getElementById('import-no-sheets')!.hidden);
  return page;
}

afterEach(async () => {
  await page?.context().close();
});

test('Persian spreadsheet: right-to-left, every control labelled, the spreadsheet name shown as text', async () => {
  await openSidebar(fakeApps({ locale: 'fa_IR', spreadsheetName: XSS_IMG }).services);
  expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  expect(await page.getAttribute('html', 'lang')).toBe('fa');
  expect(await page.textContent('h1')).toBe(fa['ui.sidebar.title']);
  expect(await page.textContent('label[for="business-name"]')).toBe(fa['ui.field.businessName']);
  const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
    controls.filter((control) => (control as HTMLInputElement).labels?.length === 0 || !(control as HTMLInputElement).labels?.[0].textContent?.trim()).map((control) => control.outerHTML),
  );
  expect(unlabelled).toEqual([]);
  expect(await page.textContent('#spreadsheet-name')).toContain(XSS_IMG);
  expect(await page.$$('img')).toHaveLength(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.inputValue('#currency')).toBe('IRR');
  await page.screenshot({ path: join(ARTIFACTS, 'sidebar-fa.png'), fullPage: true });
  expect(requests).toEqual([]);
});

test('switching the language redraws the labels and the direction at once', async () => {
  await openSidebar(fakeApps({ locale: 'fa_IR' }).services);
  await page.selectOption('#language', 'en');
  expect(await page.getAttribute('html', 'dir')).toBe('ltr');
  expect(await page.textContent('#generate')).toBe(en['ui.generate']);
  await page.selectOption('#language', 'ar');
  expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  expect(await page.getAttribute('html', 'lang')).toBe('ar');
});

test('calendar and week start follow the language until chosen; the toman is offered by name; a Hijri Arabic workbook is generated', async () => {
  const emulated = createAppsScriptGlobals({ locale: 'fa_IR' });
  await openSidebar(emulated as unknown as Record<string, unknown>);
  const choices = (id: string) => page.$$eval(`#${id} option`, (options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
  expect(await page.inputValue('#calendar')).toBe('persian');
  expect(await choices('calendar')).toEqual([['persian', fa['ui.calendar.persian']], ['gregorian', fa['ui.calendar.gregorian']]]);
  expect(await page.inputValue('#week-start')).toBe('saturday');
  expect(await page.$eval('#currency option[value="TOMAN"]', (o) => o.textContent)).toBe(fa['ui.currency.TOMAN']);
  await page.selectOption('#language', 'en');
  expect(await page.inputValue('#calendar')).toBe('gregorian');
  expect(await page.isDisabled('#calendar')).toBe(true);
  expect(await page.inputValue('#week-start')).toBe('monday');
  await page.selectOption('#language', 'ar');
  expect(await page.inputValue('#calendar')).toBe('gregorian');
  expect(await page.inputValue('#week-start')).toBe('saturday');
  await page.selectOption('#calendar', 'islamic-umalqura');
  await page.selectOption('#week-start', 'sunday');
  await page.fill('#business-name', 'متجر');
  await page.click('#generate');
  await page.waitForSelector('#result li');
  const sheets = emulated.emulator.snapshot().sheets;
  const role = (name: string) => sheets.find((sheet) => sheet.metadata.some(({ key, value }) => key === 'race.sheet' && value === name))!;
  const dashboard = role('dashboard');
  const data = role('data');
  // Hijri labels on the dashboard ("أسبوع ٢٣ رجب ١٤٤٦ هـ"), Sunday weeks of real dates on the Data sheet.
  expect(dashboard.values.some((row) => typeof row[0] === 'string' && /^أسبوع [٠-٩]+ .+ ١٤[٠-٩]{2} هـ$/.test(row[0]))).toBe(true);
  expect(new Date(String(data.values[1][0])).getUTCDay()).toBe(0);
});

test('a slow call shows the loading state; success lists the new sheets; typed markup never runs', async () => {
  const emulated = createAppsScriptGlobals({ locale: 'en_US' });
  await openSidebar(emulated as unknown as Record<string, unknown>);
  await page.fill('#business-name', XSS_IMG);
  await page.fill('#custom-channels', `${XSS_SCRIPT}\n${XSS_IMG}`);
  await page.fill('#segments', XSS_SCRIPT);
  let release = () => undefined as void;
  gate = new Promise<void>((resolveGate) => {
    release = resolveGate;
  });
  await page.click('#generate');
  await page.waitForSelector('form[aria-busy="true"]');
  expect(await page.isDisabled('#generate')).toBe(true);
  expect(await page.textContent('#status')).toBe(en['ui.generating']);
  await page.screenshot({ path: join(ARTIFACTS, 'sidebar-loading.png'), fullPage: true });
  release();
  await page.waitForSelector('#result li');
  expect(await page.getAttribute('form', 'aria-busy')).toBe('false');
  expect(await page.isDisabled('#generate')).toBe(false);
  const created = await page.$$eval('#result li', (items) => items.map((item) => item.textContent));
  const sheetNames = emulated.SpreadsheetApp.getActiveSpreadsheet().getSheets().map((sheet) => sheet.getName());
  expect(created.length).toBe(5);
  expect(sheetNames).toEqual(['Sheet1', ...created]);
  expect(await page.$$('img, script:not(:first-of-type)')).toHaveLength(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.screenshot({ path: join(ARTIFACTS, 'sidebar-success.png'), fullPage: true });
});

test('a server rejection reads without the function name and with the field label, as text', async () => {
  await openSidebar(createAppsScriptGlobals({ locale: 'en_US' }) as unknown as Record<string, unknown>);
  await page.fill('#business-name', 'Corner Bakery');
  // A form out of step with the server (an old cached page, a tampered one): only the server can refuse this.
  await page.evaluate((code) => {
    const select = document.getElementById('currency') as HTMLSelectElement;
    select.append(new Option(code, code));
    select.value = code;
  }, XSS_SCRIPT);
  await page.click('#generate');
  await page.waitForSelector('#error p');
  expect(calls).toEqual(['getSidebarContext', 'getImportSources', 'generateWorkbook']);
  const message = await page.textContent('#error p');
  expect(message).toBe(`Option "${en['ui.field.currency']}" must be a 3-letter code such as USD, not "${XSS_SCRIPT}"`);
  expect(message).not.toContain('generateWorkbook');
  expect(await page.getAttribute('#error', 'role')).toBe('alert');
  expect(await page.textContent('#error strong')).toBe(en['ui.error.title']);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.isDisabled('#generate')).toBe(false);
  await page.screenshot({ path: join(ARTIFACTS, 'sidebar-error.png'), fullPage: true });
});

test('a failing write shows the writer message without the function name, starting with a capital', async () => {
  const emulated = createAppsScriptGlobals({ locale: 'en_US' });
  await openSidebar(emulated as unknown as Record<string, unknown>);
  await page.fill('#business-name', 'Unlucky Ltd');
  emulated.emulator.failOnWrite = 12;
  await page.click('#generate');
  await page.waitForSelector('#error p');
  expect(await page.textContent('#error p')).toBe('The workbook could not be generated and nothing was changed: Injected failure at write 12');
});

describe('the form checks what the server would refuse, before calling it', () => {
  const languages = [
    ['en', 'en_US', en],
    ['fa', 'fa_IR', fa],
    ['ar', 'ar_EG', ar],
  ] as const;

  test.each(languages)('%s: a blank business name names the field by its label, marks it and focuses it', async (_language, locale, labels) => {
    await openSidebar(fakeApps({ locale }).services);
    await page.fill('#business-name', '   ');
    await page.click('#generate');
    await page.waitForSelector('#error p');
    const message = await page.textContent('#error p');
    expect(message).toBe(labels['ui.error.required'].replace('{field}', labels['ui.field.businessName']));
    expect(message).not.toMatch(/generateWorkbook|businessName|option/);
    expect(await page.getAttribute('#business-name', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('business-name');
    expect(calls).toEqual(['getSidebarContext', 'getImportSources']); // the server was not asked
    if (locale === 'fa_IR') await page.screenshot({ path: join(ARTIFACTS, 'sidebar-invalid-fa.png'), fullPage: true });
  });

  test('no channel at all: the channels are marked and the first one focused; fixing it clears the marks', async () => {
    await openSidebar(createAppsScriptGlobals({ locale: 'en_US' }) as unknown as Record<string, unknown>);
    await page.fill('#business-name', 'Corner Bakery');
    await page.$$eval('#channel-list input', (boxes) => boxes.forEach((box) => ((box as HTMLInputElement).checked = false)));
    await page.click('#generate');
    await page.waitForSelector('#error p');
    expect(await page.textContent('#error p')).toBe(
      en['ui.error.noChannel'].replace('{field}', en['ui.field.channels']).replace('{other}', en['ui.field.customChannels']),
    );
    expect(await page.$$eval('#channel-list input', (boxes) => boxes.map((box) => box.getAttribute('aria-invalid')))).not.toContain(null);
    expect(await page.$$eval('#channel-list input', (boxes) => boxes.every((box) => box.getAttribute('aria-invalid') === 'true'))).toBe(true);
    expect(await page.getAttribute('#custom-channels', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement === document.querySelector('#channel-list input'))).toBe(true);
    expect(calls).toEqual(['getSidebarContext', 'getImportSources']);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-invalid-channels.png'), fullPage: true });

    await page.fill('#custom-channels', 'Flyers');
    await page.click('#generate');
    await page.waitForSelector('#result li');
    expect(await page.$$eval('[aria-invalid="true"]', (marked) => marked.length)).toBe(0);
    expect(await page.textContent('#error')).toBe('');
  });

  test('a channel name longer than the server allows is caught in "Other channels", shown as text', async () => {
    await openSidebar(fakeApps({ locale: 'en_US' }).services);
    await page.fill('#business-name', 'Corner Bakery');
    const long = `${XSS_SCRIPT}${'x'.repeat(WORKBOOK_LIMITS.name)}`;
    await page.fill('#custom-channels', `Flyers\n${long}`);
    await page.click('#generate');
    await page.waitForSelector('#error p');
    const message = await page.textContent('#error p');
    expect(message).toContain(`“${en['ui.field.customChannels']}”`);
    expect(message).toContain(`${WORKBOOK_LIMITS.name}`);
    expect(message).toContain(XSS_SCRIPT);
    expect(await page.getAttribute('#custom-channels', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('custom-channels');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(calls).toEqual(['getSidebarContext', 'getImportSources']);
  });

  test('too many segments, counted with Persian digits in a Persian sidebar', async () => {
    await openSidebar(fakeApps({ locale: 'fa_IR' }).services);
    await page.fill('#business-name', 'نانوایی');
    const count = WORKBOOK_LIMITS.segments + 1;
    await page.fill('#segments', Array.from({ length: count }, (_, i) => `بخش ${i}`).join('\n'));
    await page.click('#generate');
    await page.waitForSelector('#error p');
    const message = await page.textContent('#error p');
    expect(message).toContain(`«${fa['ui.field.segments']}»`);
    const persian = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x6f0 + Number(d)));
    expect(message).toContain(persian(WORKBOOK_LIMITS.segments));
    expect(message).toContain(persian(count));
    expect(await page.getAttribute('#segments', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('segments');
  });

  test('the business name field allows exactly the server limit', async () => {
    await openSidebar(fakeApps({ locale: 'en_US' }).services);
    expect(await page.getAttribute('#business-name', 'maxlength')).toBe(String(WORKBOOK_LIMITS.businessName));
  });
});

test('a target that is not a number is caught in the form, in the user language digits too', async () => {
  await openSidebar(fakeApps({ locale: 'fa_IR' }).services);
  await page.fill('#business-name', 'نانوایی');
  await page.fill('#target-reach', '۱۲٬۵۰۰');
  await page.fill('#target-act', 'زیاد');
  await page.click('#generate');
  await page.waitForSelector('#error p');
  expect(await page.textContent('#error p')).toContain('زیاد');
  expect(await page.getAttribute('#target-act', 'aria-invalid')).toBe('true');
  expect(await page.getAttribute('#target-reach', 'aria-invalid')).toBe('false');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('target-act');
  expect(calls).toEqual(['getSidebarContext', 'getImportSources']);
});

describe('Bring your data: the client side of the import (fake import calls)', () => {
  const ADS_CSV = resolve('test/fixtures/import/google-ads-campaigns.csv');
  const ADS_GUESSES = { Campaign: 'campaign', Day: 'date', 'Impr.': 'impressions', Clicks: 'clicks', Cost: 'cost', Conversions: 'leads' } as const;

  /** Each mapping row as the user reads it: the header, the chosen option's text, the samples line. */
  const mappingRows = () =>
    page.$$eval('#import-mapping .mapping-row', (rows) =>
      rows.map((row) => ({
        header: row.querySelector('label')!.textContent,
        target: (row.querySelector('select') as HTMLSelectElement).selectedOptions[0].textContent,
        samples: row.querySelector('.samples')!.textContent,
      })),
    );

  test('a Google Ads CSV file: analysed from its first rows, mapping shown and changed, channel asked, sent and committed', async () => {
    const fake = fakeImportServer({ guesses: ADS_GUESSES, analysis: { platform: 'googleAds', suggestedChannel: 'paidSearch' }, report: {
      rowsImported: 13,
      dataRowsWritten: 7,
      dataRowsReplaced: 0,
      skipped: [{ reason: 'totalRow', count: 1, rows: [18] }],
      ignoredColumns: ['Campaign status', 'Currency code', 'Conv. value'],
      dateRange: { first: '2026-03-01', last: '2026-03-07' },
      notes: [{ column: 'Impr.', note: 'decimalPoint' }],
      totals: { impressions: 92602, customers: 132, cost: 6204.24 },
    } });
    await openSidebar(fakeApps({ locale: 'en_US' }).services, fake);
    expect(await page.textContent('#import h2')).toBe(en['ui.import.title']);
    await page.check('input[name="import-source"][value="file"]');
    await page.setInputFiles('#import-file', ADS_CSV);
    await page.click('#import-analyze');
    await page.waitForSelector('#import-plan:not([hidden])');

    // The server saw the parsed rows as text: preamble kept, BOM gone, "$1,234.56" and "--" untouched.
    const analysed = fake.analysedRows[0];
    expect(analysed[0]).toEqual(['Campaign performance report']);
    expect(analysed[1]).toEqual(['March 1, 2026 - March 7, 2026']);
    expect(analysed[2][4]).toBe('Impr.');
    expect(analysed.flat()).toContain('$1,234.56');
    expect(analysed.flat()).toContain('--');
    expect(analysed).toHaveLength(18);

    const rows = await mappingRows();
    expect(rows.map((row) => row.header)).toEqual(['Campaign', 'Day', 'Campaign status', 'Currency code', 'Impr.', 'Clicks', 'Cost', 'Conversions', 'Conv. value']);
    expect(rows[1]).toEqual({ header: 'Day', target: en['ui.import.dimension.date'], samples: 'e.g. 2026-03-01, 2026-03-02, 2026-03-03' });
    expect(rows[2].target).toBe(en['ui.import.target.ignore']);
    expect(rows[7].target).toBe('Leads');
    expect(await page.isVisible('#import-channel')).toBe(true);
    expect(await page.inputValue('#import-channel')).toBe('Paid search');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-import-mapping-en.png'), fullPage: true });

    await page.selectOption('#import-map-7', 'customers'); // Conversions are purchases here, not leads
    await page.click('#import-start');
    await page.waitForSelector('#import-report li');

    expect(fake.commits).toHaveLength(1);
    const [commit] = fake.commits;
    expect(commit.source).toEqual({ kind: 'staged', importId: expect.stringMatching(/^imp-[0-9a-f]{24}$/), name: 'google-ads-campaigns.csv' });
    expect(commit.headerRow).toBe(2);
    expect(commit.targets).toEqual(['campaign', 'date', 'ignore', 'ignore', 'impressions', 'clicks', 'cost', 'customers', 'ignore']);
    expect(commit.channel).toBe('Paid search');
    expect(commit.language).toBe('en');
    expect(commit.workbook).toBeUndefined(); // a workbook exists and the form is empty: nothing to generate
    expect(fake.stagedRows((commit.source as { importId: string }).importId)).toEqual(analysed);
    expect(fake.discarded).toEqual([]);

    const report = await page.$$eval('#import-report li', (items) => items.map((item) => item.firstChild?.textContent));
    expect(report).toContain('Rows imported: 13');
    expect(report).toContain('Dates: 2026-03-01 to 2026-03-07');
    expect(report).toContain('Rows skipped: 1');
    expect(report).toContain(`${en['ui.import.skip.totalRow']}: 1 (rows 18)`);
    expect(report).toContain('Columns ignored: Campaign status, Currency code, Conv. value');
    expect(report).toContain('Customers: 132');
    expect(report).toContain('Cost: 6,204.24');
    expect(await page.textContent('#import-report')).toContain('Impr.: numbers read with a decimal point');
    expect(await page.isHidden('#import-plan')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-import-report-en.png'), fullPage: true });
    expect(requests).toEqual([]);
  });

  test('a large file goes in chunks of 2,000 rows, one call at a time in order, the progress shown; the chunks rebuild the file', async () => {
    const fake = fakeImportServer({ guesses: { Date: 'date', Channel: 'channel', Sessions: 'visits' }, stageDelayMs: 40 });
    await openSidebar(fakeApps({ locale: 'en_US' }).services, fake);
    const lines = ['Date,Channel,Sessions', ...Array.from({ length: 4500 }, (_, i) => `2026-03-${String((i % 28) + 1).padStart(2, '0')},Email,${i}`)];
    await page.check('input[name="import-source"][value="file"]');
    await page.setInputFiles('#import-file', { name: 'sessions.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.click('#import-analyze');
    await page.waitForSelector('#import-plan:not([hidden])');
    expect(fake.analysedRows[0]).toHaveLength(200); // only the first 200 rows are analysed
    expect(await page.isHidden('#import-channel-field')).toBe(true); // a column is the channel
    const statuses: string[] = [];
    await page.exposeFunction('__status', (text: string) => statuses.push(text));
    await page.evaluate(() => {
      const status = document.getElementById('import-status')!;
      new MutationObserver(() => (window as unknown as { __status(text: string): void }).__status(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.click('#import-start');
    await page.waitForSelector('#import-report li');
    expect(fake.stageOrder).toEqual([0, 1, 2]);
    expect(fake.mostInFlight()).toBe(1);
    const importId = (fake.commits[0].source as { importId: string }).importId;
    expect(fake.stagedRows(importId)).toEqual(lines.map((line) => line.split(',')));
    expect(statuses).toContain('Sending the rows: chunk 1 of 3…');
    expect(statuses).toContain('Sending the rows: chunk 3 of 3…');
    expect(statuses).toContain(en['ui.import.committing']);
    expect(await page.textContent('#import-status')).toBe('');
  });

  test('a chunk that fails: the staged rows are discarded, nothing is committed, the error reads as text', async () => {
    const fake = fakeImportServer({ guesses: { Date: 'date', Sessions: 'visits' }, failStageAt: 1 });
    await openSidebar(fakeApps({ locale: 'en_US' }).services, fake);
    const lines = ['Date,Sessions', ...Array.from({ length: 4100 }, (_, i) => `2026-03-01,${i}`)];
    await page.check('input[name="import-source"][value="paste"]');
    // As a paste lands (fill types 4,000 lines too slowly for a test).
    await page.$eval('#import-paste', (box, text) => ((box as HTMLTextAreaElement).value = text), lines.join('\n'));
    await page.click('#import-analyze');
    await page.waitForSelector('#import-plan:not([hidden])');
    await page.fill('#import-channel', 'Email');
    await page.click('#import-start');
    await page.waitForSelector('#import-error p');
    expect(await page.textContent('#import-error p')).toBe('The staging sheet could not be written');
    expect(fake.commits).toEqual([]);
    expect(fake.discarded).toHaveLength(1);
    expect(fake.staged.size).toBe(0);
    expect(await page.isVisible('#import-plan')).toBe(true); // the user can try again
    expect(await page.isDisabled('#import-start')).toBe(false);
  });

  test('Cancel while the rows are being sent: no further chunk goes, the staged rows are discarded, nothing is committed', async () => {
    const fake = fakeImportServer({ guesses: { Date: 'date', Channel: 'channel', Sessions: 'visits' } });
    await openSidebar(fakeApps({ locale: 'en_US' }).services, fake);
    const lines = ['Date,Channel,Sessions', ...Array.from({ length: 6500 }, (_, i) => `2026-03-01,Email,${i}`)];
    await page.check('input[name="import-source"][value="paste"]');
    await page.$eval('#import-paste', (box, text) => ((box as HTMLTextAreaElement).value = text), lines.join('\n'));
    await page.click('#import-analyze');
    await page.waitForSelector('#import-plan:not([hidden])');
    let release = (): void => undefined;
    gate = new Promise<void>((resolveGate) => {
      release = resolveGate;
    });
    await page.click('#import-start');
    await page.waitForSelector('#import[aria-busy="true"]');
    expect(await page.textContent('#import-status')).toBe('Sending the rows: chunk 1 of 4…');
    expect(await page.isDisabled('#import-start')).toBe(true);
    await page.click('#import-cancel');
    release();
    await page.waitForSelector('#import-error p');
    expect(await page.textContent('#import-error p')).toBe(en['ui.import.cancelled']);
    expect(fake.stageOrder).toEqual([0]);
    expect(fake.discarded).toHaveLength(1);
    expect(fake.commits).toEqual([]);
  });

  test('Persian pasted rows: right-to-left, Persian labels and digits in the mapping and the report', async () => {
    const fake = fakeImportServer({
      guesses: { تاریخ: 'date', بازدیدها: 'visits', درآمد: 'revenue' },
      analysis: { suggestedChannel: 'email' },
      report: { rowsImported: 2, dataRowsWritten: 1, dataRowsReplaced: 1, dateRange: { first: '2026-03-21', last: '2026-03-22' }, totals: { visits: 2468, revenue: 25001 }, skipped: [{ reason: 'blankRow', count: 1, rows: [3] }] },
    });
    await openSidebar(fakeApps({ locale: 'fa_IR' }).services, fake);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('#import h2')).toBe(fa['ui.import.title']);
    await page.check('input[name="import-source"][value="paste"]');
    await page.fill('#import-paste', 'تاریخ\tبازدیدها\tدرآمد\n۱۴۰۵/۰۱/۰۱\t۱٬۲۳۴\t۱۲٬۵۰۰٫۵ ریال\n\n۱۴۰۵/۰۱/۰۲\t۱٬۲۳۴\t۱۲٬۵۰۰٫۵ ریال\n');
    await page.click('#import-analyze');
    await page.waitForSelector('#import-plan:not([hidden])');
    expect(fake.analysedRows[0][1]).toEqual(['۱۴۰۵/۰۱/۰۱', '۱٬۲۳۴', '۱۲٬۵۰۰٫۵ ریال']);
    const rows = await mappingRows();
    expect(rows[1]).toEqual({ header: 'بازدیدها', target: 'بازدیدها', samples: 'مثلاً ۱٬۲۳۴، ۱٬۲۳۴' });
    expect(rows[0].target).toBe(fa['ui.import.dimension.date']);
    expect(await page.inputValue('#import-channel')).toBe('ایمیل');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-import-mapping-fa.png'), fullPage: true });
    await page.click('#import-start');
    await page.waitForSelector('#import-report li');
    expect(fake.commits[0].source).toMatchObject({ kind: 'staged', name: fa['ui.import.pasteName'] });
    expect(fake.commits[0].language).toBe('fa');
    const report = await page.textContent('#import-report');
    expect(report).toContain('ردیف‌های واردشده: ۲');
    expect(report).toContain('تاریخ‌ها: از \u2066۲۰۲۶-۰۳-۲۱\u2069 تا \u2066۲۰۲۶-۰۳-۲۲\u2069');
    expect(report).toContain(`${fa['ui.import.skip.blankRow']}: ۱ (ردیف‌های ۳)`);
    expect(report).toContain('درآمد: ۲۵٬۰۰۱');
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-import-report-fa.png'), fullPage: true });
  });

  test('a GA4 funnel exploration gets the RACE_FUNNEL message and no import button', async () => {
    const fake = fakeImportServer({ analysis: { funnelExploration: true, platform: 'ga4' } });
    await openSidebar(fakeApps({ locale: 'en_US' }).services, fake);
    await page.check('input[name="import-source"][value="paste"]');
    await page.fill('#import-paste', 'Step,Active users,Completion rate,Abandonments,Abandonment rate\n1. First visit,1200,45%,660,55%\n2. Add to cart,540,30%,378,70%\n');
    await page.click('#import-analyze');
    await page.waitForSelector('#import-funnel:not([hidden])');
    expect(await page.textContent('#import-funnel')).toContain('RACE_FUNNEL');
    expect(await page.isHidden('#import-start')).toBe(true);
    expect(await page.isHidden('#import-channel-field')).toBe(true);
    expect(await page.isHidden('#import-mapping')).toBe(true);
  });

  test('without a workbook the form must be valid first (it generates one): the business name is marked, nothing is sent', async () => {
    const fake = fakeImportServer({ sources: { sheets: [{ name: 'Export', rows: 3, columns: 3 }], hasWorkbook: false }, guesses: { Date: 'date', Channel: 'channel', Sessions: 'visits' } });
    await openSidebar(fakeApps({ locale: 'en_US' }).services, fake);
    expect(await page.textContent('#import-sheet option')).toBe('Export (3 rows)');
    await page.click('#import-analyze');
    await page.waitForSelector('#import-plan:not([hidden])');
    expect(fake.analysedSheets).toEqual(['Export']);
    expect(await page.isVisible('#import-new-workbook')).toBe(true);
    await page.click('#import-start');
    await page.waitForSelector('#import-error p');
    expect(await page.textContent('#import-error p')).toBe(
      en['ui.import.error.workbook'].replace('{problem}', en['ui.error.required'].replace('{field}', en['ui.field.businessName'])),
    );
    expect(await page.getAttribute('#business-name', 'aria-invalid')).toBe('true');
    expect(fake.commits).toEqual([]);

    await page.fill('#business-name', 'Corner Bakery');
    await page.click('#import-start');
    await page.waitForSelector('#import-report li');
    expect(fake.commits[0]).toMatchObject({ source: { kind: 'sheet', sheetName: 'Export' }, workbook: { businessName: 'Corner Bakery', language: 'en' } });
    expect(fake.commits[0].channel).toBeUndefined();
  });

  test('a column chosen twice is refused before sending; headers and samples written as markup stay text', async () => {
    const fake = fakeImportServer({ guesses: { Date: 'date', [XSS_IMG]: 'clicks', Clicks: 'clicks' } });
    await openSidebar(fakeApps({ locale: 'en_US' }).services, fake);
    await page.check('input[name="import-source"][value="paste"]');
    await page.fill('#import-paste', `Date,${XSS_IMG},Clicks\n2026-03-01,"${XSS_SCRIPT.replace(/"/g, '""')}",4\n`);
    await page.click('#import-analyze');
    await page.waitForSelector('#import-plan:not([hidden])');
    expect((await mappingRows())[1]).toMatchObject({ header: XSS_IMG, samples: `e.g. ${XSS_SCRIPT}` });
    await page.fill('#import-channel', 'Email');
    await page.click('#import-start');
    await page.waitForSelector('#import-error p');
    expect(await page.textContent('#import-error p')).toBe(`“Clicks” is chosen for more than one column: ${XSS_IMG}, Clicks. Keep one.`);
    expect(fake.stageOrder).toEqual([]);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});

test('the gross margin is typed in percent in any digits, refused out of 0-100 before the server is asked, and reaches the Plan sheet', async () => {
  const emulated = createAppsScriptGlobals({ locale: 'fa_IR' });
  await openSidebar(emulated as unknown as Record<string, unknown>);
  expect(await page.getAttribute('#gross-margin', 'placeholder')).toBe('۴۰٪');
  await page.fill('#business-name', 'فروشگاه');
  await page.fill('#gross-margin', '۱۵۰');
  await page.click('#generate');
  await page.waitForSelector('#error p');
  expect(await page.textContent('#error p')).toBe(fa['ui.error.grossMargin'].replace('{value}', '۱۵۰'));
  expect(await page.getAttribute('#gross-margin', 'aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('gross-margin');
  expect(calls).toEqual(['getSidebarContext', 'getImportSources']); // the server was not asked
  await page.fill('#gross-margin', '۳۵');
  await page.click('#generate');
  await page.waitForSelector('#result li');
  const plan = emulated.emulator.snapshot().sheets.find((sheet) => sheet.metadata.some(({ key, value }) => key === 'race.sheet' && value === 'plan'))!;
  const margin = plan.values.find((row) => row[0] === fa['workbook.osa.grossMargin'])!;
  expect(margin[1]).toBeCloseTo(0.35, 12);
});
