// npm start: the offline preview. The real dist/Sidebar.html beside an emulated spreadsheet; the
// sidebar's google.script.run calls run the real dist/Code.js (loaded once with gas-local) on the
// HyperFormula-backed emulator of SpreadsheetApp. Local only: bound to 127.0.0.1, no external request.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import { utcFromSerial } from '../src/core/dates';
import { errorMessage } from '../src/core/errors';
import { PUBLIC_FUNCTIONS } from '../src/server';
import type { SheetModel, SpreadsheetEmulator } from './emulator/emulated-spreadsheet';
import { displayValue } from './emulator/display-format';
import { applyEdit, BadEdit, parseEdit, RefusedEdit, type EditRequest } from './edit';
import { createAppsScriptGlobals, type AppsScriptGlobals } from './emulator/services';
import { isPreviewLocale, type CellView, type ChartView, type PreviewLocale, type SheetView, type SpreadsheetView } from './page/view';

/** The project folder: above this file, which may run from scripts/run-ts.mjs's cache in node_modules. */
function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'preview/page/index.html'))) return dir;
  return process.cwd();
}
const ROOT = projectRoot();
const PAGE_DIR = join(ROOT, 'preview/page');
const HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;
/**
 * The sidebar's import sends file rows in chunks of up to 1 MB of JSON, and a paste into the grid can be
 * as large; the envelope ({"name", "args"}) gets 64 KB on top. Anything larger is refused unread.
 */
export const MAX_BODY_BYTES = 1024 * 1024 + 64 * 1024;
const DEFAULT_COLUMN_WIDTH = 100;
/** Names google.script.run may call: the bundle's public top-level functions (never a "_" private one). */
const CALLABLE = new Set(PUBLIC_FUNCTIONS.map((spec) => spec.name).filter((name) => !name.endsWith('_')));

interface GasLocal {
  require(folder: string, globals: object): Record<string, unknown>;
}

/** The built server bundle running on one emulated spreadsheet, which can be swapped for a new one. */
export class BundleRuntime {
  private readonly context: Record<string, unknown>;
  private readonly parseInBundle: (json: string) => unknown;
  globals!: AppsScriptGlobals;

  /** Loads `distDir`/Code.js once, as Apps Script does: every .js file in one global scope. */
  constructor(
    readonly distDir: string,
    locale: string,
  ) {
    if (!existsSync(join(distDir, 'Code.js'))) throw new Error(`${join(distDir, 'Code.js')} is missing: run npm run build first`);
    const gasLocal = require('gas-local') as GasLocal;
    this.context = gasLocal.require(distDir, this.services(locale));
    // Arguments are made in the bundle's realm, as google.script.run delivers them (Array.isArray,
    // instanceof and prototypes then behave as in Apps Script).
    this.parseInBundle = vm.runInContext('(function (json) { return JSON.parse(json); })', this.context) as (json: string) => unknown;
  }

  /** A new, empty spreadsheet in `locale` (one "Sheet1"), seen by the bundle from the next call on. */
  reset(locale: string): void {
    Object.assign(this.context, this.services(locale));
  }

  get emulator(): SpreadsheetEmulator {
    return this.globals.emulator;
  }

  /**
   * Calls a public top-level function of the bundle with arguments given as a JSON array, as
   * google.script.run does; the result comes back as plain JSON data, a failure as its message.
   */
  call(name: string, argsJson: string): { ok: true; value: unknown } | { ok: false; message: string } {
    const fn = CALLABLE.has(name) && Object.prototype.hasOwnProperty.call(this.context, name) ? this.context[name] : undefined;
    if (typeof fn !== 'function') return { ok: false, message: `Script function not found: ${name}` };
    const args = this.parseInBundle(argsJson);
    if (!Array.isArray(args)) return { ok: false, message: 'The arguments must be a JSON array.' };
    try {
      const value = (fn as (...a: unknown[]) => unknown)(...args);
      return { ok: true, value: value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown) };
    } catch (error) {
      return { ok: false, message: errorMessage(error) }; // an Error of the bundle's realm
    }
  }

  private services(locale: string): Record<string, unknown> {
    this.globals = createAppsScriptGlobals({ locale, htmlFolder: this.distDir });
    const { emulator: _emulator, ...services } = this.globals;
    return services;
  }
}

// ---------------------------------------------------------------------------------------------------
// The spreadsheet as the page draws it.

