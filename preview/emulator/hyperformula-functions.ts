// The RACE custom functions as HyperFormula functions, generated from the same registry the add-on
// ships (src/functions), so formulas in emulated workbooks run the real code. Arguments and results
// are converted to and from what Apps Script passes to a custom function.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import { gridOf, type Arg, type Cell } from '../../src/core/cells';
import { errorMessage } from '../../src/core/errors';
import { CUSTOM_FUNCTIONS } from '../../src/functions';
import type { CustomFunctionSpec } from '../../src/functions/define';

// HyperFormula's internal value types are not exported: these are the shapes we rely on.
type ScalarIn = unknown;
type Ast = unknown;
interface State {
  formulaAddress: { sheet: number; row: number; col: number };
}
interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}
type ScalarOut = number | string | boolean | typeof EmptyValue | CellError;

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME']);

/**
 * HyperFormula fixes a spill's size when the formula is entered, from the data at that moment; Sheets
 * re-sizes on every recalculation. The plugin reports a result whose size differs from the size the
 * engine reserved, and the emulator enters that formula again so that the engine sizes it anew.
 */
export interface SpillObserver {
  resized(address: State['formulaAddress']): void;
}

const observers = new WeakMap<object, SpillObserver>();

/** Connects an engine to the emulator that owns it; keyed by the dependency graph its plugins share. */
export function observeSpills(engine: HyperFormula, observer: SpillObserver): void {
  observers.set(engine.dependencyGraph, observer);
}

function isRichNumber(value: unknown): value is RichNumberLike {
  return typeof value === 'object' && value !== null && typeof (value as RichNumberLike).val === 'number';
}

/** What the plugin runs: each spec's run() with Apps Script-shaped arguments, and the size of its result. */
class RaceFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  /**
   * The size the engine reserved for this call's result, when the call is the whole formula
   * (`=RACE_FUNNEL(...)`); undefined when it is nested in another function, which owns the size.
   */
  private reservedSize(spec: CustomFunctionSpec, state: State): { rows: number; columns: number } | undefined {
    const vertex = this.dependencyGraph.getCell(state.formulaAddress as never) as
      | { formula?: { procedureName?: string }; width?: number; height?: number }
      | undefined;
    if (vertex?.formula?.procedureName !== spec.name || vertex.width === undefined || vertex.height === undefined) return undefined;
    return { rows: vertex.height, columns: vertex.width };
  }

  /** Fits a result to the reserved size (the engine cannot store more) and reports a size change. */
  private fitted(spec: CustomFunctionSpec, state: State, rows: number, columns: number): { rows: number; columns: number } {
    const reserved = this.reservedSize(spec, state);
    if (!reserved || (reserved.rows === rows && reserved.columns === columns)) return { rows, columns };
    observers.get(this.dependencyGraph)?.resized(state.formulaAddress);
    return reserved;
  }

  /** A scalar as a custom function receives it: "" for empty, a Date for date cells. */
  private toCell(value: ScalarIn): Cell {
    if (value === EmptyValue || value === undefined || value === null) return '';
    if (value instanceof CellError) throw new Error(errorText(value));
    if (isRichNumber(value)) {
      if (DATE_TYPES.has(value.getDetailedType())) {
        const d = this.dateTimeHelper.numberToSimpleDateTime(value.val);
        return new Date(d.year, d.month - 1, d.day, d.hours, d.minutes, Math.floor(d.seconds));
      }
      return value.val;
    }
    return value as Cell;
  }

  /** A range arrives as a 2-D array, a single cell (or a 1x1 range) as a scalar. */
  private toArg(value: unknown): Arg {
    if (value === undefined) return undefined; // an omitted optional argument
    if (value instanceof SimpleRangeValue) {
      const rows = value.data.map((row) => row.map((cell) => this.toCell(cell)));
      return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
    }
    return this.toCell(value);
  }

  private toScalarOut(cell: Cell): ScalarOut {
    if (cell === null || cell === undefined) return EmptyValue;
    if (cell instanceof Date) {
      return this.dateTimeHelper.dateToNumber({ year: cell.getFullYear(), month: cell.getMonth() + 1, day: cell.getDate() });
    }
    if (typeof cell === 'number' && !Number.isFinite(cell)) {
      return new CellError(ErrorType.NUM, `Custom function returned ${cell}`);
    }
    return cell;
  }

  /** Runs the spec: a 2-D result spills (a 1x1 one is a scalar, as in Sheets), a thrown Error is #ERROR!. */
  evaluate(spec: CustomFunctionSpec, args: unknown[], state: State): ScalarOut | SimpleRangeValue {
    let result: Cell | Cell[][];
    try {
      result = spec.run(...args.map((arg) => this.toArg(arg)));
    } catch (error) {
      this.fitted(spec, state, 1, 1);
      return new CellError(ErrorType.ERROR, errorMessage(error));
    }
    if (!Array.isArray(result)) {
      this.fitted(spec, state, 1, 1);
      return this.toScalarOut(result);
    }
    const grid = gridOf(result);
    const size = this.fitted(spec, state, Math.max(1, grid.length), Math.max(1, ...grid.map((row) => row.length)));
    const rows = Array.from({ length: size.rows }, (_, r) => Array.from({ length: size.columns }, (_, c) => this.toScalarOut(grid[r]?.[c])));
    if (size.rows === 1 && size.columns === 1) return rows[0][0];
    return SimpleRangeValue.onlyValues(rows as never);
  }

  /** The result's size, found by running the function on the current data (an error is one cell). */
  sizeOf(spec: CustomFunctionSpec, ast: { args: Ast[] }, state: State): ArraySize {
    let size = ArraySize.scalar();
    try {
      const args = ast.args.map((arg) => this.evaluateAst(arg as never, state as never));
      if (!args.some((arg) => arg instanceof CellError)) {
        const result = spec.run(...args.map((arg) => this.toArg(arg)));
        if (Array.isArray(result)) {
          const grid = gridOf(result);
          const width = Math.max(1, ...grid.map((row) => row.length));
          size = new ArraySize(width, Math.max(1, grid.length));
        }
      }
    } catch {
      size = ArraySize.scalar(); // a thrown error or data not computed yet: re-checked when computed
    }
    return size;
  }
}

