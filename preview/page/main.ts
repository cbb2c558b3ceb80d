// The preview page: draws the emulated spreadsheet from /api/snapshot beside the real sidebar, and
// redraws it after each of the sidebar's server calls. Every text from the sheets goes in with textContent.
import { isRightToLeft, languageFromLocale, type Language } from '../../src/core/i18n';
import { pageText, type PageTextKey } from './texts';
import { CALL_FINISHED_MESSAGE, isPreviewLocale, type CellView, type ChartView, type SheetView, type SpreadsheetView } from './view';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`preview page has no #${id}`);
  return found as T;
}

const localeSelect = byId<HTMLSelectElement>('locale');
const resetButton = byId<HTMLButtonElement>('reset');
const grid = byId<HTMLTableElement>('grid');
const empty = byId<HTMLParagraphElement>('empty');
const tabs = byId<HTMLElement>('tabs');
const charts = byId<HTMLElement>('charts');
const chartList = byId<HTMLDivElement>('chart-list');
const cellRef = byId<HTMLOutputElement>('cell-ref');
const cellContent = byId<HTMLOutputElement>('cell-content');
const sidebar = byId<HTMLIFrameElement>('sidebar');
const notice = byId<HTMLParagraphElement>('notice');

let view: SpreadsheetView | undefined;
let shownSheet = '';
let language: Language = 'en';

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function say(message: string): void {
  notice.textContent = message;
  window.setTimeout(() => {
    if (notice.textContent === message) notice.textContent = '';
  }, 4000);
}

async function api(path: string, body?: unknown): Promise<SpreadsheetView> {
  const response = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(((await response.json()) as { message?: string }).message ?? response.statusText);
  return (await response.json()) as SpreadsheetView;
}

/** The page's own labels in the spreadsheet's language; right-to-left for fa and ar. */
function renderChrome(): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  document.title = pageText(language, 'title');
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) element.textContent = pageText(language, element.dataset.text as PageTextKey);
  for (const element of document.querySelectorAll<HTMLElement>('[data-label]')) element.setAttribute('aria-label', pageText(language, element.dataset.label as PageTextKey));
  sidebar.title = pageText(language, 'sidebar');
}

function selectCell(td: HTMLTableCellElement, row: number, column: number, cell: CellView | null): void {
  grid.querySelector('td.selected')?.classList.remove('selected');
  td.classList.add('selected');
  cellRef.textContent = `${columnLetters(column)}${row}`;
  cellContent.textContent = cell?.formula ?? cell?.text ?? '';
}

function cellElement(cell: CellView | null, row: number, column: number): HTMLTableCellElement {
  const td = document.createElement('td');
  td.addEventListener('click', () => selectCell(td, row, column, cell));
  if (!cell) return td;
  td.textContent = cell.text;
  const hover = [cell.formula, cell.error].filter(Boolean).join('\n');
  if (hover) td.title = hover;
  if (cell.formula) td.classList.add('formula');
  if (cell.number) td.classList.add('number');
  if (cell.error) td.classList.add('error');
  if (cell.bold) td.classList.add('bold');
  if (cell.background) td.style.background = cell.background;
  if (cell.color) td.style.color = cell.color;
  if (cell.align) td.style.textAlign = cell.align;
  return td;
}

