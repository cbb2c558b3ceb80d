// Pure helpers of typing into the preview's grid: cell addresses, moving the selection, and the
// clipboard's tab-separated text (what Sheets, Excel and LibreOffice put there when cells are copied).

export interface CellPosition {
  row: number;
  column: number;
}

/** The selected range: the active cell (anchor) and the opposite corner (focus). */
export interface Selection {
  anchor: CellPosition;
  focus: CellPosition;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellA1(cell: CellPosition): string {
  return `${columnLetters(cell.column)}${cell.row}`;
}

export function bounds(selection: Selection): Bounds {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    left: Math.min(anchor.column, focus.column),
    bottom: Math.max(anchor.row, focus.row),
    right: Math.max(anchor.column, focus.column),
  };
}

/** "B2" for one cell, "B2:D5" for a range. */
export function rangeA1(selection: Selection): string {
  const b = bounds(selection);
  const start = cellA1({ row: b.top, column: b.left });
  return b.top === b.bottom && b.left === b.right ? start : `${start}:${cellA1({ row: b.bottom, column: b.right })}`;
}

/** A cell moved by (rows, columns), kept inside the sheet's grid. */
export function moved(cell: CellPosition, rows: number, columns: number, maxRows: number, maxColumns: number): CellPosition {
  return {
    row: Math.min(Math.max(1, cell.row + rows), maxRows),
    column: Math.min(Math.max(1, cell.column + columns), maxColumns),
  };
}

/**
 * Clipboard text as rows of cells: tabs between cells, a line break between rows, and a cell holding
 * a tab, a line break or a quote in double quotes with quotes doubled (as spreadsheets copy them).
 * One trailing line break is dropped; short rows are padded with "" to the widest (a paste is a block).
 */
export function parseTsv(text: string): string[][] {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let width = 0;
  let i = 0;
  for (;;) {
    // An unquoted cell runs to the next tab or line break.
    let end = i;
    while (end < body.length && body[end] !== '\t' && body[end] !== '\n') end++;
    let cell = body.slice(i, end);
    if (body[i] === '"') {
      // Quoted: up to the closing quote ("" is one quote) when a tab, a line break or the end follows it.
      let j = i + 1;
      while (j < body.length && !(body[j] === '"' && body[j + 1] !== '"')) j += body[j] === '"' ? 2 : 1;
      if (j < body.length && (j + 1 === body.length || body[j + 1] === '\t' || body[j + 1] === '\n')) {
        cell = body.slice(i + 1, j).replace(/""/g, '"');
        end = j + 1;
      }
    }
    row.push(cell);
    if (end >= body.length || body[end] === '\n') {
      rows.push(row);
      width = Math.max(width, row.length);
      row = [];
    }
    if (end >= body.length) break;
    i = end + 1;
  }
  for (const cells of rows) while (cells.length < width) cells.push('');
  return rows;
}

/** Cells as clipboard text, quoting those that need it, so that parseTsv reads them back. */
export function toTsv(rows: string[][]): string {
  const quote = (cell: string) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((cells) => cells.map(quote).join('\t')).join('\n');
}
