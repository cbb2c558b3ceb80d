import { SERVER_FUNCTIONS } from '../../src/addon/entrypoints';
import { generateWorkbook, getSidebarContext } from '../../src/addon/sidebar';
import { BUSINESS_MODELS, CHANNEL_IDS, CHANNELS } from '../../src/core/model/business-models';
import { BUSINESS_MODEL_IDS, validateWorkbookOptions, type WorkbookOptions } from '../../src/core/workbook/options';
import { PUBLIC_FUNCTIONS } from '../../src/server';
import { fakeApps, installGlobals, type FakeAppsOptions } from '../sidebar/fake-apps';

let uninstall: (() => void) | undefined;
function withApps(options: FakeAppsOptions = {}) {
  const apps = fakeApps(options);
  uninstall = installGlobals(apps);
  return apps;
}
afterEach(() => {
  uninstall?.();
  delete (globalThis as Record<string, unknown>).LockService;
});

/** google.script.run passes whatever the page sends: call a spec the way Apps Script would. */
function callAsClient(spec: { run: (...args: never[]) => unknown }, ...args: unknown[]): unknown {
  return (spec.run as (...anyArgs: unknown[]) => unknown)(...args);
}

const VALID: WorkbookOptions = {
  businessName: 'Corner Bakery',
  model: 'local',
  language: 'en',
  currency: 'USD',
  horizon: '90d',
  granularity: 'week',
  channels: ['Organic search', 'Flyers'],
  segments: ['Families'],
  targets: { reach: 5000, convert: 120 },
};

describe('the public server functions', () => {
  test('are the menu, trigger and sidebar entry points, each in PUBLIC_FUNCTIONS', () => {
    const names = SERVER_FUNCTIONS.map((spec) => spec.name);
    expect(names.sort()).toEqual([
      'analyzeRowsImport',
      'analyzeSheetImport',
      'commitImport',
      'discardImport',
      'generateWorkbook',
      'getImportSources',
      'getSidebarContext',
      'insertKpiReference',
      'onInstall',
      'onOpen',
      'showHelp',
      'showSidebar',
      'stageImportRows',
    ]);
    const publicNames = PUBLIC_FUNCTIONS.map((spec) => spec.name);
    for (const name of names) expect(publicNames).toContain(name);
  });

  test('have public names (no trailing "_") and full metadata for the generated stubs', () => {
    for (const spec of SERVER_FUNCTIONS) {
      expect(spec.name).toMatch(/^[A-Za-z]\w*[A-Za-z0-9]$/);
      expect(spec.description.length).toBeGreaterThan(20);
      for (const param of spec.params) {
        expect(param.name).toMatch(/^[a-z]\w*$/);
        expect(param.description.length).toBeGreaterThan(5);
      }
    }
  });

  test('load without touching any Apps Script service (no globals are installed here)', () => {
    expect((globalThis as Record<string, unknown>).SpreadsheetApp).toBeUndefined();
    expect(SERVER_FUNCTIONS.length).toBeGreaterThan(0);
  });
});

describe('every public server function checks its arguments', () => {
  /** Trigger and menu functions take an optional event object; the sidebar calls exactly their parameters. */
  const EVENT_TAKERS = ['onOpen', 'onInstall', 'showSidebar', 'insertKpiReference', 'showHelp'];
  const WRONG_VALUES: unknown[] = ['text', 42, null, true, [], [{ authMode: 'FULL' }], '=IMPORTXML("x")'];

  /** Nothing shown, created or written: the call was refused before doing anything. */
  function expectNothingDone(apps: ReturnType<typeof fakeApps>): void {
    expect(apps.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
    expect(apps.menus).toEqual([]);
    expect(apps.alerts).toEqual([]);
    expect(apps.sidebars).toEqual([]);
    expect(apps.lock.requests).toBe(0);
  }

  test('the event takers declare exactly one optional parameter e; the others their real parameters', () => {
    for (const spec of SERVER_FUNCTIONS) {
      if (EVENT_TAKERS.includes(spec.name)) expect(spec.params.map((param) => param.name)).toEqual(['e']);
      else expect(spec.params.every((param) => !param.optional)).toBe(true);
    }
  });

  describe.each(SERVER_FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
    test('refuses one argument more than it declares, naming itself, in the spreadsheet language', () => {
      const apps = withApps();
      const args = [...spec.params.map(() => ({})), 'extra'];
      expect(() => callAsClient(spec, ...args)).toThrow(new RegExp(`^${name}: takes ${spec.params.length} argument\\(s\\), it was given ${args.length}$`));
      expectNothingDone(apps);
      uninstall?.();
      const arabic = withApps({ locale: 'ar_EG' });
      expect(() => callAsClient(spec, ...args, 'more')).toThrow(new RegExp(`^${name}: تأخذ`));
      expectNothingDone(arabic);
    });

    test.each(WRONG_VALUES.map((value) => [JSON.stringify(value), value]))('refuses %s where it expects something else', (_shown, value) => {
      const apps = withApps();
      expect(() => callAsClient(spec, value)).toThrow(new RegExp(`^${name}: `));
      expectNothingDone(apps);
    });
  });

  test.each(EVENT_TAKERS)('%s accepts no argument, undefined or an event object', (name) => {
    const spec = SERVER_FUNCTIONS.find((candidate) => candidate.name === name)!;
    for (const args of [[], [undefined], [{ authMode: 'FULL', source: {} }]]) {
      withApps();
      expect(() => callAsClient(spec, ...args)).not.toThrow();
      uninstall?.();
    }
  });
});

