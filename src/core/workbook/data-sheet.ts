import { serialFromUtc } from '../dates';
import { CATALOGUES, translate, type Language, type MessageKey } from '../i18n';
import { consecutivePeriods } from '../calendar';
import { BUSINESS_MODELS, measureName } from '../model/business-models';
import { KPIS_BY_ID } from '../model/kpis';
import { MEASURES, MONEY_MEASURES, type MeasureId } from '../model/measures';
import { HEADER_STYLE, INPUT_BACKGROUND, SheetGrid } from './grid';
import { periodization, TOMAN, type PeriodOptions, type WorkbookOptions } from './options';
import type { SheetSpec } from './spec';
import { blockRef, textCell } from './text';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const COUNT_FORMAT = '#,##0';
export const RATE_FORMAT = '0.0%';
/** Ratios such as ROAS or pages per visit. */
export const RATIO_FORMAT = '0.00';
/**
 * Blank rows kept at the end of the Data table, inside every formula range and the validation, for rows
 * beyond the planned periods, channels and segments. More rows: insert them inside the table (Sheets then
 * widens every range); rows added below it are outside.
 */
export const SPARE_DATA_ROWS = 100;

/** Currencies whose amounts are whole numbers in practice (the Iranian rial and toman, the Iraqi dinar). */
export const WHOLE_CURRENCIES: readonly string[] = ['IRR', 'IQD', TOMAN];

/**
 * The number format of amounts in `currency`: the currency's name where the language writes it, after
 * the number in Persian and Arabic (`#,##0 "ریال"`), before it in English (`"USD "#,##0.00`), and no
 * decimals for the rial, toman and dinar. Number formats always take "." and "," whatever the
 * spreadsheet's locale (only formulas change separators).
 */
export function moneyFormat(currency: string, language: Language): string {
  // `currency` is validated (three capital letters or TOMAN) and catalogue names hold no quote.
  const name = currencyName(currency, language);
  const number = WHOLE_CURRENCIES.includes(currency) ? '#,##0' : '#,##0.00';
  return language === 'en' ? `"${name} "${number}` : `${number} "${name}"`;
}

/** The currency's name in `language` where the catalogue has one ("ریال", "Toman"), else its code. */
export function currencyName(currency: string, language: Language): string {
  const key = `workbook.currency.${currency}`;
  return Object.prototype.hasOwnProperty.call(CATALOGUES.en, key) ? translate(language, key as MessageKey) : currency;
}

export function isMoneyMeasure(measure: MeasureId): boolean {
  return MONEY_MEASURES.includes(measure);
}

/**
 * The first day of each period as a spreadsheet date serial (UTC days since 1899-12-30): weeks start on
 * the workbook's week start (Monday for en, Saturday for fa and ar unless chosen) of `start`'s week,
 * months on the 1st of its month in the workbook's calendar (Solar Hijri months for fa unless chosen).
 * 90 days = 13 weeks or 3 months. The importer assigns rows to periods with the same periodStartOf.
 */
