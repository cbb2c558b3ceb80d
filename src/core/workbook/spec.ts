import type { Language } from '../i18n';

/** What a generated sheet is for; written as developer metadata so it survives renames. */
export type SheetRole = 'plan' | 'kpis' | 'data' | 'dashboard';
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
  | { kind: 'list'; values: string[]; helpText: string };

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

export interface ChartSpec {
  type: 'bar' | 'line';
  /** The data block, first column the labels (or periods), a header row on top. */
  block: Block;
  title: string;
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
  /** The grid the sheet keeps: at least the size of `values`, more when a formula spills beyond it. */
  rows: number;
  columns: number;
  frozenRows: number;
  /** A fixed few spans per sheet (one setColumnWidths call each, whatever the options). */
  columnWidths: { column: number; numColumns: number; width: number }[];
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
