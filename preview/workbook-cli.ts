// npm run workbook: the workbook the sidebar generates, made headless by the same built server code
// (dist/Code.js on the emulator, as in the preview) and written as JSON. Optionally appends the rows of
// a CSV file to its Data sheet first, so the dashboard computes from real figures.
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseNumberText } from '../src/core/cells';
import { serialFromUtc } from '../src/core/dates';
import { LANGUAGES, isLanguage, translate, type Language, type Localized } from '../src/core/i18n';
import { BUSINESS_MODELS, CHANNELS } from '../src/core/model/business-models';
import type { MeasureId } from '../src/core/model/measures';
import { parseColumnMapping, recognizeDimension, recognizeMeasure } from '../src/core/summary';
import { DATE_FORMAT } from '../src/core/workbook/data-sheet';
import { BUSINESS_MODEL_IDS, distinctNames, USUAL_CURRENCY, WORKBOOK_LIMITS, type BusinessModelId, type WorkbookOptions } from '../src/core/workbook/options';
import { textCell } from '../src/core/workbook/text';
import { BundleRuntime } from './server';

const USAGE = `usage: npm run workbook -- --model <id> --language <en|fa|ar> [--data file.csv] [--columns mapping] [--business name] [--out workbook.json]

  --model     business model: ${BUSINESS_MODEL_IDS.join(', ')}
  --language  workbook language: ${LANGUAGES.join(', ')} (fa and ar sheets are right-to-left)
  --data      a CSV file (header row first) whose rows are appended to the Data sheet. Its headers are
              read with RACE_SUMMARY's vocabulary (Date, Channel, Segment, Impressions, Clicks, Sessions,
              Leads, Orders, Revenue, Spend, ... in English, Persian or Arabic); channels and segments of
              the workbook are the CSV's own. Dates as yyyy-mm-dd or dd-mm-yyyy.
  --columns   names CSV columns the vocabulary does not know, "measure=Header" or "channel|campaign|segment|date=Header"
              separated by ";", e.g. for test/fixtures/kag_conversion.csv:
              "channel=xyz_campaign_id; segment=gender; visits=Clicks; leads=Total_Conversion; customers=Approved_Conversion"
  --business  business name (default: an example name in the chosen language)
  --out       where to write the JSON (default: standard output; there, use npm run --silent workbook
              so that npm's own banner stays out of the JSON)

Output: { "sheets": [ { "name", "rightToLeft", "values" (computed, 2-D), "formulas" (2-D, "" where none) } ] }`;

const LOCALES: Record<Language, string> = { en: 'en_US', fa: 'fa_IR', ar: 'ar_EG' };
const EXAMPLE_BUSINESS: Localized = { en: 'Example business', fa: 'کسب‌وکار نمونه', ar: 'نشاط تجاري نموذجي' };
const DIMENSION_COLUMNS = ['date', 'channel', 'campaign', 'segment'] as const;
type DimensionColumn = (typeof DIMENSION_COLUMNS)[number];

/** A wrong argument or input: printed with the usage, exit code 2. */
class UsageError extends Error {}

export interface WorkbookJson {
  sheets: { name: string; rightToLeft: boolean; values: (string | number | boolean)[][]; formulas: string[][] }[];
}

/** Which CSV column holds each dimension and measure. */
interface CsvColumns {
  dimensions: Partial<Record<DimensionColumn, number>>;
  measures: Partial<Record<MeasureId, number>>;
}

function findHeader(headers: string[], header: string): number {
  const index = headers.findIndex((candidate) => candidate.trim().toLowerCase() === header.trim().toLowerCase());
  if (index < 0) throw new UsageError(`--columns: the CSV has no column "${header}" (its columns: ${headers.join(', ')})`);
  return index;
}

