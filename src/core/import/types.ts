import type { Cell } from '../cells';
import type { ChannelId } from '../model/business-models';
import type { MeasureId } from '../model/measures';
import type { DimensionId } from '../summary/vocabulary';

/**
 * The import pipeline's vocabulary: what the sidebar, the CLI and the server importer exchange.
 * Source rows are a 2-D array as a sheet's getValues() or a CSV parser gives them (text, numbers, dates).
 */

/** What a source column feeds: a measure, a dimension, or nothing. */
export type ImportTarget = MeasureId | DimensionId | 'ignore';

/** Exports recognized by their headers or preamble; used to pre-fill the channel question. */
export const PLATFORMS = [
  'ga4',
  'googleAds',
  'meta',
  'linkedin',
  'microsoftAds',
  'tiktok',
  'shopify',
  'woocommerce',
  'klaviyo',
] as const;
export type PlatformId = (typeof PLATFORMS)[number];

export interface ImportColumn {
  /** 0-based column index in the source rows. */
  readonly index: number;
  readonly header: string;
  /** The guessed (or remembered) target; the user may change it. */
  readonly target: ImportTarget;
  /** Up to three non-blank values below the header, as text, for the mapping table. */
  readonly samples: readonly string[];
}

export interface ImportAnalysis {
  /** 0-based index of the header row: rows above it are preamble (GA4 "#" lines, report titles...). */
  readonly headerRow: number;
  /** Every non-blank source column, left to right. */
  readonly columns: readonly ImportColumn[];
  readonly platform?: PlatformId;
  /** The channel a single-platform export (no channel column) most likely is. */
  readonly suggestedChannel?: ChannelId;
  /** True when no column is a channel: the user must say which channel the rows are. */
  readonly needsChannel: boolean;
  /** A GA4 funnel exploration: not data rows; the user is told to use RACE_FUNNEL instead. */
  readonly funnelExploration: boolean;
  /** A date range read from the preamble ("Mar 1, 2026 - Mar 31, 2026"), as serials, for exports without a date column. */
  readonly preambleDates?: { readonly first: number; readonly last: number };
  /** The key the mapping is remembered under in the document: derived from the header row. */
  readonly sourceKey: string;
}

export interface ImportPlan {
  readonly headerRow: number;
  /** Target per source column index; a column not listed is ignored. */
  readonly mapping: Readonly<Record<number, ImportTarget>>;
  /** The channel of every row when no column is a channel (single-platform exports). */
  readonly channel?: string;
  /** The date of every row when no column is a date and the preamble gives none (a serial). */
  readonly date?: number;
}

/** One cleaned source row. Dates are spreadsheet serials (days since 1899-12-30), the first day of a week/month label. */
export interface ImportRecord {
  readonly date: number;
  readonly channel: string;
  readonly campaign: string;
  readonly segment: string;
  readonly values: Readonly<Partial<Record<MeasureId, number>>>;
}

export type SkipReason =
  | 'totalRow'
  | 'blankRow'
  | 'noDate'
  | 'badDate'
  | 'badNumber'
  | 'noNumbers';

export interface SkippedRow {
  /** 1-based row in the source (as a spreadsheet or a text editor numbers it). */
  readonly row: number;
  readonly reason: SkipReason;
  /** The offending text or column, for the report. */
  readonly detail?: string;
}

/** A decision taken for a whole column that the user should know about (e.g. "1.234" read as 1234). */
export interface ColumnNote {
  readonly column: string;
  readonly note: 'decimalComma' | 'decimalPoint' | 'ambiguousSeparator' | 'dayFirst' | 'monthFirst' | 'ambiguousDayMonth';
  /** A value of the column the decision is about, as written (e.g. "1.234" or "03/04/2026"). */
  readonly example?: string;
  /** For a separator note: that value as read (e.g. 1234). */
  readonly value?: number;
}

export interface ImportResult {
  readonly records: readonly ImportRecord[];
  readonly skipped: readonly SkippedRow[];
  /** Headers of the source columns that feed nothing. */
  readonly ignoredColumns: readonly string[];
  readonly dateRange?: { readonly first: number; readonly last: number };
  /** Sum of each mapped measure over `records`. */
  readonly totals: Readonly<Partial<Record<MeasureId, number>>>;
  /** measure id -> the source header it was read from. */
  readonly mapping: Readonly<Partial<Record<MeasureId, string>>>;
  readonly notes: readonly ColumnNote[];
}

export type SourceRows = readonly (readonly Cell[])[];
