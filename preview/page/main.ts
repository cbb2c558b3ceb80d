// The preview page: draws the emulated spreadsheet from /api/snapshot beside the real sidebar, and
// redraws it after each of the sidebar's server calls and each edit typed into the grid (sent to
// /api/edit, applied through the emulated SpreadsheetApp). Every text from the sheets goes in with textContent.
import { isRightToLeft, languageFromLocale, type Language } from '../../src/core/i18n';
import type { EditRequest } from '../edit';
import { chartSvg, hasData, legendElement } from './chart';
import { bounds, cellA1, columnLetters, moved, parseTsv, rangeA1, toTsv, type CellPosition, type Selection } from './grid-input';
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
const scroller = byId<HTMLDivElement>('grid-scroller');
const cellRef = byId<HTMLOutputElement>('cell-ref');
const formulaBar = byId<HTMLInputElement>('formula-bar');
const editor = byId<HTMLInputElement>('cell-editor');
const sidebar = byId<HTMLIFrameElement>('sidebar');
const notice = byId<HTMLParagraphElement>('notice');

let view: SpreadsheetView | undefined;
let shownSheet = '';
let language: Language = 'en';

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
  for (const element of document.querySelectorAll<HTMLElement>('[data-title]')) element.title = pageText(language, element.dataset.title as PageTextKey);
  sidebar.title = pageText(language, 'sidebar');
}

/** Text runs on into empty neighbours, as in Sheets (a click there still selects the neighbour): not numbers, errors, wrapped or aligned cells. */
function spills(cell: CellView | null): cell is CellView {
  return !!cell && cell.text !== '' && !cell.number && !cell.error && !cell.wrap && !cell.align;
}

/** `spillWidth`: the cell's width and its empty neighbours' in the writing direction, when its text may run on. */
function cellElement(cell: CellView | null, row: number, column: number, spillWidth?: number): HTMLTableCellElement {
  const td = document.createElement('td');
  td.dataset.a1 = cellA1({ row, column });
  if (!cell) return td;
  if (spillWidth === undefined) td.textContent = cell.text;
  else {
    const text = document.createElement('span');
    text.textContent = cell.text;
    text.style.width = `${spillWidth - CELL_PADDING}px`;
    td.classList.add('spill');
    td.append(text);
  }
  const hover = [cell.formula, cell.error].filter(Boolean).join('\n');
  if (hover) td.title = hover;
  if (cell.formula) td.classList.add('formula');
  if (cell.number) td.classList.add('number');
  if (cell.error) td.classList.add('error');
  if (cell.bold) td.classList.add('bold');
  if (cell.wrap) td.classList.add('wrap');
  if (cell.background) td.style.background = cell.background;
  if (cell.color) td.style.color = cell.color;
  if (cell.align) td.style.textAlign = cell.align;
  return td;
}

/** A cell's padding left and right (page.css). */
const CELL_PADDING = 10;

/** Rows and columns drawn: the used area, at least 30 x 26, and past where the selection went; never beyond the sheet's grid. */
let drawn = { rows: 0, columns: 0 };
/** How far the selection went on the shown sheet (the grid grows with it and does not shrink back). */
let reach = { rows: 0, columns: 0 };

