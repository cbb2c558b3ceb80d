import { translate, type Language } from '../i18n';
import { KPIS_BY_ID, VQVC_LABELS, type Kpi, type KpiId, type KpiUnit } from '../model/kpis';
import type { MeasureId } from '../model/measures';
import { stageLabel } from '../model/stages';
import { COUNT_FORMAT, RATE_FORMAT, RATIO_FORMAT, dataColumnRef, measureColumn, moneyFormat, type DataLayout } from './data-sheet';
import type { TargetLink } from './dashboard-sheet';
import { statusFormats } from './dashboard-sheet';
import { HEADER_BACKGROUND, INPUT_BACKGROUND, SECTION_BACKGROUND, SheetGrid } from './grid';
import { KPI_STAGES, type KpiStageId, type WorkbookOptions } from './options';
import type { SheetSpec } from './spec';
import { blockRef, formulaString, localRef, textCell } from './text';

const COLUMNS = { stage: 1, kpi: 2, vqvc: 3, definition: 4, formula: 5, target: 6, actual: 7, status: 8, owner: 9 } as const;
const KPI_COLUMNS = 9;

export function unitFormat(unit: KpiUnit, currency: string, language: Language): string {
  if (unit === 'count') return COUNT_FORMAT;
  if (unit === 'rate') return RATE_FORMAT;
  if (unit === 'currency') return moneyFormat(currency, language);
  return RATIO_FORMAT;
}

/** The stage's volume KPI computed from one measure: the one a stage target (options.targets) sets. */
export function stageVolumeKpi(kpiIds: readonly KpiId[]): Kpi | undefined {
  return kpiIds
    .map((id) => KPIS_BY_ID[id])
    .find((kpi) => kpi.vqvc === 'volume' && kpi.fromData && !kpi.fromData.denominator && !kpi.fromData.over);
}

/**
 * The actual of a KPI over the Data sheet, "" until its column has a number (and while a ratio's
 * denominator is zero), so it is never an error. `segment` is the cell holding the segment name.
 * "" also for a KPI no column feeds: its actual is typed.
 *
 * A segment block matches its rows with `=` (exact text, case-insensitive as in Sheets) inside
 * SUMPRODUCT/MAX, never with a SUMIFS criterion: a name like ">10", "=", "=1+1" or "TRUE" would be read
 * as criteria syntax. ARRAYFORMULA makes the comparisons element-wise in every engine (Sheets' SUMPRODUCT
 * does it alone, HyperFormula's does not).
 */
function actualFormula(kpi: Kpi, data: DataLayout, segment?: string): string {
  const from = kpi.fromData;
  if (!from) return '';
  const column = (measure: MeasureId) => dataColumnRef(data, measureColumn(data, measure));
  const inSegment = segment && data.segmentColumn !== undefined ? `(${dataColumnRef(data, data.segmentColumn)}=${segment})` : undefined;
  // Text typed into a measure column counts as nothing, as SUM and SUMIFS skip it.
  const sum = (cells: string) => (inSegment ? `ARRAYFORMULA(SUMPRODUCT(${inSegment}*ISNUMBER(${cells}),${cells}))` : `SUM(${cells})`);
  const numerator = column(from.numerator);
  if (from.over) {
    // A level (MRR): its total in the latest period with a figure, against the period before for growth.
    const periods = dataColumnRef(data, data.periodColumn);
    const rows = [inSegment, `ISNUMBER(${numerator})`, `(${numerator}>0)`, `ISNUMBER(${periods})`].filter(Boolean).join('*');
    const lastPeriod = (before = '') => `ARRAYFORMULA(MAX(IF(${rows}${before},${periods},0)))`;
    const count = (before = '') => `ARRAYFORMULA(SUMPRODUCT(${rows}${before}))`;
    const latest = lastPeriod();
    const inPeriod = (period: string) => `ARRAYFORMULA(SUMPRODUCT(${[inSegment, `(${periods}=${period})`, `ISNUMBER(${numerator})`].filter(Boolean).join('*')},${numerator}))`;
    const noData = `${count()}=0`;
    if (from.over === 'latest') return `=IF(${noData},"",${inPeriod(latest)})`;
    const beforeLatest = `*(${periods}<${latest})`;
    const previous = lastPeriod(beforeLatest);
    const noPrevious = `${count(beforeLatest)}=0`;
    return `=IF(${noData},"",IF(${noPrevious},"",RACE_GROWTH(${inPeriod(latest)},${inPeriod(previous)})))`;
  }
  if (!from.denominator) return `=IF(COUNT(${numerator})=0,"",${sum(numerator)})`;
  const denominator = [from.denominator, from.denominatorPlus].flatMap((measure) => (measure ? [sum(column(measure))] : [])).join('+');
  return `=IF(OR(COUNT(${numerator})=0,${denominator}=0),"",${sum(numerator)}/(${denominator}))`;
}

