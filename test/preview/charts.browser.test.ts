/**
 * The dashboard's charts in the offline preview (Debian's chromium): generate a workbook from the sidebar,
 * type a few weeks of figures into the Data sheet, and check that every chart the dashboard holds is drawn
 * from its ranges: one SVG per chart, one series group per data column of its ranges, a mark per number
 * and none for a gap, no NaN. Whatever charts the dashboard has (the list grows), the same checks hold.
 * Needs `npm run build` first (npm test does it).
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPreview, usePreviewSession } from '../support/browser';
import { columnLetters } from '../../preview/page/grid-input';
import { chartView } from '../../preview/server';
import { measureColumnsOf, syntheticRows } from '../engine/support';
import type { SheetSnapshot } from '../../preview/emulator/emulated-spreadsheet';
import { applyWorkbookSpec } from '../../src/addon/writer';
import { allKinds, chartSheetSpec } from './chart-sheets';

jest.setTimeout(120_000);

const ARTIFACTS = resolve('test/artifacts');
/** Weeks of figures typed in: each week has one Data row per channel. */
const WEEKS = 3;

let page: Page | undefined;

const session = usePreviewSession(ARTIFACTS);

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

function snapshotOf(name: string): SheetSnapshot {
  return session.preview.runtime.emulator.snapshot().sheets.find((sheet) => sheet.name === name)!;
}

async function showTab(name: string): Promise<void> {
  await page!.click(`#tabs button:text-is(${JSON.stringify(name)})`);
  await page!.waitForSelector(`#tabs button[aria-selected="true"]:text-is(${JSON.stringify(name)})`);
}

