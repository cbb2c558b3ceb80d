// Per-cell properties kept beside the values (number formats, backgrounds, validations, ...), which
// move with their cells when rows or columns are inserted or deleted.

/** "A", "B", ..., "Z", "AA", ... for a 1-based column number. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "B3" or "B3:D7" for 1-based coordinates. */
export function a1Notation(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** Parses "B3" or "B3:D7" (no sheet name) into 1-based coordinates, or undefined. */
export function parseA1(notation: string): { row: number; column: number; numRows: number; numColumns: number } | undefined {
  const match = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(notation.trim());
  if (!match) return undefined;
  const columnOf = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row1 = Number(match[2]);
  const column1 = columnOf(match[1]);
  const row2 = match[4] ? Number(match[4]) : row1;
  const column2 = match[3] ? columnOf(match[3]) : column1;
  if (row1 < 1 || row2 < 1) return undefined;
  return {
    row: Math.min(row1, row2),
    column: Math.min(column1, column2),
    numRows: Math.abs(row2 - row1) + 1,
    numColumns: Math.abs(column2 - column1) + 1,
  };
}

/** One property for every cell of a sheet, sparse; coordinates are 1-based. */
export class CellLayer<T> {
  private readonly rows: (T | undefined)[][] = [];

  get(row: number, column: number): T | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  set(row: number, column: number, value: T | undefined): void {
    const cells = (this.rows[row - 1] ??= []);
    cells[column - 1] = value;
  }

  insertRows(afterRow: number, count: number): void {
    if (afterRow < this.rows.length) this.rows.splice(afterRow, 0, ...Array.from({ length: count }, () => []));
  }

  deleteRows(firstRow: number, count: number): void {
    this.rows.splice(firstRow - 1, count);
  }

  insertColumns(afterColumn: number, count: number): void {
    for (const cells of this.rows) {
      if (cells && afterColumn < cells.length) cells.splice(afterColumn, 0, ...new Array<T | undefined>(count));
    }
  }

  deleteColumns(firstColumn: number, count: number): void {
    for (const cells of this.rows) if (cells) cells.splice(firstColumn - 1, count);
  }

  /** The set cells as rectangles of equal values (runs along rows, merged down), for snapshots. */
  rectangles(): { range: string; value: T }[] {
    interface Run { column: number; width: number; value: T; row: number; height: number }
    const done: Run[] = [];
    let open: Run[] = [];
    for (let r = 0; r <= this.rows.length; r++) {
      const runs: Run[] = [];
      const cells = this.rows[r] ?? [];
      for (let c = 0; c < cells.length; c++) {
        const value = cells[c];
        if (value === undefined) continue;
        const last = runs[runs.length - 1];
        if (last && last.column + last.width === c + 1 && last.value === value) last.width++;
        else runs.push({ column: c + 1, width: 1, value, row: r + 1, height: 1 });
      }
      const next: Run[] = [];
      for (const run of runs) {
        const above = open.find((o) => o.column === run.column && o.width === run.width && o.value === run.value);
        if (above) {
          above.height++;
          next.push(above);
          open = open.filter((o) => o !== above);
        } else next.push(run);
      }
      done.push(...open);
      open = next;
    }
    done.push(...open);
    return done
      .sort((a, b) => a.row - b.row || a.column - b.column)
      .map((run) => ({ range: a1Notation(run.row, run.column, run.height, run.width), value: run.value }));
  }
}
