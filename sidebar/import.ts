// "Bring your data": pick a source (a sheet, a CSV/TSV file, pasted text), let the server match its
// columns, show the mapping for the user to change, send file/paste rows in chunks, commit, report.
// Every text from the source or the server is shown with textContent.
import { localDigits, type Language, type MessageKey, type MessageParams } from '../src/core/i18n';
import type { ImportTarget, SkipReason, ColumnNote } from '../src/core/import/types';
import { CHANNEL_IDS, CHANNELS } from '../src/core/model/business-models';
import { MEASURE_HEADERS, MEASURES, type MeasureId } from '../src/core/model/measures';
import { DIMENSIONS, type DimensionId } from '../src/core/summary/vocabulary';
import { serialFromUtc } from '../src/core/dates';
import type { WorkbookOptions } from '../src/core/workbook/options';
import { server } from './bridge';
import type { CommitImportRequest, ImportReport, ImportSources, RememberedAnalysis } from '../src/addon/importer';
import { chunkRows, decodeBytes, parseDelimitedText, uploadChunks } from './parse';

/** Rows the server analyzes: the header is found below any preamble within them. */
export const ANALYZE_ROWS = 200;

export interface ImportHost {
  language(): Language;
  t(key: MessageKey, params?: MessageParams): string;
  /**
   * The generation form's options, or the problem with them (the form marks and focuses the field).
   * `mark` false only checks, leaving the form as it is.
   */
  workbookOptions(mark: boolean): { options: WorkbookOptions } | { problem: string };
  /** Server error text as the user should read it. */
  friendly(message: string): string;
}

type SourceKind = 'sheet' | 'file' | 'paste';

/** What the analysis step found, kept until the import is committed or abandoned. */
interface Pending {
  analysis: RememberedAnalysis;
  /** Parsed rows of a file or pasted text; undefined for a sheet (the server reads it itself). */
  rows?: string[][];
  sheetName?: string;
  name: string;
}

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`sidebar markup has no #${id}`);
  return found as T;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

