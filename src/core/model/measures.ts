import type { Localized } from '../i18n';

/**
 * The volumes and amounts a data table can carry. RACE_SUMMARY recognizes them from headers (see
 * summary/vocabulary), the generated Data sheet has a column for each one its business model's KPIs and
 * funnel use (in this order), and KPIs compute actuals from them. Orders and customers are separate: one
 * customer may place several orders (AOV is revenue ÷ orders, repeat rate repeat customers ÷ customers).
 */
export const MEASURES = [
  'impressions',
  'clicks',
  'visits',
  'leads',
  'trials',
  'orders',
  'customers',
  'subscribers',
  'revenue',
  'mrr',
  'cost',
  'repeatCustomers',
  'churnedSubscribers',
] as const;
export type MeasureId = (typeof MEASURES)[number];

/** The generic header of each measure per language (a business model may name a measure its own way). */
export const MEASURE_HEADERS: Record<MeasureId, Localized> = {
  impressions: { en: 'Impressions', fa: 'نمایش‌ها', ar: 'مرات الظهور' },
  clicks: { en: 'Clicks', fa: 'کلیک‌ها', ar: 'النقرات' },
  visits: { en: 'Visits', fa: 'بازدیدها', ar: 'الزيارات' },
  leads: { en: 'Leads', fa: 'سرنخ‌ها', ar: 'العملاء المحتملون' },
  trials: { en: 'Trials', fa: 'دوره‌های آزمایشی', ar: 'الفترات التجريبية' },
  orders: { en: 'Orders', fa: 'سفارش‌ها', ar: 'الطلبات' },
  customers: { en: 'Customers', fa: 'مشتریان', ar: 'العملاء' },
  subscribers: { en: 'New subscribers', fa: 'مشترکان جدید', ar: 'المشتركون الجدد' },
  revenue: { en: 'Revenue', fa: 'درآمد', ar: 'الإيرادات' },
  mrr: { en: 'MRR', fa: 'درآمد تکرارشوندهٔ ماهانه', ar: 'الإيراد الشهري المتكرر' },
  cost: { en: 'Cost', fa: 'هزینه', ar: 'التكلفة' },
  repeatCustomers: { en: 'Repeat customers', fa: 'مشتریان با خرید مجدد', ar: 'العملاء المتكررون' },
  churnedSubscribers: { en: 'Churned subscribers', fa: 'مشترکان ریزش‌کرده', ar: 'المشتركون المفقودون' },
};

/** Amounts of money (currency format); every other measure is a count. */
export const MONEY_MEASURES: readonly MeasureId[] = ['revenue', 'mrr', 'cost'];

/** Measures that are no step of the customer lifecycle: amounts of money, and churn (a loss). */
const NOT_LIFECYCLE = ['revenue', 'mrr', 'cost', 'churnedSubscribers'] as const;
export type LifecycleMeasureId = Exclude<MeasureId, (typeof NOT_LIFECYCLE)[number]>;

/** The volume measures in customer-lifecycle order (MEASURES' order): a funnel's steps must follow it. */
export const LIFECYCLE_MEASURES: readonly LifecycleMeasureId[] = MEASURES.filter(
  (measure): measure is LifecycleMeasureId => !(NOT_LIFECYCLE as readonly MeasureId[]).includes(measure),
);
