// Periods of a workbook: where weeks and months start, and how a period is labelled. The calendar
// arithmetic of the Solar Hijri and Hijri calendars comes from Intl.DateTimeFormat (never hand-written);
// where the runtime's Intl lacks a calendar (Apps Script's locale data is undocumented) periods and
// labels fall back to the Gregorian calendar.
import { serialFromUtc, utcFromSerial } from './dates';
import { localDigits, translate, type Language } from './i18n';

export type Granularity = 'week' | 'month';
export const CALENDARS = ['gregorian', 'persian', 'islamic-umalqura'] as const;
export type PeriodCalendar = (typeof CALENDARS)[number];
export const WEEK_STARTS = ['saturday', 'sunday', 'monday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** How a workbook cuts time into periods; the Data sheet and the importer use the same one. */
export interface Periodization {
  granularity: Granularity;
  weekStart: WeekStart;
  calendar: PeriodCalendar;
}

/** The week start of each language's markets: Saturday in Iran and most Arab markets, Monday otherwise. */
export const USUAL_WEEK_START: Record<Language, WeekStart> = { en: 'monday', fa: 'saturday', ar: 'saturday' };
/** The calendar a workbook shows unless chosen: Solar Hijri for Persian, Gregorian for the others. */
export const USUAL_CALENDAR: Record<Language, PeriodCalendar> = { en: 'gregorian', fa: 'persian', ar: 'gregorian' };
/** The calendars each language may choose. */
export const LANGUAGE_CALENDARS: Record<Language, readonly PeriodCalendar[]> = {
  en: ['gregorian'],
  fa: ['persian', 'gregorian'],
  ar: ['gregorian', 'islamic-umalqura'],
};

const WEEKDAY: Record<WeekStart, number> = { sunday: 0, monday: 1, saturday: 6 };
/** The locale whose month names label each calendar's periods. */
const LABEL_LOCALE: Record<Exclude<PeriodCalendar, 'gregorian'>, string> = {
  persian: 'fa-IR-u-ca-persian',
  'islamic-umalqura': 'ar-SA-u-ca-islamic-umalqura',
};

/** Digits of any script as a number (Intl writes fa and ar years in their own digits). */
function digitValue(text: string): number {
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const zero = code >= 0x6f0 && code <= 0x6f9 ? 0x6f0 : code >= 0x660 && code <= 0x669 ? 0x660 : code >= 0x30 && code <= 0x39 ? 0x30 : -1;
    if (zero < 0) continue;
    value = value * 10 + code - zero;
    digits++;
  }
  return digits === 0 ? NaN : value;
}

type Formatter = { numeric: Intl.DateTimeFormat; label: Intl.DateTimeFormat };
const formatters = new Map<PeriodCalendar, Formatter | null>();
// 2026-03-21 UTC is 1 Farvardin 1405 and 2 Shawwal 1447: both calendars give a 14xx year.
const PROBE = new Date(Date.UTC(2026, 2, 21));

/**
 * The Intl formatters of a non-Gregorian calendar, or null when this runtime's Intl lacks it: the
 * feature test formats a known date and checks the calendar, the locale and that the year is 14xx.
 */
