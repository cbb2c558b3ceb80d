// npm run workbook: the workbook the sidebar generates, made headless by the same built server code
// (dist/Code.js on the emulator, as in the preview) and written as JSON. With --data, a CSV export goes
// through the sidebar's import path: parsed here with csv-parse, then analyzeRowsImport, stageImportRows
// in chunks and commitImport (which generates the workbook first), so the cleaning rules, the mapping and
// the Data-sheet merge are exactly the add-on's.
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport, RememberedAnalysis } from '../src/addon/importer';
import { CHUNK_ROWS } from '../src/addon/import-sheets';
import { LANGUAGES, isLanguage, type Language, type Localized } from '../src/core/i18n';
import type { ImportTarget, SkipReason } from '../src/core/import/types';
import { BUSINESS_MODELS, CHANNELS } from '../src/core/model/business-models';
import type { MeasureId } from '../src/core/model/measures';
import { parseColumnMapping, recognizeDimension } from '../src/core/summary';
import { DIMENSIONS, type DimensionId } from '../src/core/summary/vocabulary';
import { BUSINESS_MODEL_IDS, distinctNames, USUAL_CURRENCY, WORKBOOK_LIMITS, type BusinessModelId, type WorkbookOptions } from '../src/core/workbook/options';
import { LANGUAGE_CALENDARS, WEEK_STARTS, type PeriodCalendar, type WeekStart } from '../src/core/calendar';
import { a1Notation } from './emulator/cell-layer';
import type { SheetSnapshot, SpreadsheetEmulator } from './emulator/emulated-spreadsheet';
import { BundleRuntime } from './server';

const USAGE = `usage: npm run workbook -- --model <id> --language <en|fa|ar> [--calendar id] [--week-start day] [--periods week|month] [--currency code] [--data export.csv] [--columns mapping] [--channel name] [--business name] [--out workbook.json]

  --model     business model: ${BUSINESS_MODEL_IDS.join(', ')}
  --language  workbook language: ${LANGUAGES.join(', ')} (fa and ar sheets are right-to-left)
  --calendar  the calendar of period labels and months: fa ${LANGUAGE_CALENDARS.fa.join(' (default) or ')}, ar ${LANGUAGE_CALENDARS.ar.join(' (default) or ')},
              en ${LANGUAGE_CALENDARS.en.join(', ')}
  --week-start the first day of a week period: ${WEEK_STARTS.join(', ')} (default: saturday for fa and ar, monday for en)
  --periods   week (default) or month
  --currency  an ISO 4217 code such as USD, IRR, IQD, or TOMAN (default: USD for en, IRR for fa, SAR for ar)
  --data      a CSV or TSV export (GA4, Google Ads, Meta, LinkedIn, Shopify, ... or your own table) imported
              as the sidebar's "Bring your data" does: header found below any preamble, columns mapped by
              RACE_SUMMARY's vocabulary, total rows dropped, currency, percent and dates cleaned, rows summed
              into the Data sheet's weeks by channel, campaign and segment. The workbook's channels and
              segments are the export's own (or the --channel answer).
  --columns   maps columns the vocabulary does not know, "measure=Header" or
              "date|channel|campaign|segment=Header" separated by ";", e.g. for test/fixtures/kag_conversion.csv:
              "channel=xyz_campaign_id; segment=gender; visits=Clicks; leads=Total_Conversion; customers=Approved_Conversion"
  --channel   the channel of every row when the export has no channel column (a single ad platform),
              e.g. "Paid search"; default: the channel its headers suggest (Google Ads: paid search, ...)
  --business  business name (default: an example name in the chosen language)
  --out       where to write the JSON (default: standard output; there, use npm run --silent workbook
              so that npm's own banner stays out of the JSON)

Output: { "sheets": [ { "name", "rightToLeft", "values" (computed, 2-D), "formulas" (2-D, "" where none),
                        "numberFormats" (2-D, "" where the cell has none or General),
                        "charts": [ { "type": "bar|column|line", "title", "ranges": ["Dashboard!A5:B10", ...] } ] } ],
          "import" (with --data): { "rows", "skipped": [{ "row", "reason" }], "mapping": { "<measure>": "<header>" },
                                    "totals": { "<measure>": number } } }`;