function renderGrid(sheet: SheetView): void {
  grid.dir = sheet.rightToLeft ? 'rtl' : 'ltr';
  const far = bounds(selection);
  reach = { rows: Math.max(reach.rows, far.bottom + 10), columns: Math.max(reach.columns, far.right + 2) };
  const columns = Math.min(sheet.maxColumns, Math.max(sheet.columnWidths.length, 26, reach.columns));
  const rows = Math.min(sheet.maxRows, Math.max(sheet.rows.length, 30, reach.rows));
  drawn = { rows, columns };
  const colgroup = document.createElement('colgroup');
  const head = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'corner';
  const rowNumbers = document.createElement('col');
  rowNumbers.style.width = '46px';
  colgroup.append(rowNumbers);
  head.append(corner);
  let width = 46;
  for (let c = 1; c <= columns; c++) {
    const col = document.createElement('col');
    col.style.width = `${sheet.columnWidths[c - 1] ?? 100}px`;
    width += sheet.columnWidths[c - 1] ?? 100;
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
    const widthOf = (c: number) => sheet.columnWidths[c - 1] ?? 100;
    const isEmpty = (c: number) => (cells[c - 1]?.text ?? '') === '';
    for (let c = 1; c <= columns; c++) {
      const cell = cells[c - 1] ?? null;
      let spillWidth: number | undefined;
      if (spills(cell) && c < columns && isEmpty(c + 1)) {
        spillWidth = widthOf(c);
        for (let next = c + 1; next <= columns && isEmpty(next); next++) spillWidth += widthOf(next);
      }
      tr.append(cellElement(cell, r, c, spillWidth));
    }
    tbody.append(tr);
  }
  grid.replaceChildren(colgroup, thead, tbody);
  grid.style.width = `${width}px`; // a fixed-layout table would otherwise squeeze its columns into the page
  empty.hidden = sheet.rows.length > 0;
  paintSelection();
}

// ---------------------------------------------------------------------------------------------------
// Typing into the grid. The invisible editor sits over the active cell and holds the keyboard focus, so
// every key, IME and paste reaches it; the first character typed turns it into the cell's editor.

let selection: Selection = { anchor: { row: 1, column: 1 }, focus: { row: 1, column: 1 } };
/** The cell being typed into and what it held (nothing is sent when the text did not change). */
let editing: { cell: CellPosition; original: string } | undefined;
/** The cell the formula bar edits, fixed when the bar gets the focus. */
let barTarget: { cell: CellPosition; original: string } | undefined;
let dragging = false;
/** Edits reach the server one after another, in the order typed. */
let edits: Promise<void> = Promise.resolve();

function shownSheetView(): SheetView | undefined {
  return view?.sheets.find((candidate) => candidate.name === shownSheet);
}

function cellView(cell: CellPosition): CellView | null {
  return shownSheetView()?.rows[cell.row - 1]?.[cell.column - 1] ?? null;
}

/** What the formula bar shows for a cell and what editing it starts from. */
function inputOf(cell: CellPosition): string {
  const data = cellView(cell);
  return data?.formula ?? data?.input ?? data?.text ?? '';
}

function tdAt(cell: CellPosition): HTMLTableCellElement | null {
  return grid.querySelector<HTMLTableCellElement>(`td[data-a1="${cellA1(cell)}"]`);
}

function paintSelection(): void {
  for (const td of grid.querySelectorAll('td.selected, td.in-range')) td.classList.remove('selected', 'in-range');
  const b = bounds(selection);
  if (b.top !== b.bottom || b.left !== b.right) {
    for (let row = b.top; row <= Math.min(b.bottom, drawn.rows); row++) {
      for (let column = b.left; column <= Math.min(b.right, drawn.columns); column++) tdAt({ row, column })?.classList.add('in-range');
    }
  }
  tdAt(selection.anchor)?.classList.add('selected');
  cellRef.textContent = rangeA1(selection);
  if (!barTarget) formulaBar.value = editing ? editor.value : inputOf(selection.anchor);
  placeEditor();
}

/** Puts the editor over the active cell (wider while typing a long text). */
function placeEditor(): void {
  const td = tdAt(editing?.cell ?? selection.anchor);
  if (!td) return;
  const box = td.getBoundingClientRect();
  const area = scroller.getBoundingClientRect();
  const left = box.left - area.left + scroller.scrollLeft;
  const width = editing ? Math.max(box.width, Math.min(editor.value.length * 8 + 16, 600)) : box.width;
  editor.style.top = `${box.top - area.top + scroller.scrollTop}px`;
  editor.style.left = `${grid.dir === 'rtl' ? left + box.width - width : left}px`;
  editor.style.width = `${width}px`;
  editor.style.height = `${box.height}px`;
}

