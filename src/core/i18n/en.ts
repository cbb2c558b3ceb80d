// The English catalogue is the reference: fa.ts and ar.ts must define every key (a compile error otherwise).
// Placeholders are written {name} and filled by `translate`.
export const en = {
  // --- errors shared by every custom function ---
  'error.notANumber': 'argument "{arg}" has a value that is not a number: {value}',
  'error.noNumbers': 'argument "{arg}" contains no numbers',
  'error.notPositive': 'argument "{arg}" must add up to more than zero (it adds up to {value})',
  'error.negative': 'argument "{arg}" must not be negative: {value}',
  'error.shapeMismatch': 'arguments "{arg}" and "{other}" must have the same number of cells ({size} and {otherSize})',
  'error.unknownLanguage': 'argument "{arg}" must be one of en, fa, ar, not {value}',
  'error.unknownChoice': 'argument "{arg}" must be one of {choices}, not {value}',
  'error.tooFewStages': 'argument "{arg}" needs at least two stage volumes, it has {count}',
  'error.labelsMismatch': 'argument "{arg}" has {count} labels for {expected} stages',
  'error.outOfRange': 'argument "{arg}" has {value}, outside {min} to {max}',
  'error.notText': 'argument "{arg}" must be text, not {value}',
  'error.oneRowOrColumn': 'argument "{arg}" must be a single row or column',
  'error.unknownStage': 'argument "{arg}" must be a stage ({choices}), not {value}',
  'error.missingHeader': 'argument "{arg}" has no column named {value}; its headers are: {headers}',
  'error.noMeasures': 'argument "{arg}" has no column that could be recognized. Headers seen: {headers}. Accepted names: {accepted}',
  'error.badMapping': 'argument "{arg}" must look like "leads=Total_Conversion; customers=Approved_Conversion", not {value}',
  'error.unknownMeasure': 'argument "{arg}" names an unknown measure {value}; measures: {choices}',
  'error.headerOnly': 'argument "{arg}" must have a header row and at least one data row',
  'value.blank': '(blank)',
  'value.true': 'TRUE',
  'value.false': 'FALSE',
  'value.date': 'a date ({value})',

  // --- custom function results ---
  'status.onTrack': 'On track',
  'status.atRisk': 'At risk',
  'status.offTrack': 'Off track',
  'funnel.stage': 'Stage',
  'funnel.volume': 'Volume',
  'funnel.stepConversion': 'Step conversion',
  'funnel.cumulativeConversion': 'Cumulative conversion',
  'funnel.dropOff': 'Drop-off',
  'funnel.dropOffRate': 'Drop-off rate',
  'funnel.defaultStage': 'Stage {n}',
};

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
