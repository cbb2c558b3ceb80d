// One way the browser tests start Debian's chromium and open the offline preview.
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startPreview, type PreviewOptions, type PreviewServer } from '../../preview/server';

/** Debian's chromium, headless, without the background traffic this machine's closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface OpenPreview {
  page: Page;
  /** The sidebar's frame, its Generate button enabled. */
  sidebar: Frame;
}

/**
 * A fresh spreadsheet in `locale`, the page open on it and the sidebar ready. Requests that leave the
 * preview server and page errors are pushed to `outside` (there must be none: the preview works offline).
 */
export async function openPreview(browser: Browser, preview: PreviewServer, locale: 'en_US' | 'fa_IR', outside: string[]): Promise<OpenPreview> {
  preview.runtime.reset(locale);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(preview.url)) outside.push(request.url());
  });
  page.on('pageerror', (error) => outside.push(`page error: ${error.message}`));
  await page.goto(`${preview.url}?locale=${locale}`);
  const sidebar = await (await page.waitForSelector('#sidebar')).contentFrame();
  if (!sidebar) throw new Error('the sidebar iframe has no frame');
  // The frame may still hold about:blank or a loading document: no button yet is "not ready", not an error.
  await sidebar.waitForFunction(() => (document.getElementById('generate') as HTMLButtonElement | null)?.disabled === false);
  return { page, sidebar };
}

/** The preview server and the browser a test file shares, set in beforeAll. */
export interface PreviewSession {
  preview: PreviewServer;
  browser: Browser;
}

/**
 * Starts the preview server (port 0: any free port) and chromium before the file's tests and closes both
 * after them; `artifacts` is the folder its screenshots go to.
 */
export function usePreviewSession(artifacts: string, options: Omit<PreviewOptions, 'port'> = {}): PreviewSession {
  const session = {} as PreviewSession;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    session.preview = await startPreview({ ...options, port: 0 });
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.preview?.close();
  });
  return session;
}

/**
 * Waits until `read()` (a cell of the emulated spreadsheet) gives `expected`, then asserts it. The page shows a
 * typed value before the server has written it, so a test reads the sheet only through this.
 */
export async function waitForSheetValue(read: () => unknown, expected: unknown, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (read() !== expected && Date.now() < deadline) await new Promise((next) => setTimeout(next, 50));
  expect(read()).toBe(expected);
}
