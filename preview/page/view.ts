// What /api/snapshot sends the preview page: each sheet's used area as display text, ready to draw.
// Shared by preview/server.ts (which builds it) and the page (which renders it with textContent).

/** One non-empty cell. */
export interface CellView {
  /** As Sheets would display it (number formats applied, errors as "#DIV/0!" etc.). */
  text: string;
  /** The formula typed in the cell, when it holds one. */
  formula?: string;
  /** What the formula bar shows and editing starts from, when it is neither the formula nor `text` (1234 for "1,234"). */
  input?: string;
  /** The message behind an error value (what Sheets shows on hover). */
  error?: string;
  /** A number (right-aligned like in Sheets). */
  number?: boolean;
  bold?: boolean;
  /** The text wraps onto more lines (the row grows), as Sheets' wrap strategy WRAP. */
  wrap?: boolean;
  background?: string;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

/** One series of a chart: a data column of its ranges, drawn as the chart's options say. */
export interface ChartSeriesView {
  /** The column's header. */
  name: string;
  /** One per category; null where the cell is blank, "" or not a number (a gap, never a zero). */
  values: (number | null)[];
  /** Each value as its cell displays it (the data labels' text); null where the value is. */
  labels: (string | null)[];
  /** "#rrggbb": the series option's color, else Sheets' default palette by series index. */
  color: string;
  /** Drawn without fill (color "none"): the funnel's offset series, which still takes its place in the stack. */
  hidden: boolean;
  dataLabels: boolean;
  inLegend: boolean;
}

export interface ChartView {
  /** 'bar' (horizontal), 'column' or 'line'; other types are drawn as columns. */
  type: string;
  title: string;
  stacked: boolean;
  /** Number format of the value axis, e.g. "0%" ("" when the chart sets none). */
  valueFormat: string;
  legend: 'none' | 'bottom';
  /** The first column of the first range, below its header. */
  categories: string[];
  series: ChartSeriesView[];
}

export interface SheetView {
  name: string;
  rightToLeft: boolean;
  frozenRows: number;
  tabColor: string | null;
  /** The sheet's grid: cells beyond it cannot be edited. */
  maxRows: number;
  maxColumns: number;
  /** Width in pixels of each used column (default 100). */
  columnWidths: number[];
  /** Used area, row-major; null for empty cells. */
  rows: (CellView | null)[][];
  charts: ChartView[];
}

export interface SpreadsheetView {
  name: string;
  locale: string;
  activeSheet: string;
  sheets: SheetView[];
}

/** The locales the preview offers, as Sheets names them. */
export const PREVIEW_LOCALES = ['en_US', 'fa_IR', 'ar_EG'] as const;
export type PreviewLocale = (typeof PREVIEW_LOCALES)[number];

export function isPreviewLocale(value: unknown): value is PreviewLocale {
  return (PREVIEW_LOCALES as readonly unknown[]).includes(value);
}

/** Posted by the google.script.run shim in the sidebar frame to the page after every server call. */
export const CALL_FINISHED_MESSAGE = 'race-preview:call-finished';
