import { DIGIT_ZERO, type Language } from '../i18n';
import { currencyName, WHOLE_CURRENCIES } from './data-sheet';
import { formulaString } from './text';

/**
 * A catalogue sentence as a formula expression: its text around each {placeholder} as string literals,
 * each placeholder replaced by the expression given for it, joined with &. The word order stays the
 * translation's own.
 */
export function sentenceFormula(template: string, parts: Record<string, string>): string {
  const pieces: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const expression = parts[match[1]];
    if (expression === undefined) throw new Error(`no expression for {${match[1]}} in "${template}"`);
    if (match.index! > last) pieces.push(formulaString(template.slice(last, match.index)));
    pieces.push(`(${expression})`);
    last = match.index! + match[0].length;
  }
  if (last < template.length) pieces.push(formulaString(template.slice(last)));
  return pieces.length === 0 ? '""' : pieces.join('&');
}

/**
 * A number as text inside a sentence: TEXT with `pattern` ("#,##0", "#,##0.00", or "0.0%" for a rate), then, in fa
 * and ar, the language's digits, decimal separator, thousands separator and percent sign, as localDigits writes them.
 */
export function numberText(expression: string, pattern: string, language: Language): string {
  // HyperFormula's TEXT writes "%" without scaling by 100 (Sheets scales): the percent is built here.
  const percent = pattern.endsWith('%');
  let text = percent ? `TEXT((${expression})*100,${formulaString(pattern.slice(0, -1))})&"%"` : `TEXT(${expression},${formulaString(pattern)})`;
  const zero = DIGIT_ZERO[language];
  if (language === 'en') return text;
  for (let digit = 0; digit <= 9; digit++) text = `SUBSTITUTE(${text},"${digit}","${String.fromCharCode(zero + digit)}")`;
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${text},".","\u066b"),",","\u066c"),"%","\u066a")`;
}

/** An amount as text: rounded as the currency's amounts are, with the currency's name where the language puts it. */
export function moneyText(expression: string, currency: string, language: Language): string {
  const number = numberText(expression, WHOLE_CURRENCIES.includes(currency) ? '#,##0' : '#,##0.00', language);
  const name = currencyName(currency, language);
  return language === 'en' ? `${formulaString(`${name} `)}&${number}` : `${number}&${formulaString(` ${name}`)}`;
}
