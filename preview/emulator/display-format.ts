// What getDisplayValues shows for a cell: the common Sheets number formats, enough for the preview.

export type CellValueOut = string | number | boolean | Date;

const pad2 = (n: number) => String(n).padStart(2, '0');

function formatDate(date: Date, locale: string): string {
  const [y, m, d] = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  return locale === 'en_US' ? `${m}/${d}/${y}` : `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Formats like "0", "0.0%", "#,##0.00", "$#,##0", '"€"#,##0.00', "0.0 \"x\"": literal text around one number pattern. */
function formatNumber(value: number, format: string): string | undefined {
  const match = /^(.*?)([#0,]*0(?:\.0+)?)(%?)(.*)$/.exec(format);
  if (!match) return undefined;
  const [, prefix, pattern, percent, suffix] = match;
  const decimals = pattern.includes('.') ? pattern.length - pattern.indexOf('.') - 1 : 0;
  const scaled = percent ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = pattern.includes(',') ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const literal = (text: string) => text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const sign = scaled < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${literal(prefix)}${grouped}${fraction ? `.${fraction}` : ''}${percent}${literal(suffix)}`;
}

/** TEXT's result for a one-section format with a grouping comma ("#,##0", "$#,##0.00"); undefined for any other format. */
export function groupedNumberText(value: number, format: string): string | undefined {
  return !format.includes(';') && format.includes('#,##0') ? formatNumber(value, format) : undefined;
}

/** Sheets' "General" format: up to 10 significant digits. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

export function displayValue(value: CellValueOut, numberFormat: string | undefined, locale: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, locale);
  if (typeof value === 'number') {
    // Sections are positive;negative;zero: a negative section shows the number without its sign.
    const sections = numberFormat?.split(';') ?? [];
    const negative = value < 0 && sections.length >= 2;
    const section = value === 0 && sections.length >= 3 ? sections[2] : negative ? sections[1] : sections[0];
    const shown = negative ? -value : value;
    return (section && section !== '@' && section.toLowerCase() !== 'general' ? formatNumber(shown, section) : undefined) ?? formatGeneral(value);
  }
  return value;
}
