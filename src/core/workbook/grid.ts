import type { CellInput, SheetRole, SheetSpec } from './spec';
import { textCell } from './text';

export const HEADER_BACKGROUND = '#e8eaed';
export const SECTION_BACKGROUND = '#d2e3fc';
export const INPUT_BACKGROUND = '#fef7e0';

interface CellStyle {
  format?: string;
  bold?: boolean;
  background?: string;
  /** Wraps long text onto more lines; Sheets otherwise cuts it off at a filled neighbour. */
  wrap?: boolean;
}

/** A table's column headers: bold on grey, wrapped so a long header shows whole. */
export const HEADER_STYLE = { bold: true, background: HEADER_BACKGROUND, wrap: true } as const;

/**
 * A sheet being laid out cell by cell in memory (1-based like Sheets), turned into the rectangular
 * grids of a SheetSpec at the end, so the writer can send each grid in one call.
 */
export class SheetGrid {
  private readonly cells = new Map<string, { value: CellInput; style: CellStyle }>();
  private usedRows = 0;
  private usedColumns = 0;
  /** Cells a spilling formula will fill: the grid must keep them. */
  private reservedRows = 0;
  private reservedColumns = 0;
  private readonly formatBlocks: SheetSpec['formatBlocks'] = [];

  set(row: number, column: number, value: CellInput, style: CellStyle = {}): void {
    this.cells.set(`${row},${column}`, { value, style });
    this.usedRows = Math.max(this.usedRows, row);
    this.usedColumns = Math.max(this.usedColumns, column);
  }

  /** Several cells to the right of (row, column), all with the same style. */
  setRow(row: number, column: number, values: CellInput[], style: CellStyle = {}): void {
    values.forEach((value, i) => this.set(row, column + i, value, style));
  }

  /** A table's column headers, as text, to the right of (row, column). */
  headerRow(row: number, column: number, texts: string[]): void {
    this.setRow(row, column, texts.map(textCell), HEADER_STYLE);
  }

  /** Keeps room for a spilled result up to this cell. */
  reserve(lastRow: number, lastColumn: number): void {
    this.reservedRows = Math.max(this.reservedRows, lastRow);
    this.reservedColumns = Math.max(this.reservedColumns, lastColumn);
  }

  /** Gives a block, kept empty for a spill, its number format without writing its cells one by one. */
  formatBlock(block: SheetSpec['formatBlocks'][number]['block'], format: string): void {
    this.formatBlocks.push({ block, format });
    this.reserve(block.row + block.numRows - 1, block.column + block.numColumns - 1);
  }

  get lastRow(): number {
    return this.usedRows;
  }

  /** The grid the sheet keeps: the used cells and the room reserved for spills. */
  get extent(): { rows: number; columns: number } {
    return { rows: Math.max(this.usedRows, this.reservedRows), columns: Math.max(this.usedColumns, this.reservedColumns) };
  }

  toSpec(fields: Omit<SheetSpec, 'values' | 'numberFormats' | 'formatBlocks' | 'fontWeights' | 'backgrounds' | 'wraps' | 'rows' | 'columns'>): SheetSpec {
    const rows = this.usedRows;
    const columns = this.usedColumns;
    const values: CellInput[][] = [];
    const numberFormats: string[][] = [];
    const fontWeights: ('bold' | 'normal')[][] = [];
    const backgrounds: (string | null)[][] = [];
    const wraps: boolean[][] = [];
    for (let r = 1; r <= rows; r++) {
      const valueRow: CellInput[] = [];
      const formatRow: string[] = [];
      const weightRow: ('bold' | 'normal')[] = [];
      const backgroundRow: (string | null)[] = [];
      const wrapRow: boolean[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = this.cells.get(`${r},${c}`);
        valueRow.push(cell === undefined || cell.value === '' ? null : cell.value);
        formatRow.push(cell?.style.format ?? 'General');
        weightRow.push(cell?.style.bold ? 'bold' : 'normal');
        backgroundRow.push(cell?.style.background ?? null);
        wrapRow.push(cell?.style.wrap ?? false);
      }
      values.push(valueRow);
      numberFormats.push(formatRow);
      fontWeights.push(weightRow);
      backgrounds.push(backgroundRow);
      wraps.push(wrapRow);
    }
    return {
      ...fields,
      values,
      numberFormats,
      formatBlocks: [...this.formatBlocks],
      fontWeights,
      backgrounds,
      wraps,
      rows: this.extent.rows,
      columns: this.extent.columns,
    };
  }
}

export type { SheetRole };
