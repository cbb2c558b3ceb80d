// Issue 8, 3.6: arguments that are not plain data (a sparse list, a throwing getter, a Proxy, a revoked
// Proxy) reach every public server function of the BUILT bundle (npm run build first), on the emulated
// spreadsheet; each answers with its own localized error, never a raw TypeError, and changes nothing.
import vm from 'node:vm';
import { createAppsScriptGlobals } from '../../preview/emulator/services';
import { SERVER_FUNCTIONS } from '../../src/addon/entrypoints';
import { translate } from '../../src/core/i18n';
import { bundleFunction, loadBundle, type BundleContext } from '../support/load-bundle';

/** Made in the bundle's realm, as anything Apps Script hands over would be. */
const HOSTILE: Record<string, string> = {
  'a sparse list': '[, "Email"]',
  'a throwing getter': '({ get businessName() { throw new TypeError("getter") }, get kind() { throw new TypeError("getter") } })',
  'a Proxy whose traps throw': 'new Proxy({}, { get() { throw new TypeError("trap") }, ownKeys() { throw new TypeError("trap") }, getOwnPropertyDescriptor() { throw new TypeError("trap") }, has() { throw new TypeError("trap") } })',
  'a Proxy of a list whose traps throw': 'new Proxy([], { get() { throw new TypeError("trap") }, getOwnPropertyDescriptor() { throw new TypeError("trap") }, has() { throw new TypeError("trap") } })',
  'a revoked Proxy': '(function () { var p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()',
  'workbook options with a sparse channel list': `({ businessName: "Acme", model: "ecommerce", language: "en", currency: "USD", horizon: "90d", granularity: "week", channels: [, "Email"], segments: [], targets: {} })`,
  'workbook options with a throwing getter': `({ get businessName() { throw new TypeError("getter") }, model: "ecommerce", language: "en", currency: "USD", horizon: "90d", granularity: "week", channels: ["Email"], segments: [], targets: {} })`,
  'workbook options with a Proxy for channels': `({ businessName: "Acme", model: "ecommerce", language: "en", currency: "USD", horizon: "90d", granularity: "week", channels: new Proxy(["Email"], { get() { throw new TypeError("trap") }, getOwnPropertyDescriptor() { throw new TypeError("trap") } }), segments: [], targets: {} })`,
  'rows with a hole': '[["Channel", "Clicks"], , ["Email", "3"]]',
  'rows with a throwing getter': '(function () { var row = ["Email"]; Object.defineProperty(row, 1, { get: function () { throw new TypeError("getter") }, enumerable: true }); return [["Channel", "Clicks"], row]; })()',
  'an import request with a Proxy source': '({ source: new Proxy({}, { get() { throw new TypeError("trap") }, ownKeys() { throw new TypeError("trap") } }), headerRow: 0, targets: ["clicks"], channel: "Email" })',
  'an import request with sparse targets': '({ source: { kind: "sheet", sheetName: "Sheet1" }, headerRow: 0, targets: [, "clicks"], channel: "Email" })',
};

const EVENT_TAKERS = new Set(SERVER_FUNCTIONS.filter((spec) => spec.params.map((param) => param.name).join() === 'e').map((spec) => spec.name));

/** Valid arguments, one position of which each case replaces. */
const VALID_ARGS: Record<string, unknown[]> = {
  analyzeSheetImport: ['Sheet1'],
  analyzeRowsImport: [[['Channel', 'Clicks'], ['Email', '3']]],
  stageImportRows: ['import-1', 0, [['Channel', 'Clicks']]],
  commitImport: [{ source: { kind: 'sheet', sheetName: 'Sheet1' }, headerRow: 0, targets: ['channel', 'clicks'] }],
  discardImport: ['import-1'],
  generateWorkbook: [{}],
  getImportSources: [],
  getSidebarContext: [],
  insertKpiReference: [undefined],
  showHelp: [undefined],
  showSidebar: [undefined],
  onOpen: [undefined],
  onInstall: [undefined],
};

function fresh(locale: string) {
  const globals = createAppsScriptGlobals({ locale });
  const context = loadBundle(globals as unknown as Record<string, unknown>);
  return { globals, context };
}

function hostile(context: BundleContext, source: string): unknown {
  return vm.runInContext(source, context);
}

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return String((error as { message?: unknown }).message);
  }
  return '(no error)';
}

const cases = SERVER_FUNCTIONS.flatMap((spec) =>
  Object.keys(HOSTILE).flatMap((kind) => {
    const valid = VALID_ARGS[spec.name];
    if (!valid) throw new Error(`no valid arguments for ${spec.name}`);
    // Each position of the function's parameters; a function without parameters gets it as an extra one.
    const positions = valid.length === 0 ? [0] : valid.map((_, i) => i);
    return positions.map((position) => [spec.name, kind, position] as const);
  }),
);

describe('every public server function given arguments that are not plain data', () => {
  it('has valid arguments for every server function', () => {
    expect(SERVER_FUNCTIONS.map((spec) => spec.name).filter((name) => !VALID_ARGS[name])).toEqual([]);
  });

  it.each(cases)('%s: %s at argument %i answers with its localized error and changes nothing', (name, kind, position) => {
    for (const [locale, language] of [['en_US', 'en'], ['ar_EG', 'ar']] as const) {
      const { globals, context } = fresh(locale);
      const before = JSON.stringify(globals.emulator.snapshot());
      const args = [...VALID_ARGS[name]];
      args[position] = hostile(context, HOSTILE[kind]);
      const message = messageOf(() => bundleFunction(context, name)(...args));
      // Of an event only authMode is read: any other object is taken as the event (Apps Script's hold
      // service objects); one whose type or authMode cannot be read is refused.
      if (message === '(no error)' && EVENT_TAKERS.has(name) && kind !== 'a revoked Proxy' && kind !== 'a sparse list') return;
      expect(message).toMatch(new RegExp(`^${name}: `));
      expect(message).not.toMatch(/getter|trap|revoked|Cannot (read|convert|perform)|is not a function|undefined|\[object /);
      // In the spreadsheet's language (Arabic letters for ar), unless the message names only what the caller sent.
      if (language === 'ar') expect(message).toMatch(/[\u0600-\u06ff]/);
      else expect(message).not.toMatch(/[\u0600-\u06ff]/);
      expect(JSON.stringify(globals.emulator.snapshot())).toBe(before);
      expect(globals.emulator.documentLockHolder).toBeNull();
    }
  });

  it('names the argument in the message, in the spreadsheet language', () => {
    const { context } = fresh('fa_IR');
    const message = messageOf(() => bundleFunction(context, 'generateWorkbook')(hostile(context, HOSTILE['a revoked Proxy'])));
    expect(message).toBe(`generateWorkbook: ${translate('fa', 'error.notPlainData', { arg: 'options' })}`);
  });
});
