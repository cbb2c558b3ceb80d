import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../../src/core/cells';
import { RACE_SUMMARY } from '../../src/functions/summary';

const CSV = readFileSync(join(__dirname, '../fixtures/kag_conversion.csv'), 'utf8');
const MAPPING = 'leads=Total_Conversion; customers=Approved_Conversion';

/** The file as Sheets hands a range over: header row, then rows with numeric fields as numbers. */
function asSheetRange(): Cell[][] {
  const records: string[][] = parse(CSV, { skip_empty_lines: true });
  const isNumeric = (text: string) => text.trim() !== '' && Number.isFinite(Number(text));
  return [records[0], ...records.slice(1).map((record) => record.map((field) => (isNumeric(field) ? Number(field) : field)))];
}

/** Independent figures: the file parsed by column name, summed with plain loops. */
function expectedByGender() {
  const records: Record<string, string>[] = parse(CSV, { columns: true, skip_empty_lines: true });
  const fields = ['Impressions', 'Clicks', 'Spent', 'Total_Conversion', 'Approved_Conversion'];
  const sums = new Map<string, Record<string, number>>();
  const total: Record<string, number> = Object.fromEntries(fields.map((f) => [f, 0]));
  for (const record of records) {
    const group = sums.get(record.gender) ?? Object.fromEntries(fields.map((f) => [f, 0]));
    for (const field of fields) {
      group[field] += parseFloat(record[field]);
      total[field] += parseFloat(record[field]);
    }
    sums.set(record.gender, group);
  }
  return { groups: sums, total, rows: records.length };
}

describe('RACE_SUMMARY on real ad data (kag_conversion.csv)', () => {
  const result = RACE_SUMMARY.run(asSheetRange(), 'gender', MAPPING, 'en') as Cell[][];
  const expected = expectedByGender();
  const header = result[0];
  const rowFor = (label: string) => Object.fromEntries(header.map((h, i) => [String(h), result.find((row) => row[0] === label)![i]]));

  test('the fixture is the full data set', () => {
    expect(expected.rows).toBe(1143);
  });

  test('columns: gender, the five volumes and the rates they allow', () => {
    expect(header).toEqual(['gender', 'Impressions', 'Clicks', 'Leads', 'Customers', 'Cost', 'CTR', 'Lead → customer', 'CPA']);
  });

  test('one row per gender in first-seen order, then Total', () => {
    expect(result.slice(1).map((row) => row[0])).toEqual([...expected.groups.keys(), 'Total']);
  });

  test.each([...expectedByGender().groups.keys(), 'Total'])('volumes and rates of %s equal independent sums', (label) => {
    const sums = label === 'Total' ? expected.total : expected.groups.get(label)!;
    const row = rowFor(label);
    expect(row.Impressions).toBe(sums.Impressions);
    expect(row.Clicks).toBe(sums.Clicks);
    expect(row.Leads).toBe(sums.Total_Conversion);
    expect(row.Customers).toBe(sums.Approved_Conversion);
    expect(row.Cost).toBeCloseTo(sums.Spent, 6);
    expect(row.CTR).toBeCloseTo(sums.Clicks / sums.Impressions, 12);
    expect(row['Lead → customer']).toBeCloseTo(sums.Approved_Conversion / sums.Total_Conversion, 12);
    expect(row.CPA).toBeCloseTo(sums.Spent / sums.Approved_Conversion, 9);
  });
});
