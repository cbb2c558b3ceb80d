// TEMPORARY (until branch `importer` is merged): the import calls of the server, declared exactly as
// /work/PLAN.md specifies them, so that the sidebar type-checks against them. The merge replaces this
// file by the importer's real entry points in ServerApi.
import type { ColumnNote, ImportAnalysis, ImportTarget, SkipReason } from '../src/core/import/types';
import type { MeasureId } from '../src/core/model/measures';
import type { Language } from '../src/core/i18n';
import type { WorkbookOptions } from '../src/core/workbook/options';

export interface ImportSources {
  sheets: { name: string; rows: number; columns: number }[];
  hasWorkbook: boolean;
}

export interface CommitImportRequest {
  source: { kind: 'sheet'; sheetName: string } | { kind: 'staged'; importId: string; name: string };
  headerRow: number;
  targets: ImportTarget[];
  channel?: string;
  date?: number;
  language?: Language;
  workbook?: WorkbookOptions;
}

export interface ImportReport {
  rowsImported: number;
  dataRowsWritten: number;
  dataRowsReplaced: number;
  skipped: { reason: SkipReason; count: number; rows: number[] }[];
  ignoredColumns: string[];
  dateRange?: { first: string; last: string };
  notes: ColumnNote[];
  totals: Partial<Record<MeasureId, number>>;
  mapping: Partial<Record<MeasureId, string>>;
  dataSheet: string;
  generatedSheets?: string[];
}

export interface ImportApi {
  getImportSources(): ImportSources;
  analyzeSheetImport(sheetName: string): ImportAnalysis;
  analyzeRowsImport(rows: string[][]): ImportAnalysis;
  stageImportRows(importId: string, chunkIndex: number, rows: string[][]): { stagedRows: number };
  commitImport(request: CommitImportRequest): ImportReport;
  discardImport(importId: string): void;
}
