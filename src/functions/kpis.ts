import { cellsOf, describeValue, isBlank, type Arg } from '../core/cells';
import { raceError, type CallContext } from '../core/errors';
import { kpiReferenceTable, resolveStage, STAGE_IDS, stageLabel, type StageId } from '../core/model';
import { languageContext } from './context';
import { defineCustomFunction } from './define';

/** The `stage` argument: blank is every stage; otherwise one cell naming a stage (id or name, any language). */
function readStage(ctx: CallContext, stage: Arg): StageId | undefined {
  const cells = cellsOf(stage);
  const cell = cells.length === 1 ? cells[0] : cells.map((value) => String(value ?? '')).join(', ');
  if (isBlank(cell)) return undefined;
  const resolved = typeof cell === 'string' ? resolveStage(cell) : undefined;
  if (resolved !== undefined) return resolved;
  const choices = STAGE_IDS.map((id) => (ctx.language === 'en' ? id : stageLabel(id, ctx.language)));
  throw raceError(ctx, 'error.unknownStage', { arg: 'stage', choices: choices.join(', '), value: describeValue(ctx, cell) });
}

export const RACE_KPIS = defineCustomFunction({
  name: 'RACE_KPIS',
  description:
    'The RACE KPI catalogue: each KPI with its stage, VQVC class (volume, quality, value, cost), unit, which direction is better, definition and formula in words.',
  params: [
    {
      name: 'stage',
      description: 'Optional stage: plan, reach, act, convert or engage (or its name in English, Persian or Arabic); blank means every stage.',
      optional: true,
    },
    {
      name: 'language',
      description: 'Optional language of the table: "en", "fa" or "ar"; blank means the spreadsheet\'s.',
      optional: true,
    },
  ],
  returns: 'A table with a header row: stage, KPI, VQVC, unit, direction, definition, formula.',
  example: {
    formula: '=RACE_KPIS("convert", "en")',
    result: 'the Convert KPIs, e.g. "Conversion rate | Quality | Rate (%) | Higher is better | … | Orders ÷ Visits"',
  },
  spills: true,
  run(stage: Arg, language: Arg) {
    const ctx = languageContext('RACE_KPIS', language);
    return kpiReferenceTable(ctx.language, readStage(ctx, stage));
  },
});

export const KPI_FUNCTIONS = [RACE_KPIS];
