import { errorMessage, raceError, type CallContext } from '../core/errors';
import { isLanguage, languageFromLocale, translate, type Language } from '../core/i18n';
import { generateWorkbookSpec } from '../core/workbook/generate';
import { validateWorkbookOptions } from '../core/workbook/options';
import { SHEET_METADATA_KEY, type Block, type ChartSpec, type SheetSpec, type ValidationRule, type WorkbookSpec } from '../core/workbook/spec';
import { withDocumentLock } from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FN = 'generateWorkbook';

export interface GenerateWorkbookResult {
  /** The names of the created sheets, in order: plan, KPIs, data, dashboard. */
  sheetNames: string[];
}

/**
 * Validates the sidebar's options and writes the workbook into `spreadsheet`, all or nothing, under the
 * document lock. Errors are RaceErrors in the requested language (else the spreadsheet's).
 */
export function generateWorkbook(spreadsheet: Spreadsheet, rawOptions: unknown, start: Date = new Date()): GenerateWorkbookResult {
  const requested = (rawOptions as { language?: unknown } | null)?.language;
  const language: Language = isLanguage(requested) ? requested : languageFromLocale(spreadsheet.getSpreadsheetLocale());
  const ctx: CallContext = { fn: FN, language };
  const options = validateWorkbookOptions(rawOptions, language);
  return withDocumentLock(ctx, 'workbook.error.busy', () => {
    const existing = spreadsheet.getSheets().map((sheet) => sheet.getName());
    const spec = generateWorkbookSpec(options, existing, start);
    return { sheetNames: applyWorkbookSpec(spreadsheet, spec, ctx).map((sheet) => sheet.getName()) };
  });
}

/**
 * Creates and writes every sheet of `spec`. On any failure the sheets created so far, and only
 * those, are deleted and the error is rethrown with its cause. The caller holds the document lock.
 */
export function applyWorkbookSpec(spreadsheet: Spreadsheet, spec: WorkbookSpec, ctx: CallContext): Sheet[] {
  const created: Sheet[] = [];
  try {
    for (const sheetSpec of spec.sheets) {
      const sheet = spreadsheet.insertSheet(sheetSpec.name);
      created.push(sheet);
      writeSheet(sheet, sheetSpec, translate(ctx.language, 'workbook.protectionNote'));
    }
    spreadsheet.setActiveSheet(created[0]);
    SpreadsheetApp.flush();
    return created;
  } catch (error) {
    for (const sheet of created.reverse()) {
      try {
        spreadsheet.deleteSheet(sheet);
      } catch {
        // keep removing the others: leaving one sheet behind beats leaving all of them
      }
    }
    throw raceError(ctx, 'workbook.error.failed', { cause: errorMessage(error) });
  }
}

/** One sheet in a fixed number of calls, whatever its size: one call per grid, per rule, per chart. */
function writeSheet(sheet: Sheet, spec: SheetSpec, protectionNote: string): void {
  fitGrid(sheet, spec.rows, spec.columns);
  const rows = spec.values.length;
  const columns = spec.values[0].length;
  const block = sheet.getRange(1, 1, rows, columns);
  block.setNumberFormats(spec.numberFormats);
  for (const { block: area, format } of spec.formatBlocks) rangeOf(sheet, area).setNumberFormat(format);
  block.setValues(spec.values);
  block.setFontWeights(spec.fontWeights);
  block.setBackgrounds(spec.backgrounds as string[][]);
  block.setWraps(spec.wraps);
  if (spec.frozenRows > 0) sheet.setFrozenRows(spec.frozenRows);
  for (const span of spec.columnWidths) sheet.setColumnWidths(span.column, span.numColumns, span.width);
  for (const validation of spec.validations) rangeOf(sheet, validation.block).setDataValidation(validationRule(sheet, validation.rule));
  if (spec.conditionalFormats.length > 0) {
    sheet.setConditionalFormatRules(
      spec.conditionalFormats.map((format) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(format.whenTextEqualTo)
          .setBackground(format.background)
          .setFontColor(format.fontColor)
          .setRanges([rangeOf(sheet, format.block)])
          .build(),
      ),
    );
  }
  for (const chart of spec.charts) sheet.insertChart(chartOf(sheet, chart));
  for (const block of spec.warningOnly) rangeOf(sheet, block).protect().setWarningOnly(true).setDescription(protectionNote);
  sheet.setRightToLeft(spec.rightToLeft);
  sheet.setTabColor(spec.tabColor);
  sheet.addDeveloperMetadata(SHEET_METADATA_KEY, spec.role);
}

/** New sheets have 1,000 x 26 cells: cut them to what the sheet uses, or add rows when it needs more. */
export function fitGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (rows < maxRows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (columns < maxColumns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

function rangeOf(sheet: Sheet, block: Block): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(block.row, block.column, block.numRows, block.numColumns);
}

function validationRule(sheet: Sheet, rule: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  if (rule.kind === 'nonNegativeNumber') builder.requireNumberGreaterThanOrEqualTo(0);
  else if (rule.kind === 'list') builder.requireValueInList(rule.values, true);
  else builder.requireValueInRange(rangeOf(sheet, rule.block), true);
  return builder.setAllowInvalid(false).setHelpText(rule.helpText).build();
}

/**
 * The chart's options as Sheets' embedded charts take them (Google Charts option names, nested objects):
 * stacking, the value axis's number format (hAxis for horizontal bars, vAxis otherwise), and per series
 * its color ("none" leaves the funnel's offset bars unfilled), data labels and legend entry.
 */
export function chartOptions(chart: ChartSpec): Record<string, unknown> {
  const options: Record<string, unknown> = { title: chart.title, legend: { position: chart.legend } };
  if (chart.stacked) options.isStacked = true;
  if (chart.valueFormat) options[chart.type === 'bar' ? 'hAxis' : 'vAxis'] = { format: chart.valueFormat };
  // A blank or "" cell is a gap in the line, never a zero (Sheets' default; said explicitly).
  if (chart.type === 'line') options.interpolateNulls = false;
  const series: Record<number, Record<string, unknown>> = {};
  for (const [index, spec] of Object.entries(chart.series ?? {})) {
    const drawn: Record<string, unknown> = {};
    if (spec.color) drawn.color = spec.color;
    if (spec.dataLabels) drawn.dataLabel = 'value';
    if (spec.hiddenInLegend) drawn.visibleInLegend = false;
    if (Object.keys(drawn).length > 0) series[Number(index)] = drawn;
  }
  if (Object.keys(series).length > 0) options.series = series;
  return options;
}

/**
 * The chart as Sheets builds it from `spec`: one header row per range, ranges side by side as columns
 * (the first column of the first range is the categories), every option through the builder, one insertChart.
 */
function chartOf(sheet: Sheet, chart: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const types = { bar: Charts.ChartType.BAR, column: Charts.ChartType.COLUMN, line: Charts.ChartType.LINE };
  let builder = sheet
    .newChart()
    .setChartType(types[chart.type])
    .setNumHeaders(1)
    .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_COLUMNS);
  for (const block of chart.ranges) builder = builder.addRange(rangeOf(sheet, block));
  for (const [option, value] of Object.entries(chartOptions(chart))) builder = builder.setOption(option, value);
  return builder.setPosition(chart.anchorRow, chart.anchorColumn, 0, 0).build();
}
