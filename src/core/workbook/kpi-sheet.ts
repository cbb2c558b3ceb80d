import { periodLabel } from '../calendar';
import { translate, type Language } from '../i18n';
import { KPIS_BY_ID, VQVC_CLASSES, VQVC_LABELS, isAdditive, type Kpi, type KpiId, type KpiUnit } from '../model/kpis';
import type { MeasureId } from '../model/measures';
import { stageLabel } from '../model/stages';
import { vqvcCoverage } from '../model/vqvc';
import { DIRECTION_NAMES } from '../status';
import { COUNT_FORMAT, DATE_FORMAT, RATE_FORMAT, RATIO_FORMAT, dataColumnRef, measureColumn, moneyFormat, type DataLayout } from './data-sheet';
import type { TargetLink } from './dashboard-sheet';
import { statusFormats } from './dashboard-sheet';
import { INPUT_BACKGROUND, SECTION_BACKGROUND, SheetGrid } from './grid';
import { KPI_STAGES, periodization, type KpiStageId, type WorkbookOptions } from './options';
import type { SheetSpec } from './spec';
import { blockRef, formulaString, localRef, textCell } from './text';

/**
 * A block's columns. Status and forecast status are each one RACE_STATUS spilling down the block, so the
 * statuses sit side by side (one color rule covers both) after the figures they compare.
 */
export const KPI_COLUMNS = {
  stage: 1, kpi: 2, vqvc: 3, definition: 4, formula: 5, direction: 6, target: 7, targetToDate: 8, actual: 9, forecast: 10,
  status: 11, forecastStatus: 12, note: 13, owner: 14,
} as const;
const COLUMNS = KPI_COLUMNS;
const LAST_COLUMN = COLUMNS.owner;
/** The periods' weights: label, first day, weight, in columns P to R (the pacing help names them). */
const WEIGHT_COLUMNS = { label: 16, start: 17, weight: 18 } as const;
/** The row of the VQVC section; the pacing section and the blocks follow. */
const FIRST_SECTION_ROW = 4;

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

/** "Volume ✓  Quality ✓  Value ✓  Cost —": the classes a stage's KPIs measure. */
export function vqvcLine(kpiIds: readonly KpiId[], language: Language): string {
  const coverage = vqvcCoverage(kpiIds);
  return VQVC_CLASSES.map((c) => `${VQVC_LABELS[c][language]} ${coverage[c].length > 0 ? '✓' : '—'}`).join('   ');
}

