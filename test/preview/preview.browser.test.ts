/**
 * The offline preview (npm start) in Debian's chromium: the page and the real dist/Sidebar.html served
 * by preview/server.ts, whose google.script.run shim runs the built dist/Code.js on the emulator.
 * Needs `npm run build` first (npm test does it).
 */
import { mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../preview/server';
import { en } from '../../src/core/i18n/en';
import { fa } from '../../src/core/i18n/fa';
import { translate } from '../../src/core/i18n';

jest.setTimeout(90_000);

const ARTIFACTS = resolve('test/artifacts');
const XSS_IMG = '<img src=x onerror=window.__xss=1>';
const XSS_SCRIPT = '"><script>window.__xss=1</script>';
const ERROR_VALUE = /^#(DIV\/0!|ERROR!|N\/A|REF!|NAME\?|VALUE!|NUM!|NULL!|SPILL!|CYCLE!|LIC!)/;

let preview: PreviewServer;
let browser: Browser;
let page: Page;
/** Requests that left the preview server (there must be none: the preview works offline). */
let outside: string[] = [];
/** When set, the server holds google.script.run calls until it resolves. */
let gate: Promise<void> | undefined;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  preview = await startPreview({ port: 0, beforeCall: () => gate });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

afterEach(async () => {
  gate = undefined;
  await page?.context().close();
});

/** A fresh spreadsheet in `locale`, the page open on it and the sidebar ready. */
async function openPreview(locale: 'en_US' | 'fa_IR'): Promise<Frame> {
  preview.runtime.reset(locale);
  outside = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(preview.url)) outside.push(request.url());
  });
  page.on('pageerror', (error) => outside.push(`page error: ${error.message}`));
  await page.goto(`${preview.url}?locale=${locale}`);
  const frame = await (await page.waitForSelector('#sidebar')).contentFrame();
  if (!frame) throw new Error('the sidebar iframe has no frame');
  await frame.waitForFunction(() => !(document.getElementById('generate') as HTMLButtonElement).disabled);
  return frame;
}

async function tabNames(): Promise<string[]> {
  return page.$$eval('#tabs button', (tabs) => tabs.map((tab) => tab.textContent ?? ''));
}

async function generateAndWait(sidebar: Frame): Promise<string[]> {
  await sidebar.click('#generate');
  await sidebar.waitForSelector('#result li');
  const created = await sidebar.$$eval('#result li', (items) => items.map((item) => item.textContent ?? ''));
  await page.waitForFunction((count) => document.querySelectorAll('#tabs button').length === count, created.length + 1);
  return created;
}

/** Every tab's grid as the page shows it: text and hover title of each non-empty cell. */
async function gridsOfAllTabs(): Promise<Record<string, { text: string; title: string; formula: boolean }[]>> {
  const grids: Record<string, { text: string; title: string; formula: boolean }[]> = {};
  for (const name of await tabNames()) {
    await page.click(`#tabs button:text-is(${JSON.stringify(name)})`);
    await page.waitForSelector(`#tabs button[aria-selected="true"]:text-is(${JSON.stringify(name)})`);
    grids[name] = await page.$$eval('#grid td', (elements) =>
      (elements as HTMLTableCellElement[])
        .filter((cell) => cell.textContent !== '' || cell.title !== '')
        .map((cell) => ({ text: cell.textContent ?? '', title: cell.title, formula: cell.classList.contains('formula') })),
    );
  }
  return grids;
}

function errorCells(grids: Record<string, { text: string; title: string }[]>): string[] {
  return Object.entries(grids).flatMap(([name, cells]) => cells.filter((cell) => ERROR_VALUE.test(cell.text)).map((cell) => `${name}: ${cell.text} ${cell.title}`));
}