/** Selects a cell (or extends the range to it), drawing more rows or columns when it lies past them. */
function select(cell: CellPosition, extend = false): void {
  const sheet = shownSheetView();
  if (!sheet) return;
  tabRun = undefined;
  const target = moved(cell, 0, 0, sheet.maxRows, sheet.maxColumns);
  selection = extend ? { anchor: selection.anchor, focus: target } : { anchor: target, focus: target };
  if (target.row > drawn.rows || target.column > drawn.columns) renderGrid(sheet);
  else paintSelection();
  tdAt(target)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  placeEditor();
}

function focusGrid(): void {
  editor.focus({ preventScroll: true });
}

/** Edits sent and not yet answered: the grid is aria-busy while there are any. */
let pendingEdits = 0;

/** Sends an edit; the page redraws from the server's answer, or says why it was refused. */
function send(edit: Omit<EditRequest, 'sheet'>): Promise<void> {
  const sheet = shownSheet;
  pendingEdits++;
  grid.setAttribute('aria-busy', 'true');
  edits = edits.then(async () => {
    try {
      const response = await fetch('/api/edit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sheet, ...edit }) });
      const answer = (await response.json()) as SpreadsheetView | { ok: false; message: string; view?: SpreadsheetView };
      if ('ok' in answer) {
        say(pageText(language, 'editRefused', { reason: answer.message }));
        if (answer.view) show(answer.view);
      } else show(answer);
    } catch {
      say(pageText(language, 'unreachable'));
    } finally {
      if (--pendingEdits === 0) grid.setAttribute('aria-busy', 'false');
    }
  });
  return edits;
}

/** Writes typed text into a cell (only when it changed) and shows it there until the server's answer. */
function commit(cell: CellPosition, text: string, original: string): void {
  if (text === original) return;
  const td = tdAt(cell);
  if (td) td.textContent = text;
  void send({ at: cellA1(cell), values: [[text]] });
}

function startEditing(initial: string): void {
  editing = { cell: selection.anchor, original: inputOf(selection.anchor) };
  editor.value = initial;
  editor.classList.add('editing');
  formulaBar.value = initial;
  placeEditor();
  focusGrid();
  editor.setSelectionRange(initial.length, initial.length);
}

function stopEditing(): void {
  editing = undefined;
  editor.value = '';
  editor.classList.remove('editing');
}

/** Ends typing into the cell: keeps the text (commit) or drops it, then moves by (rows, columns). */
function finishEditing(keep: boolean, rows = 0, columns = 0): void {
  const from = editing?.cell ?? selection.anchor;
  if (editing && keep) commit(editing.cell, editor.value, editing.original);
  const shown = editing && keep ? editor.value : editing?.original ?? inputOf(from);
  stopEditing();
  formulaBar.value = shown;
  if (rows !== 0 || columns !== 0) moveFrom(from, rows, columns);
  else placeEditor();
}

/** Ends editing in the formula bar; `backToGrid` when a key ended it (not when the focus went elsewhere). */
function finishBar(keep: boolean, backToGrid: boolean, rows = 0, columns = 0): void {
  const target = barTarget;
  barTarget = undefined;
  if (!target) return;
  if (keep) commit(target.cell, formulaBar.value, target.original);
  else formulaBar.value = target.original;
  if (rows !== 0 || columns !== 0) moveFrom(target.cell, rows, columns);
  if (backToGrid) focusGrid();
}

/** Where a row typed with Tab started: Enter then goes down from that column, as in Sheets. */
let tabRun: CellPosition | undefined;

/** Enter and Tab: (rows, columns) from the cell; Enter after a run of Tabs returns to the run's first column. */
function moveFrom(cell: CellPosition, rows: number, columns: number): void {
  const sheet = shownSheetView();
  if (!sheet) return;
  const run = tabRun?.row === cell.row ? tabRun : undefined;
  const from = rows === 1 && run ? { row: cell.row, column: run.column } : cell;
  select(moved(from, rows, columns, sheet.maxRows, sheet.maxColumns));
  if (columns !== 0 && rows === 0) tabRun = run ?? cell;
}

/** Enter moves down, Tab right (with Shift: up, left): the same in the cell and in the formula bar. */
function movement(event: KeyboardEvent): [rows: number, columns: number] | undefined {
  if (event.key === 'Enter') return [event.shiftKey ? -1 : 1, 0];
  if (event.key === 'Tab') return [0, event.shiftKey ? -1 : 1];
  return undefined;
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

editor.addEventListener('keydown', (event) => {
  if (event.isComposing) return;
  const move = movement(event);
  if (editing) {
    if (move) finishEditing(true, ...move);
    else if (event.key === 'Escape') finishEditing(false);
    else return;
    event.preventDefault();
    return;
  }
  const arrow = ARROWS[event.key];
  if (arrow) {
    const sheet = shownSheetView();
    if (!sheet) return;
    const columns = grid.dir === 'rtl' ? -arrow[1] : arrow[1]; // in a right-to-left sheet, right goes back to A
    const from = event.shiftKey ? selection.focus : selection.anchor;
    select(moved(from, arrow[0], columns, sheet.maxRows, sheet.maxColumns), event.shiftKey);
  } else if (event.key === 'Tab') moveFrom(selection.anchor, 0, event.shiftKey ? -1 : 1);
  else if (event.key === 'Enter' || event.key === 'F2') startEditing(inputOf(selection.anchor));
  else if (event.key === 'Delete' || event.key === 'Backspace') clearSelection();
  else return;
  event.preventDefault();
});

// The first character typed (any keyboard, IME or dictation) starts editing with just that character.
editor.addEventListener('input', () => {
  if (!editing) {
    editing = { cell: selection.anchor, original: inputOf(selection.anchor) };
    editor.classList.add('editing');
  }
  formulaBar.value = editor.value;
  placeEditor();
});

editor.addEventListener('blur', () => {
  if (editing) finishEditing(true);
});

/** Delete: the selected cells' contents go, their formats stay (clearContent, as in Sheets). */
function clearSelection(): void {
  const b = bounds(selection);
  for (let row = b.top; row <= Math.min(b.bottom, drawn.rows); row++) {
    for (let column = b.left; column <= Math.min(b.right, drawn.columns); column++) {
      const td = tdAt({ row, column });
      if (td) td.textContent = '';
    }
  }
  formulaBar.value = '';
  void send({ clear: rangeA1(selection) });
}

/** A paste over the selection: its top-left cell takes the block; one value fills a selected range. */
function pasteText(text: string): void {
  const sheet = shownSheetView();
  if (!sheet) return;
  const b = bounds(selection);
  let rows = parseTsv(text);
  if (rows.length === 1 && rows[0].length === 1 && (b.bottom > b.top || b.right > b.left)) {
    rows = Array.from({ length: b.bottom - b.top + 1 }, () => new Array<string>(b.right - b.left + 1).fill(rows[0][0]));
  }
  const end = { row: b.top + rows.length - 1, column: b.left + rows[0].length - 1 };
  if (end.row > sheet.maxRows || end.column > sheet.maxColumns) {
    say(pageText(language, 'pasteTooLarge', { cell: cellA1({ row: sheet.maxRows, column: sheet.maxColumns }) }));
    return;
  }
  selection = { anchor: { row: b.top, column: b.left }, focus: end };
  void send({ at: cellA1(selection.anchor), values: rows });
  select(end, true);
}

editor.addEventListener('paste', (event) => {
  if (editing) return; // into the text being typed
  event.preventDefault();
  pasteText(event.clipboardData?.getData('text/plain') ?? '');
});

editor.addEventListener('copy', (event) => {
  if (editing || !event.clipboardData) return;
  event.preventDefault();
  const b = bounds(selection);
  const rows = Array.from({ length: b.bottom - b.top + 1 }, (_, r) =>
    Array.from({ length: b.right - b.left + 1 }, (_, c) => cellView({ row: b.top + r, column: b.left + c })?.text ?? ''),
  );
  event.clipboardData.setData('text/plain', toTsv(rows));
});

function cellOfEvent(event: Event): CellPosition | undefined {
  const td = (event.target as Element | null)?.closest?.('td[data-a1]');
  if (!td || !grid.contains(td)) return undefined;
  const tr = td.parentElement as HTMLTableRowElement;
  return { row: tr.sectionRowIndex + 1, column: (td as HTMLTableCellElement).cellIndex };
}

grid.addEventListener('mousedown', (event) => {
  const cell = cellOfEvent(event);
  if (!cell || event.button !== 0) return;
  event.preventDefault(); // the editor keeps the focus
  if (editing) finishEditing(true);
  if (barTarget) finishBar(true, true);
  select(cell, event.shiftKey);
  dragging = true;
  focusGrid();
});
grid.addEventListener('mouseover', (event) => {
  const cell = cellOfEvent(event);
  if (dragging && cell && (event.buttons & 1) === 1) select(cell, true);
});
window.addEventListener('mouseup', () => {
  dragging = false;
});
grid.addEventListener('dblclick', (event) => {
  const cell = cellOfEvent(event);
  if (cell) startEditing(inputOf(cell));
});
scroller.addEventListener('scroll', () => placeEditor());
// Tabbing into the grid or clicking beside the cells: the keys go to the selected cell.
scroller.addEventListener('focus', () => focusGrid());

// The editor's blur has committed what was being typed in the cell before the bar gets the focus.
formulaBar.addEventListener('focus', () => {
  barTarget ??= { cell: selection.anchor, original: formulaBar.value };
});
formulaBar.addEventListener('keydown', (event) => {
  if (event.isComposing) return;
  const move = movement(event);
  if (move) finishBar(true, true, ...move);
  else if (event.key === 'Escape') finishBar(false, true);
  else return;
  event.preventDefault();
});
formulaBar.addEventListener('blur', () => finishBar(true, false));

/** One chart: its title, the drawing (always an SVG), a note while it has no figures, and its legend. */
function chartElement(chart: ChartView, sheet: SheetView): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const title = document.createElement('h3');
  title.textContent = chart.title;
  figure.append(title, chartSvg(chart, sheet.rightToLeft, view?.locale ?? 'en_US'));
  if (!hasData(chart)) {
    const none = document.createElement('p');
    none.className = 'no-data';
    none.textContent = pageText(language, 'noData');
    figure.append(none);
  }
  const legend = legendElement(chart);
  if (legend) figure.append(legend);
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
        if (editing) finishEditing(true);
        if (sheet.name === shownSheet) return;
        shownSheet = sheet.name;
        selection = { anchor: { row: 1, column: 1 }, focus: { row: 1, column: 1 } };
        reach = { rows: 0, columns: 0 };
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
  chartList.replaceChildren(...sheet.charts.map((chart) => chartElement(chart, sheet)));
}

/** Takes a new snapshot; follows the active sheet when the server code changed it (a new workbook). */
function show(next: SpreadsheetView): void {
  const activeChanged = !view || view.activeSheet !== next.activeSheet || view.sheets.length !== next.sheets.length;
  view = next;
  if (activeChanged && shownSheet !== next.activeSheet) {
    shownSheet = next.activeSheet;
    selection = { anchor: { row: 1, column: 1 }, focus: { row: 1, column: 1 } };
    reach = { rows: 0, columns: 0 };
  }
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
