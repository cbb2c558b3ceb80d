// Typing into the preview's grid: what the page sends to POST /api/edit, applied through the emulated
// SpreadsheetApp as Sheets applies what a person types, pastes or deletes (the server's view is then
// redrawn, so every formula that reads the cells shows its new value).
import { parseA1 } from './emulator/cell-layer';
import type { SpreadsheetEmulator } from './emulator/emulated-spreadsheet';

/** Text typed into one cell or pasted over a block whose top-left cell is `at`; or Delete over `clear`. */
export type EditRequest = { sheet: string; at: string; values: string[][] } | { sheet: string; clear: string };

/** A request the page should never send (wrong shape): answered 400. */
export class BadEdit extends Error {}

/** An edit Sheets would refuse (outside the grid, against a validation rule, no such sheet): answered 422. */
export class RefusedEdit extends Error {}

function isTextGrid(value: unknown): value is string[][] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const width = Array.isArray(value[0]) ? value[0].length : 0;
  return width > 0 && value.every((row) => Array.isArray(row) && row.length === width && row.every((cell) => typeof cell === 'string'));
}

/** The request's shape checked: a sheet name and either a cell and a rectangle of texts, or a range to clear. */
export function parseEdit(body: Record<string, unknown>): EditRequest {
  const { sheet, at, values, clear } = body;
  if (typeof sheet !== 'string') throw new BadEdit('Expected {"sheet": string, ...}.');
  if (typeof clear === 'string' && at === undefined && values === undefined) {
    if (!parseA1(clear)) throw new BadEdit(`Not a range: ${clear}`);
    return { sheet, clear };
  }
  if (typeof at !== 'string' || !isTextGrid(values)) throw new BadEdit('Expected {"sheet", "at": "B2", "values": [[text, ...], ...]} (a rectangle of texts) or {"sheet", "clear": "B2:C3"}.');
  const cell = parseA1(at);
  if (!cell || cell.numRows !== 1 || cell.numColumns !== 1) throw new BadEdit(`Not a cell: ${at}`);
  return { sheet, at, values };
}

/**
 * Applies the edit with Range.setFormula / setValue (one typed cell) or setValues (a pasted block) or
 * clearContent (Delete): text starting with "=" is a formula, text that reads as a number is a number,
 * other text stays text (Persian digits included), as when typed in Sheets. A bad formula is stored and
 * shows its error value; the emulator refuses what Sheets refuses, and nothing is half written.
 */
export function applyEdit(emulator: SpreadsheetEmulator, edit: EditRequest): void {
  const sheet = emulator.spreadsheet().getSheetByName(edit.sheet);
  if (!sheet) throw new RefusedEdit(`No sheet named "${edit.sheet}".`);
  try {
    if ('clear' in edit) {
      sheet.getRange(edit.clear).clearContent();
      return;
    }
    const start = parseA1(edit.at)!;
    const { values } = edit;
    const range = sheet.getRange(start.row, start.column, values.length, values[0].length);
    const outcome = emulator.typeInto(sheet.model, start.row, start.column, values.length, values[0].length, () => {
      if (values.length > 1 || values[0].length > 1) range.setValues(values);
      else if (values[0][0].startsWith('=')) range.setFormula(values[0][0]);
      else range.setValue(values[0][0]);
    });
    if (outcome) throw new RefusedEdit(outcome.refused || 'The data you entered violates the data validation rules set on this cell.');
  } catch (error) {
    if (error instanceof RefusedEdit) throw error;
    // The emulator throws what Sheets throws (e.g. a range outside the sheet's grid), in its realm's Error.
    throw new RefusedEdit(error instanceof Error ? error.message : String(error));
  }
}
