import { translate, type MessageKey } from '../i18n';
import { periodLabel } from '../calendar';
import { CONTENT_TYPES } from '../model/initiatives';
import { stageLabel } from '../model/stages';
import { COUNT_FORMAT } from './data-sheet';
import { HEADER_STYLE, INPUT_BACKGROUND, SECTION_BACKGROUND, SheetGrid } from './grid';
import { KPI_STAGES, periodization, type WorkbookOptions } from './options';
import type { SheetSpec } from './spec';
import { localRef, textCell } from './text';

/** The 3-3-3 rule: three content types, three distribution channels, across the audience's stages. */
export const CONTENT_TYPE_COUNT = 3;
export const CONTENT_CHANNEL_COUNT = 3;
const COLUMNS = 2 + CONTENT_CHANNEL_COUNT + 1;

/**
 * The 3-3-3 content plan: three content types and three of the workbook's channels (shaded, renamable),
 * a matrix of which type goes out on which channel at each RACE stage (shaded; each cell starts as a
 * reference to a type, so renaming a type renames it everywhere, and a cleared type shows nothing rather
 * than 0), and a calendar over the horizon's
 * periods whose cells pick the matrix's entries, one stage per period in turn.
 */
export function contentSheet(options: WorkbookOptions, sheetName: string, periods: readonly number[]): SheetSpec {
  const { language } = options;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const grid = new SheetGrid();
  const section = { bold: true, background: SECTION_BACKGROUND };
  const input = { background: INPUT_BACKGROUND };
  const sectionRow = (row: number, label: string) => grid.setRow(row, 1, [textCell(label), ...Array<string>(COLUMNS - 1).fill('')], section);
  // A referenced cell as shown: "" for an empty one (a bare reference to it would show 0).
  const shown = (cell: string) => `=IF(${cell}="","",${cell})`;

  grid.set(1, 1, textCell(t('workbook.content.title', { business: options.businessName })), { bold: true });
  grid.set(2, 1, textCell(t('workbook.content.intro')));

  let row = 4;
  sectionRow(row++, t('workbook.content.types'));
  const typeCells: string[] = [];
  CONTENT_TYPES[options.model].forEach((type, i) => {
    grid.set(row, 1, i + 1, { format: COUNT_FORMAT });
    grid.set(row, 2, textCell(type[language]), input);
    typeCells.push(localRef(row, 2));
    row++;
  });
  row++;

  // The matrix: a row per RACE stage, a column per channel.
  sectionRow(row++, t('workbook.content.matrix'));
  const channelRow = row;
  grid.headerRow(row, 1, [t('workbook.plan.stage'), t('workbook.content.audience')]);
  for (let c = 0; c < CONTENT_CHANNEL_COUNT; c++) grid.set(row, 3 + c, textCell(options.channels[c] ?? ''), { ...HEADER_STYLE, ...input });
  row++;
  const firstMatrixRow = row;
  KPI_STAGES.forEach((stage, s) => {
    grid.set(row, 1, textCell(stageLabel(stage, language)), { bold: true });
    grid.set(row, 2, textCell(t(`workbook.content.audience.${stage}`)));
    // Each stage a different mix: the types rotate across the channels, the fourth stage in reverse.
    for (let c = 0; c < CONTENT_CHANNEL_COUNT; c++) {
      const type = s < CONTENT_TYPE_COUNT ? (s + c) % CONTENT_TYPE_COUNT : CONTENT_TYPE_COUNT - 1 - (c % CONTENT_TYPE_COUNT);
      grid.set(row, 3 + c, shown(typeCells[type]), input);
    }
    row++;
  });
  const matrix = localRef(firstMatrixRow, 3, KPI_STAGES.length, CONTENT_CHANNEL_COUNT);
  row++;

  // The calendar: each period serves one stage in turn and takes that stage's row of the matrix.
  sectionRow(row++, t('workbook.content.calendar'));
  grid.headerRow(row, 1, [t(options.granularity === 'week' ? 'workbook.plan.periodWeek' : 'workbook.plan.periodMonth'), t('workbook.plan.stage')]);
  for (let c = 0; c < CONTENT_CHANNEL_COUNT; c++) grid.set(row, 3 + c, shown(localRef(channelRow, 3 + c)), HEADER_STYLE);
  grid.set(row, 3 + CONTENT_CHANNEL_COUNT, textCell(t('workbook.content.topic')), HEADER_STYLE);
  row++;
  const firstCalendarRow = row;
  const { calendar } = periodization(options);
  periods.forEach((period, p) => {
    const s = p % KPI_STAGES.length;
    grid.set(row, 1, textCell(periodLabel(period, options.granularity, language, calendar)));
    grid.set(row, 2, `=${localRef(firstMatrixRow + s, 1)}`);
    for (let c = 0; c < CONTENT_CHANNEL_COUNT; c++) {
      // No channel in that column: nothing to publish there.
      const channel = localRef(channelRow, 3 + c);
      const entry = `INDEX(${matrix},${s + 1},${c + 1})`;
      grid.set(row, 3 + c, `=IF(OR(${channel}="",${entry}=""),"",${entry})`);
    }
    grid.set(row, 3 + CONTENT_CHANNEL_COUNT, '', { format: '@', ...input });
    row++;
  });
  const calendarRows = periods.length;

  return grid.toSpec({
    role: 'content',
    name: sheetName,
    rightToLeft: language !== 'en',
    frozenRows: 0,
    columnWidths: [
      { column: 1, numColumns: 1, width: 170 },
      { column: 2, numColumns: COLUMNS - 1, width: 190 },
    ],
    validations: [],
    conditionalFormats: [],
    charts: [],
    // The calendar's cells are formulas over the matrix: a warning before overwriting them.
    warningOnly: [{ row: firstCalendarRow, column: 2, numRows: calendarRows, numColumns: 1 + CONTENT_CHANNEL_COUNT }],
    tabColor: '#a142f4',
  });
}
