import fc from 'fast-check';
import { parseAmountText, type Cell } from '../../src/core/cells';
import { serialFromUtc } from '../../src/core/dates';
import { cleanImport, parseDateText } from '../../src/core/import';
import { summarize } from '../../src/core/summary';
import { RUNS } from './arbitraries';

const ctx = { fn: 'import', language: 'en' as const };
const cents = fc.integer({ min: 0, max: 10_000_000_00 }).map((n) => n / 100);
const CURRENCIES = ['', '$', 'US$ ', '€', '', ' ₽', ' USD', ' ریال', '£'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An amount written with grouped thousands, either decimal mark, and a currency before or after. */
function written(value: number, comma: boolean, currency: string, groupSpace: boolean): string {
  const [whole, fraction] = value.toFixed(2).split('.');
  const group = groupSpace ? ' ' : comma ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const number = `${grouped}${comma ? ',' : '.'}${fraction}`;
  return currency.startsWith(' ') ? `${number}${currency}` : `${currency}${number}`;
}

test('an amount written in any currency and decimal convention reads back as its value', () => {
  fc.assert(
    fc.property(cents, fc.boolean(), fc.constantFrom(...CURRENCIES), fc.boolean(), (value, comma, currency, space) => {
      expect(parseAmountText(written(value, comma, currency, space), comma ? 'comma' : 'point')).toBe(value);
    }),
    RUNS,
  );
});

test('a day written as ISO, GA4, "Mar 1, 2026", dd/mm/yyyy or mm/dd/yyyy reads back as its serial', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2150, 11, 31)), noInvalidDate: true }), (date) => {
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const serial = serialFromUtc(Date.UTC(y, m - 1, d));
      const p2 = (n: number) => String(n).padStart(2, '0');
      expect(parseDateText(`${y}-${p2(m)}-${p2(d)}`, 'mdy')).toBe(serial);
      expect(parseDateText(`${y}${p2(m)}${p2(d)}`, 'mdy')).toBe(serial);
      expect(parseDateText(`${MONTHS[m - 1]} ${d}, ${y}`, 'mdy')).toBe(serial);
      expect(parseDateText(`${p2(d)}/${p2(m)}/${y}`, 'dmy')).toBe(serial);
      expect(parseDateText(`${p2(m)}/${p2(d)}/${y}`, 'mdy')).toBe(serial);
    }),
    RUNS,
  );
});

const rowArb = fc.record({
  channel: fc.constantFrom('Email', 'Paid search', 'Organic search', 'Social'),
  visits: fc.integer({ min: 0, max: 100_000 }),
  cost: cents,
});

test('labelled and unlabelled total rows never change the totals, in the import and in RACE_SUMMARY', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { minLength: 2, maxLength: 25 }), fc.constantFrom('Total', 'Grand total', 'Total: Account', ''), fc.boolean(), (rows, label, first) => {
      const sumVisits = rows.reduce((sum, row) => sum + row.visits, 0);
      const sumCost = rows.reduce((sum, row) => sum + row.cost, 0);
      fc.pre(sumVisits > 0 && rows.every((row) => row.visits < sumVisits)); // a total row must stand out
      const data: Cell[][] = rows.map((row) => ['2026-03-01', row.channel, row.visits, written(row.cost, false, '$', false)]);
      const total: Cell[] = ['2026-03-01', label, sumVisits, written(Math.round(sumCost * 100) / 100, false, '$', false)];
      const table: Cell[][] = [['Date', 'Channel', 'Sessions', 'Cost'], ...(first ? [total, ...data] : [...data, total])];
      const result = cleanImport(table, { headerRow: 0, mapping: { 0: 'date', 1: 'channel', 2: 'visits', 3: 'cost' } }, ctx);
      expect(result.records).toHaveLength(rows.length);
      expect(result.totals.visits).toBe(sumVisits);
      expect(result.totals.cost).toBeCloseTo(sumCost, 6);
      expect(result.skipped.map((s) => s.reason)).toEqual(['totalRow']);
      const summary = summarize({ fn: 'RACE_SUMMARY', language: 'en' }, table, 'Channel', '');
      const last = summary[summary.length - 1];
      expect(last[1]).toBe(sumVisits);
      expect(last[2]).toBeCloseTo(sumCost, 6);
      expect(summary.map((row) => row[0])).not.toContain('(blank)');
    }),
    RUNS,
  );
});