/**
 * The KPIs of the business model per stage with targets, actuals over the Data sheet, pacing (target
 * to date, status, forecast, forecast status); a block per segment (when segments are given) and a
 * block for all segments. Each block's two status columns are one RACE_STATUS call each.
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
  const section = { bold: true, background: SECTION_BACKGROUND };
  const input = { background: INPUT_BACKGROUND };
  const targets: TargetLink[] = [];
  const typeActual = formulaString(t('workbook.kpi.typeActual'));

  grid.set(1, 1, textCell(t('workbook.kpi.title', { business: options.businessName })), { bold: true });
  grid.set(2, 1, textCell(t('workbook.kpi.intro')));

  // VQVC: a line per stage saying which classes its KPIs measure.
  let row = FIRST_SECTION_ROW;
  grid.set(row++, 1, textCell(t('workbook.kpi.vqvcSection')), section);
  for (const stage of KPI_STAGES) {
    grid.set(row, 1, textCell(stageLabel(stage, language)), { bold: true });
    grid.set(row++, 2, textCell(vqvcLine(kpiIds[stage], language)));
  }
  row++;

  // The periods' weights beside the sections, one row per period, 1 each (even) until the user edits them.
  const { calendar } = periodization(options);
  const periods = data.periods;
  grid.headerRow(FIRST_SECTION_ROW, WEIGHT_COLUMNS.label, [t('workbook.kpi.weights'), t('workbook.dashboard.periodStart'), t('workbook.kpi.weight')]);
  const firstWeightRow = FIRST_SECTION_ROW + 1;
  periods.forEach((period, i) => {
    grid.set(firstWeightRow + i, WEIGHT_COLUMNS.label, textCell(periodLabel(period, options.granularity, language, calendar)));
    grid.set(firstWeightRow + i, WEIGHT_COLUMNS.start, period, { format: DATE_FORMAT });
    grid.set(firstWeightRow + i, WEIGHT_COLUMNS.weight, 1, { format: RATIO_FORMAT, ...input });
  });
  const weightBlock = { row: firstWeightRow, column: WEIGHT_COLUMNS.weight, numRows: periods.length, numColumns: 1 };
  const weights = localRef(firstWeightRow, WEIGHT_COLUMNS.weight, periods.length, 1);
  const starts = localRef(firstWeightRow, WEIGHT_COLUMNS.start, periods.length, 1);
  const labels = localRef(firstWeightRow, WEIGHT_COLUMNS.label, periods.length, 1);

  // Pacing: the latest period with any figure on the Data sheet, and the share of the weights up to it.
  const pacingRow = row;
  grid.set(row++, 1, textCell(t('workbook.kpi.pacing')), section);
  const periodCells = dataColumnRef(data, data.periodColumn);
  const anyFigure = data.measures.map((measure) => `ISNUMBER(${dataColumnRef(data, measureColumn(data, measure))})`).join('+');
  const latest = localRef(row, 2);
  grid.set(row, 1, textCell(t('workbook.kpi.latestPeriod')), { bold: true });
  // The latest date with a figure; 1/(1/x) turns the 0 of no figure yet into an error, then "".
  grid.set(row, 2, `=IFERROR(1/(1/ARRAYFORMULA(MAX(IF(ISNUMBER(${periodCells})*((${anyFigure})>0),${periodCells},0)))),"")`, { format: DATE_FORMAT });
  grid.set(row++, 3, `=IF(ISNUMBER(${latest}),IFERROR(INDEX(${labels},MATCH(${latest},${starts},0)),""),"")`);
  const share = localRef(row, 2);
  grid.set(row, 1, textCell(t('workbook.kpi.shareToDate')), { bold: true });
  grid.set(row++, 2, `=IF(ISNUMBER(${latest}),IF(SUM(${weights})>0,SUMIFS(${weights},${starts},"<="&${latest})/SUM(${weights}),""),"")`, { format: RATE_FORMAT });
  grid.set(row++, 1, textCell(t('workbook.kpi.pacingHelp')));
  const pacingBlock = { row: pacingRow + 1, column: 2, numRows: 2, numColumns: 2 };
  row++;

  const firstBlockRow = row;
  const blocks: (string | undefined)[] = [...options.segments, undefined];
  for (const segment of blocks) {
    const isAll = segment === undefined;
    grid.set(row, 1, textCell(t('workbook.kpi.segment')), section);
    grid.set(row, 2, textCell(segment ?? t('workbook.kpi.allSegments')), section);
    const segmentCell = isAll ? undefined : localRef(row, 2);
    row++;
    grid.headerRow(
      row++,
      1,
      [
        t('workbook.kpi.stage'), t('workbook.kpi.kpi'), t('workbook.kpi.vqvc'), t('workbook.kpi.definition'), t('workbook.kpi.formula'),
        t('workbook.kpi.direction'), t('workbook.kpi.target'), t('workbook.kpi.targetToDate'), t('workbook.kpi.actual'),
        t('workbook.kpi.forecast'), t('workbook.kpi.status'), t('workbook.kpi.forecastStatus'), t('workbook.kpi.note'), t('workbook.kpi.owner'),
      ],
    );
    const firstKpiRow = row;
    const kpiCount = KPI_STAGES.reduce((count, stage) => count + kpiIds[stage].length, 0);
    const column = (c: number) => localRef(firstKpiRow, c, kpiCount, 1);
    // RACE_STATUS gives "" where the actual or the target is blank: no data yet, or no target set.
    grid.set(row, COLUMNS.status, `=RACE_STATUS(${column(COLUMNS.actual)},${column(COLUMNS.targetToDate)},${column(COLUMNS.direction)},,${lang})`);
    grid.set(row, COLUMNS.forecastStatus, `=RACE_STATUS(${column(COLUMNS.forecast)},${column(COLUMNS.target)},${column(COLUMNS.direction)},,${lang})`);
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
        // A direction word RACE_STATUS reads in every language.
        grid.set(row, COLUMNS.direction, textCell(DIRECTION_NAMES[kpi.direction][language]));
        grid.set(row, COLUMNS.target, target ?? '', { format, ...input });
        grid.set(row, COLUMNS.actual, actual, actual === '' ? { format, ...input } : { format });
        // Counts and sums are due by the weights so far and carried on at their pace; the rest stays as it is.
        const additive = isAdditive(kpi);
        grid.set(row, COLUMNS.targetToDate, additive ? `=IF(OR(${targetCell}="",${share}=""),"",${targetCell}*${share})` : `=IF(${targetCell}="","",${targetCell})`, { format });
        grid.set(row, COLUMNS.forecast, additive ? `=IF(OR(${actualCell}="",${share}="",${share}=0),"",${actualCell}/${share})` : `=IF(${actualCell}="","",${actualCell})`, { format });
        // A typed actual: until it is there, the note says to type it.
        if (actual === '') grid.set(row, COLUMNS.note, `=IF(${actualCell}="",${typeActual},"")`);
        grid.set(row, COLUMNS.owner, '', { format: '@', ...input });
        if (isAll && kpi === volumeKpi) {
          const ref = (c: number) => blockRef(sheetName, row, c);
          targets.push({
            stage,
            stageName: stageLabel(stage, language),
            kpiName: kpi.name[language],
            target: ref(COLUMNS.target),
            actual: ref(COLUMNS.actual),
            status: ref(COLUMNS.status),
            format,
            targetToDate: ref(COLUMNS.targetToDate),
            forecast: ref(COLUMNS.forecast),
            forecastStatus: ref(COLUMNS.forecastStatus),
          });
        }
        row++;
      }
    }
    row++;
  }
  const blockRows = row - 1 - firstBlockRow;
  const statusBlock = { row: firstBlockRow, column: COLUMNS.status, numRows: blockRows, numColumns: 2 };

  const spec = grid.toSpec({
    role: 'kpis',
    name: sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 0,
    columnWidths: [
      { column: 1, numColumns: 1, width: 180 }, // stages, and the pacing labels ("Latest period with data")
      { column: 2, numColumns: 1, width: 240 }, // KPI names ("Click-through rate (CTR)")
      { column: 3, numColumns: 1, width: 90 },
      { column: COLUMNS.definition, numColumns: 2, width: 260 },
      { column: COLUMNS.direction, numColumns: LAST_COLUMN - COLUMNS.direction + 1, width: 110 },
      { column: WEIGHT_COLUMNS.label, numColumns: 3, width: 110 },
    ],
    validations: [{ block: weightBlock, rule: { kind: 'nonNegativeNumber', helpText: t('workbook.kpi.weightHelp') } }],
    conditionalFormats: statusFormats(options, statusBlock),
    charts: [],
    // Computed cells; targets, owners, weights and the actuals the Data sheet cannot give stay free to type.
    warningOnly: [
      pacingBlock,
      { row: firstBlockRow, column: COLUMNS.targetToDate, numRows: blockRows, numColumns: 1 },
      { row: firstBlockRow, column: COLUMNS.forecast, numRows: blockRows, numColumns: COLUMNS.note - COLUMNS.forecast + 1 },
    ],
    tabColor: '#fbbc04',
  });
  return { spec, targets };
}
