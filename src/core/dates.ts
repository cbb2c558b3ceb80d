// Spreadsheet date serials: whole days since 1899-12-30, the epoch Sheets counts from.
const DAY_MS = 24 * 60 * 60 * 1000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The serial of the UTC day containing `utcMs` (a time from Date.UTC). */
export function serialFromUtc(utcMs: number): number {
  return Math.round((utcMs - SERIAL_EPOCH_MS) / DAY_MS);
}

/** The UTC midnight (ms) of a date serial; a fraction (a time of day) is rounded to the nearest day. */
export function utcFromSerial(serial: number): number {
  return SERIAL_EPOCH_MS + Math.round(serial) * DAY_MS;
}