const LOCALES: Record<Language, string> = { en: 'en_US', fa: 'fa_IR', ar: 'ar_EG' };
const EXAMPLE_BUSINESS: Localized = { en: 'Example business', fa: 'کسب‌وکار نمونه', ar: 'نشاط تجاري نموذجي' };
const IMPORT_ID = 'cli';

/** A wrong argument or input: printed with the usage, exit code 2. */
class UsageError extends Error {}

export interface ImportJson {
  rows: number;
  skipped: { row: number; reason: SkipReason }[];
  mapping: Partial<Record<MeasureId, string>>;
  totals: Partial<Record<MeasureId, number>>;
}

export interface ChartJson {
  /** 'bar' (horizontal bars), 'column' or 'line'. */
  type: string;
  title: string;
  /** The chart's data blocks, e.g. "Dashboard!A5:B10" (the sheet name quoted when it needs quotes). */
  ranges: string[];
}

export interface SheetJson {
  name: string;
  rightToLeft: boolean;
  values: (string | number | boolean)[][];
  formulas: string[][];
  numberFormats: string[][];
  charts: ChartJson[];
}

export interface WorkbookJson {
  sheets: SheetJson[];
  import?: ImportJson;
}

/** A sheet name as a formula writes it: bare when it is a plain name, else in single quotes. */
function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** One sheet of the emulated spreadsheet as JSON: its used area's values, formulas and number formats, and its charts. */
function sheetJson(emulator: SpreadsheetEmulator, snapshot: SheetSnapshot): SheetJson {
  const { name, rightToLeft, values, formulas } = snapshot;
  const model = emulator.requireSheet(name);
  const numberFormats = values.map((row, r) =>
    row.map((_, c) => {
      const format = model.cellFormats.numberFormat.get(r + 1, c + 1);
      return format === undefined || format.toLowerCase() === 'general' ? '' : format;
    }),
  );
  const charts = model.charts.map((chart) => ({
    type: (chart.type ?? '').toLowerCase(),
    title: typeof chart.options.title === 'string' ? chart.options.title : '',
    ranges: chart.ranges.map(({ ref }) => `${sheetReference(emulator.sheetName(ref.sheet))}!${a1Notation(ref.row, ref.column, ref.numRows, ref.numColumns)}`),
  }));
  return { name, rightToLeft, values, formulas, numberFormats, charts };
}

/** Calls the bundle as google.script.run would; a refusal is the add-on's own message. */
function call<T>(runtime: BundleRuntime, name: string, ...args: unknown[]): T {
  const answer = runtime.call(name, JSON.stringify(args));
  if (!answer.ok) throw new UsageError(answer.message);
  return answer.value as T;
}

/**
 * The analysis's targets with --columns applied on top: "measure=Header" or "dimension=Header" sets that
 * column's target, and whatever column had the target before is ignored (one column per target).
 */
export function applyColumns(analysis: RememberedAnalysis, width: number, mapping: string, language: Language): ImportTarget[] {
  const targets: ImportTarget[] = Array.from({ length: width }, () => 'ignore');
  for (const column of analysis.columns) targets[column.index] = column.target;
  const column = (header: string) => {
    const found = analysis.columns.find((candidate) => candidate.header.trim().toLowerCase() === header.trim().toLowerCase());
    if (!found) throw new UsageError(`--columns: the CSV has no column "${header}" (its columns: ${analysis.columns.map((c) => c.header).join(', ')})`);
    return found.index;
  };
  const set = (index: number, target: ImportTarget) => {
    targets.forEach((current, i) => {
      if (current === target) targets[i] = 'ignore';
    });
    targets[index] = target;
  };
  const measureEntries: string[] = [];
  for (const entry of mapping.split(/[;\n\u061b]/).filter((text) => text.trim() !== '')) {
    const [name, header] = entry.split('=').map((part) => part?.trim() ?? '');
    const dimension = DIMENSIONS.find((id: DimensionId) => id === name.toLowerCase() || id === recognizeDimension(name));
    if (dimension && header) set(column(header), dimension);
    else measureEntries.push(entry);
  }
  let measures: Map<MeasureId, string>;
  try {
    measures = parseColumnMapping({ fn: 'workbook', language }, measureEntries.join(';'), 'columns');
  } catch (error) {
    throw new UsageError(`--columns: ${(error as Error).message}`);
  }
  for (const [measure, header] of measures) set(column(header), measure);
  return targets;
}

