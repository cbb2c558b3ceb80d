// A hand fake of the server's import calls (the API in /work/PLAN.md), recording what the sidebar sent:
// it tests the client's side of the protocol (what is analysed, chunk order and concurrency, the
// commit request, discard on failure) apart from the real importer, which the preview tests run.
import type { CommitImportRequest, ImportReport, ImportSources, RememberedAnalysis } from '../../src/addon/importer';
import type { ImportColumn, ImportTarget } from '../../src/core/import/types';

export interface FakeImportOptions {
  sources?: ImportSources;
  /** Target guessed per header (anything else: 'ignore'). */
  guesses?: Record<string, ImportTarget>;
  /** Overrides of the analysis the fake computes (e.g. funnelExploration, suggestedChannel). */
  analysis?: Partial<RememberedAnalysis>;
  /** A stageImportRows call with this chunk index fails. */
  failStageAt?: number;
  /** Milliseconds each stageImportRows call takes (to see calls overlap). */
  stageDelayMs?: number;
  report?: Partial<ImportReport>;
}

export function fakeImportServer(options: FakeImportOptions = {}) {
  const sources: ImportSources = options.sources ?? { sheets: [{ name: 'Ads export', rows: 16, columns: 9 }], hasWorkbook: true };
  const staged = new Map<string, Map<number, string[][]>>();
  const analysedRows: string[][][] = [];
  const analysedSheets: string[] = [];
  const commits: CommitImportRequest[] = [];
  const discarded: string[] = [];
  const stageOrder: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;

  /** Header: the first row with the most non-blank cells; samples: the next three non-blank values. */
  function analyse(rows: string[][]): RememberedAnalysis {
    const filled = (row: string[]) => row.filter((cell) => cell.trim() !== '').length;
    const widest = Math.max(...rows.map(filled));
    const headerRow = rows.findIndex((row) => filled(row) === widest);
    const columns: ImportColumn[] = rows[headerRow].flatMap((header, index) =>
      header.trim() === ''
        ? []
        : [{ index, header, target: options.guesses?.[header] ?? 'ignore', samples: rows.slice(headerRow + 1).map((row) => row[index] ?? '').filter((cell) => cell !== '').slice(0, 3) }],
    );
    const targets = columns.map((column) => column.target);
    return {
      headerRow,
      columns,
      needsChannel: !targets.includes('channel'),
      funnelExploration: false,
      sourceKey: columns.map((column) => column.header).join('|'),
      remembered: false,
      ...options.analysis,
    };
  }

  const handlers: Record<string, (...args: never[]) => unknown> = {
    getImportSources: () => sources,
    analyzeRowsImport(rows: string[][]) {
      analysedRows.push(rows);
      return analyse(rows);
    },
    analyzeSheetImport(sheetName: string) {
      analysedSheets.push(sheetName);
      return analyse([['Date', 'Channel', 'Sessions'], ['2026-03-01', 'Email', '12']]);
    },
    async stageImportRows(importId: string, chunkIndex: number, rows: string[][]) {
      stageOrder.push(chunkIndex);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, options.stageDelayMs ?? 0));
        if (chunkIndex === options.failStageAt) throw new Error('stageImportRows: the staging sheet could not be written');
        if (!staged.has(importId)) staged.set(importId, new Map());
        staged.get(importId)!.set(chunkIndex, rows);
        return { stagedRows: rows.length };
      } finally {
        inFlight--;
      }
    },
    commitImport(request: CommitImportRequest): ImportReport {
      commits.push(request);
      const rows = request.source.kind === 'staged' ? [...(staged.get(request.source.importId)?.values() ?? [])].flat() : [];
      return {
        rowsImported: Math.max(0, rows.length - request.headerRow - 1),
        dataRowsWritten: 7,
        dataRowsReplaced: 0,
        skipped: [],
        ignoredColumns: [],
        ignoredMeasures: [],
        skippedRows: [],
        notes: [],
        totals: {},
        mapping: {},
        dataSheet: 'Data',
        granularity: 'week',
        ...options.report,
      };
    },
    discardImport(importId: string) {
      discarded.push(importId);
      staged.delete(importId);
    },
  };

  return {
    handlers,
    staged,
    analysedRows,
    analysedSheets,
    commits,
    discarded,
    stageOrder,
    mostInFlight: () => mostInFlight,
    /** The rows staged under `importId`, chunks put back together by index. */
    stagedRows(importId: string): string[][] {
      const chunks = staged.get(importId) ?? new Map<number, string[][]>();
      return [...chunks.keys()].sort((a, b) => a - b).flatMap((index) => chunks.get(index)!);
    },
  };
}

export type FakeImportServer = ReturnType<typeof fakeImportServer>;
