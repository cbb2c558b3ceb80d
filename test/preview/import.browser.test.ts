/**
 * "Bring your data" in the offline preview (npm start's server): the real sidebar, parsing in the browser,
 * the built dist/Code.js importing on the emulated spreadsheet. From a sheet typed into the grid, from a
 * Google Ads export file, from Persian pasted text. Needs `npm run build` first (npm test does it).
 */
import { join, resolve } from 'node:path';
import { type Frame, type Page } from 'playwright-core';
import { openPreview as openPreviewPage, usePreviewSession } from '../support/browser';
import { en } from '../../src/core/i18n/en';
import { fa } from '../../src/core/i18n/fa';
import type { MeasureId } from '../../src/core/model/measures';
import { recognizeDimension, recognizeMeasure } from '../../src/core/summary/vocabulary';

jest.setTimeout(120_000);

const ARTIFACTS = resolve('test/artifacts');
const ADS_CSV = resolve('test/fixtures/import/google-ads-campaigns.csv');

let page: Page;
let outside: string[] = [];

const session = usePreviewSession(ARTIFACTS);

afterEach(async () => {
  await page?.context().close();
});

async function openPreview(locale: 'en_US' | 'fa_IR'): Promise<Frame> {
  outside = [];
  const opened = await openPreviewPage(session.browser, session.preview, locale, outside);
  page = opened.page;
  return opened.sidebar;
}

async function generate(sidebar: Frame, business: string): Promise<string[]> {
  await sidebar.fill('#business-name', business);
  await sidebar.click('#generate');
  await sidebar.waitForSelector('#result li');
  return sidebar.$$eval('#result li', (items) => items.map((item) => item.textContent ?? ''));
}

const spreadsheet = () => session.preview.runtime.emulator.spreadsheet();

/** The Data sheet's rows as objects: dimensions and measures found by reading its headers back. */
function dataRows(name: string): Array<{ channel: string; campaign: string; values: Partial<Record<MeasureId, number>> }> {
  const values = spreadsheet().getSheetByName(name)!.getDataRange().getValues();
  const header = values[0].map(String);
  const channel = header.findIndex((text) => recognizeDimension(text) === 'channel');
  const campaign = header.findIndex((text) => recognizeDimension(text) === 'campaign');
  const measures = header.map((text) => recognizeMeasure(text)?.id);
  return values
    .slice(1)
    .filter((row) => measures.some((measure, c) => measure && typeof row[c] === 'number'))
    .map((row) => ({
      channel: String(row[channel]),
      campaign: campaign >= 0 ? String(row[campaign]) : '',
      values: Object.fromEntries(measures.flatMap((measure, c) => (measure && typeof row[c] === 'number' ? [[measure, row[c] as number]] : []))),
    }));
}

function sums(rows: ReturnType<typeof dataRows>): Partial<Record<MeasureId, number>> {
  const total: Partial<Record<MeasureId, number>> = {};
  for (const row of rows) for (const [measure, value] of Object.entries(row.values) as Array<[MeasureId, number]>) total[measure] = (total[measure] ?? 0) + value;
  for (const measure of Object.keys(total) as MeasureId[]) total[measure] = Math.round(total[measure]! * 100) / 100;
  return total;
}

async function analyze(sidebar: Frame): Promise<void> {
  await sidebar.click('#import-analyze');
  await sidebar.waitForSelector('#import-plan:not([hidden])');
}

async function importAndReport(sidebar: Frame): Promise<string[]> {
  await sidebar.click('#import-start');
  await sidebar.waitForSelector('#import-report li');
  return sidebar.$$eval('#import-report li', (items) => items.map((item) => item.firstChild?.textContent ?? ''));
}

/** Each mapping row: header, chosen target id, samples line. */
const mapping = (sidebar: Frame) =>
  sidebar.$$eval('#import-mapping .mapping-row', (rows) =>
    rows.map((row) => ({ header: row.querySelector('label')!.textContent, target: (row.querySelector('select') as HTMLSelectElement).value, samples: row.querySelector('.samples')!.textContent })),
  );

