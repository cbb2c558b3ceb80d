// Every function Apps Script calls outside cells: triggers, menu items and the sidebar's calls.
// server.ts adds them to PUBLIC_FUNCTIONS, which generates their top-level stubs.
import type { ServerFunctionSpec } from './define';
import { analyzeRowsImport, analyzeSheetImport, commitImport, discardImport, getImportSources, stageImportRows } from './importer';
import { insertKpiReference, onInstall, onOpen, showHelp } from './menu';
import { generateWorkbook, getSidebarContext, showSidebar } from './sidebar';

/** What the sidebar may call through google.script.run (the bridge's types come from here). */
const SIDEBAR_CALLS = [
  getSidebarContext,
  generateWorkbook,
  getImportSources,
  analyzeSheetImport,
  analyzeRowsImport,
  stageImportRows,
  commitImport,
  discardImport,
] as const;

export const SERVER_FUNCTIONS: readonly ServerFunctionSpec[] = [onOpen, onInstall, showSidebar, insertKpiReference, showHelp, ...SIDEBAR_CALLS];

/** The sidebar calls by name, with their real signatures: `import type` this in the browser code. */
export type ServerApi = { [Spec in (typeof SIDEBAR_CALLS)[number] as Spec['name']]: Spec['run'] };
