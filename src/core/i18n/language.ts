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

/** Zero of each language's digits: ASCII, Persian (U+06F0..) and Arabic-Indic (U+0660..). */
export const DIGIT_ZERO: Record<Language, number> = { en: 0x30, fa: 0x6f0, ar: 0x660 };

/**
 * A number written with the language's own digits, e.g. 12 as "۱۲" in Persian and 2.5 as "٢٫٥" in
 * Arabic (the Arabic decimal separator U+066B for fa and ar). Persian uses ۰-۹ (U+06F0..), Arabic the
 * Arabic-Indic ٠-٩ (U+0660..), English ASCII.
 */
export function localDigits(n: number, language: Language): string {
  const text = String(n);
  const zero = DIGIT_ZERO[language];
  if (zero === 0x30) return text;
  let local = ''; // a character loop: it runs once per stage of a funnel (a regex replace costs far more)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) local += String.fromCharCode(zero + code - 0x30);
    else local += text[i] === '.' ? '\u066b' : text[i];
  }
  return local;
}