test.each([
  ['en_US', 'Corner Bakery', 'ltr'],
  ['fa_IR', 'نانوایی سر کوچه', 'rtl'],
] as const)('%s: generate a workbook from the sidebar; the sheets appear with computed values and no error value', async (locale, business, direction) => {
  const sidebar = await openPreview(locale);
  expect(await sidebar.getAttribute('html', 'dir')).toBe(direction);
  expect(await page.getAttribute('html', 'dir')).toBe(direction);
  expect(await sidebar.textContent('#generate')).toBe((locale === 'fa_IR' ? fa : en)['ui.generate']);
  await sidebar.fill('#business-name', business);
  await sidebar.fill('#segments', locale === 'fa_IR' ? 'تهران\nشیراز' : 'Retail\nWholesale');
  const created = await generateAndWait(sidebar);

  expect(created).toHaveLength(4);
  expect(await tabNames()).toEqual(['Sheet1', ...created]);
  // The writer activates the plan sheet; the page follows it.
  expect(await page.textContent('#tabs button[aria-selected="true"]')).toBe(created[0]);
  expect(await page.getAttribute('#grid', 'dir')).toBe(direction);
  await sidebar.locator('#result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, `preview-${locale}.png`) });

  const grids = await gridsOfAllTabs();
  expect(errorCells(grids)).toEqual([]);
  for (const name of created) expect(grids[name].length).toBeGreaterThan(0);
  // Formulas are computed: the KPI and dashboard sheets hold formula cells with a hover title showing the formula.
  const formulaCells = [...grids[created[1]], ...grids[created[3]]].filter((cell) => cell.formula);
  expect(formulaCells.length).toBeGreaterThan(0);
  expect(formulaCells.every((cell) => cell.title.startsWith('='))).toBe(true);
  expect(grids[created[0]].some((cell) => cell.text.includes(business))).toBe(true);

  // Clicking a cell shows its formula in the formula bar.
  await page.click(`#tabs button:text-is(${JSON.stringify(created[3])})`);
  const formulaCell = page.locator('#grid td.formula').first();
  const formula = await formulaCell.getAttribute('title');
  await formulaCell.click();
  expect(formula?.split('\n')[0]).toBe(await page.textContent('#cell-content'));
  await page.screenshot({ path: join(ARTIFACTS, `preview-${locale}-dashboard.png`) });
  expect(outside).toEqual([]);
});

test('names typed as markup show as text in the sidebar and in the grid, and never run', async () => {
  const sidebar = await openPreview('en_US');
  await sidebar.fill('#business-name', XSS_IMG);
  await sidebar.fill('#custom-channels', `${XSS_SCRIPT}\n${XSS_IMG}`);
  await sidebar.fill('#segments', `${XSS_SCRIPT}\n${XSS_IMG}`);
  const created = await generateAndWait(sidebar);
  const grids = await gridsOfAllTabs();
  const texts = Object.values(grids).flat().map((cell) => cell.text);
  expect(texts).toContain(XSS_IMG);
  expect(texts).toContain(XSS_SCRIPT);
  expect(grids[created[2]].filter((cell) => cell.text === XSS_SCRIPT).length).toBeGreaterThan(1); // channel and segment columns of the Data sheet
  expect(await sidebar.textContent('#result')).not.toContain('<img');
  for (const frame of [page.mainFrame(), sidebar]) {
    expect(await frame.$$('img')).toHaveLength(0);
    expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
  expect(await page.$$eval('#tabs button', (tabs) => tabs.map((tab) => tab.childElementCount))).toEqual([0, 0, 0, 0, 0]);
  await sidebar.locator('#result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-xss.png') });
  expect(outside).toEqual([]);
});

test('the loading state shows while the generator runs, then the new sheets', async () => {
  const sidebar = await openPreview('en_US');
  await sidebar.fill('#business-name', 'Slow Co');
  let release = (): void => undefined;
  gate = new Promise<void>((resolveGate) => {
    release = resolveGate;
  });
  await sidebar.click('#generate');
  await sidebar.waitForSelector('form[aria-busy="true"]');
  expect(await sidebar.textContent('#status')).toBe(en['ui.generating']);
  expect(await sidebar.isDisabled('#generate')).toBe(true);
  expect(await tabNames()).toEqual(['Sheet1']); // nothing written yet
  await sidebar.locator('#status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-loading.png') });
  release();
  await sidebar.waitForSelector('#result li');
  expect(await sidebar.getAttribute('form', 'aria-busy')).toBe('false');
  expect(await sidebar.textContent('#status')).toBe('');
  await page.waitForFunction(() => document.querySelectorAll('#tabs button').length === 5);
});