/** A random id for one upload's staging sheet (crypto is there in the sandboxed iframe). */
function newImportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `imp-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Spreadsheet column letters for a 0-based index: a column without a header is named by them. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function setupImport(host: ImportHost): { render(): void; refreshSources(): Promise<void> } {
  const section = byId<HTMLElement>('import');
  const sourceRadios = Array.from(section.querySelectorAll<HTMLInputElement>('input[name="import-source"]'));
  const sheetField = byId<HTMLDivElement>('import-sheet-field');
  const sheetSelect = byId<HTMLSelectElement>('import-sheet');
  const noSheets = byId<HTMLParagraphElement>('import-no-sheets');
  const fileField = byId<HTMLDivElement>('import-file-field');
  const fileInput = byId<HTMLInputElement>('import-file');
  const pasteField = byId<HTMLDivElement>('import-paste-field');
  const pasteBox = byId<HTMLTextAreaElement>('import-paste');
  const analyzeButton = byId<HTMLButtonElement>('import-analyze');
  const planRegion = byId<HTMLDivElement>('import-plan');
  const mappingList = byId<HTMLDivElement>('import-mapping');
  const channelField = byId<HTMLDivElement>('import-channel-field');
  const channelInput = byId<HTMLInputElement>('import-channel');
  const channelOptions = byId<HTMLDataListElement>('import-channels');
  const dateField = byId<HTMLDivElement>('import-date-field');
  const dateInput = byId<HTMLInputElement>('import-date');
  const funnelNotice = byId<HTMLParagraphElement>('import-funnel');
  const newWorkbookHint = byId<HTMLParagraphElement>('import-new-workbook');
  const startButton = byId<HTMLButtonElement>('import-start');
  const cancelButton = byId<HTMLButtonElement>('import-cancel');
  const statusRegion = byId<HTMLParagraphElement>('import-status');
  const errorRegion = byId<HTMLDivElement>('import-error');
  const reportRegion = byId<HTMLElement>('import-report');

  const t = host.t;
  const digits = (n: number) => localDigits(n, host.language());
  let sources: ImportSources | undefined;
  let pending: Pending | undefined;
  let busy = false;
  let cancelRequested = false;
  let lastReport: ImportReport | undefined;

  const sourceKind = (): SourceKind => (sourceRadios.find((radio) => radio.checked)?.value as SourceKind | undefined) ?? 'sheet';

  function targetLabel(target: ImportTarget): string {
    if (target === 'ignore') return t('ui.import.target.ignore');
    if ((DIMENSIONS as readonly string[]).includes(target)) return t(`ui.import.dimension.${target as DimensionId}`);
    return MEASURE_HEADERS[target as MeasureId]?.[host.language()] ?? target;
  }

  function targetSelect(id: string, chosen: ImportTarget): HTMLSelectElement {
    const select = document.createElement('select');
    select.id = id;
    select.append(new Option(targetLabel('ignore'), 'ignore'));
    const dimensions = element('optgroup');
    dimensions.label = t('ui.import.group.dimensions');
    dimensions.append(...DIMENSIONS.map((dimension) => new Option(targetLabel(dimension), dimension)));
    const measures = element('optgroup');
    measures.label = t('ui.import.group.measures');
    measures.append(...MEASURES.map((measure) => new Option(targetLabel(measure), measure)));
    select.append(dimensions, measures);
    select.value = chosen;
    select.addEventListener('change', () => {
      showQuestions();
      errorRegion.replaceChildren();
    });
    return select;
  }

  /** The target chosen for each analysed column, from the dropdowns (they start at the server's guess). */
  function chosenTargets(): Array<{ index: number; header: string; target: ImportTarget }> {
    if (!pending) return [];
    return pending.analysis.columns.map((column) => ({
      index: column.index,
      header: column.header || columnLetters(column.index),
      target: (byId<HTMLSelectElement>(`import-map-${column.index}`).value || 'ignore') as ImportTarget,
    }));
  }

  /** The channel question when no column is a channel; the date question when nothing gives a date. */
  function showQuestions(): void {
    if (!pending) return;
    const targets = chosenTargets().map((column) => column.target);
    channelField.hidden = pending.analysis.funnelExploration || targets.includes('channel');
    dateField.hidden = pending.analysis.funnelExploration || targets.includes('date') || pending.analysis.preambleDates !== undefined;
  }

  function drawChannelOptions(): void {
    channelOptions.replaceChildren(...CHANNEL_IDS.map((id) => new Option(CHANNELS[id][host.language()])));
  }

  function drawMapping(): void {
    if (!pending) return;
    const separator = host.language() === 'en' ? ', ' : '، ';
    mappingList.replaceChildren(
      ...pending.analysis.columns.map((column) => {
        const id = `import-map-${column.index}`;
        const previous = document.getElementById(id) as HTMLSelectElement | null;
        const row = element('div', undefined, 'mapping-row');
        const label = element('label', column.header || columnLetters(column.index));
        label.htmlFor = id;
        label.dir = 'auto';
        const samples = element('p', undefined, 'hint samples');
        if (column.samples.length === 0) samples.textContent = t('ui.import.noSamples');
        else {
          const [before, after] = t('ui.import.samples', { values: '\u0000' }).split('\u0000');
          samples.append(before);
          column.samples.slice(0, 3).forEach((sample, i) => {
            if (i > 0) samples.append(separator);
            samples.append(element('bdi', sample));
          });
          samples.append(after ?? '');
        }
        row.append(label, targetSelect(id, (previous?.value as ImportTarget | undefined) ?? column.target), samples);
        return row;
      }),
    );
  }

  function drawSources(): void {
    const chosen = sheetSelect.value;
    const sheets = sources?.sheets ?? [];
    sheetSelect.replaceChildren(...sheets.map((sheet) => new Option(t('ui.import.sheetOption', { name: sheet.name, rows: sheet.rows }), sheet.name)));
    if (sheets.some((sheet) => sheet.name === chosen)) sheetSelect.value = chosen;
    noSheets.hidden = sources === undefined || sheets.length > 0;
  }

  function showSourceField(): void {
    const kind = sourceKind();
    sheetField.hidden = kind !== 'sheet';
    fileField.hidden = kind !== 'file';
    pasteField.hidden = kind !== 'paste';
  }

  function setBusy(message: string | undefined): void {
    busy = message !== undefined;
    section.setAttribute('aria-busy', String(busy));
    statusRegion.textContent = message ?? '';
    statusRegion.classList.toggle('busy', busy);
    for (const control of [analyzeButton, startButton, ...sourceRadios, sheetSelect, fileInput, pasteBox]) control.disabled = busy;
    for (const select of mappingList.querySelectorAll('select')) select.disabled = busy;
    channelInput.disabled = busy;
    dateInput.disabled = busy;
    cancelButton.disabled = false;
  }

  function showError(message: string): void {
    errorRegion.replaceChildren(element('strong', t('ui.error.title')), element('p', message));
  }

  function errorText(error: unknown): string {
    return error instanceof Error && error.message ? host.friendly(error.message) : t('ui.error.unreachable');
  }

  function closePlan(): void {
    pending = undefined;
    planRegion.hidden = true;
    mappingList.replaceChildren();
  }

  async function refreshSources(): Promise<void> {
    try {
      sources = await server.getImportSources();
    } catch (error) {
      showError(errorText(error));
      return;
    }
    drawSources();
  }

  /** The rows of the chosen file or pasted text, or a message saying what is wrong. */
  async function readRows(kind: 'file' | 'paste'): Promise<{ rows: string[][]; name: string } | { problem: string }> {
    let text: string;
    let name: string;
    if (kind === 'file') {
      const file = fileInput.files?.[0];
      if (!file) return { problem: t('ui.import.error.noFile') };
      try {
        text = decodeBytes(new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        return { problem: t('ui.import.error.fileRead', { cause: error instanceof Error ? error.message : String(error) }) };
      }
      name = file.name;
    } else {
      text = pasteBox.value;
      if (text.trim() === '') return { problem: t('ui.import.error.noText') };
      name = t('ui.import.pasteName');
    }
    const parsed = parseDelimitedText(text);
    if (parsed.unclosedQuoteRow !== undefined) return { problem: t('ui.import.error.unclosedQuote', { row: parsed.unclosedQuoteRow }) };
    if (parsed.rows.length === 0) return { problem: t('ui.import.error.empty') };
    return { rows: parsed.rows, name };
  }

  async function analyze(): Promise<void> {
    if (busy) return;
    errorRegion.replaceChildren();
    reportRegion.replaceChildren();
    lastReport = undefined; // a language switch must not redraw an old report
    closePlan();
    const kind = sourceKind();
    let next: Omit<Pending, 'analysis'>;
    let analysis: RememberedAnalysis;
    try {
      if (kind === 'sheet') {
        const sheetName = sheetSelect.value;
        if (!sheetName) return showError(t('ui.import.error.noSheet'));
        setBusy(t('ui.import.analyzing'));
        next = { sheetName, name: sheetName };
        analysis = await server.analyzeSheetImport(sheetName);
      } else {
        setBusy(t('ui.import.reading'));
        const read = await readRows(kind);
        if ('problem' in read) return showError(read.problem);
        next = read;
        setBusy(t('ui.import.analyzing'));
        analysis = await server.analyzeRowsImport(read.rows.slice(0, ANALYZE_ROWS));
      }
    } catch (error) {
      return showError(errorText(error));
    } finally {
      setBusy(undefined);
    }
    pending = { ...next, analysis };
    drawPlan();
  }

  function drawPlan(): void {
    if (!pending) return;
    const { analysis } = pending;
    planRegion.hidden = false;
    funnelNotice.hidden = !analysis.funnelExploration;
    funnelNotice.textContent = t('ui.import.funnel');
    startButton.hidden = analysis.funnelExploration;
    mappingList.parentElement!.hidden = analysis.funnelExploration;
    // The channel answered for this source last time, else the one its platform suggests.
    channelInput.value = analysis.rememberedChannel ?? (analysis.suggestedChannel ? CHANNELS[analysis.suggestedChannel][host.language()] : '');
    dateInput.value = '';
    newWorkbookHint.hidden = analysis.funnelExploration || sources?.hasWorkbook !== false;
    drawMapping();
    showQuestions();
  }

  /** The commit request from the dropdowns and questions, or what the user must fix first. */
  function commitRequest(staged?: { importId: string }): CommitImportRequest | { problem: string; focus?: HTMLElement } {
    if (!pending) return { problem: t('ui.import.error.empty') };
    const columns = chosenTargets();
    const byTarget = new Map<ImportTarget, string[]>();
    for (const { header, target } of columns) if (target !== 'ignore') byTarget.set(target, [...(byTarget.get(target) ?? []), header]);
    for (const [target, headers] of byTarget) {
      if (headers.length > 1) return { problem: t('ui.import.error.duplicate', { target: targetLabel(target), columns: headers.join(host.language() === 'en' ? ', ' : '، ') }) };
    }
    if (!columns.some(({ target }) => (MEASURES as readonly string[]).includes(target))) return { problem: t('ui.import.error.noMeasure') };
    const request: CommitImportRequest = {
      source: staged ? { kind: 'staged', importId: staged.importId, name: pending.name } : { kind: 'sheet', sheetName: pending.sheetName ?? '' },
      headerRow: pending.analysis.headerRow,
      targets: [],
      language: host.language(),
    };
    const width = Math.max(0, ...columns.map(({ index }) => index + 1));
    request.targets = Array.from({ length: width }, () => 'ignore' as ImportTarget);
    for (const { index, target } of columns) request.targets[index] = target;
    if (!channelField.hidden) {
      const channel = channelInput.value.trim();
      if (channel === '') return { problem: t('ui.import.error.channel'), focus: channelInput };
      request.channel = channel;
    }
    if (!dateField.hidden) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateInput.value);
      if (!match) return { problem: t('ui.import.error.date'), focus: dateInput };
      request.date = serialFromUtc(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    }
    const workbook = host.workbookOptions(sources?.hasWorkbook === false);
    if ('options' in workbook) request.workbook = workbook.options;
    else if (sources?.hasWorkbook === false) return { problem: t('ui.import.error.workbook', { problem: workbook.problem }) };
    return request;
  }

  async function runImport(): Promise<void> {
    if (busy || !pending) return;
    errorRegion.replaceChildren();
    reportRegion.replaceChildren();
    lastReport = undefined; // a language switch must not redraw an old report
    const staged = pending.rows ? { importId: newImportId() } : undefined;
    const request = commitRequest(staged);
    if ('problem' in request) {
      showError(request.problem);
      request.focus?.focus();
      return;
    }
    cancelRequested = false;
    try {
      if (staged && pending.rows) {
        const chunks = chunkRows(pending.rows);
        setBusy(t('ui.import.uploading', { n: 1, total: chunks.length }));
        await uploadChunks(
          chunks,
          (index, rows) => server.stageImportRows(staged.importId, index, rows),
          ({ done, total }) => {
            if (done < total) statusRegion.textContent = t('ui.import.uploading', { n: done + 1, total });
          },
          () => cancelRequested,
        );
        if (cancelRequested) throw new CancelledImport();
      }
      setBusy(t('ui.import.committing'));
      cancelButton.disabled = true; // the server is writing: all or nothing, it cannot be stopped half way
      const report = await server.commitImport(request);
      lastReport = report;
      closePlan();
      drawReport();
      await refreshSources();
    } catch (error) {
      // Staged rows of a failed or cancelled upload are removed; a failed commit removes nothing else.
      if (staged) await server.discardImport(staged.importId).catch(() => undefined);
      if (error instanceof CancelledImport) showError(t('ui.import.cancelled'));
      else showError(errorText(error));
    } finally {
      setBusy(undefined);
    }
  }

  function drawReport(): void {
    const report = lastReport;
    if (!report) return;
    const language = host.language();
    // A yyyy-mm-dd date keeps its left-to-right order inside right-to-left text (isolated).
    const localDate = (iso: string) => {
      const text = iso.replace(/[0-9]/g, (digit) => localDigits(Number(digit), language));
      return language === 'en' ? text : `\u2066${text}\u2069`;
    };
    const list = element('ul');
    const item = (text: string) => list.append(element('li', text));
    item(t('ui.import.report.rows', { count: report.rowsImported }));
    item(t('ui.import.report.dataRows', { sheet: report.dataSheet, written: report.dataRowsWritten, replaced: report.dataRowsReplaced }));
    if (report.dateRange) item(t('ui.import.report.dateRange', { first: localDate(report.dateRange.first), last: localDate(report.dateRange.last) }));
    const skippedCount = report.skipped.reduce((sum, kind) => sum + kind.count, 0);
    item(skippedCount > 0 ? t('ui.import.report.skipped', { count: skippedCount }) : t('ui.import.report.skippedNone'));
    if (skippedCount > 0) {
      const reasons = element('ul');
      for (const kind of report.skipped) {
        const rows = kind.rows.map(digits).join(language === 'en' ? ', ' : '، ') + (kind.count > kind.rows.length ? '…' : '');
        const reason = t(`ui.import.skip.${kind.reason as SkipReason}`);
        reasons.append(element('li', t('ui.import.report.skipReason', { reason, count: kind.count, rows })));
      }
      list.lastElementChild!.append(reasons);
    }
    item(report.ignoredColumns.length > 0 ? t('ui.import.report.ignored', { columns: report.ignoredColumns.join(language === 'en' ? ', ' : '، ') }) : t('ui.import.report.ignoredNone'));
    if (report.ignoredMeasures.length > 0) {
      const names = report.ignoredMeasures.map(({ measure, header }) => `${header} (${targetLabel(measure)})`);
      item(t('ui.import.report.ignoredMeasures', { columns: names.join(language === 'en' ? ', ' : '، ') }));
    }
    const totals = Object.entries(report.totals) as Array<[MeasureId, number]>;
    if (totals.length > 0) {
      item(t('ui.import.report.totals'));
      const sums = element('ul');
      for (const [measure, total] of totals) sums.append(element('li', `${targetLabel(measure)}: ${localNumber(total, language)}`));
      list.lastElementChild!.append(sums);
    }
    if (report.generatedSheets && report.generatedSheets.length > 0) item(t('ui.import.report.generated', { sheets: report.generatedSheets.join(language === 'en' ? ', ' : '، ') }));
    const parts: HTMLElement[] = [element('strong', t('ui.import.report.title')), list];
    if (report.notes.length > 0) {
      const notes = element('ul');
      for (const note of report.notes as ColumnNote[]) notes.append(element('li', t(`ui.import.note.${note.note}`, { column: note.column })));
      parts.push(element('p', t('ui.import.report.notes')), notes);
    }
    reportRegion.replaceChildren(...parts);
  }

  sourceRadios.forEach((radio) =>
    radio.addEventListener('change', () => {
      showSourceField();
      closePlan();
      errorRegion.replaceChildren();
    }),
  );
  for (const control of [sheetSelect, fileInput, pasteBox]) control.addEventListener('change', closePlan);
  // Sheets may have been added or filled since the sidebar opened.
  sheetSelect.addEventListener('focus', () => void refreshSources());
  analyzeButton.addEventListener('click', () => void analyze());
  startButton.addEventListener('click', () => void runImport());
  cancelButton.addEventListener('click', () => {
    if (busy) cancelRequested = true;
    else {
      closePlan();
      errorRegion.replaceChildren();
    }
  });

  showSourceField();
  return {
    /** Redraws the texts that depend on the language (labels are drawn by the page's render). */
    render() {
      drawChannelOptions();
      drawSources();
      if (pending) {
        const channel = channelInput.value;
        drawPlan();
        channelInput.value = channel;
      }
      drawReport();
    },
    refreshSources,
  };
}

class CancelledImport extends Error {}

/** A figure in the user's digits, up to 2 decimals, with thousands grouped (a plain loop: Intl may lack fa/ar data). */
function localNumber(value: number, language: Language): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '٬');
  const text = `${rounded < 0 ? '-' : ''}${grouped}${fraction ? (language === 'en' ? '.' : '٫') + fraction : ''}`;
  return text.replace(/[0-9]/g, (digit) => localDigits(Number(digit), language));
}
