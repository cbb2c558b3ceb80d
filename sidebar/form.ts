// Turning what the user typed into parts of WorkbookOptions (pure: unit-tested without a browser).
import { parseNumberText } from '../src/core/cells';

/** Trimmed names without blanks and without repeats (ignoring case, as spreadsheet lookups do). */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    result.push(name);
  }
  return result;
}

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
