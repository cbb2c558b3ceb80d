import { nameKey } from '../cells';
import { LANGUAGES, translate } from '../i18n';

let ownLabels: Set<string> | undefined;

/**
 * Whether a name is one RACE_SUMMARY gives its own rows ("Total", "(blank)") in any language, compared
 * as names are (nameKey): a channel so named would show as a second Total or blank row.
 */
export function isSummaryRowLabel(name: string): boolean {
  ownLabels ??= new Set(LANGUAGES.flatMap((language) => [translate(language, 'summary.total'), translate(language, 'value.blank')].map(nameKey)));
  return ownLabels.has(nameKey(name));
}
