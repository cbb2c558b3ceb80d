// Deterministic benchmark data shaped as Sheets hands a range to a custom function.
import type { Cell } from '../src/core/cells';

export const BENCH_HEADER = ['Date', 'Channel', 'Segment', 'Visits', 'Leads', 'Customers', 'Revenue', 'Cost'];
export const BENCH_CHANNELS = ['Organic search', 'Paid search', 'Social', 'Email', 'Display', 'Referral', 'Affiliate', 'Offline'];
const SEGMENTS = ['New', 'Returning', 'B2B', 'B2C'];
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** Column index of the first measure (Visits); the five measures follow. */
export const FIRST_MEASURE = 3;

/** mulberry32: a small seeded PRNG, so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toPersianDigits = (n: number) => String(n).replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]);

export type BenchVariant = 'messy' | 'clean';

/**
 * `rows` data rows plus the header row. messy: 2% of measure cells blank (""), 1% numbers as Persian-digit
 * text. clean: the same rows (same seed) with every measure cell a number (a blank of messy is 0 here).
 * Each variant is generated on its own so that its rows lie together in memory, as one range's would.
 */
export function generateBenchRows(rows: number, variant: BenchVariant, seed = 20240601): Cell[][] {
  const random = seededRandom(seed);
  const start = new Date(2024, 0, 1).getTime();
  const table: Cell[][] = [BENCH_HEADER];
  for (let r = 0; r < rows; r++) {
    const visits = 50 + Math.floor(random() * 5000);
    const leads = Math.floor(visits * random() * 0.1);
    const customers = Math.floor(leads * random() * 0.5);
    const revenue = Math.round(customers * (20 + random() * 200) * 100) / 100;
    const cost = Math.round(visits * random() * 0.8 * 100) / 100;
    const date = new Date(start + Math.floor(r / 3000) * 86_400_000);
    const channel = BENCH_CHANNELS[Math.floor(random() * BENCH_CHANNELS.length)];
    const segment = SEGMENTS[Math.floor(random() * SEGMENTS.length)];
    const row: Cell[] = [date, channel, segment];
    for (const n of [visits, leads, customers, revenue, cost]) {
      const roll = random();
      if (roll < 0.02) row.push(variant === 'messy' ? '' : 0);
      else if (roll < 0.03 && variant === 'messy') row.push(toPersianDigits(n));
      else row.push(n);
    }
    table.push(row);
  }
  return table;
}

/** What a generated range holds: visit-like counts, money amounts with cents, or 0-10 survey scores. */
export type RangeKind = 'count' | 'amount' | 'score';

/**
 * A `rows` x `columns` range of one kind, as Sheets hands it to a custom function. messy: 2% blank cells
 * ("", unless `blanks` is false) and 1% numbers as Persian-digit text; clean: every cell a number.
 */
export function generateBenchRange(
  rows: number,
  columns: number,
  kind: RangeKind,
  variant: BenchVariant,
  seed: number,
  blanks = true,
): Cell[][] {
  const random = seededRandom(seed);
  const range: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < columns; c++) {
      const roll = random();
      const n =
        kind === 'count' ? 50 + Math.floor(random() * 5000) : kind === 'amount' ? Math.round(random() * 1_000_000) / 100 : Math.floor(random() * 11);
      if (variant === 'messy' && blanks && roll < 0.02) row.push('');
      else if (variant === 'messy' && roll < 0.03) row.push(toPersianDigits(n));
      else row.push(n);
    }
    range.push(row);
  }
  return range;
}