/** The distinct names in one column below the header, within the sidebar's limits (else undefined). */
function namesOf(rows: string[][], headerRow: number, column: number, option: 'channels' | 'segments'): string[] | undefined {
  const names = distinctNames(rows.slice(headerRow + 1).map((row) => row[column] ?? ''));
  if (names.length > WORKBOOK_LIMITS[option]) {
    throw new UsageError(`--data: ${names.length} different ${option}; a workbook takes at most ${WORKBOOK_LIMITS[option]}`);
  }
  return names.length > 0 ? names : undefined;
}

/** The workbook options the command line may set; the others take the sidebar's defaults. */
export type CliSettings = Partial<Pick<WorkbookOptions, 'calendar' | 'weekStart' | 'granularity' | 'currency'>>;

export function workbookOptions(
  model: BusinessModelId,
  language: Language,
  business: string,
  channels?: string[],
  segments?: string[],
  settings: CliSettings = {},
): WorkbookOptions {
  const options: WorkbookOptions = {
    businessName: business,
    model,
    language,
    currency: settings.currency ?? USUAL_CURRENCY[language],
    horizon: '90d',
    granularity: settings.granularity ?? 'week',
    channels: channels ?? BUSINESS_MODELS[model].channels.map((id) => CHANNELS[id][language]),
    segments: segments ?? [],
    targets: {},
  };
  // Left out when not given: the server then uses the language's usual calendar and week start.
  if (settings.calendar !== undefined) options.calendar = settings.calendar;
  if (settings.weekStart !== undefined) options.weekStart = settings.weekStart;
  return options;
}

function readCsv(file: string): string[][] {
  if (!existsSync(file)) throw new UsageError(`--data: no file ${file}`);
  const text = readFileSync(file, 'utf8');
  // A tab in the first lines and no comma there: a TSV.
  const head = text.slice(0, 2000);
  const delimiter = head.includes('\t') && !head.includes(',') ? '\t' : ',';
  const rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, bom: true, skip_empty_lines: false }) as string[][];
  if (rows.length < 2) throw new UsageError(`--data: ${file} needs a header row and at least one data row`);
  return rows;
}

/** Imports the CSV as the sidebar does, generating the workbook first; returns the report. */
function importCsv(
  runtime: BundleRuntime,
  file: string,
  args: { model: BusinessModelId; language: Language; business: string; columns?: string; channel?: string; settings?: CliSettings },
): ImportReport {
  const { language } = args;
  const rows = readCsv(file);
  const analysis = call<RememberedAnalysis>(runtime, 'analyzeRowsImport', rows.slice(0, 200));
  const width = Math.max(...rows.map((row) => row.length));
  const targets = applyColumns(analysis, width, args.columns ?? '', language);
  const channelColumn = targets.indexOf('channel');
  const segmentColumn = targets.indexOf('segment');
  let channel = args.channel;
  if (channelColumn < 0 && channel === undefined) {
    if (!analysis.suggestedChannel) throw new UsageError('--data: the export has no channel column; say which channel its rows are with --channel');
    channel = CHANNELS[analysis.suggestedChannel][language];
  }
  const options = workbookOptions(
    args.model,
    language,
    args.business,
    channelColumn >= 0 ? namesOf(rows, analysis.headerRow, channelColumn, 'channels') : [channel!],
    segmentColumn >= 0 ? namesOf(rows, analysis.headerRow, segmentColumn, 'segments') : undefined,
    args.settings,
  );
  for (let first = 0, chunk = 0; first < rows.length; first += CHUNK_ROWS, chunk++) {
    call(runtime, 'stageImportRows', IMPORT_ID, chunk, rows.slice(first, first + CHUNK_ROWS));
  }
  return call<ImportReport>(runtime, 'commitImport', {
    source: { kind: 'staged', importId: IMPORT_ID, name: basename(file) },
    headerRow: analysis.headerRow,
    targets,
    channel: channelColumn >= 0 ? undefined : channel,
    language,
    workbook: options,
  });
}

