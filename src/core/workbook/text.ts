import type { CellInput } from './spec';

/**
 * Text as a cell input that Sheets stores as text, whatever it starts with: a leading apostrophe makes
 * `setValues` keep "=SUM(...)", "+1", "@x", "2024" or "-3" literally, and is not part of the value.
 * Every text the generator writes goes through here, user text above all (formula injection).
 */
export function textCell(text: string): CellInput {
  return text === '' ? '' : `'${text}`;
}

/** A text as a string literal inside a formula: "He said ""hi""". */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A sheet name as a formula reference prefix: 'Plan (2)'!  (quotes doubled inside). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** The column letters of a 1-based column number: 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** An absolute A1 reference to a block of one sheet: 'Data'!$D$2:$D$40. */
export function blockRef(sheetName: string, row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `$${columnLetter(column)}$${row}`;
  const single = numRows === 1 && numColumns === 1;
  const end = `$${columnLetter(column + numColumns - 1)}$${row + numRows - 1}`;
  return `${sheetRef(sheetName)}${single ? start : `${start}:${end}`}`;
}

/** A relative-free A1 reference inside the same sheet: $B$5 or $B$5:$B$9. */
export function localRef(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `$${columnLetter(column)}$${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:$${columnLetter(column + numColumns - 1)}$${row + numRows - 1}`;
}