test('from a sheet typed into the grid: no workbook yet, so one is generated first; the source sheet is left as it was', async () => {
  const sidebar = await openPreview('en_US');
  // A GA4 traffic table with its grand-total row, pasted into Sheet1 as a person would.
  await page.locator('#grid td[data-a1="A1"]').click();
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, 'Date\tSession default channel group\tSessions\tKey events\tTotal revenue\n2026-03-02\tOrganic Search\t1200\t36\t$1,250.00\n2026-03-02\tEmail\t300\t12\t$400.00\n2026-03-03\tOrganic Search\t1100\t30\t$980.50\n2026-03-03\tEmail\t280\t9\tN/A\nTotal\t\t2880\t87\t$2,630.50\n');
  await page.waitForFunction(() => document.querySelector('#grid td[data-a1="C6"]')?.textContent === '2880');
  const source = spreadsheet().getSheetByName('Sheet1')!.getDataRange().getValues();

  await sidebar.focus('#import-sheet'); // the list is refreshed when it gets the focus
  await sidebar.waitForFunction(() => (document.getElementById('import-sheet') as HTMLSelectElement).selectedOptions[0]?.textContent === 'Sheet1 (6 rows)');
  await analyze(sidebar);
  expect(await sidebar.isVisible('#import-new-workbook')).toBe(true);
  const columns = await mapping(sidebar);
  expect(columns.map((column) => column.header)).toEqual(['Date', 'Session default channel group', 'Sessions', 'Key events', 'Total revenue']);
  await sidebar.selectOption('#import-map-1', 'channel');
  expect(await sidebar.isHidden('#import-channel-field')).toBe(true); // a column is the channel: no question

  // Without a business name the workbook cannot be generated: the form says so, nothing is written.
  await sidebar.click('#import-start');
  await sidebar.waitForSelector('#import-error p');
  expect(await sidebar.textContent('#import-error p')).toContain(en['ui.error.required'].replace('{field}', en['ui.field.businessName']));
  expect(spreadsheet().getSheets().map((sheet) => sheet.getName())).toEqual(['Sheet1']);

  await sidebar.fill('#business-name', 'Corner Bakery');
  const report = await importAndReport(sidebar);
  expect(report).toContain('Rows imported: 4');
  expect(report).toContain('Rows skipped: 1');
  expect(report).toContain('Dates: 2026-03-02 to 2026-03-03');
  expect(report.some((line) => line.startsWith('A workbook was generated first: '))).toBe(true);
  const dataSheet = (await sidebar.textContent('#import-report'))!.match(/Data sheet “([^”]+)”/)![1];
  expect(sums(dataRows(dataSheet))).toMatchObject({ visits: 2880, leads: 87, revenue: 2630.5 });
  expect(new Set(dataRows(dataSheet).map((row) => row.channel))).toEqual(new Set(['Organic search', 'Email'])); // named as the workbook names its channels
  expect(spreadsheet().getSheetByName('Sheet1')!.getDataRange().getValues()).toEqual(source);
  await page.waitForFunction((count) => document.querySelectorAll('#tabs button').length === count, spreadsheet().getSheets().length);
  expect(outside).toEqual([]);
});

test('from a Google Ads export file: preamble, "$1,234.56", "--" and the Total row read; a changed dropdown takes effect; importing it again replaces, never doubles', async () => {
  const sidebar = await openPreview('en_US');
  const created = await generate(sidebar, 'Corner Bakery');
  const dataSheet = created[2];
  await sidebar.check('input[name="import-source"][value="file"]');
  await sidebar.setInputFiles('#import-file', ADS_CSV);
  await analyze(sidebar);
  const columns = await mapping(sidebar);
  expect(columns.map((column) => column.header)).toEqual(['Campaign', 'Day', 'Campaign status', 'Currency code', 'Impr.', 'Clicks', 'Cost', 'Conversions', 'Conv. value']);
  expect(columns.find((column) => column.header === 'Impr.')).toMatchObject({ target: 'impressions', samples: 'e.g. 6,105, 9,579, 4,317' });
  expect(columns.find((column) => column.header === 'Campaign')!.target).toBe('campaign');
  expect(await sidebar.inputValue('#import-channel')).toBe('Paid search'); // a Google Ads export, no channel column

  // These conversions are purchases: map them to orders, and the conversion value to revenue.
  await sidebar.selectOption('#import-map-7', 'orders');
  await sidebar.selectOption('#import-map-8', 'revenue');
  await sidebar.locator('#import-plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-import-mapping-en.png') });
  const report = await importAndReport(sidebar);
  expect(report).toContain('Rows imported: 14');
  expect(report).toContain('Dates: 2026-03-01 to 2026-03-07');
  expect(report).toContain('Rows skipped: 1');
  expect(report).toContain(`${en['ui.import.skip.totalRow']}: 1 (rows 18)`);
  expect(report).toContain('Columns ignored: Campaign status, Currency code');
  expect(report).toContain('Orders: 132');
  expect(report).toContain('Cost: 6,204.24');
  await page.click(`#tabs button:text-is(${JSON.stringify(dataSheet)})`);
  await sidebar.locator('#import-report').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-import-report-en.png') });

  const first = dataRows(dataSheet);
  expect(sums(first)).toMatchObject({ impressions: 92602, clicks: 3002, cost: 6204.24, orders: 132, revenue: 7673.87 });
  expect(sums(first).leads ?? 0).toBe(0); // the dropdown, not the guess, decided where conversions went
  expect(new Set(first.map((row) => row.campaign))).toEqual(new Set(['Spring sale - Search', 'Brand - Exact']));
  expect(new Set(first.map((row) => row.channel))).toEqual(new Set(['Paid search']));

  // The same file again: the mapping is remembered, and the rows replace themselves.
  await analyze(sidebar);
  expect((await mapping(sidebar)).find((column) => column.header === 'Conversions')!.target).toBe('orders');
  const again = await importAndReport(sidebar);
  expect(again).toContain('Rows imported: 14');
  const written = again.find((line) => line.startsWith('Data sheet'))!;
  const [, count, replaced] = written.match(/: (\d+) rows written, (\d+) of them replacing/)!;
  expect(replaced).toBe(count);
  expect(sums(dataRows(dataSheet))).toEqual(sums(first));
  expect(spreadsheet().getSheets().some((sheet) => sheet.isSheetHidden())).toBe(false); // no staging sheet left
  expect(outside).toEqual([]);
});

