import type { Localized } from '../i18n';

/**
 * The volumes a data table can carry. RACE_SUMMARY recognizes them from headers (see summary/vocabulary),
 * the generated Data sheet uses `MEASURE_HEADERS` as its headers, and KPIs compute actuals from them.
 */
export const MEASURES = [
  'impressions',
  'clicks',
  'visits',
  'leads',
  'customers',
  'revenue',
  'cost',
  'repeatCustomers',
] as const;
export type MeasureId = (typeof MEASURES)[number];

/** The primary header of each measure per language: what the generated Data sheet writes. */
export const MEASURE_HEADERS: Record<MeasureId, Localized> = {
  impressions: { en: 'Impressions', fa: 'نمایش‌ها', ar: 'مرات الظهور' },
  clicks: { en: 'Clicks', fa: 'کلیک‌ها', ar: 'النقرات' },
  visits: { en: 'Visits', fa: 'بازدیدها', ar: 'الزيارات' },
  leads: { en: 'Leads', fa: 'سرنخ‌ها', ar: 'العملاء المحتملون' },
  customers: { en: 'Customers', fa: 'مشتریان', ar: 'العملاء' },
  revenue: { en: 'Revenue', fa: 'درآمد', ar: 'الإيرادات' },
  cost: { en: 'Cost', fa: 'هزینه', ar: 'التكلفة' },
  repeatCustomers: { en: 'Repeat customers', fa: 'مشتریان تکراری', ar: 'العملاء المتكررون' },
};

/**
 * The volume measures in customer-lifecycle order (revenue and cost are amounts, not stages):
 * a funnel's steps must follow this order.
 */
export const LIFECYCLE_MEASURES = ['impressions', 'clicks', 'visits', 'leads', 'customers', 'repeatCustomers'] as const;
export type LifecycleMeasureId = (typeof LIFECYCLE_MEASURES)[number];
