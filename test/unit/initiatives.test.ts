// The Strategy catalogue: proven initiatives per business model and stage, each tied to a KPI the
// model's workbook shows for that stage, and the 3-3-3 content types, in every language.
import { LANGUAGES } from '../../src/core/i18n';
import { BUSINESS_MODELS, CHANNEL_IDS } from '../../src/core/model/business-models';
import { CONTENT_TYPES, INITIATIVES } from '../../src/core/model/initiatives';
import { KPIS_BY_ID } from '../../src/core/model/kpis';
import { BUSINESS_MODEL_IDS, KPI_STAGES } from '../../src/core/workbook/options';

describe('INITIATIVES', () => {
  it('has initiatives for every business model and stage, and nothing else', () => {
    expect(Object.keys(INITIATIVES).sort()).toEqual([...BUSINESS_MODEL_IDS].sort());
    for (const model of BUSINESS_MODEL_IDS) {
      expect(Object.keys(INITIATIVES[model]).sort()).toEqual([...KPI_STAGES].sort());
      for (const stage of KPI_STAGES) expect(INITIATIVES[model][stage].length).toBeGreaterThanOrEqual(3);
    }
  });

  it('links each initiative to a KPI of its own stage that the model\'s KPI sheet lists', () => {
    const problems: string[] = [];
    for (const model of BUSINESS_MODEL_IDS) {
      for (const stage of KPI_STAGES) {
        for (const initiative of INITIATIVES[model][stage]) {
          const kpi = KPIS_BY_ID[initiative.kpi];
          if (!kpi) problems.push(`${model}/${stage} "${initiative.name.en}": unknown KPI ${initiative.kpi}`);
          else if (kpi.stage !== stage || !BUSINESS_MODELS[model].kpiIds[stage].includes(initiative.kpi)) {
            problems.push(`${model}/${stage} "${initiative.name.en}": ${initiative.kpi} is not a ${stage} KPI of ${model}`);
          }
          for (const channel of initiative.channels) if (!CHANNEL_IDS.includes(channel)) problems.push(`${initiative.name.en}: channel ${channel}`);
          if (initiative.channels.length === 0) problems.push(`${initiative.name.en}: no channel`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names every initiative and content type in en, fa and ar, each distinct within its model', () => {
    for (const model of BUSINESS_MODEL_IDS) {
      const names = [...KPI_STAGES.flatMap((stage) => INITIATIVES[model][stage].map((i) => i.name)), ...CONTENT_TYPES[model]];
      for (const language of LANGUAGES) {
        const texts = names.map((name) => name[language]);
        for (const text of texts) expect(text.trim()).not.toBe('');
        const initiativeTexts = texts.slice(0, texts.length - CONTENT_TYPES[model].length);
        expect(new Set(initiativeTexts).size).toBe(initiativeTexts.length);
        expect(new Set(texts.slice(-3)).size).toBe(3);
      }
    }
  });

  it('starts each model\'s content plan with three content types', () => {
    for (const model of BUSINESS_MODEL_IDS) expect(CONTENT_TYPES[model]).toHaveLength(3);
  });
});
