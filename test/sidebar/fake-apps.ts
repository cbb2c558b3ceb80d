// Hand fakes of the few Apps Script services the menu and the sidebar entry points use, recording what
// they were asked to do. (Workbook generation is tested on the HyperFormula emulator elsewhere.)
export interface FakeSheet {
  name: string;
  values: unknown[][];
  metadata: Array<[string, string]>;
  rightToLeft: boolean;
  maxRows: number;
  maxColumns: number;
}

export interface FakeMenu {
  items: Array<{ label: string; functionName: string } | 'separator'>;
  addedToUi: boolean;
}

export interface FakeAppsOptions {
  locale?: string;
  spreadsheetName?: string;
  sheetNames?: string[];
  /** When false, getActiveSpreadsheet throws, as it does before the add-on is authorized. */
  authorized?: boolean;
  /** When true, another execution holds the document lock: tryLock answers false. */
  lockBusy?: boolean;
}

/** New sheets start at 1,000 x 26 cells, as in Sheets. */
const newSheet = (name: string): FakeSheet => ({ name, values: [], metadata: [], rightToLeft: false, maxRows: 1000, maxColumns: 26 });

export function fakeApps({ locale = 'en_US', spreadsheetName = 'Marketing 2026', sheetNames = ['Sheet1'], authorized = true, lockBusy = false }: FakeAppsOptions = {}) {
  const sheets: FakeSheet[] = sheetNames.map(newSheet);
  const lock = { held: false, requests: 0, flushes: 0 };
  const menus: FakeMenu[] = [];
  const alerts: Array<{ title: string; body: string }> = [];
  const sidebars: Array<{ file: string; title: string }> = [];
  let activeSheet: FakeSheet | undefined;
  let spreadsheetReads = 0;

  function sheetObject(sheet: FakeSheet) {
    return {
      getName: () => sheet.name,
      getRange: (row: number, column: number, numRows = 1, numColumns = 1) => ({
        setValues(values: unknown[][]) {
          if (values.length !== numRows || values.some((line) => line.length !== numColumns)) throw new Error('setValues: size differs from the range');
          values.forEach((line, r) => line.forEach((value, c) => {
            (sheet.values[row - 1 + r] ??= [])[column - 1 + c] = value;
          }));
          return this;
        },
        setFontWeight() {
          return this;
        },
      }),
      setRightToLeft(rightToLeft: boolean) {
        sheet.rightToLeft = rightToLeft;
      },
      addDeveloperMetadata(key: string, value: string) {
        sheet.metadata.push([key, value]);
      },
      getDeveloperMetadata: () => sheet.metadata.map(([key, value]) => ({ getKey: () => key, getValue: () => value })),
      getMaxRows: () => sheet.maxRows,
      getMaxColumns: () => sheet.maxColumns,
      deleteRows(first: number, count: number) {
        if (first < 1 || first + count - 1 > sheet.maxRows || count >= sheet.maxRows) throw new Error('deleteRows: out of bounds');
        sheet.maxRows -= count;
      },
      deleteColumns(first: number, count: number) {
        if (first < 1 || first + count - 1 > sheet.maxColumns || count >= sheet.maxColumns) throw new Error('deleteColumns: out of bounds');
        sheet.maxColumns -= count;
      },
      insertRowsAfter(_after: number, count: number) {
        sheet.maxRows += count;
      },
      insertColumnsAfter(_after: number, count: number) {
        sheet.maxColumns += count;
      },
    };
  }

  const spreadsheet = {
    getSpreadsheetLocale: () => locale,
    getName: () => spreadsheetName,
    getSheets: () => sheets.map(sheetObject),
    insertSheet(name: string) {
      if (sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) throw new Error(`A sheet with the name "${name}" already exists.`);
      const sheet = newSheet(name);
      sheets.push(sheet);
      return sheetObject(sheet);
    },
    deleteSheet(sheet: { getName(): string }) {
      const index = sheets.findIndex((candidate) => candidate.name === sheet.getName());
      if (index < 0) throw new Error('The sheet was already deleted.');
      sheets.splice(index, 1);
    },
    setActiveSheet(sheet: { getName(): string }) {
      activeSheet = sheets.find((candidate) => candidate.name === sheet.getName());
    },
  };

  const ui = {
    ButtonSet: { OK: 'OK' },
    createAddonMenu() {
      const menu: FakeMenu = { items: [], addedToUi: false };
      menus.push(menu);
      const builder = {
        addItem(label: string, functionName: string) {
          menu.items.push({ label, functionName });
          return builder;
        },
        addSeparator() {
          menu.items.push('separator');
          return builder;
        },
        addToUi() {
          menu.addedToUi = true;
        },
      };
      return builder;
    },
    alert(title: string, body: string) {
      alerts.push({ title, body });
    },
    showSidebar(output: { file: string; title: string }) {
      sidebars.push(output);
    },
  };

  const SpreadsheetApp = {
    getUi: () => ui,
    flush() {
      lock.flushes++;
    },
    getActiveSpreadsheet() {
      spreadsheetReads++;
      if (!authorized) throw new Error('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
      return spreadsheet;
    },
  };
  const HtmlService = {
    createHtmlOutputFromFile: (file: string) => ({
      file,
      title: '',
      setTitle(title: string) {
        this.title = title;
        return this;
      },
    }),
  };

  const LockService = {
    getDocumentLock: () => ({
      tryLock() {
        lock.requests++;
        if (lockBusy || lock.held) return false;
        lock.held = true;
        return true;
      },
      releaseLock() {
        lock.held = false;
      },
    }),
  };

  return {
    services: { SpreadsheetApp, HtmlService, LockService },
    lock,
    sheets,
    menus,
    alerts,
    sidebars,
    activeSheet: () => activeSheet,
    spreadsheetReads: () => spreadsheetReads,
  };
}

export type FakeApps = ReturnType<typeof fakeApps>;

/** Makes the fakes the globals Apps Script code sees; returns a function that removes them again. */
export function installGlobals(apps: FakeApps): () => void {
  const globals = globalThis as Record<string, unknown>;
  Object.assign(globals, apps.services);
  return () => {
    for (const name of Object.keys(apps.services)) delete globals[name];
  };
}