function renderGrid(sheet: SheetView): void {
  grid.dir = sheet.rightToLeft ? 'rtl' : 'ltr';
  const columns = Math.max(sheet.columnWidths.length, 8);
  const rows = Math.max(sheet.rows.length, 30);
  const colgroup = document.createElement('colgroup');
  const head = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'corner';
  const rowNumbers = document.createElement('col');
  rowNumbers.style.width = '46px';
  colgroup.append(rowNumbers);
  head.append(corner);
  for (let c = 1; c <= columns; c++) {
    const col = document.createElement('col');
    col.style.width = `${sheet.columnWidths[c - 1] ?? 100}px`;
    colgroup.append(col);
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = columnLetters(c);
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (let r = 1; r <= rows; r++) {
    const tr = document.createElement('tr');
    if (r === sheet.frozenRows) tr.className = 'frozen-edge';
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(r);
    tr.append(th);
    const cells = sheet.rows[r - 1] ?? [];
    for (let c = 1; c <= columns; c++) tr.append(cellElement(cells[c - 1] ?? null, r, c));
    tbody.append(tr);
  }
  grid.replaceChildren(colgroup, thead, tbody);
  empty.hidden = sheet.rows.length > 0;
  cellRef.textContent = '';
  cellContent.textContent = '';
}

const SVG = 'http://www.w3.org/2000/svg';

function svgElement(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A bar chart as horizontal bars (the funnel), a line chart as a polyline: enough to see the figures. */
function chartElement(chart: ChartView): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const title = document.createElement('h3');
  title.textContent = chart.title;
  figure.append(title);
  if (chart.values.length === 0 || chart.values.every((value) => value === 0)) {
    const none = document.createElement('p');
    none.className = 'no-data';
    none.textContent = pageText(language, 'noData');
    figure.append(none);
    return figure;
  }
  const max = Math.max(...chart.values, 0) || 1;
  const width = 400;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${chart.type === 'BAR' ? chart.values.length * 22 + 4 : 160}`, role: 'img' });
  svg.setAttribute('aria-label', chart.title);
  if (chart.type === 'BAR') {
    chart.values.forEach((value, i) => {
      const y = i * 22 + 2;
      svg.append(svgElement('text', { x: 0, y: y + 14 }, chart.labels[i]));
      svg.append(svgElement('rect', { class: 'bar', x: 130, y, height: 16, width: Math.max(1, (Math.max(0, value) / max) * 200) }));
      svg.append(svgElement('text', { x: 336, y: y + 14 }, value.toLocaleString('en-US', { maximumFractionDigits: 2 })));
    });
  } else {
    const step = chart.values.length > 1 ? (width - 20) / (chart.values.length - 1) : 0;
    const points = chart.values.map((value, i) => `${10 + i * step},${150 - (Math.max(0, value) / max) * 130}`);
    svg.append(svgElement('polyline', { class: 'line', points: points.join(' ') }));
    for (const point of points) {
      const [x, y] = point.split(',');
      svg.append(svgElement('circle', { class: 'dot', cx: x, cy: y, r: 2.5 }));
    }
  }
  figure.append(svg);
  return figure;
}

function renderTabs(): void {
  if (!view) return;
  tabs.replaceChildren(
    ...view.sheets.map((sheet) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(sheet.name === shownSheet));
      tab.dir = 'auto';
      tab.textContent = sheet.name;
      if (sheet.tabColor) tab.style.borderBottomColor = sheet.tabColor;
      tab.addEventListener('click', () => {
        shownSheet = sheet.name;
        render();
      });
      return tab;
    }),
  );
}

function render(): void {
  if (!view) return;
  const sheet = view.sheets.find((candidate) => candidate.name === shownSheet) ?? view.sheets[0];
  shownSheet = sheet.name;
  renderTabs();
  renderGrid(sheet);
  charts.hidden = sheet.charts.length === 0;
  chartList.replaceChildren(...sheet.charts.map(chartElement));
}

/** Takes a new snapshot; follows the active sheet when the server code changed it (a new workbook). */
function show(next: SpreadsheetView): void {
  const activeChanged = !view || view.activeSheet !== next.activeSheet || view.sheets.length !== next.sheets.length;
  view = next;
  if (activeChanged) shownSheet = next.activeSheet;
  language = languageFromLocale(next.locale);
  localeSelect.value = next.locale;
  renderChrome();
  render();
}

async function refresh(): Promise<void> {
  try {
    show(await api('/api/snapshot'));
  } catch {
    say(pageText(language, 'unreachable'));
  }
}

/** A new empty spreadsheet in `locale`, and a fresh sidebar that reads it. */
async function reset(locale: string): Promise<void> {
  view = undefined;
  show(await api('/api/reset', { locale }));
  sidebar.src = '/sidebar.html';
  const url = new URL(window.location.href);
  url.searchParams.set('locale', locale);
  window.history.replaceState(null, '', url);
}

window.addEventListener('message', (event) => {
  const fromSidebar = event.origin === window.location.origin && event.source === sidebar.contentWindow;
  if (fromSidebar && (event.data as { type?: unknown } | null)?.type === CALL_FINISHED_MESSAGE) void refresh();
});
localeSelect.addEventListener('change', () => void reset(localeSelect.value));
resetButton.addEventListener('click', () => {
  void reset(localeSelect.value).then(() => say(pageText(language, 'resetDone')));
});

async function start(): Promise<void> {
  const wanted = new URLSearchParams(window.location.search).get('locale');
  const current = await api('/api/snapshot');
  if (isPreviewLocale(wanted) && wanted !== current.locale) await reset(wanted);
  else {
    show(current);
    sidebar.src = '/sidebar.html';
  }
}

start().catch(() => say(pageText(language, 'unreachable')));