function calendarFormatters(calendar: Exclude<PeriodCalendar, 'gregorian'>): Formatter | null {
  const known = formatters.get(calendar);
  if (known !== undefined) return known;
  let found: Formatter | null = null;
  try {
    const numeric = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    const label = new Intl.DateTimeFormat(LABEL_LOCALE[calendar], { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
    const year = (format: Intl.DateTimeFormat) => digitValue(format.formatToParts(PROBE).find((part) => part.type === 'year')?.value ?? '');
    const ok =
      numeric.resolvedOptions().calendar === calendar &&
      label.resolvedOptions().calendar === calendar &&
      label.resolvedOptions().locale.slice(0, 2) === LABEL_LOCALE[calendar].slice(0, 2) &&
      Math.floor(year(numeric) / 100) === 14 &&
      Math.floor(year(label) / 100) === 14;
    if (ok) found = { numeric, label };
  } catch {
    found = null; // an Intl without the calendar or the locale may also throw
  }
  formatters.set(calendar, found);
  return found;
}

/** Whether this runtime's Intl has `calendar` (Gregorian always). */
export function calendarAvailable(calendar: PeriodCalendar): boolean {
  return calendar === 'gregorian' || calendarFormatters(calendar) !== null;
}

/** The calendar periods are actually cut and labelled in: `calendar`, or Gregorian when Intl lacks it. */
export function effectiveCalendar(calendar: PeriodCalendar): PeriodCalendar {
  return calendarAvailable(calendar) ? calendar : 'gregorian';
}

/** The day of the month of a date serial in `calendar` (already effective). */
function dayOfMonth(serial: number, calendar: PeriodCalendar): number {
  if (calendar === 'gregorian') return new Date(utcFromSerial(serial)).getUTCDate();
  const parts = calendarFormatters(calendar)!.numeric.formatToParts(new Date(utcFromSerial(serial)));
  return digitValue(parts.find((part) => part.type === 'day')!.value);
}

// Month starts are looked up once per day: an import assigns thousands of rows to a few dozen days.
const monthStartCache = new Map<string, number>();

/**
 * The first day of the period holding `serial`: the week's first day (`weekStart`) or the 1st of its
 * month in the workbook's calendar. The one function for generated periods and imported rows alike.
 */
export function periodStartOf(serial: number, periods: Periodization): number {
  const day = Math.floor(serial);
  if (periods.granularity === 'week') {
    const weekday = new Date(utcFromSerial(day)).getUTCDay();
    return day - ((weekday - WEEKDAY[periods.weekStart] + 7) % 7);
  }
  const calendar = effectiveCalendar(periods.calendar);
  if (calendar === 'gregorian') {
    const date = new Date(utcFromSerial(day));
    return serialFromUtc(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  }
  const key = `${calendar}:${day}`;
  let start = monthStartCache.get(key);
  if (start === undefined) {
    start = day - (dayOfMonth(day, calendar) - 1);
    if (monthStartCache.size > 10000) monthStartCache.clear();
    monthStartCache.set(key, start);
  }
  return start;
}

/**
 * `count` consecutive period starts from the period holding `start`: weeks 7 days apart; months found
 * by stepping 32 days past a month's 1st (months are 29 to 31 days) and going back to that month's 1st.
 */
export function consecutivePeriods(start: number, count: number, periods: Periodization): number[] {
  const first = periodStartOf(start, periods);
  const starts: number[] = [];
  for (let i = 0, at = first; i < count; i++) {
    starts.push(at);
    at = periods.granularity === 'week' ? at + 7 : periodStartOf(at + 32, periods);
  }
  return starts;
}

/**
 * The granularity, week start and calendar an existing Data sheet's period dates were cut with: months
 * when they all fall on a 1st of one calendar and they are not all one weekday, 7 days apart; weeks when
 * they all fall on one week start and not all on a 1st. Undefined when the dates cannot tell.
 */
export function inferPeriodization(periods: readonly number[]): Periodization | undefined {
  const distinct = [...new Set(periods.map(Math.floor))].sort((a, b) => a - b);
  if (distinct.length === 0) return undefined;
  const weekday = new Date(utcFromSerial(distinct[0])).getUTCDay();
  const weekStart = WEEK_STARTS.find((start) => WEEKDAY[start] === weekday);
  const oneWeekday = weekStart !== undefined && distinct.every((serial) => (serial - distinct[0]) % 7 === 0);
  const monthCalendar = CALENDARS.find(
    (calendar) => calendarAvailable(calendar) && distinct.every((serial) => dayOfMonth(serial, calendar) === 1),
  );
  if (monthCalendar !== undefined && !oneWeekday) return { granularity: 'month', weekStart: weekStart ?? 'monday', calendar: monthCalendar };
  if (oneWeekday && monthCalendar === undefined) return { granularity: 'week', weekStart: weekStart!, calendar: 'gregorian' };
  return undefined;
}

/** A Gregorian day as yyyy-mm-dd (or yyyy-mm for a month) in the language's digits. */
function isoText(serial: number, granularity: Granularity, language: Language): string {
  const date = new Date(utcFromSerial(serial));
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const text = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}` + (granularity === 'week' ? `-${two(date.getUTCDate())}` : '');
  let local = '';
  for (const char of text) local += char === '-' ? '-' : localDigits(Number(char), language);
  return local;
}

/**
 * A period's label, as text: "هفتهٔ ۱۲ آذر ۱۴۰۵" or "آذر ۱۴۰۵" in the Solar Hijri calendar, the Hijri
 * month and year in Arabic, or the Gregorian yyyy-mm-dd / yyyy-mm (in the language's digits) when the
 * calendar is Gregorian or this runtime's Intl lacks the chosen one. Day, month and year are put in
 * order here (ICU versions order a bare month and year differently).
 */
export function periodLabel(serial: number, granularity: Granularity, language: Language, calendar: PeriodCalendar): string {
  const effective = effectiveCalendar(calendar);
  let date: string;
  if (effective === 'gregorian') date = isoText(serial, granularity, language);
  else {
    const parts = calendarFormatters(effective)!.label.formatToParts(new Date(utcFromSerial(serial)));
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    const era = part('era');
    date = [granularity === 'week' ? part('day') : '', part('month'), part('year'), era].filter((p) => p !== '').join(' ');
  }
  return granularity === 'week' ? translate(language, 'workbook.period.week', { date }) : date;
}