describe('getSidebarContext', () => {
  test('returns plain data in the spreadsheet language: models, channels and currencies', () => {
    withApps({ locale: 'fa_IR', spreadsheetName: 'بودجه ۱۴۰۵' });
    const context = getSidebarContext.run();
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
    expect(context.language).toBe('fa');
    expect(context.spreadsheetName).toBe('بودجه ۱۴۰۵');
    expect(context.models).toEqual(BUSINESS_MODEL_IDS.map((id) => ({ id, name: BUSINESS_MODELS[id].name.fa })));
    expect(context.channels).toEqual(CHANNEL_IDS.map((id) => ({ id, name: CHANNELS[id].fa })));
    expect(context.currencies).toContain('IRR');
  });

  test('defaults to English for a locale without a catalogue', () => {
    withApps({ locale: 'de_DE' });
    expect(getSidebarContext.run().language).toBe('en');
  });

  test('offers only currencies that generateWorkbook accepts', () => {
    withApps();
    for (const currency of getSidebarContext.run().currencies) {
      expect(validateWorkbookOptions({ ...VALID, currency }).currency).toBe(currency);
    }
  });

  test('rejects any argument, naming the function, in the spreadsheet language', () => {
    withApps();
    expect(() => callAsClient(getSidebarContext, { sneaky: true })).toThrow('getSidebarContext: takes 0 argument(s), it was given 1');
    uninstall?.();
    withApps({ locale: 'ar_EG' });
    expect(() => callAsClient(getSidebarContext, 1)).toThrow(/^getSidebarContext: تأخذ ٠/);
  });
});

describe('generateWorkbook argument checks', () => {
  const long = (n: number) => 'x'.repeat(n);
  const bad: Array<[string, unknown[], RegExp]> = [
    ['no argument', [], /takes 1 argument\(s\), it was given 0/],
    ['two arguments', [VALID, VALID], /takes 1 argument\(s\), it was given 2/],
    ['undefined', [undefined], /options must be an object/],
    ['null', [null], /options must be an object/],
    ['a string', ['{"businessName":"x"}'], /options must be an object/],
    ['an array', [[VALID]], /options must be an object/],
    ['a number', [42], /options must be an object/],
    ['an unknown option', [{ ...VALID, script: '=IMPORTXML()' }], /unknown option "script"/],
    ['a missing business name', [{ ...VALID, businessName: undefined }], /"businessName"/],
    ['a blank business name', [{ ...VALID, businessName: '   ' }], /"businessName"/],
    ['a business name too long', [{ ...VALID, businessName: long(101) }], /"businessName" must be text of 1 to 100/],
    ['a business name that is not text', [{ ...VALID, businessName: { text: 'x' } }], /"businessName"/],
    ['a business name whose toString is not callable', [{ ...VALID, businessName: { toString: 'x' } }], /"businessName"/],
    ['an unknown model', [{ ...VALID, model: 'retail' }], /"model" must be one of ecommerce, b2b, saas, local, publisher/],
    ['an unknown language', [{ ...VALID, language: 'de' }], /"language" must be one of en, fa, ar/],
    ['a currency that is not a code', [{ ...VALID, currency: 'dollars' }], /"currency"/],
    ['an unknown horizon', [{ ...VALID, horizon: '6m' }], /"horizon"/],
    ['an unknown granularity', [{ ...VALID, granularity: 'day' }], /"granularity"/],
    ['channels as text', [{ ...VALID, channels: 'email' }], /"channels" must be a list/],
    ['no channel', [{ ...VALID, channels: [] }], /"channels" must be a list of 1 to 20/],
    ['too many channels', [{ ...VALID, channels: Array.from({ length: 21 }, (_, i) => `c${i}`) }], /"channels" must be a list of 1 to 20/],
    ['a channel name too long', [{ ...VALID, channels: [long(51)] }], /"channels" must be text of 1 to 50/],
    ['a channel that is a number', [{ ...VALID, channels: [7] }], /"channels"/],
    ['a channel listed twice', [{ ...VALID, channels: ['Email', 'email'] }], /"channels" lists "email" twice/],
    ['too many segments', [{ ...VALID, segments: Array.from({ length: 11 }, (_, i) => `s${i}`) }], /"segments"/],
    ['targets as a list', [{ ...VALID, targets: [1, 2] }], /"targets"/],
    ['a target for an unknown stage', [{ ...VALID, targets: { plan: 1 } }], /"targets"/],
    ['a negative target', [{ ...VALID, targets: { reach: -1 } }], /target for reach/],
    ['a target as text', [{ ...VALID, targets: { reach: '100' } }], /target for reach/],
    ['an infinite target', [{ ...VALID, targets: { act: Infinity } }], /target for act/],
  ];

  test.each(bad)('rejects %s with a message naming the function and the option', (_case, args, message) => {
    const apps = withApps();
    expect(() => callAsClient(generateWorkbook, ...args)).toThrow(/^generateWorkbook: /);
    expect(() => callAsClient(generateWorkbook, ...args)).toThrow(message);
    expect(apps.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });

  test('answers in the language the user chose in the sidebar', () => {
    withApps({ locale: 'en_US' });
    expect(() => callAsClient(generateWorkbook, { ...VALID, language: 'fa', channels: [] })).toThrow(/^generateWorkbook: گزینهٔ|^generateWorkbook: .*[\u0600-\u06ff]/);
  });

  test('valid options get past the checks to the writer, which takes the document lock', () => {
    withApps();
    let lockAsked = 0;
    (globalThis as Record<string, unknown>).LockService = {
      getDocumentLock: () => ({
        tryLock: () => {
          lockAsked++;
          return false; // another run holds it: the writer answers "busy" before writing anything
        },
        releaseLock: () => undefined,
      }),
    };
    expect(() => callAsClient(generateWorkbook, VALID)).toThrow(/^generateWorkbook: another workbook is being generated/);
    expect(lockAsked).toBe(1);
  });
});
