// Turning what the user typed into parts of WorkbookOptions (pure: unit-tested without a browser).
import { parseNumberText } from '../src/core/cells';
import type { MessageKey, MessageParams } from '../src/core/i18n';
import { distinctNames, WORKBOOK_LIMITS, type WorkbookOptions } from '../src/core/workbook/options';

/** Names typed one per line or separated by commas (Latin or Arabic) or semicolons. */
export function parseNameList(text: string): string[] {
  return distinctNames(text.split(/[\n\r,،;؛]/));
}

/**
 * A stage target as typed (Latin, Persian or Arabic-Indic digits, separators): undefined when left blank,
 * null when it is not a number of zero or more.
 */
export function parseTarget(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const value = parseNumberText(text);
  return value === undefined || value < 0 ? null : value;
}

/**
 * The gross margin as typed, in percent (any digits): undefined when left blank (the server's default),
 * the share (40 -> 0.4) for 0 to 100, null otherwise.
 */
export function parsePercent(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const value = parseNumberText(text.replace(/[%٪]/g, ''));
  return value === undefined || value < 0 || value > 100 ? null : value / 100;
}

/** The fields the form checks before calling the server, each shown with its visible label. */
export type FormField = 'businessName' | 'channels' | 'customChannels' | 'segments';

/** The label (a ui.field.* key) the user sees for each option the server may name in an error. */
export const OPTION_LABELS: Record<keyof WorkbookOptions | FormField, MessageKey> = {
  businessName: 'ui.field.businessName',
  model: 'ui.field.model',
  language: 'ui.field.language',
  currency: 'ui.field.currency',
  horizon: 'ui.field.horizon',
  granularity: 'ui.field.granularity',
  channels: 'ui.field.channels',
  customChannels: 'ui.field.customChannels',
  segments: 'ui.field.segments',
  targets: 'ui.field.targets',
  calendar: 'ui.field.calendar',
  weekStart: 'ui.field.weekStart',
  grossMargin: 'ui.field.grossMargin',
};

export interface FormValues {
  businessName: string;
  /** Every channel: the checked ones and those typed under "Other channels", distinct. */
  channels: readonly string[];
  /** Only the channels typed under "Other channels" (the checked ones have catalogue names). */
  customChannels: readonly string[];
  segments: readonly string[];
}

export interface FormProblem {
  field: FormField;
  message: string;
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The first field the server would refuse, with a message naming it by its label; the limits are the
 * server's (WORKBOOK_LIMITS). Numbers go to `t` as numbers: translate writes them in the language's digits.
 */
export function checkForm(values: FormValues, t: Translate): FormProblem | undefined {
  const label = (field: FormField) => t(OPTION_LABELS[field]);
  const problem = (field: FormField, key: MessageKey, params: MessageParams = {}): FormProblem => ({
    field,
    message: t(key, { field: label(field), ...params }),
  });
  const name = values.businessName.trim();
  if (name === '') return problem('businessName', 'ui.error.required');
  if (name.length > WORKBOOK_LIMITS.businessName) return problem('businessName', 'ui.error.tooLong', { max: WORKBOOK_LIMITS.businessName });
  if (values.channels.length === 0) return problem('channels', 'ui.error.noChannel', { other: label('customChannels') });
  const lists: Array<[FormField, readonly string[], number]> = [
    ['customChannels', values.customChannels, WORKBOOK_LIMITS.channels],
    ['segments', values.segments, WORKBOOK_LIMITS.segments],
  ];
  for (const [field, names] of lists) {
    const long = names.find((item) => item.length > WORKBOOK_LIMITS.name);
    if (long !== undefined) return problem(field, 'ui.error.nameTooLong', { max: WORKBOOK_LIMITS.name, value: `${long.slice(0, WORKBOOK_LIMITS.name)}…` });
  }
  if (values.channels.length > WORKBOOK_LIMITS.channels) {
    return problem('channels', 'ui.error.tooMany', { max: WORKBOOK_LIMITS.channels, count: values.channels.length });
  }
  if (values.segments.length > WORKBOOK_LIMITS.segments) {
    return problem('segments', 'ui.error.tooMany', { max: WORKBOOK_LIMITS.segments, count: values.segments.length });
  }
  return undefined;
}

/**
 * A server error as the user reads it: the option key it names ("businessName", «channels») becomes the
 * field's label, and the first letter is a capital. (The bridge already took off the function name.)
 */
export function friendlyServerMessage(message: string, t: Translate): string {
  const named = message.replace(/(["«])(\w+)(["»])/, (whole, open: string, key: string, close: string) =>
    Object.prototype.hasOwnProperty.call(OPTION_LABELS, key) ? `${open}${t(OPTION_LABELS[key as FormField])}${close}` : whole,
  );
  return named.charAt(0).toUpperCase() + named.slice(1);
}
