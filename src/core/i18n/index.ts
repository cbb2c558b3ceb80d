import { ar } from './ar';
import { en, type Catalogue, type MessageKey } from './en';
import { fa } from './fa';
import type { Language } from './language';

export * from './language';
export type { Catalogue, MessageKey };

export const CATALOGUES: Record<Language, Catalogue> = { en, fa, ar };

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `language`, with each {placeholder} filled from `params`. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