/** --columns first, then every header the vocabulary recognizes (names beat fallbacks, leftmost wins). */
export function csvColumns(headers: string[], mapping: string, language: Language): CsvColumns {
  const columns: CsvColumns = { dimensions: {}, measures: {} };
  const measureEntries: string[] = [];
  for (const entry of mapping.split(/[;\n\u061b]/).filter((text) => text.trim() !== '')) {
    const [name, header] = entry.split('=').map((part) => part?.trim() ?? '');
    const dimension = DIMENSION_COLUMNS.find((id) => id === recognizeDimension(name) || id === name.toLowerCase());
    if (dimension && header) columns.dimensions[dimension] = findHeader(headers, header);
    else measureEntries.push(entry);
  }
  try {
    for (const [measure, header] of parseColumnMapping({ fn: 'workbook', language }, measureEntries.join(';'), 'columns')) {
      columns.measures[measure] = findHeader(headers, header);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--columns: ${(error as Error).message}`);
  }
  const used = new Set([...Object.values(columns.dimensions), ...Object.values(columns.measures)]);
  const fallbacks = new Set<MeasureId>();
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const dimension = recognizeDimension(header);
    if (dimension !== undefined && (DIMENSION_COLUMNS as readonly string[]).includes(dimension)) {
      columns.dimensions[dimension as DimensionColumn] ??= index;
      return;
    }
    const measure = recognizeMeasure(header);
    if (!measure) return;
    const current = columns.measures[measure.id];
    if (current === undefined || (fallbacks.has(measure.id) && !measure.fallback)) {
      columns.measures[measure.id] = index;
      if (measure.fallback) fallbacks.add(measure.id);
      else fallbacks.delete(measure.id);
    }
  });
  if (Object.keys(columns.measures).length === 0) {
    throw new UsageError(`--data: no column is a measure RACE knows (columns: ${headers.join(', ')}); name them with --columns`);
  }
  return columns;
}

/** "2023-08-31", "2023/08/31", "31-08-2023", "31/08/2023" or "31.08.2023" as a spreadsheet date serial. */
export function dateSerial(text: string): number | undefined {
  const trimmed = text.trim();
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  const [year, month, day] = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (year === undefined) return undefined;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const date = new Date(time);
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return serialFromUtc(time);
}

/** The distinct names of one CSV column, within the sidebar's limits. */
function namesOf(rows: string[][], column: number | undefined, option: 'channels' | 'segments'): string[] | undefined {
  if (column === undefined) return undefined;
  const names = distinctNames(rows.map((row) => row[column] ?? ''));
  if (names.length > WORKBOOK_LIMITS[option]) {
    throw new UsageError(`--data: ${names.length} different ${option}; a workbook takes at most ${WORKBOOK_LIMITS[option]}`);
  }
  return names;
}

interface CsvData {
  rows: string[][];
  columns: CsvColumns;
}

function readCsv(file: string, mapping: string, language: Language): CsvData {
  if (!existsSync(file)) throw new UsageError(`--data: no file ${file}`);
  const records = parse(readFileSync(file, 'utf8'), { skip_empty_lines: true, relax_column_count: true, bom: true }) as string[][];
  if (records.length < 2) throw new UsageError(`--data: ${file} needs a header row and at least one data row`);
  const [headers, ...rows] = records;
  return { rows, columns: csvColumns(headers, mapping, language) };
}

export function workbookOptions(model: BusinessModelId, language: Language, business: string, data?: CsvData): WorkbookOptions {
  const channels = namesOf(data?.rows ?? [], data?.columns.dimensions.channel, 'channels');
  return {
    businessName: business,
    model,
    language,
    currency: USUAL_CURRENCY[language],
    horizon: '90d',
    granularity: 'week',
    channels: channels ?? BUSINESS_MODELS[model].channels.map((id) => CHANNELS[id][language]),
    segments: namesOf(data?.rows ?? [], data?.columns.dimensions.segment, 'segments') ?? [],
    targets: {},
  };
}

/**
 * Appends the CSV rows to the Data sheet as a user would: rows inserted inside its table (before its
 * last row, so every formula range over the table grows with them), one write for values, one for formats.
 */
function appendData(runtime: BundleRuntime, dataSheetName: string, language: Language, data: CsvData): void {
  const sheet = runtime.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(dataSheetName);
  if (!sheet) throw new Error(`no sheet ${dataSheetName}`);
  const lastColumn = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map(String);
  const sources = headers.map((header): { dimension: DimensionColumn } | { measure: MeasureId } | undefined => {
    if (header === translate(language, 'workbook.data.period')) return { dimension: 'date' };
    if (header === translate(language, 'workbook.data.channel')) return { dimension: 'channel' };
    if (header === translate(language, 'workbook.data.campaign')) return { dimension: 'campaign' };
    if (header === translate(language, 'workbook.data.segment')) return { dimension: 'segment' };
    // The Data sheet's headers are the model's own words ("Add-to-carts"): the vocabulary reads them back.
    const measure = recognizeMeasure(header)?.id;
    return measure ? { measure } : undefined;
  });
  const formats = sheet.getRange(2, 1, 1, lastColumn).getNumberFormats()[0];
  const values = data.rows.map((row, r) =>
    sources.map((source) => {
      const column = source === undefined ? undefined : 'dimension' in source ? data.columns.dimensions[source.dimension] : data.columns.measures[source.measure];
      const text = column === undefined ? '' : (row[column] ?? '').trim();
      if (text === '' || source === undefined) return '';
      if ('measure' in source) {
        const number = parseNumberText(text);
        if (number === undefined || number < 0) throw new UsageError(`--data: row ${r + 2}: "${text}" is not a number of zero or more`);
        return number;
      }
      if (source.dimension === 'date') {
        const serial = dateSerial(text);
        if (serial === undefined) throw new UsageError(`--data: row ${r + 2}: "${text}" is not a date (yyyy-mm-dd or dd-mm-yyyy)`);
        return serial;
      }
      return textCell(text); // user text stays text, never a formula
    }),
  );
  const lastRow = sheet.getLastRow();
  sheet.insertRowsBefore(lastRow, values.length);
  const block = sheet.getRange(lastRow, 1, values.length, lastColumn);
  const rowFormats = formats.map((format, c) => {
    const source = sources[c];
    return source !== undefined && 'dimension' in source && source.dimension === 'date' ? DATE_FORMAT : format;
  });
  block.setNumberFormats(values.map(() => rowFormats));
  block.setValues(values);
}

/** Generates the workbook (and appends the data) on a fresh emulated spreadsheet; returns its sheets. */
export function generateWorkbookJson(
  distDir: string,
  args: { model: BusinessModelId; language: Language; business?: string; dataFile?: string; columns?: string },
): WorkbookJson {
  const { model, language } = args;
  const data = args.dataFile === undefined ? undefined : readCsv(args.dataFile, args.columns ?? '', language);
  if (data === undefined && args.columns) throw new UsageError('--columns needs --data');
  const options = workbookOptions(model, language, args.business ?? EXAMPLE_BUSINESS[language], data);
  const runtime = new BundleRuntime(distDir, LOCALES[language]);
  const answer = runtime.call('generateWorkbook', JSON.stringify([options]));
  if (!answer.ok) throw new Error(answer.message);
  const { sheetNames } = answer.value as { sheetNames: string[] };
  if (data) appendData(runtime, sheetNames[2], language, data);
  const sheets = runtime.emulator.snapshot().sheets.filter((sheet) => sheetNames.includes(sheet.name));
  return { sheets: sheets.map(({ name, rightToLeft, values, formulas }) => ({ name, rightToLeft, values, formulas })) };
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
        business: { type: 'string' },
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
  let workbook: WorkbookJson;
  try {
    workbook = generateWorkbookJson(resolve('dist'), {
      model: model as BusinessModelId,
      language,
      business: parsed.business,
      dataFile: parsed.data === undefined ? undefined : resolve(parsed.data),
      columns: parsed.columns,
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
