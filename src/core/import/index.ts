export * from './types';
export { analyzeImport, detectPlatform, findHeaderRow, guessTargets, isFunnelExploration, PLATFORM_CHANNELS, preambleDateRange, sourceKeyOf, sourceText } from './analyze';
export { cleanImport } from './clean';
export { dateCellSerial, parseDateText, type DayMonthOrder } from './date-text';
export { isTotalLabel, isTotalOfOthers } from './totals';
