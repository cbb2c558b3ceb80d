import { describeArgument, isBlankText, nameKey } from '../cells';
import { raceError, type CallContext } from '../errors';
import { LANGUAGE_CALENDARS, USUAL_CALENDAR, USUAL_WEEK_START, WEEK_STARTS, type Periodization, type PeriodCalendar, type WeekStart } from '../calendar';
import { LANGUAGES, type Language } from '../i18n';
import { isSummaryRowLabel } from '../summary/labels';

export const BUSINESS_MODEL_IDS = ['ecommerce', 'b2b', 'saas', 'local', 'publisher'] as const;
export type BusinessModelId = (typeof BUSINESS_MODEL_IDS)[number];

/** The four stages that carry KPIs and targets (Plan carries objectives, budget and forecast). */
export const KPI_STAGES = ['reach', 'act', 'convert', 'engage'] as const;
export type KpiStageId = (typeof KPI_STAGES)[number];

/** Trimmed names without blanks (nothing visible) and without repeats (compared as nameKey, ignoring case as spreadsheet lookups do). */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (isBlankText(name) || seen.has(nameKey(name))) continue;
    seen.add(nameKey(name));
    result.push(name);
  }
  return result;
}

/** The currency a workbook in each language starts with (the user may pick another). */
export const USUAL_CURRENCY: Record<Language, string> = { en: 'USD', fa: 'IRR', ar: 'SAR' };

/** What the sidebar sends to generate a workbook (validated on the server before use). */
export interface WorkbookOptions {
  businessName: string;
  model: BusinessModelId;
  language: Language;
  /** ISO 4217 code, e.g. "USD", "EUR", "IRR", "SAR", or TOMAN (Iran's everyday unit, not an ISO code). */
  currency: string;
  horizon: '90d' | '12m';
  granularity: 'week' | 'month';
  channels: string[];
  segments: string[];
  /** Optional volume target per stage over the whole horizon. */
  targets: Partial<Record<KpiStageId, number>>;
  /** The calendar of period labels and months; unset: Solar Hijri for fa, Gregorian otherwise (LANGUAGE_CALENDARS). */
  calendar?: PeriodCalendar;
  /** The first day of a week period; unset: Saturday for fa and ar, Monday for en. */
  weekStart?: WeekStart;
  /** Gross margin as a share of revenue (0.4 = 40%), for marketing ROI on gross profit; unset: DEFAULT_GROSS_MARGIN. */
  grossMargin?: number;
}

/** A typical retail gross margin; the Plan sheet's cell can be changed at any time. */
export const DEFAULT_GROSS_MARGIN = 0.4;

/** The toman, offered for Iran: ten rials, not an ISO 4217 code, so shown by name and accepted by name. */
export const TOMAN = 'TOMAN';

/** What periodStarts needs of the options (the language gives the calendar and week start left unset). */
export type PeriodOptions = Pick<WorkbookOptions, 'horizon' | 'granularity'> & Partial<Pick<WorkbookOptions, 'language' | 'calendar' | 'weekStart'>>;

/** How the workbook cuts time: the chosen calendar and week start, or the language's usual ones. */
export function periodization(options: Omit<PeriodOptions, 'horizon'>): Periodization {
  const language = options.language ?? 'en';
  return {
    granularity: options.granularity,
    calendar: options.calendar ?? USUAL_CALENDAR[language],
    weekStart: options.weekStart ?? USUAL_WEEK_START[language],
  };
}

export const WORKBOOK_LIMITS = {
  businessName: 100,
  name: 50,
  channels: 20,
  segments: 10,
  /** Largest stage target accepted: far above any real plan, far below float trouble. */
  target: 1e15,
} as const;

const OPTION_NAMES = ['businessName', 'model', 'language', 'currency', 'horizon', 'granularity', 'channels', 'segments', 'targets', 'calendar', 'weekStart', 'grossMargin'] as const;
const HORIZONS = ['90d', '12m'] as const;
const GRANULARITIES = ['week', 'month'] as const;
const FN = 'generateWorkbook';

/**
 * The sidebar's options checked for type, shape and length before anything is generated: whatever
 * `google.script.run` delivers (any editor can call it with anything), a valid WorkbookOptions or a
 * RaceError in `language` naming the option.
 */