const DATE_FORMAT = /^[^"#0]*\b(y+|d+)\b/i;

/** What the formula bar shows for a number: unformatted, a percent as "12.5%" (Sheets shows it so). */
function numberInput(value: number, format: string | undefined): string {
  const digits = (n: number) => String(Number(n.toPrecision(15)));
  return format?.split(';')[0].includes('%') ? `${digits(value * 100)}%` : digits(value);
}

/** A date serial written under a date format ("yyyy-mm-dd") shows as a date, not as 45672. */
function cellText(value: unknown, format: string | undefined, locale: string): string {
  if (typeof value === 'number' && format && DATE_FORMAT.test(format)) {
    return new Date(utcFromSerial(value)).toISOString().slice(0, 10);
  }
  return displayValue(value as Parameters<typeof displayValue>[0], format, locale);
}

/** Sheets' default series colors, in order. */
export const DEFAULT_SERIES_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

function optionObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * A recorded chart as the page draws it, read as Sheets reads its ranges: one header row on each range,
 * the ranges side by side (MERGE_COLUMNS), the first column of the first range the categories and every
 * other column a series, each drawn as the chart's options say (isStacked, series.N.color/dataLabel/
 * visibleInLegend, the value axis's format).
 */
export function chartView(emulator: SpreadsheetEmulator, chart: SheetModel['charts'][number]): ChartView {
  const options = chart.options;
  const type = (chart.type ?? 'COLUMN').toLowerCase();
  const axis = optionObject(options[type === 'bar' ? 'hAxis' : 'vAxis']);
  const legend = optionObject(options.legend).position === 'none' ? 'none' : 'bottom';
  const view: ChartView = {
    type,
    title: typeof options.title === 'string' ? options.title : '',
    stacked: options.isStacked === true || options.isStacked === 'true',
    valueFormat: typeof axis.format === 'string' ? axis.format : '',
    legend,
    categories: [],
    series: [],
  };
  const headers = chart.numHeaders ?? 1;
  const seriesOptions = optionObject(options.series);
  // A date reads in the spreadsheet's day (its local parts), as the grid shows it.
  const day = (date: Date) => [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const text = (value: unknown, format: string | undefined) => (value instanceof Date ? day(value) : value === '' ? '' : cellText(value, format, emulator.locale));
  chart.ranges.forEach(({ ref }, rangeIndex) => {
    if (ref.sheet.deleted) return; // its sheet is gone: Sheets draws the chart without that range's data
    const rows = emulator.readValues(ref.sheet, ref.row, ref.column, ref.numRows, ref.numColumns);
    const formatAt = (r: number, c: number) => ref.sheet.cellFormats.numberFormat.get(ref.row + r, ref.column + c);
    const body = rows.slice(headers);
    if (rangeIndex === 0) view.categories = body.map((cells, r) => text(cells[0], formatAt(r + headers, 0)));
    for (let c = rangeIndex === 0 ? 1 : 0; c < ref.numColumns; c++) {
      const index = view.series.length;
      const drawn = optionObject(seriesOptions[index]);
      const color = typeof drawn.color === 'string' ? drawn.color : DEFAULT_SERIES_COLORS[index % DEFAULT_SERIES_COLORS.length];
      const values = body.map((cells) => (typeof cells[c] === 'number' && Number.isFinite(cells[c]) ? (cells[c] as number) : null));
      view.series.push({
        name: headers > 0 ? text(rows[0][c], formatAt(0, c)) : '',
        values,
        labels: values.map((value, r) => (value === null ? null : text(value, formatAt(r + headers, c)))),
        color: color === 'none' || color === 'transparent' ? 'none' : color,
        hidden: color === 'none' || color === 'transparent',
        dataLabels: drawn.dataLabel === 'value',
        inLegend: drawn.visibleInLegend !== false,
      });
    }
  });
  // A later range shorter than the first: its missing rows are gaps.
  for (const series of view.series) {
    while (series.values.length < view.categories.length) {
      series.values.push(null);
      series.labels.push(null);
    }
    series.values.length = series.labels.length = view.categories.length;
  }
  return view;
}

function sheetView(emulator: SpreadsheetEmulator, model: SheetModel): SheetView {
  const name = emulator.sheetName(model);
  const { lastRow, lastColumn } = emulator.usedArea(model);
  const values = lastRow > 0 ? emulator.readValues(model, 1, 1, lastRow, lastColumn) : [];
  const formulas = lastRow > 0 ? emulator.readFormulas(model, 1, 1, lastRow, lastColumn) : [];
  const formats = model.cellFormats;
  const rows = values.map((cells, r) =>
    cells.map((value, c): CellView | null => {
      const [row, column] = [r + 1, c + 1];
      const formula = formulas[r][c];
      if (value === '' && formula === '') return null;
      const format = formats.numberFormat.get(row, column);
      const text = cellText(value, format, emulator.locale);
      const cell: CellView = { text };
      if (formula) cell.formula = formula;
      else if (typeof value === 'number' && !(format && DATE_FORMAT.test(format))) {
        const input = numberInput(value, format);
        if (input !== text) cell.input = input;
      }
      if (typeof value === 'number') cell.number = true;
      const error = typeof value === 'string' && value.startsWith('#') ? emulator.errorMessage(name, row, column) : undefined;
      if (error !== undefined) cell.error = error;
      if (formats.fontWeight.get(row, column) === 'bold') cell.bold = true;
      if (formats.wrap.get(row, column)) cell.wrap = true;
      const background = formats.background.get(row, column);
      if (background) cell.background = background;
      const color = formats.fontColor.get(row, column);
      if (color) cell.color = color;
      const align = formats.horizontalAlignment.get(row, column);
      if (align === 'left' || align === 'center' || align === 'right') cell.align = align;
      return cell;
    }),
  );
  // Conditional formats: the writer's rules compare the cell's text (status cells).
  for (const rule of model.conditionalFormatRules) {
    if (rule.criteria !== 'TEXT_EQUAL_TO') continue;
    for (const { ref } of rule.ranges) {
      for (let row = ref.row; row < ref.row + ref.numRows && row <= rows.length; row++) {
        for (let column = ref.column; column < ref.column + ref.numColumns && column <= lastColumn; column++) {
          const cell = rows[row - 1][column - 1];
          if (!cell || cell.text !== String(rule.values[0])) continue;
          if (rule.background) cell.background = rule.background;
          if (rule.fontColor) cell.color = rule.fontColor;
        }
      }
    }
  }
  return {
    name,
    rightToLeft: model.rightToLeft,
    frozenRows: model.frozenRows,
    tabColor: model.tabColor,
    maxRows: model.maxRows,
    maxColumns: model.maxColumns,
    columnWidths: Array.from({ length: lastColumn }, (_, c) => model.columnWidths.get(c + 1) ?? DEFAULT_COLUMN_WIDTH),
    rows,
    charts: model.charts.map((chart) => chartView(emulator, chart)),
  };
}

export function spreadsheetView(emulator: SpreadsheetEmulator): SpreadsheetView {
  return {
    name: emulator.name,
    locale: emulator.locale,
    activeSheet: emulator.sheetName(emulator.activeSheet),
    // A hidden sheet (the import's staging sheet) has no tab, as in Sheets.
    sheets: emulator.sheets.filter((model) => !model.hidden).map((model) => sheetView(emulator, model)),
  };
}

// ---------------------------------------------------------------------------------------------------
// The HTTP server.

export interface PreviewOptions {
  /** 0 picks a free port (tests). Default: PORT, else 8080. */
  port?: number;
  /** The built add-on (default dist/). */
  distDir?: string;
  /** The locale of the first spreadsheet (default en_US). */
  locale?: PreviewLocale;
  /** Awaited before each google.script.run call is run (tests use it to hold the loading state). */
  beforeCall?: (name: string) => Promise<void> | void;
}

export interface PreviewServer {
  url: string;
  runtime: BundleRuntime;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The page's script and the google.script.run shim, bundled once at start. */
async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(PAGE_DIR, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** dist/Sidebar.html with the shim first in <head>, so google.script.run exists before the sidebar's script. */
function sidebarWithShim(distDir: string, shim: string): string {
  const html = readFileSync(join(distDir, 'Sidebar.html'), 'utf8');
  const head = html.indexOf('<head>');
  if (head < 0) throw new Error('dist/Sidebar.html has no <head>');
  const at = head + '<head>'.length;
  return `${html.slice(0, at)}\n<script>${shim}</script>${html.slice(at)}`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new HttpError(413, 'Request body too large.'));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Request body too large.'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Deeper than any request of the page (an import chunk: envelope, arguments, rows, row). */
const MAX_JSON_DEPTH = 32;

/** How deeply a JSON text nests arrays and objects, counted without parsing (brackets in strings skipped). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (code === 0x5d || code === 0x7d) depth--;
  }
  return deepest;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  // Only JSON: a cross-site form cannot send this content type without a preflight we never answer.
  // The media type must be application/json itself ("application/jsonx" is another type).
  const mediaType = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') throw new HttpError(400, 'Send application/json.'); // a malformed request, as issue 8 asks
  let body: unknown;
  try {
    const text = await readBody(request);
    // Refused before parsing: the nesting would otherwise overflow the stack of whatever walks it next.
    if (jsonDepth(text) > MAX_JSON_DEPTH) throw new HttpError(400, `The JSON nests deeper than ${MAX_JSON_DEPTH} levels.`);
    body = JSON.parse(text);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  // Same-origin only: nothing is fetched from anywhere else. The sidebar's script and style are inline.
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
};

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, ...SECURITY_HEADERS });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json', JSON.stringify(value));
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const distDir = resolve(options.distDir ?? join(ROOT, 'dist'));
  const runtime = new BundleRuntime(distDir, options.locale ?? 'en_US');
  const [pageScript, shim] = await Promise.all([bundlePage('main.ts'), bundlePage('shim.ts')]);
  const pages: Record<string, [type: string, body: string]> = {
    '/': ['text/html', readFileSync(join(PAGE_DIR, 'index.html'), 'utf8')],
    '/page.css': ['text/css', readFileSync(join(PAGE_DIR, 'page.css'), 'utf8')],
    '/page.js': ['text/javascript', pageScript],
    '/sidebar.html': ['text/html', sidebarWithShim(distDir, shim)],
  };
  let port = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Refuse other host names (DNS rebinding): only this machine's own address reaches the spreadsheet.
    const host = request.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) throw new HttpError(421, 'Unknown host.');
    let path: string;
    try {
      path = new URL(request.url ?? '/', `http://${host}`).pathname;
    } catch {
      throw new HttpError(400, 'The request target is not a valid URL.'); // e.g. "GET http://["
    }
    if (request.method === 'GET' && path in pages) return send(response, 200, ...pages[path]);
    if (request.method === 'GET' && path === '/api/snapshot') return sendJson(response, 200, spreadsheetView(runtime.emulator));
    if (request.method === 'POST' && path === '/api/run') {
      const { name, args } = await readJson(request);
      if (typeof name !== 'string' || !Array.isArray(args)) throw new HttpError(400, 'Expected {"name": string, "args": array}.');
      await options.beforeCall?.(name);
      const answer = runtime.call(name, JSON.stringify(args));
      return sendJson(response, answer.ok || CALLABLE.has(name) ? 200 : 404, answer);
    }
    if (request.method === 'POST' && path === '/api/edit') {
      let edit: EditRequest;
      try {
        edit = parseEdit(await readJson(request));
      } catch (error) {
        if (error instanceof BadEdit) throw new HttpError(400, error.message);
        throw error;
      }
      try {
        applyEdit(runtime.emulator, edit);
      } catch (error) {
        if (error instanceof RefusedEdit) return sendJson(response, 422, { ok: false, message: error.message, view: spreadsheetView(runtime.emulator) });
        throw error;
      }
      return sendJson(response, 200, spreadsheetView(runtime.emulator));
    }
    if (request.method === 'POST' && path === '/api/reset') {
      const { locale } = await readJson(request);
      if (!isPreviewLocale(locale)) throw new HttpError(400, 'Unknown locale.');
      runtime.reset(locale);
      return sendJson(response, 200, spreadsheetView(runtime.emulator));
    }
    throw new HttpError(404, 'Not found.');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error(error);
      if (!response.headersSent) sendJson(response, status, { ok: false, message });
    });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => listening());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    runtime,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** The port asked for in PORT, or the default; a clear message when PORT is not a port number. */
function portFromEnvironment(): number {
  const text = process.env.PORT;
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0-65535), not "${text}".`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  try {
    const preview = await startPreview({ port: portFromEnvironment() });
    console.log(`RACE preview: ${preview.url}  (Ctrl+C to stop; ?locale=fa_IR or ar_EG for a right-to-left spreadsheet)`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.error(code === 'EADDRINUSE' ? 'The port is taken: start with another one, e.g. PORT=8081 npm start.' : error);
    process.exit(1);
  }
}

// Run by `npm start` (scripts/run-ts.mjs sets argv[1] to this file); imported by tests and the workbook CLI.
if (/preview[\\/]server\.ts$/.test(process.argv[1] ?? '')) void main();
