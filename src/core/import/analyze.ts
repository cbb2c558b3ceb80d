import { isBlank, isDate, localDateText, parseAmountText, type Cell } from '../cells';
import type { Language } from '../i18n';
import type { ChannelId } from '../model/business-models';
import type { MeasureId } from '../model/measures';
import { bestColumns, headerKey, recognizeDimensionRanked, recognizeMeasure, type DimensionId } from '../summary/vocabulary';
import { dateCellSerial, parseDateText } from './date-text';
import { defaultDayMonthOrder } from './columns';
import { isTotalLabel } from './totals';
import type { ImportAnalysis, ImportColumn, ImportTarget, PlatformId, SourceRows } from './types';

/** How far down the header row is looked for (preambles are a dozen lines at most). */
const HEADER_SEARCH_ROWS = 60;
const SAMPLES = 3;

/** A cell as text for headers, samples and dimension values: trimmed text, a number as written, a date as yyyy-mm-dd. */
export function sourceText(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isDate(cell)) return localDateText(cell);
  return '';
}

function isPreambleComment(row: readonly Cell[]): boolean {
  for (const cell of row) {
    if (isBlank(cell)) continue;
    return typeof cell === 'string' && cell.trimStart().startsWith('#');
  }
  return false;
}

function isRecognized(text: string): boolean {
  return recognizeMeasure(text) !== undefined || recognizeDimensionRanked(text) !== undefined;
}

/**
 * The header row: the first row below any preamble (GA4 "#" lines, a report title, a date-range line,
 * "Report Name: ..." lines) whose cells are all words, not numbers or dates, and of which at least one is
 * a known header; failing that, the first such row of two or more words; failing that, the first non-blank row.
 */
export function findHeaderRow(rows: SourceRows): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let firstWords = -1;
  let firstNonBlank = -1;
  for (let r = 0; r < limit; r++) {
    const row = rows[r] ?? [];
    let filled = 0;
    let recognized = 0;
    let words = true;
    for (const cell of row) {
      if (isBlank(cell)) continue;
      filled++;
      if (typeof cell !== 'string' || parseAmountText(cell) !== undefined || dateCellSerial(cell, 'mdy') !== undefined) words = false;
      else if (isRecognized(cell)) recognized++;
    }
    if (filled === 0) continue;
    if (firstNonBlank < 0) firstNonBlank = r;
    if (isPreambleComment(row) || !words) continue;
    if (recognized > 0 && (filled >= 2 || recognized === filled)) return r;
    if (filled >= 2 && firstWords < 0) firstWords = r;
  }
  return firstWords >= 0 ? firstWords : Math.max(firstNonBlank, 0);
}

/** GA4 funnel exploration headers: "Step, Active users, Completion rate, Abandonments, Abandonment rate". */
export function isFunnelExploration(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(headerKey));
  return keys.has('step') && (keys.has('completionrate') || keys.has('abandonments') || keys.has('abandonmentrate'));
}

