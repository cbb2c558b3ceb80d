// The Apps Script globals the add-on uses, over one emulated spreadsheet: pass them to gas-local as its
// globals, or assign them to globalThis to run the server code in-process.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import {
  BooleanCriteria,
  ConditionalFormatRuleBuilderFacade,
  DataValidationBuilderFacade,
  DataValidationCriteria,
  ProtectionType,
  SpreadsheetEmulator,
  type EmulatorOptions,
  type SheetFacade,
  type SpreadsheetFacade,
} from './emulated-spreadsheet';

export interface AppsScriptGlobalsOptions extends EmulatorOptions {
  /** Where createHtmlOutputFromFile reads from (default: dist/ of the working directory). */
  htmlFolder?: string;
  /** Where console output goes (default: this process's console). */
  console?: Console;
}

const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;

class HtmlOutputFacade {
  private title = '';
  private width = 300;
  private height = 500;

  constructor(
    emulator: SpreadsheetEmulator,
    private content: string,
  ) {
    return emulator.count(this, 'HtmlOutput');
  }

  setTitle(title: string): HtmlOutputFacade {
    this.title = title;
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  getContent(): string {
    return this.content;
  }

  append(addedContent: string): HtmlOutputFacade {
    this.content += addedContent;
    return this;
  }

  setWidth(width: number): HtmlOutputFacade {
    this.width = width;
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setHeight(height: number): HtmlOutputFacade {
    this.height = height;
    return this;
  }

  getHeight(): number {
    return this.height;
  }
}

class MenuFacade {
  private readonly items: ({ caption: string; functionName: string } | 'separator')[] = [];

  constructor(
    private readonly emulator: SpreadsheetEmulator,
    private readonly title: string,
  ) {
    return emulator.count(this, 'Menu');
  }

  addItem(caption: string, functionName: string): MenuFacade {
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): MenuFacade {
    this.items.push('separator');
    return this;
  }

  addToUi(): void {
    this.emulator.ui.menus.push({ title: this.title, items: [...this.items] });
  }
}

class UiFacade {
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;

  constructor(private readonly emulator: SpreadsheetEmulator) {
    return emulator.count(this, 'Ui');
  }

  createAddonMenu(): MenuFacade {
    return new MenuFacade(this.emulator, 'Add-on');
  }

  createMenu(caption: string): MenuFacade {
    return new MenuFacade(this.emulator, caption);
  }

  showSidebar(userInterface: HtmlOutputFacade): void {
    this.emulator.ui.sidebars.push({ title: userInterface.getTitle(), content: userInterface.getContent() });
  }

  showModalDialog(userInterface: HtmlOutputFacade, title: string): void {
    this.emulator.ui.dialogs.push({ title, content: userInterface.getContent() });
  }

  /** alert(prompt) or alert(title, prompt, buttons); the emulated user always answers OK. */
  alert(titleOrPrompt: string, prompt?: string, _buttons?: string): string {
    this.emulator.ui.alerts.push(prompt === undefined ? { title: '', prompt: titleOrPrompt } : { title: titleOrPrompt, prompt });
    return Button.OK;
  }
}

class LockFacade {
  constructor(private readonly emulator: SpreadsheetEmulator) {
    return emulator.count(this, 'Lock');
  }

  /** No waiting in the emulator: free (or already ours) means acquired, else false at once. */
  tryLock(_timeoutInMillis: number): boolean {
    const holder = this.emulator.documentLockHolder;
    if (holder !== null && holder !== this) return false;
    this.emulator.documentLockHolder = this;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }

  hasLock(): boolean {
    return this.emulator.documentLockHolder === this;
  }

  releaseLock(): void {
    if (this.emulator.documentLockHolder === this) this.emulator.documentLockHolder = null;
  }
}

class SpreadsheetAppFacade {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;

  constructor(private readonly emulator: SpreadsheetEmulator) {
    return emulator.count(this, 'SpreadsheetApp');
  }

  getActiveSpreadsheet(): SpreadsheetFacade {
    return this.emulator.spreadsheet();
  }

  getActive(): SpreadsheetFacade {
    return this.emulator.spreadsheet();
  }

  getActiveSheet(): SheetFacade {
    return this.emulator.sheetFacade(this.emulator.activeSheet);
  }

  getUi(): UiFacade {
    return new UiFacade(this.emulator);
  }

  /** Every write is applied at once in the emulator. */
  flush(): void {}

  newDataValidation(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this.emulator);
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilderFacade {
    return new ConditionalFormatRuleBuilderFacade(this.emulator);
  }
}

/** The Apps Script globals over a new emulated spreadsheet, plus `emulator` to inspect and steer it. */
export function createAppsScriptGlobals(options: AppsScriptGlobalsOptions = {}) {
  const emulator = new SpreadsheetEmulator(options);
  const htmlFolder = resolve(options.htmlFolder ?? 'dist');
  const out = options.console ?? console;
  const languageOfLocale = emulator.locale.split('_')[0];

  const HtmlService = emulator.count(
    {
      createHtmlOutputFromFile(filename: string): HtmlOutputFacade {
        const file = join(htmlFolder, extname(filename) ? filename : `${filename}.html`);
        if (!existsSync(file)) throw new Error(`No HTML file named ${filename} was found.`);
        return new HtmlOutputFacade(emulator, readFileSync(file, 'utf8'));
      },
      createHtmlOutput(html = ''): HtmlOutputFacade {
        return new HtmlOutputFacade(emulator, html);
      },
    },
    'HtmlService',
  );

  const LockService = emulator.count(
    {
      getDocumentLock: () => new LockFacade(emulator),
      getScriptLock: () => new LockFacade(emulator),
      getUserLock: () => new LockFacade(emulator),
    },
    'LockService',
  );

  const Logger = {
    log(format: unknown, ...values: unknown[]) {
      emulator.logs.push([format, ...values].map(String).join(' '));
      return Logger;
    },
  };

  return {
    SpreadsheetApp: new SpreadsheetAppFacade(emulator),
    Charts: {
      ChartType: { BAR: 'BAR', LINE: 'LINE', COLUMN: 'COLUMN', PIE: 'PIE', AREA: 'AREA', TABLE: 'TABLE' },
      ChartMergeStrategy: { MERGE_COLUMNS: 'MERGE_COLUMNS', MERGE_ROWS: 'MERGE_ROWS' },
    },
    LockService,
    HtmlService,
    ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } },
    Session: {
      getActiveUserLocale: () => languageOfLocale,
      getScriptTimeZone: () => 'Etc/GMT',
    },
    Logger,
    console: out,
    /** Not an Apps Script global: the emulated spreadsheet (snapshot, call log, faults, ui records, lock). */
    emulator,
  };
}

export type AppsScriptGlobals = ReturnType<typeof createAppsScriptGlobals>;
