import { en } from '../../src/core/i18n/en';
import { fa } from '../../src/core/i18n/fa';
import { ar } from '../../src/core/i18n/ar';
import { SERVER_FUNCTIONS } from '../../src/addon/entrypoints';
import { insertKpiReference, onInstall, onOpen, showHelp } from '../../src/addon/menu';
import { showSidebar } from '../../src/addon/sidebar';
import { KPIS } from '../../src/core/model';
import { SHEET_METADATA_KEY } from '../../src/core/workbook/spec';
import { createAppsScriptGlobals, type AppsScriptGlobals } from '../../preview/emulator/services';
import { fakeApps, installGlobals, type FakeAppsOptions } from '../sidebar/fake-apps';

let uninstall: (() => void) | undefined;
function withApps(options: FakeAppsOptions = {}) {
  const apps = fakeApps(options);
  uninstall = installGlobals(apps);
  return apps;
}
afterEach(() => uninstall?.());

const MENU_FUNCTIONS = ['showSidebar', 'insertKpiReference', 'separator', 'showHelp'];
const menuShape = (labels: typeof en) => [
  { label: labels['ui.menu.open'], functionName: 'showSidebar' },
  { label: labels['ui.menu.insertKpis'], functionName: 'insertKpiReference' },
  'separator',
  { label: labels['ui.menu.help'], functionName: 'showHelp' },
];

