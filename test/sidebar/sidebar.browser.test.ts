/**
 * dist/Sidebar.html in Debian's chromium, its google.script.run calls bridged to the real entry points
 * running here in Node on fakes (hand fakes, or the HyperFormula emulator to really generate a workbook).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SERVER_FUNCTIONS } from '../../src/addon/entrypoints';
import { en } from '../../src/core/i18n/en';
import { fa } from '../../src/core/i18n/fa';
import { ar } from '../../src/core/i18n/ar';
import { WORKBOOK_LIMITS } from '../../src/core/workbook/options';
import { createAppsScriptGlobals } from '../../preview/emulator/services';
import { fakeApps } from './fake-apps';

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

async function callServer(name: string, argsJson: string): Promise<{ ok: boolean; value?: unknown; message?: string }> {
  calls.push(name);
  await gate;
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
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function openSidebar(serverServices: Record<string, unknown>): Promise<Page> {
  services = serverServices;
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
  expect(created.length).toBe(4);
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
  expect(calls).toEqual(['getSidebarContext', 'generateWorkbook']);
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
    expect(calls).toEqual(['getSidebarContext']); // the server was not asked
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
    expect(calls).toEqual(['getSidebarContext']);
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
    expect(calls).toEqual(['getSidebarContext']);
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
  expect(calls).toEqual(['getSidebarContext']);
});