test('from Persian pasted text in a right-to-left sidebar: the channel is asked, the report is in Persian', async () => {
  const sidebar = await openPreview('fa_IR');
  expect(await sidebar.getAttribute('html', 'dir')).toBe('rtl');
  const created = await generate(sidebar, 'نانوایی سر کوچه');
  await sidebar.check('input[name="import-source"][value="paste"]');
  await sidebar.fill('#import-paste', 'تاریخ\tبازدیدها\tسرنخ‌ها\tدرآمد\n2026-03-02\t۱٬۲۰۰\t۳۶\t۱۲٬۵۰۰٫۵\n2026-03-03\t۸۰۰\t۲۴\t۷٬۰۰۰\n');
  await analyze(sidebar);
  const columns = await mapping(sidebar);
  expect(columns.map((column) => column.target)).toEqual(['date', 'visits', 'leads', 'revenue']);
  expect(columns[1].samples).toBe('مثلاً ۱٬۲۰۰، ۸۰۰');
  expect(await sidebar.isVisible('#import-channel')).toBe(true);
  await sidebar.fill('#import-channel', 'ایمیل');
  await sidebar.locator('#import-plan').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-import-mapping-fa.png') });
  const report = await importAndReport(sidebar);
  expect(report).toContain('ردیف‌های واردشده: ۲');
  expect(report).toContain(fa['ui.import.report.skippedNone']);
  await page.click(`#tabs button:text-is(${JSON.stringify(created[2])})`);
  await sidebar.locator('#import-report').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'preview-import-report-fa.png') });
  const rows = dataRows(created[2]);
  expect(sums(rows)).toMatchObject({ visits: 2000, leads: 60, revenue: 19500.5 });
  expect(rows.every((row) => row.channel === 'ایمیل')).toBe(true);
  expect(outside).toEqual([]);
});

test('a GA4 funnel exploration pasted in: the message names RACE_FUNNEL, there is no import button, nothing is written', async () => {
  const sidebar = await openPreview('en_US');
  await sidebar.check('input[name="import-source"][value="paste"]');
  await sidebar.fill(
    '#import-paste',
    'Step\tActive users\tCompletion rate\tAbandonments\tAbandonment rate\n1. First open / visit\t12,400\t41.5%\t7,254\t58.5%\n2. Product view\t5,146\t22.1%\t4,009\t77.9%\n3. Purchase\t1,137\t\t\t\n',
  );
  await sidebar.click('#import-analyze');
  // The server refuses it at analysis with its message (the sidebar would show the analysis flag the same way).
  await sidebar.waitForSelector('#import-error p');
  const message = await sidebar.textContent('#import-error p');
  expect(message).toMatch(/^This is a GA4 funnel exploration/);
  expect(message).toContain('RACE_FUNNEL');
  expect(await sidebar.isHidden('#import-plan')).toBe(true);
  expect(await sidebar.isHidden('#import-start')).toBe(true);
  expect(spreadsheet().getSheets().map((sheet) => sheet.getName())).toEqual(['Sheet1']);
});
