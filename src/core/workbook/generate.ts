import { localDigits, translate, type Language, type MessageKey } from '../i18n';
import { BUSINESS_MODELS } from '../model/business-models';
import { dashboardSheet } from './dashboard-sheet';
import { dataLayout, dataSheet, periodStarts } from './data-sheet';
import { kpiSheet } from './kpi-sheet';
import type { WorkbookOptions } from './options';
import { contentSheet } from './content-sheet';
import { planSheet } from './plan-sheet';
import type { SheetRole, WorkbookSpec } from './spec';

const SHEET_NAME_KEYS: Record<SheetRole, MessageKey> = {
  plan: 'workbook.sheet.plan',
  kpis: 'workbook.sheet.kpis',
  data: 'workbook.sheet.data',
  dashboard: 'workbook.sheet.dashboard',
  content: 'workbook.sheet.content',
};

/**
 * `base`, or "base (2)", "base (3)", ... (in the language's digits): the first name not in `taken`.
 * Sheets compares sheet names ignoring case, so do we.
 */
export function freeSheetName(base: string, taken: readonly string[], language: Language = 'en'): string {
  const lowered = new Set(taken.map((name) => name.toLowerCase()));
  if (!lowered.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${localDigits(n, language)})`;
    if (!lowered.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The whole workbook for validated options: names chosen around the spreadsheet's `existingSheetNames`
 * (never reusing one), periods starting from `start`'s week or month.
 */
export function generateWorkbookSpec(options: WorkbookOptions, existingSheetNames: readonly string[], start: Date = new Date()): WorkbookSpec {
  const taken = [...existingSheetNames];
  const nameOf = (role: SheetRole) => {
    const name = freeSheetName(translate(options.language, SHEET_NAME_KEYS[role]), taken, options.language);
    taken.push(name);
    return name;
  };
  const names = { plan: nameOf('plan'), kpis: nameOf('kpis'), data: nameOf('data'), dashboard: nameOf('dashboard'), content: nameOf('content') };
  const model = BUSINESS_MODELS[options.model];
  const periods = periodStarts(options, start);
  const data = dataLayout(options, names.data, periods);
  const kpis = kpiSheet(options, names.kpis, model.kpiIds, data);
  // The plan's sentences read the KPI sheet's targets and the dashboard's bottleneck.
  const dashboard = dashboardSheet(options, names.dashboard, data, model.funnel, kpis.targets);
  return {
    language: options.language,
    sheets: [
      planSheet(options, names.plan, data, kpis.targets, dashboard.links),
      kpis.spec,
      dataSheet(options, data),
      dashboard.spec,
      contentSheet(options, names.content, periods),
    ],
  };
}
