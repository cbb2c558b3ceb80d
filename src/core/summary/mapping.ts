import { cellsOf, describeValue, isBlank, quoteText, type Arg } from '../cells';
import { raceError, type CallContext } from '../errors';
import { LANGUAGES } from '../i18n';
import { MEASURE_HEADERS, MEASURES, type MeasureId } from '../model/measures';
import { headerKey } from './vocabulary';

/** A measure named in `columns`: its id ("repeatCustomers", "repeat_customers") or its header in any language. */
function measureNamed(name: string): MeasureId | undefined {
  const key = headerKey(name);
  return MEASURES.find(
    (measure) => headerKey(measure) === key || LANGUAGES.some((language) => headerKey(MEASURE_HEADERS[measure][language]) === key),
  );
}

/**
 * Parses `columns` such as "leads=Total_Conversion; customers=Approved_Conversion" (entries separated by
 * ";", ",", their Arabic forms "؛" "،", or new lines; a range's cells are entries too) into measure -> header text.
 */
export function parseColumnMapping(ctx: CallContext, columns: Arg, arg: string): Map<MeasureId, string> {
  const mapping = new Map<MeasureId, string>();
  for (const cell of cellsOf(columns)) {
    if (isBlank(cell)) continue;
    if (typeof cell !== 'string') throw raceError(ctx, 'error.notText', { arg, value: describeValue(ctx, cell) });
    for (const entry of cell.split(/[;,\n\u061b\u060c]/)) {
      if (isBlank(entry)) continue;
      const equals = entry.indexOf('=');
      const name = entry.slice(0, equals).trim();
      const header = entry.slice(equals + 1).trim();
      if (equals < 0 || name === '' || header === '') throw raceError(ctx, 'error.badMapping', { arg, value: quoteText(entry.trim()) });
      const measure = measureNamed(name);
      if (measure === undefined) {
        throw raceError(ctx, 'error.unknownMeasure', { arg, value: quoteText(name), choices: MEASURES.join(', ') });
      }
      if (mapping.has(measure)) throw raceError(ctx, 'error.duplicateMapping', { arg, value: quoteText(name) });
      mapping.set(measure, header);
    }
  }
  return mapping;
}