test('a failing server call shows its error in the sidebar and leaves the spreadsheet as it was', async () => {
  const sidebar = await openPreview('en_US');
  await sidebar.fill('#business-name', 'Unlucky Ltd');
  preview.runtime.emulator.failOnWrite = 12; // a write in the middle of the generation fails
  await sidebar.click('#generate');
  await sidebar.waitForSelector('#error p');
  const message = await sidebar.textContent('#error p');
  // The user reads why, without the server function's name in front.
  expect(message).toBe(translate('en', 'workbook.error.failed', { cause: 'Injected failure at write 12' }).replace(/^./, (c) => c.toUpperCase()));
  expect(await sidebar.textContent('#error strong')).toBe(en['ui.error.title']);
  expect(await sidebar.isDisabled('#generate')).toBe(false);
  // All or nothing: the sheets created before the failure were removed again.
  await page.waitForTimeout(200);
  expect(await tabNames()).toEqual(['Sheet1']);
  expect(preview.runtime.emulator.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  await sidebar.locator('#error').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-error.png') });
});

test('the reset button opens a new empty spreadsheet; the locale select switches to a right-to-left one', async () => {
  const sidebar = await openPreview('en_US');
  await sidebar.fill('#business-name', 'Acme');
  await generateAndWait(sidebar);
  await page.click('#reset');
  await page.waitForFunction(() => document.querySelectorAll('#tabs button').length === 1);
  expect(preview.runtime.emulator.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  await page.selectOption('#locale', 'fa_IR');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  expect(preview.runtime.emulator.locale).toBe('fa_IR');
  expect(new URL(page.url()).searchParams.get('locale')).toBe('fa_IR');
  const reloaded = await (await page.waitForSelector('#sidebar')).contentFrame();
  await reloaded!.waitForFunction(() => document.documentElement.dir === 'rtl' && !(document.getElementById('generate') as HTMLButtonElement).disabled);
});

describe('the preview server API', () => {
  const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    fetch(new URL(path, preview.url), { method: 'POST', headers, body });

  test('runs only public functions of the bundle, by name', async () => {
    const ok = await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: [] }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { value: { language: string } }).value.language).toBe(preview.runtime.emulator.locale.slice(0, 2));
    for (const name of ['constructor', 'toString', 'SpreadsheetApp', 'RaceAddon_', 'eval', 'require']) {
      const refused = await post('/api/run', JSON.stringify({ name, args: [] }));
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual({ ok: false, message: `Script function not found: ${name}` });
    }
  });

  test('a server error comes back as a failure with the message', async () => {
    const answer = await post('/api/run', JSON.stringify({ name: 'generateWorkbook', args: [{ model: 'nope' }] }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: false, message: expect.stringMatching(/^generateWorkbook: /) });
  });

  test('refuses bodies that are too large, not JSON, or of the wrong shape, and foreign host names', async () => {
    expect((await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: ['x'.repeat(300_000)] }))).status).toBe(413);
    expect((await post('/api/run', 'name=getSidebarContext', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('/api/run', '{not json')).status).toBe(400);
    expect((await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: 'x' }))).status).toBe(400);
    expect((await post('/api/reset', JSON.stringify({ locale: 'xx_YY' }))).status).toBe(400);
    // A page of another site reaching 127.0.0.1 through its own host name (DNS rebinding) is refused.
    const rebound = await new Promise<number | undefined>((answered, failed) => {
      const { hostname, port } = new URL(preview.url);
      request({ hostname, port, path: '/api/snapshot', headers: { Host: `attacker.example:${port}` } }, (response) => {
        response.resume();
        answered(response.statusCode);
      })
        .on('error', failed)
        .end();
    });
    expect(rebound).toBe(421);
  });
});
