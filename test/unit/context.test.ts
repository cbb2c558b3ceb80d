import { spreadsheetContext } from '../../src/functions/context';

function withLocale(locale: string): void {
  (globalThis as Record<string, unknown>).SpreadsheetApp = {
    getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => locale }),
  };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).SpreadsheetApp;
});

test('messages follow the locale of the spreadsheet being computed, not the first one seen', () => {
  withLocale('fa_IR');
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('fa');
  withLocale('ar_EG');
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('ar');
  withLocale('en_US');
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('en');
});

test('without an active spreadsheet messages are in English', () => {
  expect(spreadsheetContext('RACE_CONVERSION').language).toBe('en');
});

test('the locale is read only when a message needs it, and once per call', () => {
  let reads = 0;
  (globalThis as Record<string, unknown>).SpreadsheetApp = {
    getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => (reads++, 'fa_IR') }),
  };
  const ctx = spreadsheetContext('RACE_CONVERSION');
  expect(reads).toBe(0);
  expect([ctx.language, ctx.language]).toEqual(['fa', 'fa']);
  expect(reads).toBe(1);
});