export function periodStarts(options: PeriodOptions, start: Date): number[] {
  const count =
    options.granularity === 'week' ? (options.horizon === '90d' ? 13 : 52) : options.horizon === '90d' ? 3 : 12;
  const day = serialFromUtc(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  return consecutivePeriods(day, count, periodization(options));
}

/**
 * Where everything is on the Data sheet: the KPI and dashboard formulas refer to it, the importer writes
 * into it. Columns: Period | Channel | Campaign | Segment (when segments) | the model's measures.
 */
export interface DataLayout {
  sheetName: string;
  /** 1-based sheet rows of the first and last data row (row 1 holds the headers). */
  firstRow: number;
  lastRow: number;
  periodColumn: number;
  channelColumn: number;
  campaignColumn: number;
  /** Absent when the options give no segments. */
  segmentColumn?: number;
  /** The model's measures (dataMeasures), in column order from `firstMeasureColumn` on. */
  measures: MeasureId[];
  firstMeasureColumn: number;
  /** The column of each of `measures`; other measures have none. */
  measureColumns: Partial<Record<MeasureId, number>>;
  /** Each measure column's header: the model's own word for it ("Add-to-carts"). */
  measureHeaders: Partial<Record<MeasureId, string>>;
  periods: number[];
  channelHeader: string;
  lastColumn: number;
}

/**
 * The Data sheet's measure columns for a model, in MEASURES order: every measure its KPIs compute from,
 * its funnel steps, and revenue and cost (the dashboard compares them period on period).
 */
export function dataMeasures(model: WorkbookOptions['model']): MeasureId[] {
  const { kpiIds, funnel } = BUSINESS_MODELS[model];
  const used = new Set<MeasureId>(['revenue', 'cost', ...funnel.map((step) => step.measure)]);
  for (const id of Object.values(kpiIds).flat()) {
    const from = KPIS_BY_ID[id].fromData;
    if (from === undefined) continue;
    for (const measure of [from.numerator, from.denominator, from.denominatorPlus]) if (measure) used.add(measure);
  }
  return MEASURES.filter((measure) => used.has(measure));
}

export function dataLayout(options: WorkbookOptions, sheetName: string, periods: number[]): DataLayout {
  const hasSegments = options.segments.length > 0;
  const firstMeasureColumn = hasSegments ? 5 : 4;
  const measures = dataMeasures(options.model);
  const measureColumns: Partial<Record<MeasureId, number>> = {};
  const measureHeaders: Partial<Record<MeasureId, string>> = {};
  measures.forEach((measure, i) => {
    measureColumns[measure] = firstMeasureColumn + i;
    measureHeaders[measure] = measureName(options.model, measure)[options.language];
  });
  const rowCount = periods.length * options.channels.length * Math.max(1, options.segments.length) + SPARE_DATA_ROWS;
  return {
    sheetName,
    firstRow: 2,
    lastRow: 1 + rowCount,
    periodColumn: 1,
    channelColumn: 2,
    campaignColumn: 3,
    segmentColumn: hasSegments ? 4 : undefined,
    measures,
    firstMeasureColumn,
    measureColumns,
    measureHeaders,
    periods,
    channelHeader: translate(options.language, 'workbook.data.channel'),
    lastColumn: firstMeasureColumn + measures.length - 1,
  };
}

/** The column of one of the layout's measures (the KPIs and funnel of its model only use those). */
export function measureColumn(layout: DataLayout, measure: MeasureId): number {
  const column = layout.measureColumns[measure];
  if (column === undefined) throw new Error(`the Data sheet has no ${measure} column`);
  return column;
}

/** An absolute reference to every measure cell of the table (no header). */
export function dataMeasuresRef(layout: DataLayout): string {
  return blockRef(layout.sheetName, layout.firstRow, layout.firstMeasureColumn, layout.lastRow - layout.firstRow + 1, layout.measures.length);
}

/** An absolute reference to one measure's data cells (or the period/channel/segment column). */
export function dataColumnRef(layout: DataLayout, column: number): string {
  return blockRef(layout.sheetName, layout.firstRow, column, layout.lastRow - layout.firstRow + 1, 1);
}

/** The whole table with its header row, as RACE_SUMMARY takes it. */
export function dataTableRef(layout: DataLayout): string {
  return blockRef(layout.sheetName, 1, 1, layout.lastRow, layout.lastColumn);
}

export function dataSheet(options: WorkbookOptions, layout: DataLayout): SheetSpec {
  const { language } = options;
  const grid = new SheetGrid();
  grid.set(1, layout.periodColumn, textCell(translate(language, 'workbook.data.period')), HEADER_STYLE);
  grid.set(1, layout.channelColumn, textCell(layout.channelHeader), HEADER_STYLE);
  grid.set(1, layout.campaignColumn, textCell(translate(language, 'workbook.data.campaign')), HEADER_STYLE);
  if (layout.segmentColumn) grid.set(1, layout.segmentColumn, textCell(translate(language, 'workbook.data.segment')), HEADER_STYLE);
  for (const measure of layout.measures) grid.set(1, measureColumn(layout, measure), textCell(layout.measureHeaders[measure]!), HEADER_STYLE);

  const segments = layout.segmentColumn ? options.segments : [''];
  // Campaigns are optional: blank rows add up per channel like before; an import may fill them.
  const inputCells = (row: number) => {
    grid.set(row, layout.campaignColumn, '', { background: INPUT_BACKGROUND });
    for (const measure of layout.measures) {
      const format = isMoneyMeasure(measure) ? moneyFormat(options.currency, options.language) : COUNT_FORMAT;
      grid.set(row, measureColumn(layout, measure), '', { format, background: INPUT_BACKGROUND });
    }
  };
  let row = layout.firstRow;
  for (const period of layout.periods) {
    for (const channel of options.channels) {
      for (const segment of segments) {
        grid.set(row, layout.periodColumn, period, { format: DATE_FORMAT });
        // The apostrophe of textCell keeps names as text; a plain-text format on top could keep it visible.
        grid.set(row, layout.channelColumn, textCell(channel));
        if (layout.segmentColumn) grid.set(row, layout.segmentColumn, textCell(segment));
        inputCells(row);
        row++;
      }
    }
  }
  for (; row <= layout.lastRow; row++) {
    grid.set(row, layout.periodColumn, '', { format: DATE_FORMAT, background: INPUT_BACKGROUND });
    grid.set(row, layout.channelColumn, '', { background: INPUT_BACKGROUND });
    if (layout.segmentColumn) grid.set(row, layout.segmentColumn, '', { background: INPUT_BACKGROUND });
    inputCells(row);
  }
  const { firstMeasureColumn } = layout;
  const measureCount = layout.measures.length;
  return grid.toSpec({
    role: 'data',
    name: layout.sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 1,
    columnWidths: [
      { column: 1, numColumns: firstMeasureColumn - 1, width: 140 },
      { column: firstMeasureColumn, numColumns: measureCount, width: 110 },
    ],
    validations: [
      {
        block: { row: layout.firstRow, column: firstMeasureColumn, numRows: layout.lastRow - layout.firstRow + 1, numColumns: measureCount },
        rule: { kind: 'nonNegativeNumber', helpText: translate(language, 'workbook.data.validationHelp') },
      },
    ],
    conditionalFormats: [],
    charts: [],
    // RACE_SUMMARY and every actual find their columns by these headers.
    warningOnly: [{ row: 1, column: 1, numRows: 1, numColumns: grid.extent.columns }],
    tabColor: '#34a853',
  });
}