/** Header keys (see headerKey) that only one tool writes, with the parenthesis-free form of each. */
const PLATFORM_HEADERS: Readonly<Record<PlatformId, readonly string[]>> = {
  ga4: ['sessionDefaultChannelGroup', 'sessionPrimaryChannelGroup', 'firstUserDefaultChannelGroup', 'Engaged sessions', 'Engagement rate', 'Event count', 'Key events', 'Total users', 'Active users', 'New users', 'Session source / medium', 'Session source', 'Session medium', 'Average engagement time per session', 'Events per session', 'Session key event rate'],
  googleAds: ['Conv. value', 'Cost / conv.', 'Currency code', 'Interactions', 'Search impr. share', 'Budget type', 'Optimization score', 'Conv. value / cost', 'Campaign type', 'Impr.', 'Avg. CPC'],
  microsoftAds: ['Spend', 'Cost per conv.', 'Return on ad spend', 'Account name', 'Impr.', 'Avg. CPC', 'Avg. position', 'Time period'],
  meta: ['Amount spent', 'Reporting starts', 'Reporting ends', 'Result indicator', 'Results', 'Cost per result', 'Cost per results', 'Ad set name', 'Link clicks', 'Reach', 'Frequency', 'Campaign delivery', 'Attribution setting', 'Ad set budget'],
  linkedin: ['Total Spent', 'Start Date (in UTC)', 'Campaign Group Name', 'Total Conversion Value', 'Click Through Rate', 'Average CPM', 'Lead Forms Opened', 'Post-Click Conversions', 'View-Through Conversions'],
  tiktok: ['By Day', 'Ad group name', 'Clicks (destination)', 'CTR (destination)', 'CPC (destination)', 'Primary status', 'Cost per 1,000 people reached'],
  shopify: ['Discounts', 'Duties', 'Additional fees', 'Gross sales', 'Net sales', 'Total sales', 'Returns', 'Online store visitors'],
  woocommerce: ['Coupons', 'Items sold', 'Order #', 'Net Revenue', 'Customer type', 'Gross sales', 'Net sales', 'Total sales', 'Returns'],
  klaviyo: ['Unique Placed Order', 'Total Recipients', 'Unique Opens', 'Open Rate', 'Send Time', 'Placed Order Rate', 'Unique Clicks', 'Total Clicks', 'Spam Complaints', 'Unsubscribes', 'Send Weekday'],
};

let platformKeys: Map<PlatformId, Set<string>> | undefined;

