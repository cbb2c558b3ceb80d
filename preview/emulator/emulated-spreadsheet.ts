// A fake of the SpreadsheetApp subset the add-on uses, backed by one HyperFormula engine holding every
// sheet, so formulas (cross-sheet ones and the RACE custom functions) are computed by a real engine.
// `SpreadsheetEmulator` is the test/preview side (state, snapshot, call log, faults); the facade
// classes below are what the add-on code sees, each wrapped by `counted`.
import { DetailedCellError, ErrorType, HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { CallLog, WriteFaults, counted } from './call-log';
import { CellLayer, a1Notation, parseA1 } from './cell-layer';
import { displayValue, groupedNumberText, type CellValueOut } from './display-format';
import { errorText, observeSpills, registerRaceFunctions } from './hyperformula-functions';
import { isDate } from '../../src/core/cells';

export type { CellValueOut };
/** What a test or the preview seeds a sheet with: values and formulas, as setValues takes them. */
export type SeedValue = string | number | boolean | Date | null;

export interface EmulatorOptions {
  /** The spreadsheet locale, e.g. 'en_US', 'fa_IR', 'ar_EG' (default 'en_US'). */
  locale?: string;
  /** Pre-existing user sheets in tab order (default: one empty "Sheet1"). */
  sheets?: Record<string, SeedValue[][]>;
  /** Make the N-th call that changes the spreadsheet throw Error("Injected failure at write N"). */
  failOnWrite?: number;
}

export const NEW_SHEET_ROWS = 1000;
/** The number format that makes Sheets keep whatever is written as text. */
export const PLAIN_TEXT_FORMAT = '@';
export const NEW_SHEET_COLUMNS = 26;
const MAX_SPILL_SETTLING_PASSES = 20;
/** What an engine cell past the sheet's grid holds to stop a spill there (never read: no range reaches it). */
const GRID_EDGE_BLOCKER = '';

/** HyperFormula's array formulas (internal): the origin, and the size the result takes. */
interface ArrayVertexLike {
  cellAddress: SimpleCellAddress;
  width: number;
  height: number;
}

/** A spill that would pass the grid's last row or column: read as #REF! until rows or columns are added. */
interface EdgeBlock {
  vertex: ArrayVertexLike;
  /** The engine cell just past the edge that stops the spill (null once removed for a structural change). */
  blocker: SimpleCellAddress | null;
  message: string;
}

/** Sheets' message for a spill that meets the edge of the grid. */
export function gridEdgeMessage(rowsShort: number, columnsShort: number): string {
  return rowsShort > 0
    ? `Result was not automatically expanded, please insert more rows (${rowsShort}).`
    : `Result was not automatically expanded, please insert more columns (${columnsShort}).`;
}

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export const DataValidationCriteria = {
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
} as const;
export const BooleanCriteria = {
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

/** The block a VALUE_IN_RANGE rule lists, as plain data (snapshots stay JSON). */
export interface ValidationSource {
  sheet: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface DataValidationRecord {
  criteria: keyof typeof DataValidationCriteria;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface ConditionalFormatRecord {
  criteria?: keyof typeof BooleanCriteria;
  values: unknown[];
  background?: string;
  fontColor?: string;
  ranges: RangeFacade[];
}

export interface ChartRecord {
  id: string;
  type?: string;
  ranges: RangeFacade[];
  position?: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  /** Every setOption call, by option name (nested values as given). */
  options: Record<string, unknown>;
  /** Header rows atop each range (setNumHeaders); unset: Sheets guesses. */
  numHeaders?: number;
  /** How several ranges combine (setMergeStrategy); Sheets' default is MERGE_COLUMNS. */
  mergeStrategy?: string;
}

export interface ProtectionRecord {
  type: keyof typeof ProtectionType;
  /** The protected range in A1 notation (RANGE protections only). */
  range?: string;
  warningOnly: boolean;
  description: string;
}

export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
}

/** Everything about one sheet that HyperFormula does not hold (it holds the name and the cells). */
export class SheetModel {
  frozenRows = 0;
  frozenColumns = 0;
  rightToLeft = false;
  tabColor: string | null = null;
  hidden = false;
  deleted = false;
  readonly metadata: MetadataRecord[] = [];
  readonly protections: ProtectionRecord[] = [];
  readonly charts: ChartRecord[] = [];
  conditionalFormatRules: ConditionalFormatRecord[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly cellFormats = {
    numberFormat: new CellLayer<string>(),
    fontWeight: new CellLayer<string>(),
    background: new CellLayer<string>(),
    fontColor: new CellLayer<string>(),
    horizontalAlignment: new CellLayer<string>(),
    wrap: new CellLayer<boolean>(),
  };
  readonly dataValidations = new CellLayer<DataValidationRecord>();

  constructor(
    readonly engineId: number,
    readonly sheetId: number,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  layers(): CellLayer<unknown>[] {
    return [...Object.values(this.cellFormats), this.dataValidations] as CellLayer<unknown>[];
  }
}

/** Plain-JSON picture of the spreadsheet: what tests inspect and what `npm run workbook` writes. */
export interface SpreadsheetSnapshot {
  name: string;
  locale: string;
  /** Developer metadata on the spreadsheet itself (not on a sheet). */
  metadata: { key: string; value: string | null }[];
  sheets: SheetSnapshot[];
}

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  rightToLeft: boolean;
  /** Computed values of the used area (dates as ISO text, errors as "#DIV/0!" etc.). */
  values: (string | number | boolean)[][];
  /** Formula text of the used area, "" where a cell has none. */
  formulas: string[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  metadata: { key: string; value: string | null }[];
  protections: ProtectionRecord[];
  charts: { type?: string; ranges: string[]; position?: ChartRecord['position']; options: Record<string, unknown>; numHeaders?: number; mergeStrategy?: string }[];
  conditionalFormatRules: { criteria?: string; values: unknown[]; background?: string; fontColor?: string; ranges: string[] }[];
  dataValidations: { range: string; criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string }[];
  columnWidths: Record<string, number>;
  /** Per-cell formats as rectangles of equal values. */
  formats: Record<keyof SheetModel['cellFormats'], { range: string; value: string | boolean }[]>;
}


/** "yyyy-mm-dd", "d mmm yyyy", ...: a format with a day or year part and no digit placeholders. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const parts = format.replace(/"[^"]*"|\\./g, '').toLowerCase();
  return /[yd]/.test(parts) && !/[0#]/.test(parts);
}

function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Text typed with a leading + or - that is not a number becomes a formula, as when typed in Sheets. */
function isSignedFormula(text: string): boolean {
  if (text.length < 2 || (text[0] !== '+' && text[0] !== '-')) return false;
  const number = text.trim().replace(/%$/, '');
  return Number.isNaN(Number(number));
}

/** "1,234" or "-1,234.5": Sheets reads digit grouping typed in an en_US spreadsheet as a number. */
function groupedNumber(text: string, locale: string): number | undefined {
  if (locale !== 'en_US' || !/^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text.replace(/,/g, ''));
}

/**
 * A value written with setValues, as HyperFormula should hold it. `plainText`: the cell has the "@"
 * format, where Sheets keeps written text as it is (no number, date or formula).
 */
function toEngineContent(value: unknown, plainText: boolean, locale: string): RawCellContent {
  // Sheets clears a cell written with ""; HyperFormula would store an empty text that blocks spills.
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Invalid value: ${value} cannot be written to a cell.`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'string') {
    // A leading apostrophe is still dropped (whether Sheets keeps it in "@" cells is not documented).
    if (plainText) return value.startsWith("'") ? value : `'${value}`;
    const grouped = groupedNumber(value, locale);
    if (grouped !== undefined) return grouped;
    if (isSignedFormula(value)) return `=${value}`;
    const upper = value.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
    return value; // "=..." is a formula, "'..." literal text: HyperFormula does both like Sheets
  }
  throw new Error(`Cannot convert ${Object.prototype.toString.call(value)} to a cell value.`);
}

export class SpreadsheetEmulator {
  readonly engine: HyperFormula;
  readonly calls = new CallLog();
  readonly faults: WriteFaults;
  readonly locale: string;
  readonly name = 'Untitled spreadsheet';
  readonly id = 'emulated-spreadsheet';
  /** Sheets in tab order. */
  readonly sheets: SheetModel[] = [];
  /** Developer metadata on the spreadsheet itself. */
  readonly metadata: MetadataRecord[] = [];
  activeSheet: SheetModel;
  /** Who holds the document lock (a Lock facade), shared by every LockService of this spreadsheet. */
  documentLockHolder: object | null = null;
  /** What the add-on showed: menus, sidebars, dialogs, alerts, toasts; and what it logged. */
  readonly ui = {
    menus: [] as { title: string; items: ({ caption: string; functionName: string } | 'separator')[] }[],
    sidebars: [] as { title: string; content: string }[],
    dialogs: [] as { title: string; content: string }[],
    alerts: [] as { title: string; prompt: string }[],
    toasts: [] as { message: string; title: string }[],
  };
  readonly logs: string[] = [];
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextChartId = 1;
  private readonly staleSpills = new Map<string, SimpleCellAddress>();
  /** Spilling formulas last read as blocked by a cell in the way: tried again after the next writes. */
  private readonly blockedSpills = new Map<string, SimpleCellAddress>();
  /** Spills stopped at the grid's edge, by origin; released and checked again at every computation after a change. */
  private readonly edgeBlocks = new Map<string, EdgeBlock>();
  private readonly sheetFacades = new WeakMap<SheetModel, SheetFacade>();
  private spreadsheetFacade?: SpreadsheetFacade;

  constructor(options: EmulatorOptions = {}) {
    registerRaceFunctions();
    this.locale = options.locale ?? 'en_US';
    this.faults = new WriteFaults(options.failOnWrite);
    this.engine = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      smartRounding: false, // give the same doubles Sheets gives, so figures compare exactly
      maxRows: 1_000_000, // room for a 100,000-row export and its staging copy (Sheets caps cells, not rows)
      dateFormats: this.locale === 'en_US' ? ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD'] : ['YYYY-MM-DD', 'YYYY/MM/DD', 'DD/MM/YYYY'],
      // HyperFormula's TEXT ignores a grouping comma ("#,##0"), which Sheets' TEXT honours: its hook for formats it lacks.
      stringifyCurrency: groupedNumberText,
    });
    observeSpills(this.engine, { resized: (address) => this.staleSpills.set(this.addressKey(address), { ...address }) });
    const seeds = Object.entries(options.sheets ?? { Sheet1: [] });
    for (const [name, rows] of seeds) this.addSheet(name, rows);
    this.activeSheet = this.sheets[0];
  }

  /** Mutating calls made so far (the count `failOnWrite` refers to). */
  get writes(): number {
    return this.faults.writes;
  }

  set failOnWrite(n: number | undefined) {
    this.faults.failOnWrite = n;
  }

  /** The counted Spreadsheet object that SpreadsheetApp.getActiveSpreadsheet() returns. */
  spreadsheet(): SpreadsheetFacade {
    return (this.spreadsheetFacade ??= new SpreadsheetFacade(this));
  }

  sheetFacade(model: SheetModel): SheetFacade {
    let facade = this.sheetFacades.get(model);
    if (!facade) {
      facade = new SheetFacade(this, model);
      this.sheetFacades.set(model, facade);
    }
    return facade;
  }

  /** Wraps an emulated object for call counting and fault injection. */
  count<T extends object>(target: T, className: string, mutating?: ReadonlySet<string>): T {
    return counted(target, className, this.calls, this.faults, mutating);
  }

  newMetadataId(): number {
    return this.nextMetadataId++;
  }

  newChartId(): string {
    return `chart-${this.nextChartId++}`;
  }

  sheetName(model: SheetModel): string {
    return this.engine.getSheetName(model.engineId) ?? '';
  }

  sheetByName(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => this.sheetName(sheet).toLowerCase() === wanted);
  }

  requireSheet(name: string): SheetModel {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  checkNewSheetName(name: string, except?: SheetModel): void {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('Sheet names cannot be empty.');
    if (name.length > 100) throw new Error('Sheet names must be at most 100 characters long.');
    const existing = this.sheetByName(name);
    if (existing && existing !== except) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  addSheet(name: string, rows: SeedValue[][] = [], index = this.sheets.length): SheetModel {
    this.checkNewSheetName(name);
    this.deferComputation();
    const engineName = this.engine.addSheet(name);
    const width = Math.max(0, ...rows.map((row) => row.length));
    const model = new SheetModel(
      this.engine.getSheetId(engineName)!,
      this.nextSheetId++,
      Math.max(NEW_SHEET_ROWS, rows.length),
      Math.max(NEW_SHEET_COLUMNS, width),
    );
    this.sheets.splice(index, 0, model);
    if (rows.length > 0) {
      const grid = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
      this.writeCells(model, 1, 1, grid);
    }
    return model;
  }

  removeSheet(model: SheetModel): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const index = this.sheets.indexOf(model);
    if (index < 0) throw new Error('The sheet was already deleted.');
    this.deferComputation();
    this.engine.removeSheet(model.engineId);
    this.sheets.splice(index, 1);
    model.deleted = true;
    if (this.activeSheet === model) this.activeSheet = this.sheets[Math.max(0, index - 1)];
  }

  /** Writes values and formulas with setValues semantics; 1-based top-left corner. */
  writeCells(model: SheetModel, row: number, column: number, values: unknown[][]): void {
    // Array.from: arrays from another realm (gas-local) are not `instanceof Array` for HyperFormula.
    // A cell formatted as plain text ('@') keeps a string as typed: no formula, number, date or boolean.
    const formats = model.cellFormats.numberFormat;
    const contents = Array.from(values, (cells, r) =>
      Array.from(cells, (value, c) => toEngineContent(value, typeof value === 'string' && formats.get(row + r, column + c) === PLAIN_TEXT_FORMAT, this.locale)),
    );
    this.deferComputation();
    this.engine.setCellContents({ sheet: model.engineId, row: row - 1, col: column - 1 }, contents);
  }

  /** Runs a structural change (rows, columns, sheet names). */
  changeStructure(change: () => void): void {
    // The blockers sit past the grid: take them out before rows or columns move (their origins are re-entered at the next read).
    this.removeEdgeBlockers();
    this.deferComputation();
    change();
  }

  /**
   * Writes only queue work; the engine computes once, at the next read. A run of many writes then
   * costs one recalculation, not one per write. Reads see the same values either way.
   */
  private deferComputation(): void {
    if (!this.engine.isEvaluationSuspended()) this.engine.suspendEvaluation();
  }

  /** Computes what the writes since the last read queued; every read of the engine calls this first. */
  compute(): void {
    this.calls.unrecorded(() => {
      let changed = false;
      if (this.engine.isEvaluationSuspended()) {
        this.engine.resumeEvaluation();
        this.releaseGridEdges();
        this.retryBlockedSpills();
        changed = true;
      }
      if (this.settleSpills()) changed = true;
      if (changed) this.enforceGridEdges();
    });
  }

  private arrayVertices(): Iterable<ArrayVertexLike> {
    const graph = this.engine.dependencyGraph as unknown as { arrayMapping: { arrayMapping: Map<string, ArrayVertexLike> } };
    return graph.arrayMapping.arrayMapping.values();
  }

  /**
   * Sheets does not grow the grid for a spill: a result that would pass the sheet's last row or column
   * reads as #REF! with its own message, and spills once rows or columns are added. The engine's sheets
   * are larger than the grid, so a blocker in the first cell past the edge stops the spill there.
   */
  private enforceGridEdges(): void {
    for (let pass = 0; pass < MAX_SPILL_SETTLING_PASSES; pass++) {
      const models = new Map(this.sheets.map((model) => [model.engineId, model]));
      const over: EdgeBlock[] = [];
      for (const vertex of this.arrayVertices()) {
        const model = models.get(vertex.cellAddress.sheet);
        if (!model || this.edgeBlocks.has(this.addressKey(vertex.cellAddress))) continue;
        const { row, col, sheet } = vertex.cellAddress;
        const rowsShort = row + vertex.height - model.maxRows;
        const columnsShort = col + vertex.width - model.maxColumns;
        if (rowsShort <= 0 && columnsShort <= 0) continue;
        const blocker = rowsShort > 0 ? { sheet, row: model.maxRows, col } : { sheet, row, col: model.maxColumns };
        over.push({ vertex, blocker, message: gridEdgeMessage(rowsShort, columnsShort) });
      }
      if (over.length === 0) return;
      this.engine.batch(() => {
        for (const block of over) {
          this.edgeBlocks.set(this.addressKey(block.vertex.cellAddress), block);
          this.engine.setCellContents(block.blocker!, GRID_EDGE_BLOCKER);
        }
      });
    }
  }

  private removeEdgeBlockers(): void {
    const blockers = [...this.edgeBlocks.values()].filter((block) => block.blocker !== null);
    if (blockers.length === 0) return;
    const write = () => {
      for (const block of blockers) {
        this.engine.setCellContents(block.blocker!, null);
        block.blocker = null;
      }
    };
    if (this.engine.isEvaluationSuspended()) write();
    else this.engine.batch(write);
  }

  /** Enters the formulas stopped at the edge again, so that they spill if the grid or their result changed. */
  private releaseGridEdges(): void {
    if (this.edgeBlocks.size === 0) return;
    this.removeEdgeBlockers();
    const graph = this.engine.dependencyGraph as unknown as { getCell(address: SimpleCellAddress): unknown };
    const formulas = [...this.edgeBlocks.values()]
      .map(({ vertex }) => vertex)
      // Still in the engine where it was (a deleted row or sheet takes the formula with it).
      .filter((vertex) => this.engine.getSheetName(vertex.cellAddress.sheet) !== undefined && graph.getCell(vertex.cellAddress) === vertex)
      .map((vertex) => ({ address: { ...vertex.cellAddress }, formula: this.engine.getCellSerialized(vertex.cellAddress) }));
    this.edgeBlocks.clear();
    this.engine.batch(() => {
      for (const { address, formula } of formulas) this.engine.setCellContents(address, formula);
    });
  }

  /**
   * HyperFormula fixes a spill's size when the formula is entered. When a RACE function computed a
   * result of another size than reserved (its data changed), enter the formula again so that the
   * engine sizes it from the current data, as Sheets does on every recalculation.
   */
  private settleSpills(): boolean {
    const settled = this.staleSpills.size > 0;
    for (let pass = 0; pass < MAX_SPILL_SETTLING_PASSES && this.staleSpills.size > 0; pass++) {
      const formulas = [...this.staleSpills.values()]
        .filter((address) => this.engine.getSheetName(address.sheet) !== undefined)
        .map((address) => ({ address, formula: this.engine.getCellSerialized(address) }))
        .filter(({ formula }) => typeof formula === 'string' && formula.startsWith('='));
      this.staleSpills.clear();
      this.engine.batch(() => {
        for (const { address, formula } of formulas) this.engine.setCellContents(address, formula);
      });
    }
    return settled;
  }

  /**
   * HyperFormula leaves a spill blocked once the cell in the way is cleared; Sheets spills again. Enter
   * the formulas read as blocked again after writes (a still-blocked one is read as blocked again).
   */
  private retryBlockedSpills(): void {
    const formulas = [...this.blockedSpills.values()]
      .filter((address) => this.engine.getSheetName(address.sheet) !== undefined)
      .map((address) => ({ address, formula: this.engine.getCellSerialized(address) }))
      .filter(({ formula }) => typeof formula === 'string' && formula.startsWith('='));
    this.blockedSpills.clear();
    if (formulas.length === 0) return;
    this.engine.batch(() => {
      for (const { address, formula } of formulas) this.engine.setCellContents(address, formula);
    });
  }

  private addressKey(address: SimpleCellAddress): string {
    return `${address.sheet}:${address.row}:${address.col}`;
  }

  private engineRange(model: SheetModel, row: number, column: number, numRows: number, numColumns: number) {
    return {
      start: { sheet: model.engineId, row: row - 1, col: column - 1 },
      end: { sheet: model.engineId, row: row + numRows - 2, col: column + numColumns - 2 },
    };
  }

  /** Computed values as getValues returns them: "" for empty, Date for dates, error values as text. */
  readValues(model: SheetModel, row: number, column: number, numRows: number, numColumns: number): CellValueOut[][] {
    this.compute();
    const values = this.engine.getRangeValues(this.engineRange(model, row, column, numRows, numColumns));
    return values.map((cells, r) =>
      cells.map((value, c): CellValueOut => {
        if (value === null || value === undefined) return '';
        if (value instanceof DetailedCellError) {
          if (value.type === ErrorType.SPILL) {
            const address = { sheet: model.engineId, row: row - 1 + r, col: column - 1 + c };
            this.blockedSpills.set(this.addressKey(address), address);
          }
          return errorText(value);
        }
        if (typeof value === 'number') {
          // Sheets returns a Date for a date value and for any number shown in a date format.
          const type = this.engine.getCellValueDetailedType({ sheet: model.engineId, row: row - 1 + r, col: column - 1 + c });
          if (type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || isDateFormat(model.cellFormats.numberFormat.get(row + r, column + c))) {
            return this.dateOf(value);
          }
        }
        return value;
      }),
    );
  }

  /** The message behind an error value (what Sheets shows on hover), or undefined if the cell is no error. */
  errorMessage(sheetName: string, row: number, column: number): string | undefined {
    this.compute();
    const address = { sheet: this.requireSheet(sheetName).engineId, row: row - 1, col: column - 1 };
    const value = this.engine.getCellValue(address);
    if (!(value instanceof DetailedCellError)) return undefined;
    const edge = this.edgeBlocks.get(this.addressKey(address));
    if (edge && value.type === ErrorType.SPILL) return edge.message;
    // HyperFormula gives a cycle no message; this is Sheets' (without its settings hint).
    return value.type === ErrorType.CYCLE && !value.message ? 'Circular dependency detected.' : value.message;
  }

  private dateOf(serial: number): Date {
    const d = this.engine.numberToDateTime(serial) as Partial<Record<'year' | 'month' | 'day' | 'hours' | 'minutes' | 'seconds', number>>;
    return new Date(d.year ?? 1899, (d.month ?? 12) - 1, d.day ?? 30, d.hours ?? 0, d.minutes ?? 0, Math.floor(d.seconds ?? 0));
  }

  /**
   * Formula text as getFormulas returns it: "" where a cell holds no formula. A spilled cell serializes
   * as its value, which may be text such as '=DDE("cmd")': a spilled value is never a formula.
   */
  readFormulas(model: SheetModel, row: number, column: number, numRows: number, numColumns: number): string[][] {
    this.compute();
    const serialized = this.engine.getRangeSerialized(this.engineRange(model, row, column, numRows, numColumns));
    return serialized.map((cells, r) =>
      cells.map((cell, c) =>
        typeof cell === 'string' && cell.startsWith('=') && this.engine.doesCellHaveFormula({ sheet: model.engineId, row: row - 1 + r, col: column - 1 + c })
          ? cell
          : '',
      ),
    );
  }

  /** The block's contents as written: spilled cells as empty (their formula spills them again), not their values. */
  private writtenContents(model: SheetModel, row: number, column: number, numRows: number, numColumns: number): RawCellContent[][] {
    const serialized = this.engine.getRangeSerialized(this.engineRange(model, row, column, numRows, numColumns));
    return serialized.map((cells, r) =>
      cells.map((cell, c) => {
        const address = { sheet: model.engineId, row: row - 1 + r, col: column - 1 + c };
        return this.engine.isCellPartOfArray(address) && !this.engine.doesCellHaveFormula(address) ? null : ((cell ?? null) as RawCellContent);
      }),
    );
  }

  /** The used area: last row and column holding a value, a formula or a spilled result (0 when empty). */
  usedArea(model: SheetModel): { lastRow: number; lastColumn: number } {
    this.compute();
    const values = this.engine.getSheetValues(model.engineId);
    const serialized = this.engine.getSheetSerialized(model.engineId);
    let lastRow = 0;
    let lastColumn = 0;
    const scan = (grid: unknown[][]) =>
      grid.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell === null || cell === undefined || cell === '') return;
          lastRow = Math.max(lastRow, r + 1);
          lastColumn = Math.max(lastColumn, c + 1);
        }),
      );
    scan(values);
    scan(serialized);
    // Past the grid the engine may hold a blocker (enforceGridEdges): no cell of the sheet is there.
    return { lastRow: Math.min(lastRow, model.maxRows), lastColumn: Math.min(lastColumn, model.maxColumns) };
  }

  /**
   * Would Sheets accept `value` typed into this cell? (setValues never checks; the preview asks.)
   * `rejected` is true when the value is invalid and the rule does not allow invalid input.
   */
  checkDataValidation(sheetName: string, row: number, column: number, value: unknown): { valid: boolean; rejected: boolean; helpText: string } {
    const rule = this.requireSheet(sheetName).dataValidations.get(row, column);
    if (!rule) return { valid: true, rejected: false, helpText: '' };
    const asNumber = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    let valid: boolean;
    switch (rule.criteria) {
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        valid = Number.isFinite(asNumber) && asNumber >= Number(rule.values[0]);
        break;
      case 'NUMBER_BETWEEN':
        valid = Number.isFinite(asNumber) && asNumber >= Number(rule.values[0]) && asNumber <= Number(rule.values[1]);
        break;
      case 'VALUE_IN_LIST':
        valid = (rule.values[0] as unknown[]).some((item) => String(item) === String(value));
        break;
      case 'VALUE_IN_RANGE': {
        // The block as it computes now (a spilled list included), read when the value is typed.
        const source = rule.values[0] as ValidationSource;
        const cells = this.readValues(this.requireSheet(source.sheet), source.row, source.column, source.numRows, source.numColumns);
        valid = cells.some((line) => line.some((item) => item !== '' && String(item) === String(value)));
        break;
      }
    }
    if (value === '' || value === null || value === undefined) valid = true; // clearing a cell is always allowed
    return { valid, rejected: !valid && !rule.allowInvalid, helpText: rule.helpText };
  }

  /**
   * Runs `write` (which fills the block at row, column) as a person typing or pasting there: when a new
   * value breaks a validation rule that rejects invalid input, the block gets its previous contents
   * back, as Sheets refuses such input, and the rule's help text comes back (undefined: the write stands).
   */
  typeInto(model: SheetModel, row: number, column: number, numRows: number, numColumns: number, write: () => void): { refused: string } | undefined {
    this.compute();
    const range = this.engineRange(model, row, column, numRows, numColumns);
    const before = this.writtenContents(model, row, column, numRows, numColumns);
    write();
    const name = this.sheetName(model);
    const after = this.readValues(model, row, column, numRows, numColumns);
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        if (!model.dataValidations.get(row + r, column + c)) continue;
        const check = this.checkDataValidation(name, row + r, column + c, after[r][c]);
        if (!check.rejected) continue;
        this.deferComputation();
        this.engine.setCellContents(range.start, before);
        return { refused: check.helpText };
      }
    }
    return undefined;
  }

  private rangeText(range: RangeFacade): string {
    const r = range.ref;
    return `${quoteSheetName(this.sheetName(r.sheet))}!${a1Notation(r.row, r.column, r.numRows, r.numColumns)}`;
  }

  snapshot(): SpreadsheetSnapshot {
    const jsonValue = (value: CellValueOut) => (isDate(value) ? value.toISOString() : value);
    return {
      name: this.name,
      locale: this.locale,
      metadata: this.metadata.map(({ key, value }) => ({ key, value })),
      sheets: this.sheets.map((model): SheetSnapshot => {
        const { lastRow, lastColumn } = this.usedArea(model);
        const used = lastRow > 0 && lastColumn > 0;
        const formats = Object.fromEntries(
          Object.entries(model.cellFormats).map(([name, layer]) => [name, (layer as CellLayer<string | boolean>).rectangles()]),
        ) as SheetSnapshot['formats'];
        return {
          name: this.sheetName(model),
          sheetId: model.sheetId,
          rightToLeft: model.rightToLeft,
          values: used ? this.readValues(model, 1, 1, lastRow, lastColumn).map((cells) => cells.map(jsonValue)) : [],
          formulas: used ? this.readFormulas(model, 1, 1, lastRow, lastColumn) : [],
          maxRows: model.maxRows,
          maxColumns: model.maxColumns,
          frozenRows: model.frozenRows,
          frozenColumns: model.frozenColumns,
          tabColor: model.tabColor,
          metadata: model.metadata.map(({ key, value }) => ({ key, value })),
          protections: model.protections.map((p) => ({ ...p })),
          charts: model.charts.map((chart) => ({
            type: chart.type,
            ranges: chart.ranges.map((range) => this.rangeText(range)),
            position: chart.position,
            options: { ...chart.options },
            ...(chart.numHeaders === undefined ? {} : { numHeaders: chart.numHeaders }),
            ...(chart.mergeStrategy === undefined ? {} : { mergeStrategy: chart.mergeStrategy }),
          })),
          conditionalFormatRules: model.conditionalFormatRules.map((rule) => ({
            criteria: rule.criteria,
            values: rule.values,
            background: rule.background,
            fontColor: rule.fontColor,
            ranges: rule.ranges.map((range) => this.rangeText(range)),
          })),
          dataValidations: model.dataValidations.rectangles().map(({ range, value }) => ({ range, ...value })),
          columnWidths: Object.fromEntries([...model.columnWidths].sort(([a], [b]) => a - b)),
          formats,
        };
      }),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// Facades: the Apps Script objects. Method names and arguments follow @types/google-apps-script.

const SPREADSHEET_WRITES = new Set(['insertSheet', 'deleteSheet', 'toast', 'addDeveloperMetadata']);

export class SpreadsheetFacade {
  constructor(readonly emulator: SpreadsheetEmulator) {
    return emulator.count(this, 'Spreadsheet', SPREADSHEET_WRITES);
  }

  getSheets(): SheetFacade[] {
    return this.emulator.sheets.map((model) => this.emulator.sheetFacade(model));
  }

  getNumSheets(): number {
    return this.emulator.sheets.length;
  }

  getSheetByName(name: string): SheetFacade | null {
    const model = this.emulator.sheetByName(name);
    return model ? this.emulator.sheetFacade(model) : null;
  }

  /** Adds a sheet (at the end unless an index is given) and makes it active, as Sheets does. */
  insertSheet(nameOrIndex?: string | number, index?: number): SheetFacade {
    const e = this.emulator;
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const position = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name === undefined) {
      let n = e.sheets.length + 1;
      while (e.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const model = e.addSheet(name, [], position === undefined ? e.sheets.length : Math.min(position, e.sheets.length));
    e.activeSheet = model;
    return e.sheetFacade(model);
  }

  deleteSheet(sheet: SheetFacade): void {
    this.emulator.removeSheet(sheet.model);
  }

  getActiveSheet(): SheetFacade {
    return this.emulator.sheetFacade(this.emulator.activeSheet);
  }

  setActiveSheet(sheet: SheetFacade): SheetFacade {
    this.emulator.activeSheet = sheet.model;
    return sheet;
  }

  getSpreadsheetLocale(): string {
    return this.emulator.locale;
  }

  getSpreadsheetTimeZone(): string {
    return 'Etc/GMT';
  }

  getName(): string {
    return this.emulator.name;
  }

  getId(): string {
    return this.emulator.id;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.emulator.id}/edit`;
  }

  toast(message: string, title = '', _timeoutSeconds?: number): void {
    this.emulator.ui.toasts.push({ message: String(message), title: String(title) });
  }

  addDeveloperMetadata(key: string, value?: string): SpreadsheetFacade {
    this.emulator.metadata.push({ id: this.emulator.newMetadataId(), key, value: value ?? null });
    return this;
  }

  /** Metadata on the spreadsheet itself only, as in Apps Script (a sheet's own is on the sheet). */
  getDeveloperMetadata(): DeveloperMetadataFacade[] {
    return this.emulator.metadata.map((record) => new DeveloperMetadataFacade(this.emulator, this.emulator, record));
  }
}

const SHEET_WRITES = new Set([
  'setName', 'insertRowsAfter', 'insertRowsBefore', 'insertColumnsAfter', 'insertColumnsBefore', 'deleteRows',
  'deleteColumns', 'setFrozenRows', 'setFrozenColumns', 'setRightToLeft', 'addDeveloperMetadata', 'setColumnWidth',
  'setColumnWidths', 'protect', 'insertChart', 'removeChart', 'updateChart', 'setConditionalFormatRules',
  'setTabColor', 'clear', 'clearContents', 'hideSheet', 'showSheet',
]);

export class SheetFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    readonly model: SheetModel,
  ) {
    return emulator.count(this, 'Sheet', SHEET_WRITES);
  }

  getName(): string {
    return this.emulator.sheetName(this.model);
  }

  setName(name: string): SheetFacade {
    this.emulator.checkNewSheetName(name, this.model);
    this.emulator.changeStructure(() => this.emulator.engine.renameSheet(this.model.engineId, name));
    return this;
  }

  getSheetId(): number {
    return this.model.sheetId;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.emulator.sheets.indexOf(this.model) + 1;
  }

  getParent(): SpreadsheetFacade {
    return this.emulator.spreadsheet();
  }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): RangeFacade {
    if (typeof rowOrA1 === 'string') {
      const parsed = parseA1(rowOrA1);
      if (!parsed) throw new Error(`Range not found: ${rowOrA1}`);
      return this.rangeAt(parsed.row, parsed.column, parsed.numRows, parsed.numColumns);
    }
    if (column === undefined) throw new Error('getRange needs a column.');
    return this.rangeAt(rowOrA1, column, numRows, numColumns);
  }

  private rangeAt(row: number, column: number, numRows: number, numColumns: number): RangeFacade {
    for (const [value, what] of [[row, 'row'], [column, 'column']] as const) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`Invalid ${what} position: ${value}. It must be a whole number of at least 1.`);
    }
    if (!Number.isInteger(numRows) || numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numColumns) || numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.model.maxRows || column + numColumns - 1 > this.model.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new RangeFacade(this.emulator, { sheet: this.model, row, column, numRows, numColumns });
  }

  getDataRange(): RangeFacade {
    const { lastRow, lastColumn } = this.emulator.usedArea(this.model);
    return this.rangeAt(1, 1, Math.max(1, lastRow), Math.max(1, lastColumn));
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  getLastRow(): number {
    return this.emulator.usedArea(this.model).lastRow;
  }

  getLastColumn(): number {
    return this.emulator.usedArea(this.model).lastColumn;
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetFacade {
    this.checkPosition(afterPosition, this.model.maxRows, 'row');
    this.checkCount(howMany);
    this.emulator.changeStructure(() => {
      if (afterPosition < this.emulator.engine.getSheetDimensions(this.model.engineId).height) {
        this.emulator.engine.addRows(this.model.engineId, [afterPosition, howMany]);
      }
      for (const layer of this.model.layers()) layer.insertRows(afterPosition, howMany);
      this.model.maxRows += howMany;
    });
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): SheetFacade {
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): SheetFacade {
    this.checkPosition(afterPosition, this.model.maxColumns, 'column');
    this.checkCount(howMany);
    this.emulator.changeStructure(() => {
      if (afterPosition < this.emulator.engine.getSheetDimensions(this.model.engineId).width) {
        this.emulator.engine.addColumns(this.model.engineId, [afterPosition, howMany]);
      }
      for (const layer of this.model.layers()) layer.insertColumns(afterPosition, howMany);
      const widths = [...this.model.columnWidths];
      this.model.columnWidths.clear();
      for (const [col, width] of widths) this.model.columnWidths.set(col > afterPosition ? col + howMany : col, width);
      this.model.maxColumns += howMany;
    });
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): SheetFacade {
    return this.insertColumnsAfter(beforePosition - 1, howMany);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.checkDeletion(rowPosition, howMany, this.model.maxRows, 'rows');
    this.emulator.changeStructure(() => {
      this.emulator.engine.removeRows(this.model.engineId, [rowPosition - 1, howMany]);
      for (const layer of this.model.layers()) layer.deleteRows(rowPosition, howMany);
      this.model.maxRows -= howMany;
      this.model.frozenRows = Math.min(this.model.frozenRows, this.model.maxRows);
    });
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkDeletion(columnPosition, howMany, this.model.maxColumns, 'columns');
    this.emulator.changeStructure(() => {
      this.emulator.engine.removeColumns(this.model.engineId, [columnPosition - 1, howMany]);
      for (const layer of this.model.layers()) layer.deleteColumns(columnPosition, howMany);
      const widths = [...this.model.columnWidths];
      this.model.columnWidths.clear();
      for (const [col, width] of widths) {
        if (col < columnPosition) this.model.columnWidths.set(col, width);
        else if (col >= columnPosition + howMany) this.model.columnWidths.set(col - howMany, width);
      }
      this.model.maxColumns -= howMany;
      this.model.frozenColumns = Math.min(this.model.frozenColumns, this.model.maxColumns);
    });
  }

  private checkPosition(position: number, max: number, what: string): void {
    if (!Number.isInteger(position) || position < 0 || position > max) {
      throw new Error(`Those ${what}s are out of bounds.`);
    }
  }

  private checkCount(howMany: number): void {
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('The number of rows or columns to insert must be at least 1.');
  }

  private checkDeletion(position: number, howMany: number, max: number, what: string): void {
    if (!Number.isInteger(position) || !Number.isInteger(howMany) || position < 1 || howMany < 1 || position + howMany - 1 > max) {
      throw new Error(`Those ${what} are out of bounds.`);
    }
    if (howMany >= max) throw new Error(`You can't delete all the ${what} on the sheet.`);
  }

  setFrozenRows(rows: number): void {
    this.model.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    this.model.frozenColumns = columns;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  setRightToLeft(rightToLeft: boolean): SheetFacade {
    this.model.rightToLeft = rightToLeft;
    return this;
  }

  isRightToLeft(): boolean {
    return this.model.rightToLeft;
  }

  addDeveloperMetadata(key: string, value?: string): SheetFacade {
    this.model.metadata.push({ id: this.emulator.newMetadataId(), key, value: value ?? null });
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadataFacade[] {
    return this.model.metadata.map((record) => new DeveloperMetadataFacade(this.emulator, this.model, record));
  }

  setColumnWidth(columnPosition: number, width: number): SheetFacade {
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetFacade {
    for (let i = 0; i < numColumns; i++) this.model.columnWidths.set(startColumn + i, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(columnPosition) ?? 100;
  }

  protect(): ProtectionFacade {
    const record: ProtectionRecord = { type: 'SHEET', warningOnly: false, description: '' };
    this.model.protections.push(record);
    return new ProtectionFacade(this.emulator, this.model, record);
  }

  getProtections(type: keyof typeof ProtectionType): ProtectionFacade[] {
    return this.model.protections
      .filter((record) => record.type === type)
      .map((record) => new ProtectionFacade(this.emulator, this.model, record));
  }

  newChart(): EmbeddedChartBuilderFacade {
    return new EmbeddedChartBuilderFacade(this.emulator, { id: this.emulator.newChartId(), ranges: [], options: {} });
  }

  insertChart(chart: EmbeddedChartFacade): void {
    this.model.charts.push(chart.record);
  }

  removeChart(chart: EmbeddedChartFacade): void {
    const index = this.model.charts.findIndex((record) => record.id === chart.record.id);
    if (index >= 0) this.model.charts.splice(index, 1);
  }

  getCharts(): EmbeddedChartFacade[] {
    return this.model.charts.map((record) => new EmbeddedChartFacade(this.emulator, record));
  }

  setConditionalFormatRules(rules: ConditionalFormatRuleFacade[]): void {
    this.model.conditionalFormatRules = rules.map((rule) => ({ ...rule.record, ranges: [...rule.record.ranges] }));
  }

  getConditionalFormatRules(): ConditionalFormatRuleFacade[] {
    return this.model.conditionalFormatRules.map((record) => new ConditionalFormatRuleFacade(this.emulator, { ...record }));
  }

  setTabColor(color: string | null): SheetFacade {
    this.model.tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    return this.model.tabColor;
  }

  activate(): SheetFacade {
    this.emulator.activeSheet = this.model;
    return this;
  }

  hideSheet(): SheetFacade {
    this.model.hidden = true;
    return this;
  }

  showSheet(): SheetFacade {
    this.model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }
}

interface RangeRef {
  sheet: SheetModel;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const RANGE_WRITES = new Set([
  'setValue', 'setValues', 'setFormula', 'setFormulas', 'setNumberFormat', 'setNumberFormats', 'setFontWeight',
  'setFontWeights', 'setBackground', 'setBackgrounds', 'setFontColor', 'setFontColors', 'setHorizontalAlignment',
  'setHorizontalAlignments', 'setWrap', 'setWraps', 'setDataValidation', 'setDataValidations', 'clear', 'clearContent',
  'clearFormat', 'clearDataValidations', 'protect',
]);

type FormatName = keyof SheetModel['cellFormats'];

export class RangeFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    readonly ref: RangeRef,
  ) {
    return emulator.count(this, 'Range', RANGE_WRITES);
  }

  getSheet(): SheetFacade {
    return this.emulator.sheetFacade(this.ref.sheet);
  }

  getRow(): number {
    return this.ref.row;
  }

  getColumn(): number {
    return this.ref.column;
  }

  getNumRows(): number {
    return this.ref.numRows;
  }

  getNumColumns(): number {
    return this.ref.numColumns;
  }

  getLastRow(): number {
    return this.ref.row + this.ref.numRows - 1;
  }

  getLastColumn(): number {
    return this.ref.column + this.ref.numColumns - 1;
  }

  getA1Notation(): string {
    return a1Notation(this.ref.row, this.ref.column, this.ref.numRows, this.ref.numColumns);
  }

  protect(): ProtectionFacade {
    const record: ProtectionRecord = { type: 'RANGE', range: this.getA1Notation(), warningOnly: false, description: '' };
    this.ref.sheet.protections.push(record);
    return new ProtectionFacade(this.emulator, this.ref.sheet, record);
  }

  getValues(): CellValueOut[][] {
    const r = this.ref;
    return this.emulator.readValues(r.sheet, r.row, r.column, r.numRows, r.numColumns);
  }

  getValue(): CellValueOut {
    const r = this.ref;
    return this.emulator.readValues(r.sheet, r.row, r.column, 1, 1)[0][0];
  }

  getDisplayValues(): string[][] {
    const r = this.ref;
    return this.getValues().map((cells, i) =>
      cells.map((value, j) =>
        displayValue(value, r.sheet.cellFormats.numberFormat.get(r.row + i, r.column + j), this.emulator.locale),
      ),
    );
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }

  getFormulas(): string[][] {
    const r = this.ref;
    return this.emulator.readFormulas(r.sheet, r.row, r.column, r.numRows, r.numColumns);
  }

  getFormula(): string {
    return this.getFormulas()[0][0];
  }

  setValues(values: unknown[][]): RangeFacade {
    this.checkGrid(values, 'data');
    this.emulator.writeCells(this.ref.sheet, this.ref.row, this.ref.column, values);
    return this;
  }

  setValue(value: unknown): RangeFacade {
    this.emulator.writeCells(this.ref.sheet, this.ref.row, this.ref.column, this.filled(value));
    return this;
  }

  setFormulas(formulas: string[][]): RangeFacade {
    return this.setValues(formulas);
  }

  setFormula(formula: string): RangeFacade {
    return this.setValue(formula);
  }

  clearContent(): RangeFacade {
    this.emulator.writeCells(this.ref.sheet, this.ref.row, this.ref.column, this.filled(null));
    return this;
  }

  clearFormat(): RangeFacade {
    for (const layer of Object.values(this.ref.sheet.cellFormats)) this.fill(layer as CellLayer<unknown>, () => undefined);
    return this;
  }

  clear(): RangeFacade {
    this.clearContent();
    return this.clearFormat();
  }

  setNumberFormat(format: string): RangeFacade {
    return this.setFormat('numberFormat', format);
  }

  setNumberFormats(formats: string[][]): RangeFacade {
    return this.setFormats('numberFormat', formats);
  }

  getNumberFormat(): string {
    return this.ref.sheet.cellFormats.numberFormat.get(this.ref.row, this.ref.column) ?? 'General';
  }

  getNumberFormats(): string[][] {
    return this.formatsOf('numberFormat', 'General') as string[][];
  }

  setFontWeight(weight: string | null): RangeFacade {
    return this.setFormat('fontWeight', weight);
  }

  setFontWeights(weights: (string | null)[][]): RangeFacade {
    return this.setFormats('fontWeight', weights);
  }

  getFontWeights(): string[][] {
    return this.formatsOf('fontWeight', 'normal') as string[][];
  }

  getFontWeight(): string {
    return this.ref.sheet.cellFormats.fontWeight.get(this.ref.row, this.ref.column) ?? 'normal';
  }

  setBackground(color: string | null): RangeFacade {
    return this.setFormat('background', color);
  }

  setBackgrounds(colors: (string | null)[][]): RangeFacade {
    return this.setFormats('background', colors);
  }

  getBackground(): string {
    return this.ref.sheet.cellFormats.background.get(this.ref.row, this.ref.column) ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    return this.formatsOf('background', '#ffffff') as string[][];
  }

  setFontColor(color: string | null): RangeFacade {
    return this.setFormat('fontColor', color);
  }

  setFontColors(colors: (string | null)[][]): RangeFacade {
    return this.setFormats('fontColor', colors);
  }

  setHorizontalAlignment(alignment: string | null): RangeFacade {
    return this.setFormat('horizontalAlignment', alignment);
  }

  setHorizontalAlignments(alignments: (string | null)[][]): RangeFacade {
    return this.setFormats('horizontalAlignment', alignments);
  }

  setWrap(wrap: boolean): RangeFacade {
    return this.setFormat('wrap', wrap);
  }

  setWraps(wraps: boolean[][]): RangeFacade {
    return this.setFormats('wrap', wraps);
  }

  getWraps(): boolean[][] {
    return this.formatsOf('wrap', false) as boolean[][];
  }

  setDataValidation(rule: DataValidationFacade | null): RangeFacade {
    const record = rule ? rule.record : undefined;
    this.fill(this.ref.sheet.dataValidations, () => record);
    return this;
  }

  setDataValidations(rules: (DataValidationFacade | null)[][]): RangeFacade {
    this.checkGrid(rules, 'data validations');
    this.fill(this.ref.sheet.dataValidations, (i, j) => rules[i][j]?.record);
    return this;
  }

  clearDataValidations(): RangeFacade {
    return this.setDataValidation(null);
  }

  getDataValidation(): DataValidationFacade | null {
    const record = this.ref.sheet.dataValidations.get(this.ref.row, this.ref.column);
    return record ? new DataValidationFacade(this.emulator, record) : null;
  }

  private filled<T>(value: T): T[][] {
    return Array.from({ length: this.ref.numRows }, () => new Array<T>(this.ref.numColumns).fill(value));
  }

  private fill<T>(layer: CellLayer<T>, valueAt: (i: number, j: number) => T | undefined): void {
    for (let i = 0; i < this.ref.numRows; i++) {
      for (let j = 0; j < this.ref.numColumns; j++) layer.set(this.ref.row + i, this.ref.column + j, valueAt(i, j));
    }
  }

  private setFormat(name: FormatName, value: string | boolean | null): RangeFacade {
    this.fill(this.ref.sheet.cellFormats[name] as CellLayer<unknown>, () => value ?? undefined);
    return this;
  }

  private setFormats(name: FormatName, grid: (string | boolean | null)[][]): RangeFacade {
    this.checkGrid(grid, 'data');
    this.fill(this.ref.sheet.cellFormats[name] as CellLayer<unknown>, (i, j) => grid[i][j] ?? undefined);
    return this;
  }

  private formatsOf(name: FormatName, fallback: string | boolean): (string | boolean)[][] {
    const layer = this.ref.sheet.cellFormats[name] as CellLayer<string | boolean>;
    return Array.from({ length: this.ref.numRows }, (_, i) =>
      Array.from({ length: this.ref.numColumns }, (_, j) => layer.get(this.ref.row + i, this.ref.column + j) ?? fallback),
    );
  }

  /** Sheets' check: the grid must have exactly the range's rows and columns. */
  private checkGrid(grid: unknown[][], what: string): void {
    if (!Array.isArray(grid) || grid.length !== this.ref.numRows) {
      const has = Array.isArray(grid) ? grid.length : 0;
      throw new Error(`The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${has} but the range has ${this.ref.numRows}.`);
    }
    for (const row of grid) {
      const has = Array.isArray(row) ? row.length : 0;
      if (has !== this.ref.numColumns) {
        throw new Error(`The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${has} but the range has ${this.ref.numColumns}.`);
      }
    }
  }
}

export class DeveloperMetadataFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    /** The sheet or the spreadsheet the metadata is on. */
    readonly owner: { readonly metadata: MetadataRecord[] },
    readonly record: MetadataRecord,
  ) {
    return emulator.count(this, 'DeveloperMetadata', new Set(['remove', 'setKey', 'setValue']));
  }

  getId(): number {
    return this.record.id;
  }

  getKey(): string {
    return this.record.key;
  }

  getValue(): string | null {
    return this.record.value;
  }

  getVisibility(): string {
    return 'DOCUMENT';
  }

  setKey(key: string): DeveloperMetadataFacade {
    this.record.key = key;
    return this;
  }

  setValue(value: string): DeveloperMetadataFacade {
    this.record.value = value;
    return this;
  }

  remove(): void {
    const index = this.owner.metadata.indexOf(this.record);
    if (index >= 0) this.owner.metadata.splice(index, 1);
  }
}

export class ProtectionFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    readonly sheet: SheetModel,
    readonly record: ProtectionRecord,
  ) {
    return emulator.count(this, 'Protection', new Set(['setWarningOnly', 'setDescription', 'remove']));
  }

  setWarningOnly(warningOnly: boolean): ProtectionFacade {
    this.record.warningOnly = warningOnly;
    return this;
  }

  isWarningOnly(): boolean {
    return this.record.warningOnly;
  }

  setDescription(description: string): ProtectionFacade {
    this.record.description = description;
    return this;
  }

  getDescription(): string {
    return this.record.description;
  }

  getProtectionType(): string {
    return this.record.type;
  }

  remove(): void {
    const index = this.sheet.protections.indexOf(this.record);
    if (index >= 0) this.sheet.protections.splice(index, 1);
  }
}

export class EmbeddedChartBuilderFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    readonly record: ChartRecord,
  ) {
    return emulator.count(this, 'EmbeddedChartBuilder');
  }

  setChartType(type: string): EmbeddedChartBuilderFacade {
    this.record.type = type;
    return this;
  }

  addRange(range: RangeFacade): EmbeddedChartBuilderFacade {
    this.record.ranges.push(range);
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderFacade {
    this.record.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilderFacade {
    this.record.options[option] = value;
    return this;
  }

  setNumHeaders(headers: number): EmbeddedChartBuilderFacade {
    if (!Number.isInteger(headers) || headers < 0) throw new Error(`Invalid number of headers: ${headers}`);
    this.record.numHeaders = headers;
    return this;
  }

  setMergeStrategy(strategy: string): EmbeddedChartBuilderFacade {
    this.record.mergeStrategy = strategy;
    return this;
  }

  build(): EmbeddedChartFacade {
    return new EmbeddedChartFacade(this.emulator, { ...this.record, ranges: [...this.record.ranges], options: { ...this.record.options } });
  }
}

export class EmbeddedChartFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    readonly record: ChartRecord,
  ) {
    return emulator.count(this, 'EmbeddedChart');
  }

  getChartId(): string {
    return this.record.id;
  }

  getRanges(): RangeFacade[] {
    return [...this.record.ranges];
  }

  /** An option as set, or a part of a nested one by its dotted path ("series.0.color", "vAxis.format"). */
  getOptions(): { get(option: string): unknown } {
    const options = this.record.options;
    const get = (option: string): unknown => {
      if (option in options) return options[option];
      const parts = option.split('.');
      for (let head = parts.length - 1; head > 0; head--) {
        let value: unknown = options[parts.slice(0, head).join('.')];
        for (const part of parts.slice(head)) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
        if (value !== undefined) return value;
      }
      return undefined;
    };
    return { get };
  }

  /** Not in Apps Script (EmbeddedChart has no getter for it); for tests and the preview. */
  getChartType(): string | undefined {
    return this.record.type;
  }

  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this.record.position ?? { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
    return { getAnchorRow: () => p.anchorRow, getAnchorColumn: () => p.anchorColumn, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
}

export class DataValidationBuilderFacade {
  readonly record: DataValidationRecord = { criteria: 'VALUE_IN_LIST', values: [], allowInvalid: true, helpText: '' };

  constructor(readonly emulator: SpreadsheetEmulator) {
    return emulator.count(this, 'DataValidationBuilder');
  }

  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilderFacade {
    Object.assign(this.record, { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [number] });
    return this;
  }

  requireNumberBetween(start: number, end: number): DataValidationBuilderFacade {
    Object.assign(this.record, { criteria: 'NUMBER_BETWEEN', values: [start, end] });
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): DataValidationBuilderFacade {
    Object.assign(this.record, { criteria: 'VALUE_IN_LIST', values: [[...values], showDropdown] });
    return this;
  }

  requireValueInRange(range: RangeFacade, showDropdown = true): DataValidationBuilderFacade {
    const { sheet, row, column, numRows, numColumns } = range.ref;
    const source: ValidationSource = { sheet: this.emulator.sheetName(sheet), row, column, numRows, numColumns };
    Object.assign(this.record, { criteria: 'VALUE_IN_RANGE', values: [source, showDropdown] });
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderFacade {
    this.record.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilderFacade {
    this.record.helpText = helpText;
    return this;
  }

  build(): DataValidationFacade {
    return new DataValidationFacade(this.emulator, { ...this.record, values: [...this.record.values] });
  }
}

export class DataValidationFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    readonly record: DataValidationRecord,
  ) {
    return emulator.count(this, 'DataValidation');
  }

  getCriteriaType(): string {
    return this.record.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.record.values];
  }

  getAllowInvalid(): boolean {
    return this.record.allowInvalid;
  }

  getHelpText(): string {
    return this.record.helpText;
  }
}

