import { displayValue } from '../../preview/emulator/display-format';

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