export function validateWorkbookOptions(raw: unknown, language: Language = 'en'): WorkbookOptions {
  const ctx: CallContext = { fn: FN, language };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw raceError(ctx, 'workbook.error.notObject');
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) throw raceError(ctx, 'workbook.error.unknownOption', { name: describeArgument(key) });
  }
  const targets = validateTargets(ctx, input.targets);
  const options: WorkbookOptions = {
    businessName: validateText(ctx, 'businessName', input.businessName, WORKBOOK_LIMITS.businessName),
    model: validateChoice(ctx, 'model', input.model, BUSINESS_MODEL_IDS),
    language: validateChoice(ctx, 'language', input.language, LANGUAGES),
    currency: validateCurrency(ctx, input.currency),
    horizon: validateChoice(ctx, 'horizon', input.horizon, HORIZONS),
    granularity: validateChoice(ctx, 'granularity', input.granularity, GRANULARITIES),
    channels: validateNames(ctx, 'channels', input.channels, 1, WORKBOOK_LIMITS.channels),
    segments: validateNames(ctx, 'segments', input.segments ?? [], 0, WORKBOOK_LIMITS.segments),
    targets,
  };
  // Unset: the language's usual calendar and week start; a calendar must be one its language offers.
  const lang = options.language;
  options.calendar = input.calendar === undefined ? USUAL_CALENDAR[lang] : validateChoice(ctx, 'calendar', input.calendar, LANGUAGE_CALENDARS[lang]);
  options.weekStart = input.weekStart === undefined ? USUAL_WEEK_START[lang] : validateChoice(ctx, 'weekStart', input.weekStart, WEEK_STARTS);
  options.grossMargin = validateShare(ctx, 'grossMargin', input.grossMargin ?? DEFAULT_GROSS_MARGIN);
  return options;
}

function validateText(ctx: CallContext, name: string, value: unknown, max: number): string {
  // Zero-width and bidi characters alone show nothing: blank.
  if (typeof value !== 'string' || isBlankText(value) || value.length > max) {
    throw raceError(ctx, 'workbook.error.badText', { name, max, value: describeArgument(value) });
  }
  return value.trim();
}

function validateChoice<T extends string>(ctx: CallContext, name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw raceError(ctx, 'workbook.error.badChoice', { name, choices: choices.join(', '), value: describeArgument(value) });
}

/** A share from 0 to 1 (a margin of 40% is 0.4). */
function validateShare(ctx: CallContext, name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1) return value;
  throw raceError(ctx, 'workbook.error.badShare', { name, value: describeArgument(value) });
}

function validateCurrency(ctx: CallContext, value: unknown): string {
  if (value === TOMAN) return value;
  if (typeof value === 'string' && value.length === 3) {
    let letters = true;
    for (let i = 0; i < 3; i++) letters = letters && value.charCodeAt(i) >= 65 && value.charCodeAt(i) <= 90;
    if (letters) return value;
  }
  throw raceError(ctx, 'workbook.error.badCurrency', { value: describeArgument(value) });
}

/** Channel or segment names: distinct ignoring case, since spreadsheet lookups ignore case. */
function validateNames(ctx: CallContext, name: string, value: unknown, min: number, max: number): string[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) {
    throw raceError(ctx, 'workbook.error.badList', { name, min, max });
  }
  const names = value.map((item) => validateText(ctx, name, item, WORKBOOK_LIMITS.name));
  const seen = new Set<string>();
  for (const item of names) {
    // The dashboard's RACE_SUMMARY groups by channel: a channel named as its Total or blank row would
    // read as that row. Refused rather than renaming the summary's rows, which every user knows.
    if (name === 'channels' && isSummaryRowLabel(item)) throw raceError(ctx, 'workbook.error.reservedChannel', { name, value: describeArgument(item) });
    const key = nameKey(item);
    if (seen.has(key)) throw raceError(ctx, 'workbook.error.duplicate', { name, value: describeArgument(item) });
    seen.add(key);
  }
  return names;
}

function validateTargets(ctx: CallContext, value: unknown): Partial<Record<KpiStageId, number>> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw raceError(ctx, 'workbook.error.badTargets');
  const targets: Partial<Record<KpiStageId, number>> = {};
  for (const [stage, target] of Object.entries(value as Record<string, unknown>)) {
    if (!(KPI_STAGES as readonly string[]).includes(stage)) throw raceError(ctx, 'workbook.error.badTargets');
    if (target === null || target === '') continue; // a stage left empty in the form
    if (typeof target !== 'number' || !Number.isFinite(target) || target < 0 || target > WORKBOOK_LIMITS.target) {
      throw raceError(ctx, 'workbook.error.badTarget', { name: stage, value: describeArgument(target) });
    }
    targets[stage as KpiStageId] = target;
  }
  return targets;
}