export class ConditionalFormatRuleBuilderFacade {
  readonly record: ConditionalFormatRecord = { values: [], ranges: [] };

  constructor(readonly emulator: SpreadsheetEmulator) {
    return emulator.count(this, 'ConditionalFormatRuleBuilder');
  }

  private when(criteria: keyof typeof BooleanCriteria, values: unknown[]): ConditionalFormatRuleBuilderFacade {
    this.record.criteria = criteria;
    this.record.values = values;
    return this;
  }

  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderFacade {
    return this.when('TEXT_EQUAL_TO', [text]);
  }

  whenNumberLessThan(number: number): ConditionalFormatRuleBuilderFacade {
    return this.when('NUMBER_LESS_THAN', [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): ConditionalFormatRuleBuilderFacade {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderFacade {
    return this.when('CUSTOM_FORMULA', [formula]);
  }

  setBackground(color: string | null): ConditionalFormatRuleBuilderFacade {
    this.record.background = color ?? undefined;
    return this;
  }

  setFontColor(color: string | null): ConditionalFormatRuleBuilderFacade {
    this.record.fontColor = color ?? undefined;
    return this;
  }

  setRanges(ranges: RangeFacade[]): ConditionalFormatRuleBuilderFacade {
    this.record.ranges = [...ranges];
    return this;
  }

  build(): ConditionalFormatRuleFacade {
    if (this.record.criteria === undefined) throw new Error('The conditional format rule has no condition.');
    return new ConditionalFormatRuleFacade(this.emulator, { ...this.record, ranges: [...this.record.ranges] });
  }
}

export class ConditionalFormatRuleFacade {
  constructor(
    readonly emulator: SpreadsheetEmulator,
    readonly record: ConditionalFormatRecord,
  ) {
    return emulator.count(this, 'ConditionalFormatRule');
  }

  getRanges(): RangeFacade[] {
    return [...this.record.ranges];
  }

  getBooleanCondition(): { getCriteriaType(): string | undefined; getCriteriaValues(): unknown[]; getBackground(): string | null; getFontColor(): string | null } {
    const r = this.record;
    return {
      getCriteriaType: () => r.criteria,
      getCriteriaValues: () => [...r.values],
      getBackground: () => r.background ?? null,
      getFontColor: () => r.fontColor ?? null,
    };
  }
}
