/**
 * The offline preview (npm start) in Debian's chromium: the page and the real dist/Sidebar.html served
 * by preview/server.ts, whose google.script.run shim runs the built dist/Code.js on the emulator.
 * Needs `npm run build` first (npm test does it).
 */
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { type Frame, type Page } from 'playwright-core';
import { openPreview as openPreviewPage, usePreviewSession, waitForSheetValue } from '../support/browser';
import { en } from '../../src/core/i18n/en';
import { fa } from '../../src/core/i18n/fa';
import { translate } from '../../src/core/i18n';

jest.setTimeout(90_000);

const ARTIFACTS = resolve('test/artifacts');
const XSS_IMG = '<img src=x onerror=window.__xss=1>';
const XSS_SCRIPT = '"><script>window.__xss=1</script>';
const FORMULA_BAR = 'input[aria-label="Formula bar"]';
const ERROR_VALUE = /^#(DIV\/0!|ERROR!|N\/A|REF!|NAME\?|VALUE!|NUM!|NULL!|SPILL!|CYCLE!|LIC!)/;

let page: Page;
/** Requests that left the preview server (there must be none: the preview works offline). */
let outside: string[] = [];
/** When set, the server holds google.script.run calls until it resolves. */
let gate: Promise<void> | undefined;

const session = usePreviewSession(ARTIFACTS, { beforeCall: () => gate });

afterEach(async () => {
  gate = undefined;
  await page?.context().close();
});

/** A fresh spreadsheet in `locale`, the page open on it and the sidebar ready. */
async function openPreview(locale: 'en_US' | 'fa_IR'): Promise<Frame> {
  outside = [];
  const opened = await openPreviewPage(session.browser, session.preview, locale, outside);
  page = opened.page;
  return opened.sidebar;
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

  expect(created).toHaveLength(5); // plan, KPIs, Data, Dashboard, 3-3-3 content
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
  expect(formula?.split('\n')[0]).toBe(await page.inputValue(FORMULA_BAR));
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
  expect(await page.$$eval('#tabs button', (tabs) => tabs.map((tab) => tab.childElementCount))).toEqual([0, 0, 0, 0, 0, 0]);
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
  await page.waitForFunction(() => document.querySelectorAll('#tabs button').length === 6); // Sheet1 and the five generated
});

