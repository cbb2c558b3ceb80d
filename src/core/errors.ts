import { translate, type Language, type MessageKey, type MessageParams } from './i18n';

/** Who is asking: the custom function's name and the language its messages are in. */
export interface CallContext {
  readonly fn: string;
  readonly language: Language;
  /**
   * A date as the spreadsheet shows it, in the spreadsheet's time zone (the adapter knows it); without
   * it, the date in the running script's own zone.
   */
  readonly formatDate?: (date: Date) => string;
}

/** A problem with the caller's input; Sheets shows the message on the #ERROR! cell. */
export class RaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RaceError';
  }
}

export function raceError(ctx: CallContext, key: MessageKey, params: MessageParams = {}): RaceError {
  return new RaceError(`${ctx.fn}: ${translate(ctx.language, key, params)}`);
}

/**
 * The message of anything thrown. Not `instanceof Error`: errors thrown in another realm (the bundle in a
 * vm context, the emulator) are Errors of that realm's constructor.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
