// Issue 7 on the KPI sheet's spec: how many custom-function cells a workbook has (each is a separate server
// execution in Sheets), the VQVC line per stage, and the README's VQVC table kept equal to the models.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatedSection } from '../../scripts/reference';
import { LANGUAGES, translate } from '../../src/core/i18n';
import { BUSINESS_MODELS } from '../../src/core/model/business-models';
import { KPIS_BY_ID, VQVC_CLASSES, VQVC_LABELS, type KpiId } from '../../src/core/model/kpis';
import { stageLabel } from '../../src/core/model/stages';
import { VQVC_GAPS, vqvcCoverage, vqvcReadmeTable } from '../../src/core/model/vqvc';
import { generateWorkbookSpec } from '../../src/core/workbook/generate';
import { vqvcLine } from '../../src/core/workbook/kpi-sheet';
import { KPI_STAGES, type WorkbookOptions } from '../../src/core/workbook/options';
import type { SheetSpec } from '../../src/core/workbook/spec';

const START = new Date(Date.UTC(2025, 0, 15));

function options(overrides: Partial<WorkbookOptions>): WorkbookOptions {
  return {
    businessName: 'Acme', model: 'ecommerce', language: 'en', currency: 'USD', horizon: '90d', granularity: 'week',
    channels: ['Email', 'Paid search', 'Organic social', 'Display'], segments: [], targets: { act: 2000 }, ...overrides,
  };
}

/** Cells whose formula calls a RACE_ custom function. */
function customCells(sheet: SheetSpec): number {
  return sheet.values.flat().filter((v) => typeof v === 'string' && v.startsWith('=') && v.includes('RACE_')).length;
}

describe('custom-function cells of a workbook (ecommerce and B2B, 90 days weekly, 4 channels)', () => {
  // Before issue 7 (PLAN.md): 34 with no segments (KPIs 24, Dashboard 10), 106 with 3 segments (KPIs 96, Dashboard 10).
  const BEFORE = { none: { kpis: 24, total: 34 }, three: { kpis: 96, total: 106 } };

  it.each(['ecommerce', 'b2b'] as const)('%s: two RACE_STATUS per KPI block instead of one per KPI, and no per-row call on the dashboard', (model) => {
    const counts = ([[], ['SMB', 'Mid-market', 'Enterprise']] as string[][]).map((segments) => {
      const spec = generateWorkbookSpec(options({ model, segments }), [], START);
      const kpis = spec.sheets.find((s) => s.role === 'kpis')!;
      return { segments: segments.length, kpis: customCells(kpis), total: spec.sheets.reduce((n, s) => n + customCells(s), 0) };
    });
    console.log(
      `${model}: custom-function cells before -> after: no segments ${BEFORE.none.total} -> ${counts[0].total} (KPIs ${BEFORE.none.kpis} -> ${counts[0].kpis}); ` +
        `3 segments ${BEFORE.three.total} -> ${counts[1].total} (KPIs ${BEFORE.three.kpis} -> ${counts[1].kpis})`,
    );
    // Status and forecast status: one spilling call each per block (all segments, plus one block per segment).
    expect(counts.map((c) => c.kpis)).toEqual([2, 8]);
    // The dashboard: RACE_BOTTLENECK and the per-channel RACE_SUMMARY, plus the per-segment one with segments.
    expect(counts.map((c) => c.total - c.kpis)).toEqual([2, 3]);
    expect(counts.map((c) => c.total)).toEqual([4, 11]);
  });
});

describe('the periods\' weights', () => {
  it.each(LANGUAGES)('sit in columns P to R, as the pacing help says (%s), one row per period at weight 1', (language) => {
    const kpis = generateWorkbookSpec(options({ language }), [], START).sheets.find((s) => s.role === 'kpis')!;
    const header = kpis.values.findIndex((row) => row.includes(`'${translate(language, 'workbook.kpi.weight')}`));
    expect(kpis.values[header].indexOf(`'${translate(language, 'workbook.kpi.weights')}`)).toBe(15); // P
    expect(kpis.values[header].indexOf(`'${translate(language, 'workbook.kpi.weight')}`)).toBe(17); // R
    expect(translate(language, 'workbook.kpi.pacingHelp')).toMatch(/P\b.*R\b/);
    const weights = kpis.values.slice(header + 1, header + 1 + 13).map((row) => row[17]);
    expect(weights).toEqual(Array(13).fill(1));
    expect(kpis.values[header + 14]?.[17] ?? null).toBeNull();
    expect(kpis.validations.map((v) => v.block)).toEqual([{ row: header + 2, column: 18, numRows: 13, numColumns: 1 }]);
  });
});

describe('VQVC per stage', () => {
  it('shows on the KPI sheet, per stage and language, which classes its KPIs measure', () => {
    for (const language of LANGUAGES) {
      for (const model of Object.values(BUSINESS_MODELS)) {
        const kpis = generateWorkbookSpec(options({ model: model.id, language }), [], START).sheets.find((s) => s.role === 'kpis')!;
        for (const stage of KPI_STAGES) {
          const row = kpis.values.find((cells) => cells[0] === `'${stageLabel(stage, language)}` && cells[2] === null);
          expect(row?.[1]).toBe(`'${vqvcLine(model.kpiIds[stage], language)}`);
        }
      }
    }
  });

  it('marks a class with ✓ when a KPI measures it and — when none does', () => {
    const ids: KpiId[] = ['impressions', 'ctr', 'valuePerVisit'];
    expect(vqvcLine(ids, 'en')).toBe('Volume ✓   Quality ✓   Value ✓   Cost —');
    expect(vqvcLine([...ids, 'costPerVisit'], 'fa')).toBe(VQVC_CLASSES.map((c) => `${VQVC_LABELS[c].fa} ✓`).join('   '));
  });

  it('covers every class in every stage of every model, or names why not', () => {
    const missing: string[] = [];
    for (const model of Object.values(BUSINESS_MODELS)) {
      for (const stage of KPI_STAGES) {
        const coverage = vqvcCoverage(model.kpiIds[stage]);
        for (const c of VQVC_CLASSES) {
          for (const id of coverage[c]) expect(KPIS_BY_ID[id].vqvc).toBe(c);
          const reason = VQVC_GAPS[model.id]?.[stage]?.[c];
          // A reason only for a real gap, and every gap has one.
          if (coverage[c].length > 0) expect([model.id, stage, c, reason]).toEqual([model.id, stage, c, undefined]);
          else if (reason === undefined) missing.push(`${model.id} ${stage} ${c}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('is listed in the README as vqvcReadmeTable() gives it', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const table = vqvcReadmeTable();
    expect(table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| model') && !line.startsWith('| ---')).length).toBe(Object.keys(BUSINESS_MODELS).length * KPI_STAGES.length);
    expect(generatedSection(readme, 'vqvc')).toBe(table);
  });
});
