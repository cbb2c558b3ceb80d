import { displayValue } from '../../preview/emulator/display-format';
import { createAppsScriptGlobals } from '../../preview/emulator/services';

describe('displayValue', () => {
  const change = '"▲ "0.0%;"▼ "0.0%;0.0%';

  it('shows a number by the section of its sign, as Sheets does: positive;negative;zero', () => {
    expect(displayValue(0.125, change, 'en_US')).toBe('▲ 12.5%');
    expect(displayValue(-0.03, change, 'en_US')).toBe('▼ 3.0%');
    expect(displayValue(0, change, 'en_US')).toBe('0.0%');
  });

  it('keeps the minus sign when the format has one section', () => {
    expect(displayValue(-1234.5, '#,##0.00', 'en_US')).toBe('-1,234.50');
    expect(displayValue(-0.05, '0.0%', 'en_US')).toBe('-5.0%');
  });
});

describe('TEXT in the emulator', () => {
  it('groups thousands for "#,##0" as Sheets does; other formats stay HyperFormula\'s own', () => {
    const { SpreadsheetApp } = createAppsScriptGlobals();
    const range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:F1');
    range.setFormulas([[
      '=TEXT(1234567.891,"#,##0.00")', '=TEXT(-1234,"$#,##0")', '=TEXT(999.5,"#,##0")', '=TEXT(12.345,"0.0")', '=TEXT(1234,"0")', '=TEXT(DATE(2026,3,1),"yyyy-mm-dd")',
    ]]);
    expect(range.getValues()).toEqual([['1,234,567.89', '-$1,234', '1,000', '12.3', '1234', '2026-03-01']]);
  });
});