describe('onOpen', () => {
  test('adds the add-on menu in the spreadsheet language (fa_IR)', () => {
    const apps = withApps({ locale: 'fa_IR' });
    onOpen.run({ authMode: 'LIMITED' });
    expect(apps.menus).toEqual([{ items: menuShape(fa), addedToUi: true }]);
    expect(fa['ui.menu.open']).not.toBe(en['ui.menu.open']);
  });

  test('adds the menu in Arabic for ar_EG and in English for a locale without a catalogue', () => {
    const arabic = withApps({ locale: 'ar_EG' });
    onOpen.run({ authMode: 'FULL' });
    expect(arabic.menus[0].items).toEqual(menuShape(ar));
    uninstall?.();
    const german = withApps({ locale: 'de_DE' });
    onOpen.run({ authMode: 'FULL' });
    expect(german.menus[0].items).toEqual(menuShape(en));
  });

  test('in AuthMode.NONE builds only the menu, in English, without touching the spreadsheet', () => {
    const apps = withApps({ locale: 'fa_IR' });
    // Apps Script's enum value: an object whose string form is its name.
    onOpen.run({ authMode: { toString: () => 'NONE' } });
    expect(apps.menus).toEqual([{ items: menuShape(en), addedToUi: true }]);
    expect(apps.spreadsheetReads()).toBe(0);
    expect(apps.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });

  test('still adds the English menu when the spreadsheet cannot be read yet', () => {
    const apps = withApps({ locale: 'fa_IR', authorized: false });
    onOpen.run({ authMode: 'LIMITED' });
    expect(apps.menus[0].items).toEqual(menuShape(en));
  });

  test('onInstall builds the same menu', () => {
    const apps = withApps({ locale: 'ar_SA' });
    onInstall.run({ authMode: 'FULL' });
    expect(apps.menus).toEqual([{ items: menuShape(ar), addedToUi: true }]);
  });

  test('every menu item calls a public server function', () => {
    const publicNames = SERVER_FUNCTIONS.map((spec) => spec.name);
    const apps = withApps();
    onOpen.run(undefined);
    const called = apps.menus[0].items.map((item) => (item === 'separator' ? item : item.functionName));
    expect(called).toEqual(MENU_FUNCTIONS);
    for (const name of called.filter((item) => item !== 'separator')) {
      expect(publicNames).toContain(name);
      expect(name.endsWith('_')).toBe(false);
    }
  });
});

describe('insertKpiReference', () => {
  test('inserts a new tagged sheet with RACE_KPIS() and leaves the other sheets alone', () => {
    const apps = withApps({ sheetNames: ['KPI reference', 'KPI reference (2)'] });
    apps.sheets[0].values = [['mine']];
    insertKpiReference.run();
    expect(apps.sheets.map((sheet) => sheet.name)).toEqual(['KPI reference', 'KPI reference (2)', 'KPI reference (3)']);
    expect(apps.sheets[0].values).toEqual([['mine']]);
    const inserted = apps.sheets[2];
    expect(inserted.values).toEqual([[`'${en['ui.kpiSheet.title']}`], [`'${en['ui.kpiSheet.hint']}`], ['=RACE_KPIS()']]);
    expect(inserted.metadata).toEqual([[SHEET_METADATA_KEY, 'kpiReference']]);
    expect(inserted.rightToLeft).toBe(false);
    expect(apps.activeSheet()).toBe(inserted);
  });

  test('names the sheet in the spreadsheet language and makes it right-to-left for fa', () => {
    const apps = withApps({ locale: 'fa_IR' });
    insertKpiReference.run();
    const inserted = apps.sheets[1];
    expect(inserted.name).toBe(fa['ui.kpiSheet.name']);
    expect(inserted.rightToLeft).toBe(true);
  });
});

describe('insertKpiReference follows the generator rules', () => {
  /** What RACE_KPIS() spills: a header row and one row per KPI, 7 columns; two title rows above it. */
  const REFERENCE_ROWS = 2 + 1 + KPIS.length;
  const REFERENCE_COLUMNS = 7;

  test('trims the new sheet to the title rows and the RACE_KPIS spill (not 1000 x 26)', () => {
    const apps = withApps();
    insertKpiReference.run();
    expect(apps.sheets[1]).toMatchObject({ maxRows: REFERENCE_ROWS, maxColumns: REFERENCE_COLUMNS });
    expect(apps.sheets[0]).toMatchObject({ maxRows: 1000, maxColumns: 26 });
  });

  test('takes the document lock, flushes before releasing it, and releases it', () => {
    const apps = withApps();
    insertKpiReference.run();
    expect(apps.lock).toEqual({ held: false, requests: 1, flushes: 1 });
  });

  test('answers "busy" in the spreadsheet language when another execution holds the lock, writing nothing', () => {
    const apps = withApps({ lockBusy: true });
    expect(() => insertKpiReference.run()).toThrow(/^insertKpiReference: another RACE task is changing this spreadsheet/);
    expect(apps.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
    uninstall?.();
    const persian = withApps({ locale: 'fa_IR', lockBusy: true });
    expect(() => insertKpiReference.run()).toThrow(`insertKpiReference: ${fa['ui.kpiSheet.error.busy']}`);
    expect(persian.sheets).toHaveLength(1);
  });

  describe('on the HyperFormula emulator', () => {
    let installed: string[] = [];
    function emulate(options: Parameters<typeof createAppsScriptGlobals>[0] = {}): AppsScriptGlobals {
      const globals = createAppsScriptGlobals({ sheets: { Budget: [['mine', '=1+1']] }, ...options });
      installed = Object.keys(globals);
      Object.assign(globalThis, globals);
      return globals;
    }
    afterEach(() => {
      for (const name of installed) if (name !== 'console') delete (globalThis as Record<string, unknown>)[name];
      installed = [];
    });

    test.each(['en_US', 'fa_IR', 'ar_EG'])('the spill fits the trimmed grid exactly and computes without errors (%s)', (locale) => {
      const { emulator } = emulate({ locale });
      insertKpiReference.run();
      const inserted = emulator.snapshot().sheets[1];
      expect([inserted.maxRows, inserted.maxColumns]).toEqual([REFERENCE_ROWS, REFERENCE_COLUMNS]);
      expect(inserted.values).toHaveLength(REFERENCE_ROWS);
      expect(inserted.values.every((row) => row.length === REFERENCE_COLUMNS)).toBe(true);
      expect(inserted.values.flat().filter((value) => typeof value === 'string' && /^#[A-Z/0!?]+/.test(value))).toEqual([]);
      expect(inserted.values[REFERENCE_ROWS - 1][1]).not.toBe('');
      expect(emulator.documentLockHolder).toBeNull();
    });

    test('a second run while the lock is held answers busy and leaves the spreadsheet as it was', () => {
      const { emulator } = emulate();
      const before = emulator.snapshot();
      emulator.documentLockHolder = {}; // another execution (e.g. generateWorkbook) is running
      expect(() => insertKpiReference.run()).toThrow(/^insertKpiReference: another RACE task/);
      expect(emulator.snapshot()).toEqual(before);
    });

    test('all or nothing: a failure at any write after insertSheet leaves no sheet behind and says why', () => {
      const clean = emulate();
      const before = clean.emulator.snapshot();
      insertKpiReference.run();
      const writes = clean.emulator.writes;
      expect(writes).toBeGreaterThan(3);
      for (let n = 1; n <= writes; n++) {
        const { emulator } = emulate({ failOnWrite: n });
        expect(() => insertKpiReference.run()).toThrow(
          `insertKpiReference: ${en['ui.kpiSheet.error.failed'].replace('{cause}', `Injected failure at write ${n}`)}`,
        );
        expect(emulator.snapshot()).toEqual(before);
        expect(emulator.documentLockHolder).toBeNull();
      }
    });
  });
});

describe('showHelp and showSidebar', () => {
  test('help is a localized alert', () => {
    const apps = withApps({ locale: 'ar_AE' });
    showHelp.run();
    expect(apps.alerts).toEqual([{ title: ar['ui.help.title'], body: ar['ui.help.body'] }]);
  });

  test('the sidebar is dist/Sidebar.html served as a file, with a localized title', () => {
    const apps = withApps({ locale: 'fa_IR' });
    showSidebar.run();
    expect(apps.sidebars).toEqual([expect.objectContaining({ file: 'Sidebar', title: fa['ui.sidebar.title'] })]);
  });
});