test.each([
  ['en_US', 'en'],
  ['fa_IR', 'fa'],
] as const)('%s: every chart of the dashboard is drawn from its ranges after a few weeks of data', async (locale, language) => {
  const outside: string[] = [];
  const opened = await openPreview(session.browser, session.preview, locale, outside);
  page = opened.page;
  const { sidebar } = opened;
  await sidebar.fill('#business-name', language === 'fa' ? 'فروشگاه نمونه' : 'Chart Co');
  await sidebar.check('input[name="granularity"][value="week"]');
  await sidebar.click('#generate');
  await sidebar.waitForSelector('#result li');
  const created = await sidebar.$$eval('#result li', (items) => items.map((item) => item.textContent ?? ''));
  const [, , dataSheet, dashboardSheet] = created;
  await page.waitForFunction((count) => document.querySelectorAll('#tabs button').length === count, created.length + 1);

  // A few weeks of figures: the first Data rows (one per channel and week), typed as a block pasted at the first
  // measure column, as a person pastes from another sheet; then one cell typed with the keyboard.
  await showTab(dataSheet);
  const data = snapshotOf(dataSheet);
  const measures = measureColumnsOf(data);
  const rowCount = Math.min(data.values.length - 1, WEEKS * new Set(data.values.slice(1).map((row) => row[1])).size);
  const figures = syntheticRows(rowCount).map((row) => measures.map(({ measure }) => row[measure]));
  const firstColumn = measures[0].column + 1;
  const start = `${columnLetters(firstColumn)}2`;
  await page.click(`#grid td[data-a1="${start}"]`);
  await page.evaluate((tsv) => {
    const clipboard = new DataTransfer();
    clipboard.setData('text/plain', tsv);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, figures.map((row) => row.join('\t')).join('\n'));
  await page.waitForFunction((a1) => document.querySelector(`#grid td[data-a1="${a1}"]`)?.classList.contains('number') ?? false, start);
  await page.keyboard.press('Escape');
  await page.click(`#grid td[data-a1="${start}"]`);
  await page.keyboard.type(String(figures[0][0] + 1));
  await page.keyboard.press('Enter');
  // The page shows what was typed at once; the server's answer is drawn when the grid is no longer busy.
  await page.waitForSelector('#grid[aria-busy="false"]');
  await page.waitForFunction(
    ([a1, expected]) => (document.querySelector(`#grid td[data-a1="${a1}"]`)?.textContent ?? '').replace(/[,٬]/g, '') === expected,
    [start, String(figures[0][0] + 1)] as const,
  );
  expect(session.preview.runtime.emulator.spreadsheet().getSheetByName(dataSheet)!.getRange(start).getValue()).toBe(figures[0][0] + 1);

  // The dashboard: one figure with one SVG per chart the sheet holds, in order.
  await showTab(dashboardSheet);
  const model = session.preview.runtime.emulator.requireSheet(dashboardSheet);
  expect(model.charts.length).toBeGreaterThan(0);
  await page.waitForFunction((count) => document.querySelectorAll('#chart-list figure.chart svg').length === count, model.charts.length);
  const drawn = await page.$$eval('#chart-list figure.chart', (figures) =>
    figures.map((figure) => {
      const svg = figure.querySelector('svg')!;
      return {
        title: figure.querySelector('h3')?.textContent ?? '',
        html: svg.outerHTML,
        seriesCount: Number(svg.getAttribute('data-series-count')),
        series: [...svg.querySelectorAll('g.series')].map((group) => ({
          hidden: group.getAttribute('data-hidden') === 'true',
          marks: [...group.querySelectorAll('[data-value]')].map((mark) => Number(mark.getAttribute('data-value'))),
          fills: [...group.querySelectorAll('rect')].map((rect) => rect.getAttribute('fill')),
        })),
      };
    }),
  );
  expect(drawn).toHaveLength(model.charts.length);
  model.charts.forEach((chart, i) => {
    const expected = chartView(session.preview.runtime.emulator, chart);
    const dataColumns = chart.ranges.reduce((sum, { ref }, r) => sum + ref.numColumns - (r === 0 ? 1 : 0), 0);
    const figure = drawn[i];
    expect(figure.title).toBe(expected.title);
    expect(figure.html).not.toMatch(/NaN|Infinity|undefined/);
    expect(figure.seriesCount).toBe(dataColumns);
    expect(figure.series).toHaveLength(dataColumns);
    figure.series.forEach((series, s) => {
      // A mark for every number of the series and none for a gap (a blank or "" cell).
      expect(series.marks).toEqual(expected.series[s].values.filter((value): value is number => value !== null));
      expect(series.hidden).toBe(expected.series[s].hidden);
      if (series.hidden) expect(series.fills.every((fill) => fill === 'none')).toBe(true);
    });
    // After a few weeks of data, every chart has something to show.
    expect(figure.series.some((series) => series.marks.some((value) => value !== 0))).toBe(true);
  });

  await page.locator('#charts').scrollIntoViewIfNeeded();
  await page.locator('#charts').screenshot({ path: join(ARTIFACTS, `preview-charts-${language}.png`) });
  await page.screenshot({ path: join(ARTIFACTS, `preview-charts-${language}-page.png`) });
  // What a marketer reads next, from the same weeks of data: the dashboard's top, the OSA plan and the KPIs.
  await page.locator('#grid-scroller').evaluate((scroller) => scroller.scrollTo(0, 0));
  await page.screenshot({ path: join(ARTIFACTS, `preview-charts-${language}-dashboard.png`) });
  await showTab(created[0]);
  await page.screenshot({ path: join(ARTIFACTS, `preview-charts-${language}-plan.png`) });
  await showTab(created[1]);
  await page.screenshot({ path: join(ARTIFACTS, `preview-charts-${language}-kpis.png`) });
  expect(outside).toEqual([]);
});

/** The drawing of each chart kind, read from the page: marks per series, data labels, line segments. */
async function drawings(): Promise<{ type: string; series: { hidden: boolean; rects: { x: number; width: number; fill: string }[]; segments: number; dots: number }[]; labels: string[]; categories: { x: number; text: string }[] }[]> {
  return page!.$$eval('#chart-list svg', (svgs) =>
    svgs.map((svg) => ({
      type: svg.getAttribute('data-chart-type') ?? '',
      series: [...svg.querySelectorAll('g.series')].map((group) => ({
        hidden: group.getAttribute('data-hidden') === 'true',
        rects: [...group.querySelectorAll('rect')].map((rect) => ({ x: Number(rect.getAttribute('x')), width: Number(rect.getAttribute('width')), fill: rect.getAttribute('fill') ?? '' })),
        segments: (group.querySelector('path')?.getAttribute('d') ?? '').split('M').length - 1,
        dots: group.querySelectorAll('circle').length,
      })),
      labels: [...svg.querySelectorAll('text.data-label')].map((text) => text.textContent ?? ''),
      categories: [...svg.querySelectorAll('text.category')].map((text) => ({ x: Number(text.getAttribute('x')), text: text.textContent ?? '' })),
    })),
  );
}

test.each([
  [false, 'ltr'],
  [true, 'rtl'],
] as const)('each chart kind as the page draws it (%s): a centred funnel, columns side by side, a line broken at a gap', async (rightToLeft, direction) => {
  const outside: string[] = [];
  const opened = await openPreview(session.browser, session.preview, 'en_US', outside);
  page = opened.page;
  const runtime = session.preview.runtime;
  // The writer runs here on the preview's own emulated spreadsheet, with its services as globals.
  Object.assign(globalThis, { SpreadsheetApp: runtime.globals.SpreadsheetApp, Charts: runtime.globals.Charts });
  const { values, formats, charts } = allKinds();
  const spreadsheet = runtime.emulator.spreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  applyWorkbookSpec(spreadsheet, { language: 'en', sheets: [chartSheetSpec('Charts', values, formats, charts, rightToLeft)] }, { fn: 'test', language: 'en' });
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('#chart-list svg').length === 3);
  const [funnel, steps, trend] = await drawings();

  expect(funnel.type).toBe('bar');
  const [offset, volume] = funnel.series;
  expect(offset.hidden).toBe(true);
  expect(offset.rects.every((rect) => rect.fill === 'none')).toBe(true);
  expect(volume.rects.map((rect) => rect.fill)).toEqual(['#1a73e8', '#1a73e8', '#1a73e8']);
  // Centred: every volume bar has the same middle as the widest.
  const middles = volume.rects.map((rect) => rect.x + rect.width / 2);
  for (const middle of middles) expect(middle).toBeCloseTo(middles[0], 6);
  expect(volume.rects[2].width).toBeLessThan(volume.rects[1].width);
  expect(funnel.labels).toEqual(['10,000', '500', '100']);
  // The step names sit on the sheet's reading side of the bars.
  const labelSide = funnel.categories[0].x - middles[0];
  expect(direction === 'rtl' ? labelSide > 0 : labelSide < 0).toBe(true);

  expect(steps.type).toBe('column');
  expect(steps.series).toHaveLength(2);
  // Side by side: within each step the rate's column and the reference's do not overlap.
  steps.series[0].rects.forEach((rate, i) => {
    const reference = steps.series[1].rects[i];
    expect(rate.x + rate.width <= reference.x + 1e-6 || reference.x + reference.width <= rate.x + 1e-6).toBe(true);
  });
  expect(steps.labels).toEqual(['1.9%', '20.0%']);
  // Time (and steps) run with the reading direction.
  const [first, second] = steps.categories;
  expect(direction === 'rtl' ? first.x > second.x : first.x < second.x).toBe(true);

  expect(trend.type).toBe('line');
  expect(trend.series.map((series) => [series.dots, series.segments])).toEqual([
    [3, 2], // W2 is "": the visits line breaks there instead of dropping to zero
    [3, 2], // W3 is blank
  ]);
  await page.locator('#charts').screenshot({ path: join(ARTIFACTS, `preview-chart-kinds-${direction}.png`) });
  expect(outside).toEqual([]);
});