test('a failing server call shows its error in the sidebar and leaves the spreadsheet as it was', async () => {
  const sidebar = await openPreview('en_US');
  await sidebar.fill('#business-name', 'Unlucky Ltd');
  session.preview.runtime.emulator.failOnWrite = 12; // a write in the middle of the generation fails
  await sidebar.click('#generate');
  await sidebar.waitForSelector('#error p');
  const message = await sidebar.textContent('#error p');
  // The user reads why, without the server function's name in front.
  expect(message).toBe(translate('en', 'workbook.error.failed', { cause: 'Injected failure at write 12' }).replace(/^./, (c) => c.toUpperCase()));
  expect(await sidebar.textContent('#error strong')).toBe(en['ui.error.title']);
  expect(await sidebar.isDisabled('#generate')).toBe(false);
  // All or nothing: the sheets created before the failure were removed again.
  await page.waitForFunction(() => [...document.querySelectorAll('#tabs button')].map((tab) => tab.textContent).join() === 'Sheet1');
  expect(session.preview.runtime.emulator.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  await sidebar.locator('#error').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-error.png') });
});

test('the reset button opens a new empty spreadsheet; the locale select switches to a right-to-left one', async () => {
  const sidebar = await openPreview('en_US');
  await sidebar.fill('#business-name', 'Acme');
  await generateAndWait(sidebar);
  await page.click('#reset');
  await page.waitForFunction(() => document.querySelectorAll('#tabs button').length === 1);
  expect(session.preview.runtime.emulator.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  await page.selectOption('#locale', 'fa_IR');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  expect(session.preview.runtime.emulator.locale).toBe('fa_IR');
  expect(new URL(page.url()).searchParams.get('locale')).toBe('fa_IR');
  const reloaded = await (await page.waitForSelector('#sidebar')).contentFrame();
  await reloaded!.waitForFunction(() => document.documentElement.dir === 'rtl' && (document.getElementById('generate') as HTMLButtonElement | null)?.disabled === false);
});

describe('the preview server API', () => {
  const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    fetch(new URL(path, session.preview.url), { method: 'POST', headers, body });

  test('runs only public functions of the bundle, by name', async () => {
    const ok = await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: [] }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { value: { language: string } }).value.language).toBe(session.preview.runtime.emulator.locale.slice(0, 2));
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
    // An import chunk of 1 MB of JSON fits; a larger body is refused.
    const chunk = JSON.stringify(Array.from({ length: 19_500 }, (_, i) => [`2026-03-${String((i % 28) + 1).padStart(2, '0')}`, 'Paid search', `Campaign ${i}`, String(i * 3)]));
    expect(chunk.length).toBeGreaterThan(900_000);
    expect(chunk.length).toBeLessThanOrEqual(1_048_576);
    expect((await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: [JSON.parse(chunk)] }))).status).toBe(200);
    expect((await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: ['x'.repeat(1_200_000)] }))).status).toBe(413);
    expect((await post('/api/run', 'name=getSidebarContext', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    expect((await post('/api/run', '{not json')).status).toBe(400);
    expect((await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: 'x' }))).status).toBe(400);
    expect((await post('/api/reset', JSON.stringify({ locale: 'xx_YY' }))).status).toBe(400);
    // A page of another site reaching 127.0.0.1 through its own host name (DNS rebinding) is refused.
    const rebound = await new Promise<number | undefined>((answered, failed) => {
      const { hostname, port } = new URL(session.preview.url);
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

describe('typing into the grid', () => {
  const cell = (a1: string) => page.locator(`#grid td[data-a1="${a1}"]`);
  const sheet1 = () => session.preview.runtime.emulator.spreadsheet().getSheetByName('Sheet1')!;

  /** Waits until the page shows `text` in the cell, drawn from the server's answer when `fromServer` is a class it sets. */
  async function waitForCell(a1: string, text: string | RegExp, fromServer?: 'number' | 'formula' | 'error'): Promise<void> {
    await page.waitForFunction(
      ([a1, source, flags, cls]) => {
        const td = document.querySelector(`#grid td[data-a1="${a1}"]`);
        const shown = td?.textContent ?? '';
        const matches = flags === null ? shown === source : new RegExp(source, flags).test(shown);
        return matches && (!cls || td!.classList.contains(cls));
      },
      [a1, typeof text === 'string' ? text : text.source, typeof text === 'string' ? null : text.flags, fromServer ?? null] as const,
    );
  }

  const waitForValue = (a1: string, expected: unknown) => waitForSheetValue(() => sheet1().getRange(a1).getValue(), expected);

  async function typeInto(a1: string, keys: string[]): Promise<void> {
    await cell(a1).click();
    for (const key of keys) {
      if (['Enter', 'Tab', 'Escape', 'Delete', 'Shift+Tab', 'Shift+Enter'].includes(key)) await page.keyboard.press(key);
      else await page.keyboard.type(key);
    }
  }

  /** A paste as the browser delivers it: a paste event with the clipboard's text on the focused element. */
  async function paste(text: string): Promise<void> {
    await page.evaluate((tsv) => {
      const data = new DataTransfer();
      data.setData('text/plain', tsv);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  test('numbers, text and a RACE_ formula typed in cells compute; Enter moves down, Tab right, Escape cancels, Delete clears', async () => {
    await openPreview('en_US');
    expect(await page.$$eval('#grid td', (tds) => tds.every((td) => /^[A-Z]+[0-9]+$/.test((td as HTMLElement).dataset.a1 ?? '')))).toBe(true);
    await typeInto('E1', ['Visits', 'Tab', 'Leads', 'Enter']);
    expect(await page.textContent('#cell-ref')).toBe('E2'); // Enter after Tabs: the next row, from where the Tabs started
    await typeInto('F2', ['Tab', 'note', 'Enter']);
    expect(await page.textContent('#cell-ref')).toBe('F3'); // a Tab without typing starts the run too
    await typeInto('E2', ['100', 'Enter', '200', 'Enter', '۱۰۰', 'Enter']);
    expect(await page.textContent('#cell-ref')).toBe('E5');
    await typeInto('F2', ['5', 'Enter', '15', 'Enter', '10', 'Enter']);
    await waitForCell('F4', '10', 'number');
    await waitForCell('E3', '200', 'number');
    expect(await cell('E1').textContent()).toBe('Visits');
    // Persian digits stay text, as in Sheets; the RACE functions read them as numbers.
    await waitForValue('E4', '۱۰۰');
    expect((await cell('E4').getAttribute('class')) ?? '').not.toContain('number');

    await typeInto('H1', ['=RACE_CONVERSION(E2:E20, F2:F20)', 'Enter']);
    await waitForCell('H1', '0.075', 'formula'); // 30 / 400
    expect(await cell('H1').getAttribute('title')).toBe('=RACE_CONVERSION(E2:E20, F2:F20)');
    expect(sheet1().getRange('H1').getFormula()).toBe('=RACE_CONVERSION(E2:E20, F2:F20)');
    expect(await page.textContent('#cell-ref')).toBe('H2');

    // Escape drops what was typed.
    await typeInto('E2', ['999']);
    expect(await page.isVisible('#cell-editor.editing')).toBe(true);
    expect(await page.inputValue(FORMULA_BAR)).toBe('999');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-typing-editor.png') });
    await page.keyboard.press('Escape');
    expect(await cell('E2').textContent()).toBe('100');
    expect(await page.inputValue(FORMULA_BAR)).toBe('100');

    // The formula bar edits the selected cell; Enter there moves down too.
    await cell('H1').click();
    expect(await page.inputValue(FORMULA_BAR)).toBe('=RACE_CONVERSION(E2:E20, F2:F20)');
    await page.fill(FORMULA_BAR, '=RACE_CONVERSION(E2:E3, F2:F3)');
    await page.press(FORMULA_BAR, 'Enter');
    await waitForCell('H1', '0.06666666667', 'formula'); // 20 / 300
    expect(await page.textContent('#cell-ref')).toBe('H2');

    // A formula Sheets cannot parse shows its error value; the server goes on.
    await typeInto('B5', ['=SUM(', 'Tab']);
    await waitForCell('B5', '#ERROR!', 'error');
    expect(await page.textContent('#cell-ref')).toBe('C5');
    await typeInto('B6', ['hello world', 'Enter']);
    await waitForValue('B6', 'hello world');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-typing.png') });

    // Delete clears a range (selected with a shift-click); the formula recomputes over the blanks.
    await cell('E2').click();
    await cell('F3').click({ modifiers: ['Shift'] });
    expect(await page.textContent('#cell-ref')).toBe('E2:F3');
    await page.keyboard.press('Delete');
    await waitForCell('H1', ERROR_VALUE, 'error');
    expect(sheet1().getRange('E2:F3').getValues()).toEqual([['', ''], ['', '']]);
    expect(sheet1().getRange('E4:F4').getValues()).toEqual([['۱۰۰', 10]]);
    expect(outside).toEqual([]);
  });

  test('text runs on into empty neighbours as in Sheets, stops at a filled one, and a click there selects the neighbour', async () => {
    await openPreview('en_US');
    const long = 'Headline: the latest period against the one before';
    await typeInto('B2', [long, 'Enter']);
    await typeInto('B3', [long, 'Tab', 'x', 'Enter']);
    await typeInto('B4', ['12345678901234', 'Enter']);
    await waitForCell('B4', '12345678901234', 'number');
    await waitForValue('C3', 'x');
    const spilled = (a1: string) =>
      page.$eval(`#grid td[data-a1="${a1}"]`, (td) => ({ spill: td.classList.contains('spill'), width: td.querySelector('span')?.getBoundingClientRect().width ?? 0, own: td.getBoundingClientRect().width }));
    const open = await spilled('B2');
    expect(open.spill).toBe(true);
    expect(open.width).toBeGreaterThan(2 * open.own); // over C2, D2, ... (empty)
    expect((await spilled('B3')).spill).toBe(false); // C3 holds "x"
    expect((await spilled('B4')).spill).toBe(false); // a number never runs on
    // The text over C2 does not take the click: C2 is selected, as in Sheets.
    await cell('C2').click();
    expect(await page.textContent('#cell-ref')).toBe('C2');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-overflow.png') });
  });

  test('a TSV block pasted over the selection lands from its top-left cell; a paste past the grid is refused', async () => {
    await openPreview('en_US');
    await cell('B2').click();
    await paste('Date\tVisits\tLeads\r\n2026-03-01\t"1,200"\t36\r\n2026-03-02\t800\t24\r\n');
    await waitForCell('C3', '1200', 'number');
    expect(await page.textContent('#cell-ref')).toBe('B2:D4');
    expect(sheet1().getRange('B2:D4').getDisplayValues()).toEqual([
      ['Date', 'Visits', 'Leads'],
      ['3/1/2026', '1200', '36'],
      ['3/2/2026', '800', '24'],
    ]);
    // Copying the selected block gives the same tab-separated text, as shown.
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe('Date\tVisits\tLeads\n3/1/2026\t1200\t36\n3/2/2026\t800\t24');
    await typeInto('F2', ['=RACE_CONVERSION(C3:C4, D3:D4)', 'Enter']);
    await waitForCell('F2', '0.03', 'formula'); // 60 / 2000
    // One value pasted over a selected range fills it.
    await cell('C3').click();
    await cell('C4').click({ modifiers: ['Shift'] });
    await paste('1000');
    await waitForCell('F2', '0.03', 'formula');
    await waitForCell('C4', '1000', 'number');
    await page.waitForFunction(() => document.querySelector('#grid td[data-a1="F2"]')?.textContent === '0.03');
    // Sheet1 is 1000 x 26: a block reaching past column Z is refused, nothing is written.
    await cell('B2').click();
    await page.keyboard.press('Tab'); // Tab moves right without typing
    expect(await page.textContent('#cell-ref')).toBe('C2');
    // Arrow keys move and stop at the grid's edge (Sheet1 ends at column Z).
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#cell-ref')).toBe('Z2');
    expect(await page.$$eval('#grid thead th', (ths) => ths.at(-1)?.textContent)).toBe('Z');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('#cell-ref')).toBe('Y1');
    await paste('a\tb\tc');
    await page.waitForFunction(() => (document.getElementById('notice')?.textContent ?? '').includes('Z1000'));
    expect(sheet1().getRange('Y1:Z1').getValues()).toEqual([['', '']]);
    expect(outside).toEqual([]);
  });

  test('a figure typed into the generated Data sheet reaches the dashboard; text in a number column is refused', async () => {
    const sidebar = await openPreview('en_US');
    await sidebar.fill('#business-name', 'Typing Co');
    const [, , dataSheet, dashboard] = await generateAndWait(sidebar);
    const dashboardTexts = async () => {
      await page.click(`#tabs button:text-is(${JSON.stringify(dashboard)})`);
      await page.waitForSelector(`#tabs button[aria-selected="true"]:text-is(${JSON.stringify(dashboard)})`);
      return page.$$eval('#grid td', (tds) => tds.map((td) => td.textContent ?? ''));
    };
    expect((await dashboardTexts()).filter((text) => /^1,?234$/.test(text))).toEqual([]);
    await page.click(`#tabs button:text-is(${JSON.stringify(dataSheet)})`);
    const impressions = await page.$eval('#grid td[data-a1$="1"]:text-is("Impressions")', (td) => (td as HTMLElement).dataset.a1!.replace(/\d+$/, ''));
    await typeInto(`${impressions}2`, ['1234', 'Enter']);
    await waitForCell(`${impressions}2`, /^1,?234$/, 'number');
    await typeInto(`${impressions}3`, ['many', 'Enter']);
    await page.waitForFunction(() => (document.getElementById('notice')?.textContent ?? '').startsWith('Not changed: '));
    expect(await cell(`${impressions}3`).textContent()).toBe('');
    expect((await dashboardTexts()).filter((text) => /^1,?234$/.test(text)).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-typing-dashboard.png') });
    const grids = await gridsOfAllTabs();
    expect(errorCells(grids)).toEqual([]);
  });

  test('a right-to-left sheet: Persian text and digits typed in; the arrow keys follow the direction, Tab goes to the next column', async () => {
    await openPreview('fa_IR');
    const sheet = session.preview.runtime.emulator.spreadsheet().getSheets()[0];
    sheet.setRightToLeft(true); // as the add-on sets its fa and ar sheets
    await page.reload();
    await page.waitForSelector('#grid[dir="rtl"] td[data-a1="A1"]');
    await typeInto('A1', ['کانال', 'Tab']);
    expect(await page.textContent('#cell-ref')).toBe('B1');
    await page.keyboard.press('ArrowLeft'); // left is the next column in a right-to-left sheet
    expect(await page.textContent('#cell-ref')).toBe('C1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.textContent('#cell-ref')).toBe('B2');
    await typeInto('A2', ['۱۲۰', 'Enter', '٣٠', 'Enter', '=RACE_GROWTH(A2, A3)', 'Enter']);
    await waitForCell('A4', '3', 'formula'); // 120 / 30 - 1, read from Persian and Arabic-Indic digits
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['کانال'], ['۱۲۰'], ['٣٠']]);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-typing-fa_IR.png') });
  });

  test('the server refuses edits outside the grid, against a rejecting validation rule, or of the wrong shape', async () => {
    await openPreview('en_US');
    const edit = (body: unknown) => fetch(new URL('/api/edit', session.preview.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const outsideGrid = await edit({ sheet: 'Sheet1', at: 'AA1', values: [['x']] });
    expect(outsideGrid.status).toBe(422);
    expect(await outsideGrid.json()).toMatchObject({ ok: false, message: 'The coordinates of the range are outside the dimensions of the sheet.' });
    expect((await edit({ sheet: 'Nope', at: 'A1', values: [['x']] })).status).toBe(422);
    for (const bad of [{ sheet: 'Sheet1', at: 'A1', values: [['x'], ['y', 'z']] }, { sheet: 'Sheet1', at: 'A1:B2', values: [['x']] }, { sheet: 'Sheet1', at: 'A1', values: [[1]] }, { sheet: 'Sheet1' }]) {
      expect((await edit(bad)).status).toBe(400);
    }
    const numbers = sheet1().getRange('A2:A3');
    numbers.setDataValidation(SpreadsheetAppOf().newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).setHelpText('Enter a number of 0 or more.').build());
    sheet1().getRange('A2').setValue(5);
    const refused = await edit({ sheet: 'Sheet1', at: 'A1', values: [['Visits'], ['-3'], ['7']] });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ message: 'Enter a number of 0 or more.' });
    expect(sheet1().getRange('A1:A3').getValues()).toEqual([[''], [5], ['']]); // all or nothing
    expect((await edit({ sheet: 'Sheet1', at: 'A1', values: [['Visits'], ['3'], ['7']] })).status).toBe(200);
    expect(sheet1().getRange('A1:A3').getValues()).toEqual([['Visits'], [3], [7]]);
    // The page shows the refusal when it comes from typing.
    await page.reload();
    await typeInto('A2', ['lots', 'Enter']);
    await page.waitForFunction(() => (document.getElementById('notice')?.textContent ?? '').includes('Enter a number of 0 or more.'));
    await waitForCell('A2', '3', 'number');
  });
});

function SpreadsheetAppOf() {
  return session.preview.runtime.globals.SpreadsheetApp;
}