/** The export's tool, from its headers and preamble; undefined when unsure (two tools score alike). */
export function detectPlatform(headers: readonly string[], preamble: readonly string[]): PlatformId | undefined {
  platformKeys ??= new Map(
    (Object.keys(PLATFORM_HEADERS) as PlatformId[]).map((id) => [id, new Set(PLATFORM_HEADERS[id].map(headerKey))]),
  );
  const keys = headers.filter((header) => header !== '').map(headerKey);
  const scores = new Map<PlatformId, number>();
  for (const [id, known] of platformKeys) {
    let score = 0;
    for (const key of keys) if (known.has(key) || known.has(key.replace(/\([^()]*\)$/, ''))) score++;
    scores.set(id, score);
  }
  const bonus = (id: PlatformId, points: number) => scores.set(id, scores.get(id)! + points);
  const lines = preamble.map((line) => line.toLowerCase());
  if (lines.some((line) => line.startsWith('#'))) bonus('ga4', 3);
  if (lines.some((line) => line.startsWith('report name:') || line.includes('microsoft corporation'))) bonus('microsoftAds', 3);
  if (lines.some((line) => line.includes('(in utc)') || line.startsWith('report start'))) bonus('linkedin', 2);
  // Google Ads: a title and a date-range line ("All time", "March 1, 2026 - March 31, 2026"), no "Label:" lines.
  if (lines.length > 0 && lines.every((line) => !line.startsWith('#') && !line.includes(':'))) bonus('googleAds', 1);
  let best: PlatformId | undefined;
  let bestScore = 1; // one matching header proves nothing
  let tie = false;
  for (const [id, score] of scores) {
    if (score > bestScore) {
      best = id;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && best !== undefined) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** The channel a single-platform export most likely is; analytics and shop exports span channels. */
export const PLATFORM_CHANNELS: Readonly<Partial<Record<PlatformId, ChannelId>>> = {
  googleAds: 'paidSearch',
  microsoftAds: 'paidSearch',
  meta: 'paidSocial',
  linkedin: 'paidSocial',
  tiktok: 'paidSocial',
  klaviyo: 'email',
};

/** A preamble row as one line of text ("# Start date: 20260301"). */
function preambleLine(row: readonly Cell[]): string {
  return row.map(sourceText).filter((text) => text !== '').join(' ');
}

const RANGE_SEPARATORS = [' - ', ' \u2013 ', ' \u2014 ', ' to ', ' ~ '];

/**
 * The report's date range from its preamble: GA4 "# Start date: 20260301" / "# End date: ...", Google
 * Ads "March 1, 2026 - March 31, 2026", Microsoft Ads "Report Time: 3/1/2026 - 3/31/2026", LinkedIn
 * "Report Start: ..." / "Report End: ...". "All time" gives none.
 */
export function preambleDateRange(lines: readonly string[], language: Language): { first: number; last: number } | undefined {
  const order = defaultDayMonthOrder(language);
  let first: number | undefined;
  let last: number | undefined;
  for (const raw of lines) {
    const line = raw.replace(/^[#\s]+/, '');
    const colon = line.indexOf(':');
    const label = colon >= 0 ? line.slice(0, colon).toLowerCase() : '';
    const value = colon >= 0 ? line.slice(colon + 1).trim() : line;
    if (label.includes('start') || label.includes('end')) {
      const date = parseDateText(value, order);
      if (date !== undefined && label.includes('start')) first = date;
      else if (date !== undefined) last = date;
      continue;
    }
    if (colon >= 0 && !label.includes('time') && !label.includes('range') && !label.includes('period')) continue;
    for (const separator of RANGE_SEPARATORS) {
      const at = value.indexOf(separator);
      if (at < 0) continue;
      const from = parseDateText(value.slice(0, at), order);
      const to = parseDateText(value.slice(at + separator.length), order);
      if (from !== undefined && to !== undefined) {
        first = from;
        last = to;
      }
      break;
    }
  }
  if (first === undefined && last === undefined) return undefined;
  return { first: first ?? last!, last: last ?? first! };
}

/** cyrb53: a 53-bit string hash, so the remembered-mapping key stays short whatever the header row. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The key a source's mapping is remembered under: its header row normalized (headerKey), blank headers dropped, hashed. */
export function sourceKeyOf(headers: readonly string[]): string {
  return `src-${hash53(headers.filter((header) => header !== '').map(headerKey).join('|')).toString(36)}`;
}

/** The target of each column: one column per measure and per dimension (best rank, then leftmost), the rest ignored. */
export function guessTargets(headers: readonly string[]): ImportTarget[] {
  const measures = bestColumns<MeasureId>(headers, recognizeMeasure);
  const measureIndexes = new Set(measures.values());
  const dimensions = bestColumns<DimensionId>(headers, recognizeDimensionRanked, (index) => measureIndexes.has(index));
  const targets: ImportTarget[] = headers.map(() => 'ignore');
  for (const [id, index] of [...measures, ...dimensions]) targets[index] = id;
  return targets;
}

/**
 * What an export holds: its header row below any preamble, each non-blank column with its guessed target
 * and samples, its tool and likely channel, whether the channel must be asked, whether it is a GA4 funnel
 * exploration, the date range its preamble states, and the key its mapping is remembered under.
 * Meant for the first couple of hundred rows of a source.
 */
export function analyzeImport(rows: SourceRows, language: Language = 'en'): ImportAnalysis {
  const headerRow = findHeaderRow(rows);
  const headerCells = rows[headerRow] ?? [];
  let width = 0;
  for (let r = headerRow; r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
  const headers = Array.from({ length: width }, (_, c) => sourceText(headerCells[c]));
  const targets = guessTargets(headers);

  const samples: string[][] = headers.map(() => []);
  const filled: boolean[] = headers.map((header) => header !== '');
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.some((cell) => typeof cell === 'string' && isTotalLabel(cell))) continue;
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (isBlank(cell)) continue;
      filled[c] = true;
      if (samples[c].length < SAMPLES) samples[c].push(sourceText(cell));
    }
  }
  const columns: ImportColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (filled[c]) columns.push({ index: c, header: headers[c], target: targets[c], samples: samples[c] });
  }

  const preamble = rows.slice(0, headerRow).map((row) => preambleLine(row ?? [])).filter((line) => line !== '');
  const platform = detectPlatform(headers, preamble);
  const suggestedChannel = platform === undefined ? undefined : PLATFORM_CHANNELS[platform];
  const preambleDates = preambleDateRange(preamble, language);
  return {
    headerRow,
    columns,
    ...(platform !== undefined ? { platform } : {}),
    ...(suggestedChannel !== undefined ? { suggestedChannel } : {}),
    needsChannel: !columns.some((column) => column.target === 'channel'),
    funnelExploration: isFunnelExploration(headers),
    ...(preambleDates !== undefined ? { preambleDates } : {}),
    sourceKey: sourceKeyOf(headers),
  };
}