/** Generates the workbook (and imports the data) on a fresh emulated spreadsheet; returns its sheets. */
export function generateWorkbookJson(
  distDir: string,
  args: { model: BusinessModelId; language: Language; business?: string; dataFile?: string; columns?: string; channel?: string; settings?: CliSettings },
): WorkbookJson {
  const { model, language } = args;
  if (args.dataFile === undefined && args.columns) throw new UsageError('--columns needs --data');
  if (args.dataFile === undefined && args.channel !== undefined) throw new UsageError('--channel needs --data');
  const business = args.business ?? EXAMPLE_BUSINESS[language];
  const runtime = new BundleRuntime(distDir, LOCALES[language]);
  let sheetNames: string[];
  let report: ImportReport | undefined;
  if (args.dataFile === undefined) {
    sheetNames = call<{ sheetNames: string[] }>(runtime, 'generateWorkbook', workbookOptions(model, language, business, undefined, undefined, args.settings)).sheetNames;
  } else {
    report = importCsv(runtime, args.dataFile, { model, language, business, columns: args.columns, channel: args.channel, settings: args.settings });
    sheetNames = report.generatedSheets ?? [];
  }
  const sheets = runtime.emulator.snapshot().sheets.filter((sheet) => sheetNames.includes(sheet.name));
  const json: WorkbookJson = { sheets: sheets.map((sheet) => sheetJson(runtime.emulator, sheet)) };
  if (report) json.import = { rows: report.rowsImported, skipped: report.skippedRows, mapping: report.mapping, totals: report.totals };
  return json;
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        model: { type: 'string' },
        language: { type: 'string' },
        data: { type: 'string' },
        columns: { type: 'string' },
        channel: { type: 'string' },
        business: { type: 'string' },
        calendar: { type: 'string' },
        'week-start': { type: 'string' },
        periods: { type: 'string' },
        currency: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const { model, language } = parsed;
  if (!BUSINESS_MODEL_IDS.includes(model as BusinessModelId)) return fail(`--model must be one of ${BUSINESS_MODEL_IDS.join(', ')}${model ? `, not "${model}"` : ''}`);
  if (!isLanguage(language)) return fail(`--language must be one of ${LANGUAGES.join(', ')}${language ? `, not "${language}"` : ''}`);
  if (parsed.business !== undefined && (parsed.business.trim() === '' || parsed.business.length > WORKBOOK_LIMITS.businessName)) {
    return fail(`--business must be 1 to ${WORKBOOK_LIMITS.businessName} characters`);
  }
  const calendars: readonly string[] = LANGUAGE_CALENDARS[language];
  if (parsed.calendar !== undefined && !calendars.includes(parsed.calendar)) {
    return fail(`--calendar for ${language} must be one of ${calendars.join(', ')}, not "${parsed.calendar}"`);
  }
  const weekStart = parsed['week-start'];
  if (weekStart !== undefined && !(WEEK_STARTS as readonly string[]).includes(weekStart)) return fail(`--week-start must be one of ${WEEK_STARTS.join(', ')}, not "${weekStart}"`);
  if (parsed.periods !== undefined && parsed.periods !== 'week' && parsed.periods !== 'month') return fail(`--periods must be week or month, not "${parsed.periods}"`);
  const settings: CliSettings = {
    calendar: parsed.calendar as PeriodCalendar | undefined,
    weekStart: weekStart as WeekStart | undefined,
    granularity: parsed.periods as 'week' | 'month' | undefined,
    currency: parsed.currency, // checked by the server as the sidebar's choice is
  };
  let workbook: WorkbookJson;
  try {
    workbook = generateWorkbookJson(resolve('dist'), {
      model: model as BusinessModelId,
      language,
      business: parsed.business,
      dataFile: parsed.data === undefined ? undefined : resolve(parsed.data),
      columns: parsed.columns,
      channel: parsed.channel,
      settings,
    });
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    console.error(`workbook: ${(error as Error).message}`);
    process.exit(1);
  }
  const json = `${JSON.stringify(workbook)}\n`;
  if (parsed.out === undefined) process.stdout.write(json);
  else {
    writeFileSync(parsed.out, json);
    const sizes = workbook.sheets.map((sheet) => `${sheet.name} (${sheet.values.length} rows)`).join(', ');
    console.error(`wrote ${parsed.out}: ${sizes}`);
  }
}

function fail(message: string): never {
  console.error(`workbook: ${message}\n\n${USAGE}`);
  process.exit(2);
}

// Run by `npm run workbook` (scripts/run-ts.mjs sets argv[1] to this file); imported by tests.
if (/preview[\\/]workbook-cli\.ts$/.test(process.argv[1] ?? '')) main(process.argv.slice(2));