export interface KpiSheetResult {
  spec: SheetSpec;
  /** Each stage's volume KPI in the all-segments block, for the dashboard's targets table. */
  targets: TargetLink[];
}

/**
 * The KPIs of the business model per stage with targets, actuals over the Data sheet and RACE_STATUS;
 * a block per segment (when segments are given) and a block for all segments.
 */
export function kpiSheet(
  options: WorkbookOptions,
  sheetName: string,
  kpiIds: Record<KpiStageId, readonly KpiId[]>,
  data: DataLayout,
): KpiSheetResult {
  const { language } = options;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
  const lang = formulaString(language);
  const grid = new SheetGrid();
  const header = { bold: true, background: HEADER_BACKGROUND };
  const input = { background: INPUT_BACKGROUND };
  const targets: TargetLink[] = [];
  const typeActual = formulaString(t('workbook.kpi.typeActual'));

  grid.set(1, 1, textCell(t('workbook.kpi.title', { business: options.businessName })), { bold: true });
  grid.set(2, 1, textCell(t('workbook.kpi.intro')));
  let row = 4;
  const firstBlockRow = row;
  const blocks: (string | undefined)[] = [...options.segments, undefined];
  for (const segment of blocks) {
    const isAll = segment === undefined;
    grid.set(row, 1, textCell(t('workbook.kpi.segment')), { bold: true, background: SECTION_BACKGROUND });
    grid.set(row, 2, textCell(segment ?? t('workbook.kpi.allSegments')), { bold: true, background: SECTION_BACKGROUND });
    const segmentCell = isAll ? undefined : localRef(row, 2);
    row++;
    grid.setRow(
      row++,
      1,
      [
        t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.kpi.vqvc'), t('workbook.kpi.definition'), t('workbook.kpi.formula'),
        t('workbook.kpi.target'), t('workbook.kpi.actual'), t('workbook.kpi.status'), t('workbook.kpi.owner'),
      ].map(textCell),
      header,
    );
    for (const stage of KPI_STAGES) {
      const volumeKpi = stageVolumeKpi(kpiIds[stage]);
      for (const id of kpiIds[stage]) {
        const kpi = KPIS_BY_ID[id];
        const format = unitFormat(kpi.unit, options.currency, options.language);
        const target = isAll && kpi === volumeKpi ? options.targets[stage] : undefined;
        const actual = actualFormula(kpi, data, segmentCell);
        const targetCell = localRef(row, COLUMNS.target);
        const actualCell = localRef(row, COLUMNS.actual);
        grid.set(row, COLUMNS.stage, textCell(stageLabel(stage, language)));
        grid.set(row, COLUMNS.kpi, textCell(kpi.name[language]), { bold: true });
        grid.set(row, COLUMNS.vqvc, textCell(VQVC_LABELS[kpi.vqvc][language]));
        grid.set(row, COLUMNS.definition, textCell(kpi.definition[language]));
        grid.set(row, COLUMNS.formula, textCell(kpi.formula[language]));
        grid.set(row, COLUMNS.target, target ?? '', { format, ...input });
        grid.set(row, COLUMNS.actual, actual, actual === '' ? { format, ...input } : { format });
        const status = `RACE_STATUS(${actualCell},${targetCell},${formulaString(kpi.direction)},,${lang})`;
        // A typed actual: until it is there, the status cell says to type it.
        grid.set(row, COLUMNS.status, actual === '' ? `=IF(${actualCell}="",${typeActual},${status})` : `=${status}`);
        grid.set(row, COLUMNS.owner, '', { format: '@', ...input });
        if (isAll && kpi === volumeKpi) {
          targets.push({
            stage,
            stageName: stageLabel(stage, language),
            kpiName: kpi.name[language],
            target: blockRef(sheetName, row, COLUMNS.target),
            actual: blockRef(sheetName, row, COLUMNS.actual),
            status: blockRef(sheetName, row, COLUMNS.status),
            format,
          });
        }
        row++;
      }
    }
    row++;
  }
  const statusBlock = { row: firstBlockRow, column: COLUMNS.status, numRows: row - 1 - firstBlockRow, numColumns: 1 };

  const spec = grid.toSpec({
    role: 'kpis',
    name: sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 0,
    columnWidths: [
      { column: 1, numColumns: 3, width: 120 },
      { column: COLUMNS.definition, numColumns: 2, width: 260 },
      { column: COLUMNS.target, numColumns: KPI_COLUMNS - COLUMNS.target + 1, width: 110 },
    ],
    validations: [],
    conditionalFormats: statusFormats(options, statusBlock),
    charts: [],
    // Statuses are formulas; targets, owners and the actuals the Data sheet cannot give stay free to type.
    warningOnly: [statusBlock],
    tabColor: '#fbbc04',
  });
  return { spec, targets };
}
