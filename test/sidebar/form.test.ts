// The sidebar's own checks and error wording, without a browser: the limits are the server's.
import { asError } from '../../sidebar/bridge';
import { checkForm, friendlyServerMessage, OPTION_LABELS, parsePercent, type FormValues } from '../../sidebar/form';
import { translate, type Language, type MessageKey, type MessageParams } from '../../src/core/i18n';
import { en } from '../../src/core/i18n/en';
import { fa } from '../../src/core/i18n/fa';
import { ar } from '../../src/core/i18n/ar';
import { validateWorkbookOptions, WORKBOOK_LIMITS } from '../../src/core/workbook/options';

const tr = (language: Language) => (key: MessageKey, params?: MessageParams) => translate(language, key, params);
const OK: FormValues = { businessName: 'Corner Bakery', channels: ['Email', 'Flyers'], customChannels: ['Flyers'], segments: ['Families'] };

/** What the server says about the same values (undefined when it accepts them). */
function serverVerdict(values: FormValues): string | undefined {
  const options = { businessName: values.businessName, model: 'local', language: 'en', currency: 'USD', horizon: '90d', granularity: 'week', channels: values.channels, segments: values.segments };
  try {
    validateWorkbookOptions(options);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('checkForm', () => {
  const names = (count: number, length = 5) => Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, 'x'));
  const cases: Array<[string, FormValues, string | undefined]> = [
    ['valid values', OK, undefined],
    ['a blank business name', { ...OK, businessName: ' \t ' }, 'businessName'],
    ['a business name at the limit', { ...OK, businessName: 'x'.repeat(WORKBOOK_LIMITS.businessName) }, undefined],
    ['a business name over the limit', { ...OK, businessName: 'x'.repeat(WORKBOOK_LIMITS.businessName + 1) }, 'businessName'],
    ['no channel', { ...OK, channels: [], customChannels: [] }, 'channels'],
    ['channels at the limit', { ...OK, channels: names(WORKBOOK_LIMITS.channels), customChannels: names(WORKBOOK_LIMITS.channels) }, undefined],
    ['channels over the limit', { ...OK, channels: names(WORKBOOK_LIMITS.channels + 1), customChannels: names(WORKBOOK_LIMITS.channels + 1) }, 'channels'],
    ['a channel name at the limit', { ...OK, channels: names(1, WORKBOOK_LIMITS.name), customChannels: names(1, WORKBOOK_LIMITS.name) }, undefined],
    ['a channel name over the limit', { ...OK, channels: names(1, WORKBOOK_LIMITS.name + 1), customChannels: names(1, WORKBOOK_LIMITS.name + 1) }, 'customChannels'],
    ['segments at the limit', { ...OK, segments: names(WORKBOOK_LIMITS.segments) }, undefined],
    ['segments over the limit', { ...OK, segments: names(WORKBOOK_LIMITS.segments + 1) }, 'segments'],
    ['a segment name over the limit', { ...OK, segments: names(1, WORKBOOK_LIMITS.name + 1) }, 'segments'],
  ];

  test.each(cases)('%s: the form and the server agree', (_case, values, field) => {
    expect(checkForm(values, tr('en'))?.field).toBe(field);
    expect(serverVerdict(values) === undefined).toBe(field === undefined);
  });

  test.each([
    ['en', en],
    ['fa', fa],
    ['ar', ar],
  ] as const)('%s: messages name the field by its visible label, never by the option key', (language, labels) => {
    const blank = checkForm({ ...OK, businessName: '' }, tr(language))!;
    expect(blank.message).toBe(labels['ui.error.required'].replace('{field}', labels['ui.field.businessName']));
    const none = checkForm({ ...OK, channels: [], customChannels: [] }, tr(language))!;
    expect(none.message).toContain(labels['ui.field.channels']);
    expect(none.message).toContain(labels['ui.field.customChannels']);
    for (const problem of [blank, none]) {
      expect(problem.message).not.toMatch(/businessName|"channels"|«channels»|generateWorkbook|\{\w+\}/);
    }
  });
});

describe('friendlyServerMessage', () => {
  test('puts the label in place of the option key the server names, and starts with a capital', () => {
    const server = 'option "businessName" must be text of 1 to 100 characters, not ""';
    expect(friendlyServerMessage(server, tr('en'))).toBe('Option "Business name" must be text of 1 to 100 characters, not ""');
  });

  test('in Persian and Arabic too («key»)', () => {
    const fromServer = (language: Language) => {
      try {
        validateWorkbookOptions({ businessName: 'x', model: 'local', language, currency: 'USD', horizon: '90d', granularity: 'week', channels: [], segments: [] }, language);
      } catch (error) {
        return (error as Error).message.replace(/^generateWorkbook: /, '');
      }
      throw new Error('expected a refusal');
    };
    expect(friendlyServerMessage(fromServer('fa'), tr('fa'))).toContain(`«${fa['ui.field.channels']}»`);
    expect(friendlyServerMessage(fromServer('ar'), tr('ar'))).toContain(`«${ar['ui.field.channels']}»`);
    expect(friendlyServerMessage(fromServer('fa'), tr('fa'))).not.toContain('channels');
  });

  test('replaces only the option name, never a quoted user value that happens to look like one', () => {
    const server = 'option "channels" lists "segments" twice';
    expect(friendlyServerMessage(server, tr('en'))).toBe(`Option "${en['ui.field.channels']}" lists "segments" twice`);
    expect(friendlyServerMessage('unknown option "script"', tr('en'))).toBe('Unknown option "script"');
  });

  test('maps every option of WorkbookOptions to a ui.field label', () => {
    for (const key of Object.values(OPTION_LABELS)) expect(key).toMatch(/^ui\.field\./);
  });
});

describe('the bridge', () => {
  test('takes the called function name off the server message, once, and nothing else', () => {
    expect(asError(new Error('generateWorkbook: option "model" must be one of x'), 'generateWorkbook').message).toBe('option "model" must be one of x');
    expect(asError({ message: 'getSidebarContext: takes 0 argument(s), it was given 1' }, 'getSidebarContext').message).toBe('takes 0 argument(s), it was given 1');
    expect(asError(new Error('generateWorkbook: x'), 'getSidebarContext').message).toBe('generateWorkbook: x');
    expect(asError('Script function not found: nope', 'nope').message).toBe('Script function not found: nope');
  });
});

describe('parsePercent', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['40', 0.4],
    ['۴۰', 0.4],
    ['٣٥٫٥', 0.355],
    ['12.5%', 0.125],
    ['۲۰٪', 0.2],
    ['0', 0],
    ['100', 1],
    ['101', null],
    ['-5', null],
    ['forty', null],
  ])('reads %j as %p', (text, share) => {
    const parsed = parsePercent(text);
    if (typeof share === 'number') expect(parsed).toBeCloseTo(share, 12);
    else expect(parsed).toBe(share);
  });

  it('names the gross margin field by its label in server errors', () => {
    const message = translate('fa', 'workbook.error.badShare', { name: 'grossMargin', value: '2' });
    expect(friendlyServerMessage(message, (key, params) => translate('fa', key, params))).toContain(translate('fa', 'ui.field.grossMargin'));
  });
});
