export const LANGUAGES = ['en', 'fa', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isRightToLeft(language: Language): boolean {
  return language !== 'en';
}

/** Maps a Sheets locale such as "fa_IR" or "ar_EG" to a supported language; anything else is English. */
export function languageFromLocale(locale: string | undefined | null): Language {
  const prefix = String(locale ?? '').slice(0, 2).toLowerCase();
  return isLanguage(prefix) ? prefix : 'en';
}

/** A text given in every supported language (data tables: stages, KPIs, business models, headers). */
export type Localized = Record<Language, string>;
