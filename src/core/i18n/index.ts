import { ar } from './ar';
import { en, type Catalogue, type MessageKey } from './en';
import { fa } from './fa';
import { localDigits, type Language } from './language';

export * from './language';
export type { Catalogue, MessageKey };

export const CATALOGUES: Record<Language, Catalogue> = { en, fa, ar };

export type MessageParams = Record<string, string | number>;

/**
 * The message for `key` in `language`, with each {placeholder} filled from `params`. Number params
 * (counts, rows, limits) are written in the language's digits; text params (user text, formulas,
 * references) are kept as they are.
 */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? localDigits(value, language) : value;
  });
}