/** The text Sheets shows for an error value: "#DIV/0!", "#ERROR!", "#N/A", ... */
export function errorText(error: { type: ErrorType }): string {
  switch (error.type) {
    case ErrorType.DIV_BY_ZERO:
      return '#DIV/0!';
    case ErrorType.NAME:
      return '#NAME?';
    case ErrorType.VALUE:
      return '#VALUE!';
    case ErrorType.NUM:
      return '#NUM!';
    case ErrorType.NA:
      return '#N/A';
    case ErrorType.REF:
    case ErrorType.SPILL: // Sheets reports a blocked spill and a circular reference as #REF!
    case ErrorType.CYCLE:
      return '#REF!';
    default:
      return '#ERROR!';
  }
}

let registered = false;

/** Registers every RACE custom function with HyperFormula, once per process. */
export function registerRaceFunctions(): void {
  if (registered) return;
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  const prototype = RaceFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of CUSTOM_FUNCTIONS) {
    const method = `run_${spec.name}`;
    const sizeMethod = `size_${spec.name}`;
    prototype[method] = function (this: RaceFunctionsPlugin, ast: { args: Ast[] }, state: State) {
      return this['runFunction'](
        ast.args as never,
        state as never,
        this['metadata'](spec.name),
        (...args: unknown[]) => this.evaluate(spec, args, state) as never,
      );
    };
    prototype[sizeMethod] = function (this: RaceFunctionsPlugin, ast: { args: Ast[] }, state: State) {
      return this.sizeOf(spec, ast, state);
    };
    implemented[spec.name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: spec.params.map((param) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: param.optional === true })),
    };
    translations[spec.name] = spec.name;
  }
  RaceFunctionsPlugin.implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(RaceFunctionsPlugin, { enGB: translations });
  registered = true;
}
