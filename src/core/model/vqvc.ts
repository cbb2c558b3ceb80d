import { KPI_STAGES, type BusinessModelId, type KpiStageId } from '../workbook/options';
import { BUSINESS_MODELS } from './business-models';
import { KPIS_BY_ID, VQVC_CLASSES, type KpiId, type Vqvc } from './kpis';
import { stageLabel } from './stages';

/** The KPIs of a stage's list that measure each VQVC class. */
export function vqvcCoverage(kpiIds: readonly KpiId[]): Record<Vqvc, KpiId[]> {
  const coverage = { volume: [], quality: [], value: [], cost: [] } as Record<Vqvc, KpiId[]>;
  for (const id of kpiIds) coverage[KPIS_BY_ID[id].vqvc].push(id);
  return coverage;
}

/**
 * Why a model's stage still has no KPI of a class (the README lists these). Empty while every stage of
 * every model covers all four: add an entry only with the reason the Data sheet cannot give one.
 */
export const VQVC_GAPS: Partial<Record<BusinessModelId, Partial<Record<KpiStageId, Partial<Record<Vqvc, string>>>>>> = {};

const CLASS_TITLES: Record<Vqvc, string> = { volume: 'Volume', quality: 'Quality', value: 'Value', cost: 'Cost' };

/**
 * The README's table: per model and stage, the KPIs measuring each class (English names), or the gap
 * and its reason. A unit test keeps the README equal to it.
 */
export function vqvcReadmeTable(): string {
  const lines = ['| model | stage | ' + VQVC_CLASSES.map((c) => CLASS_TITLES[c]).join(' | ') + ' |', '|' + ' --- |'.repeat(2 + VQVC_CLASSES.length)];
  for (const model of Object.values(BUSINESS_MODELS)) {
    for (const stage of KPI_STAGES) {
      const coverage = vqvcCoverage(model.kpiIds[stage]);
      const cells = VQVC_CLASSES.map((c) => {
        const names = coverage[c].map((id) => KPIS_BY_ID[id].name.en).join(', ');
        return names !== '' ? names : `**missing**: ${VQVC_GAPS[model.id]?.[stage]?.[c] ?? 'no reason given'}`;
      });
      lines.push(`| ${model.name.en} | ${stageLabel(stage, 'en')} | ${cells.join(' | ')} |`);
    }
  }
  return `\n${lines.join('\n')}\n`;
}
