import type { Language } from '../i18n';

/** What a generated sheet is for; written as developer metadata so it survives renames. */
export type SheetRole = 'plan' | 'kpis' | 'data' | 'dashboard' | 'content';
export const SHEET_METADATA_KEY = 'race.sheet';

/**
 * A cell as `Range.setValues` takes it: a number, a string that is either a formula ("=...") or text
 * already neutralized by `text.ts` (so it can never turn into a formula or a number), or null for an
 * empty cell (null rather than "", so the cell stays free for a neighbour's spilled result).
 */
export type CellInput = string | number | null;

/** A block of cells by 1-based position, as `Sheet.getRange(row, column, numRows, numColumns)`. */
export interface Block {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type ValidationRule =
  | { kind: 'nonNegativeNumber'; helpText: string }
  | { kind: 'list'; values: string[]; helpText: string }
  /** A dropdown of the values in a block of the same sheet (a list computed there, e.g. the campaigns). */
  | { kind: 'listFromRange'; block: Block; helpText: string };

export interface ValidationSpec {
  block: Block;
  rule: ValidationRule;
}

/** Conditional formatting: cells whose text equals `text` get the colors. */
export interface ConditionalFormatSpec {
  block: Block;
  whenTextEqualTo: string;
  background: string;
  fontColor: string;
}

/** One data column of a chart (0-based among the columns after the category column, in range order). */
export interface ChartSeriesSpec {
  /** "#rrggbb", or "none": drawn without fill (the funnel's offset series). */
  color?: string;
  /** Shows each point's value on the bar or line. */
  dataLabels?: boolean;
  /** Left out of the legend (the offset series). */
  hiddenInLegend?: boolean;
}

/**
 * An embedded chart. `ranges` are the data blocks, each with a header row on top; the first column of the
 * first block holds the categories (step names, period labels, channels), every other column a series.
 */
export interface ChartSpec {
  /** 'bar' is horizontal bars, 'column' vertical bars, 'line' a line per series. */
  type: 'bar' | 'column' | 'line';
  title: string;
  ranges: Block[];
  /** Series stacked on each other (the funnel: an invisible offset, then the volume). */
  stacked?: boolean;
  /** Per series index, in order: how it is drawn. Missing: the chart's defaults. */
  series?: Record<number, ChartSeriesSpec>;
  /** Number format of the value axis, e.g. "0%" for rates. */
  valueFormat?: string;
  legend: 'none' | 'bottom';
  /** Where the chart's top-left corner sits (1-based cell). */
  anchorRow: number;
  anchorColumn: number;
}

/** One sheet, complete: every grid has the same size, `values.length` x `values[0].length`. */
export interface SheetSpec {
  role: SheetRole;
  name: string;
  rightToLeft: boolean;
  values: CellInput[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  /** A color such as "#e8f0fe", or null for none. */
  backgrounds: (string | null)[][];
  /** Cells whose text wraps (column headers). */
  wraps: boolean[][];
  /** The grid the sheet keeps: at least the size of `values`, more when a formula spills beyond it. */
  rows: number;
  columns: number;
  frozenRows: number;
  /** A fixed few spans per sheet (one setColumnWidths call each, whatever the options). */
  columnWidths: { column: number; numColumns: number; width: number }[];
  /** Formats of blocks beyond the written cells (a spill's room): one setNumberFormat each, not a cell grid. */
  formatBlocks: { block: Block; format: string }[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  /** Formula areas and headers the workbook depends on: protected with a warning, not locked. */
  warningOnly: Block[];
  tabColor: string;
}

export interface WorkbookSpec {
  language: Language;
  sheets: SheetSpec[];
}
