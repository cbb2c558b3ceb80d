import type { Language } from '../i18n';

export const BUSINESS_MODEL_IDS = ['ecommerce', 'b2b', 'saas', 'local', 'publisher'] as const;
export type BusinessModelId = (typeof BUSINESS_MODEL_IDS)[number];

/** The four stages that carry KPIs and targets (Plan carries objectives, budget and forecast). */
export const KPI_STAGES = ['reach', 'act', 'convert', 'engage'] as const;
export type KpiStageId = (typeof KPI_STAGES)[number];

/** What the sidebar sends to generate a workbook (validated on the server before use). */
export interface WorkbookOptions {
  businessName: string;
  model: BusinessModelId;
  language: Language;
  /** ISO 4217 code, e.g. "USD", "EUR", "IRR", "SAR". */
  currency: string;
  horizon: '90d' | '12m';
  granularity: 'week' | 'month';
  channels: string[];
  segments: string[];
  /** Optional volume target per stage over the whole horizon. */
  targets: Partial<Record<KpiStageId, number>>;
}
