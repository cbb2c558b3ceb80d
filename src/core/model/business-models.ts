import type { Localized } from '../i18n';
import type { BusinessModelId, KpiStageId } from '../workbook/options';
import type { KpiId } from './kpis';
import { MEASURE_HEADERS, type LifecycleMeasureId, type MeasureId } from './measures';

/** Marketing channels a plan can use (the sidebar offers them; each model preselects some). */
export const CHANNEL_IDS = [
  'organicSearch',
  'paidSearch',
  'organicSocial',
  'paidSocial',
  'email',
  'display',
  'referral',
  'affiliate',
  'direct',
  'localListings',
  'events',
  'offline',
] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export const CHANNELS: Record<ChannelId, Localized> = {
  organicSearch: { en: 'Organic search', fa: 'جست‌وجوی ارگانیک', ar: 'البحث العضوي' },
  paidSearch: { en: 'Paid search', fa: 'تبلیغات در موتورهای جست‌وجو', ar: 'إعلانات محركات البحث' },
  organicSocial: { en: 'Organic social', fa: 'شبکه‌های اجتماعی', ar: 'وسائل التواصل الاجتماعي' },
  paidSocial: { en: 'Paid social', fa: 'تبلیغات در شبکه‌های اجتماعی', ar: 'إعلانات وسائل التواصل الاجتماعي' },
  email: { en: 'Email', fa: 'ایمیل', ar: 'البريد الإلكتروني' },
  display: { en: 'Display ads', fa: 'تبلیغات نمایشی (بنری)', ar: 'الإعلانات المصوّرة (البانر)' },
  referral: { en: 'Referral sites', fa: 'ارجاع از سایت‌های دیگر', ar: 'الإحالات من مواقع أخرى' },
  affiliate: { en: 'Affiliates', fa: 'همکاری در فروش', ar: 'التسويق بالعمولة' },
  direct: { en: 'Direct', fa: 'ورود مستقیم', ar: 'الزيارات المباشرة' },
  localListings: { en: 'Maps and local listings', fa: 'نقشه‌ها و فهرست‌های محلی', ar: 'الخرائط والأدلة المحلية' },
  events: { en: 'Events and webinars', fa: 'رویدادها و وبینارها', ar: 'الفعاليات والندوات الإلكترونية' },
  offline: { en: 'Offline (print, radio, in store)', fa: 'آفلاین (چاپی، رادیو، فروشگاه)', ar: 'خارج الإنترنت (المطبوعات والإذاعة والمتجر)' },
};

/** One step of a model's funnel: which Data-sheet measure counts it, and what this business calls it. */
export interface FunnelStep {
  readonly measure: LifecycleMeasureId;
  readonly name: Localized;
}

export interface BusinessModel {
  readonly id: BusinessModelId;
  readonly name: Localized;
  readonly description: Localized;
  /** The KPIs the workbook lists for each stage, in display order. */
  readonly kpiIds: Record<KpiStageId, readonly KpiId[]>;
  /** 4-5 steps, strictly later in the customer lifecycle one after the other. */
  readonly funnel: readonly FunnelStep[];
  /** What this business calls measures outside its funnel, where the generic header would mislead. */
  readonly names?: Partial<Record<MeasureId, Localized>>;
  readonly channels: readonly ChannelId[];
}

const IMPRESSIONS_STEP: FunnelStep = { measure: 'impressions', name: MEASURE_HEADERS.impressions };
const VISITS_STEP: FunnelStep = { measure: 'visits', name: MEASURE_HEADERS.visits };

export const BUSINESS_MODELS: Record<BusinessModelId, BusinessModel> = {
  ecommerce: {
    id: 'ecommerce',
    name: { en: 'E-commerce', fa: 'فروشگاه اینترنتی', ar: 'التجارة الإلكترونية' },
    description: {
      en: 'An online shop selling products directly to consumers.',
      fa: 'فروشگاهی آنلاین که کالا را مستقیم به مصرف‌کننده می‌فروشد.',
      ar: 'متجر إلكتروني يبيع المنتجات مباشرةً إلى المستهلكين.',
    },
    kpiIds: {
      reach: ['impressions', 'ctr', 'costPerClick', 'visits', 'valuePerVisit', 'socialFollowers'],
      act: ['bounceRate', 'pagesPerVisit', 'engagementRate', 'leads', 'leadConversionRate', 'valuePerLead', 'costPerLead', 'socialInteractions'],
      convert: ['sales', 'revenue', 'averageOrderValue', 'conversionRate', 'cpa', 'roas'],
      engage: ['repeatCustomers', 'repeatRate', 'customerSatisfaction', 'nps', 'emailOpenRate', 'customerLifetimeValue', 'costPerRepeatCustomer'],
    },
    funnel: [
      IMPRESSIONS_STEP,
      VISITS_STEP,
      { measure: 'leads', name: { en: 'Add-to-carts', fa: 'افزودن به سبد خرید', ar: 'الإضافات إلى السلة' } },
      { measure: 'orders', name: MEASURE_HEADERS.orders },
      { measure: 'repeatCustomers', name: { en: 'Repeat buyers', fa: 'خریداران با خرید مجدد', ar: 'المشترون المتكررون' } },
    ],
    channels: ['organicSearch', 'paidSearch', 'organicSocial', 'paidSocial', 'email', 'display', 'affiliate'],
  },
  b2b: {
    id: 'b2b',
    name: { en: 'B2B lead generation', fa: 'جذب سرنخ B2B (کسب‌وکار با کسب‌وکار)', ar: 'توليد العملاء المحتملين بين الشركات (B2B)' },
    description: {
      en: 'A business selling to other businesses: marketing generates leads that the sales team turns into deals.',
      fa: 'کسب‌وکاری که به شرکت‌های دیگر می‌فروشد: بازاریابی سرنخ می‌سازد و تیم فروش آن را به قرارداد تبدیل می‌کند.',
      ar: 'شركة تبيع لشركات أخرى: يولّد التسويق عملاء محتملين يحوّلهم فريق المبيعات إلى صفقات.',
    },
    kpiIds: {
      reach: ['impressions', 'ctr', 'costPerClick', 'visits', 'valuePerVisit', 'uniqueVisitors', 'socialFollowers', 'contentShares'],
      act: ['leads', 'leadConversionRate', 'costPerLead', 'valuePerLead', 'timeOnSite', 'pagesPerVisit', 'engagementRate'],
      convert: ['sales', 'leadToSaleRate', 'revenue', 'averageOrderValue', 'cpa', 'offlineSales'],
      engage: ['repeatCustomers', 'repeatRate', 'nps', 'churnRate', 'customerLifetimeValue', 'costPerRepeatCustomer', 'emailOpenRate'],
    },
    funnel: [
      IMPRESSIONS_STEP,
      VISITS_STEP,
      { measure: 'leads', name: MEASURE_HEADERS.leads },
      { measure: 'orders', name: { en: 'Won deals', fa: 'قراردادهای بسته‌شده', ar: 'الصفقات المُبرمة' } },
      { measure: 'repeatCustomers', name: { en: 'Repeat clients', fa: 'مشتریان همیشگی', ar: 'العملاء الدائمون' } },
    ],
    names: {
      customers: { en: 'New clients', fa: 'مشتریان جدید', ar: 'العملاء الجدد' },
      churnedSubscribers: { en: 'Lost clients', fa: 'مشتریان ازدست‌رفته', ar: 'العملاء الذين غادروا' },
    },
    channels: ['organicSearch', 'paidSearch', 'organicSocial', 'email', 'referral', 'events'],
  },
  saas: {
    id: 'saas',
    name: { en: 'SaaS / subscription', fa: 'نرم‌افزار اشتراکی (SaaS)', ar: 'البرمجيات كخدمة (SaaS) والاشتراكات' },
    description: {
      en: 'Software or a service sold by subscription: visitors start a trial, become paying subscribers and renew.',
      fa: 'نرم‌افزار یا خدمتی که اشتراکی فروخته می‌شود: بازدیدکنندگان نسخهٔ آزمایشی را شروع می‌کنند، مشترک پولی می‌شوند و اشتراک را تمدید می‌کنند.',
      ar: 'برنامج أو خدمة تُباع بالاشتراك: يبدأ الزوار فترة تجريبية، ثم يصبحون مشتركين يدفعون ويجددون اشتراكهم.',
    },
    kpiIds: {
      reach: ['visits', 'uniqueVisitors', 'ctr', 'costPerClick', 'valuePerVisit', 'contentShares'],
      act: ['trials', 'trialRate', 'costPerTrial', 'valuePerTrial', 'engagementRate', 'timeOnSite', 'bounceRate', 'pagesPerVisit'],
      convert: ['newSubscribers', 'trialToPaidRate', 'costPerSubscriber', 'mrr', 'revenue', 'roas'],
      engage: ['churnRate', 'mrrGrowth', 'repeatCustomers', 'costPerRepeatCustomer', 'nps', 'customerSatisfaction', 'customerLifetimeValue', 'emailOpenRate'],
    },
    funnel: [
      VISITS_STEP,
      { measure: 'trials', name: { en: 'Trial sign-ups', fa: 'ثبت‌نام‌های آزمایشی', ar: 'التسجيلات التجريبية' } },
      { measure: 'subscribers', name: { en: 'New paying subscribers', fa: 'مشترکان پولی جدید', ar: 'المشتركون الدافعون الجدد' } },
      { measure: 'repeatCustomers', name: { en: 'Renewals', fa: 'تمدیدها', ar: 'التجديدات' } },
    ],
    channels: ['organicSearch', 'paidSearch', 'organicSocial', 'email', 'referral', 'affiliate'],
  },
  local: {
    id: 'local',
    name: { en: 'Local services', fa: 'خدمات محلی', ar: 'الخدمات المحلية' },
    description: {
      en: 'A business serving customers in its area (clinic, salon, restaurant, repair shop): being found online brings calls, bookings and visits.',
      fa: 'کسب‌وکاری که به مشتریان محدودهٔ خود خدمت می‌دهد (مطب، سالن زیبایی، رستوران، تعمیرگاه): دیده‌شدن در اینترنت تماس، رزرو و مراجعهٔ حضوری می‌آورد.',
      ar: 'نشاط تجاري يخدم عملاء منطقته (عيادة أو صالون أو مطعم أو ورشة صيانة): الظهور على الإنترنت يجلب المكالمات والحجوزات والزيارات.',
    },
    kpiIds: {
      reach: ['impressions', 'ctr', 'visits', 'costPerClick', 'valuePerVisit', 'socialFollowers', 'contentShares'],
      act: ['leads', 'leadConversionRate', 'costPerLead', 'valuePerLead', 'socialInteractions', 'bounceRate', 'timeOnSite'],
      convert: ['sales', 'offlineSales', 'onlineSales', 'revenue', 'leadToSaleRate', 'cpa'],
      engage: ['repeatCustomers', 'repeatRate', 'customerSatisfaction', 'nps', 'advocacy', 'returningVisits', 'costPerRepeatCustomer'],
    },
    funnel: [
      IMPRESSIONS_STEP,
      VISITS_STEP,
      { measure: 'leads', name: { en: 'Enquiries and bookings', fa: 'استعلام‌ها و رزروها', ar: 'الاستفسارات والحجوزات' } },
      { measure: 'customers', name: { en: 'Customers served', fa: 'مشتریان خدمت‌گرفته', ar: 'العملاء المخدومون' } },
      { measure: 'repeatCustomers', name: { en: 'Regular customers', fa: 'مشتریان همیشگی', ar: 'العملاء الدائمون' } },
    ],
    channels: ['localListings', 'organicSearch', 'paidSearch', 'organicSocial', 'referral', 'offline'],
  },
  publisher: {
    id: 'publisher',
    name: { en: 'Publisher / media', fa: 'ناشر / رسانه', ar: 'النشر والإعلام' },
    description: {
      en: 'A publisher earning from its audience: advertising, memberships and content subscriptions.',
      fa: 'ناشری که از مخاطبان خود درآمد دارد: تبلیغات، عضویت و اشتراک محتوا.',
      ar: 'ناشر يحقق دخله من جمهوره: الإعلانات والعضويات والاشتراكات في المحتوى.',
    },
    kpiIds: {
      reach: ['uniqueVisitors', 'visits', 'impressions', 'ctr', 'costPerVisit', 'socialFollowers', 'contentShares', 'valuePerVisit'],
      act: ['pagesPerVisit', 'timeOnSite', 'bounceRate', 'engagementRate', 'socialInteractions', 'leads', 'leadConversionRate', 'costPerLead', 'valuePerLead'],
      convert: ['sales', 'leadToSaleRate', 'conversionRate', 'revenue', 'cpa', 'roas'],
      engage: ['returningVisits', 'repeatCustomers', 'repeatRate', 'churnRate', 'costPerRepeatCustomer', 'emailOpenRate', 'advocacy', 'nps'],
    },
    funnel: [
      IMPRESSIONS_STEP,
      VISITS_STEP,
      { measure: 'leads', name: { en: 'Newsletter subscribers', fa: 'مشترکان خبرنامه', ar: 'المشتركون في النشرة البريدية' } },
      { measure: 'customers', name: { en: 'Paying members', fa: 'اعضای پولی', ar: 'الأعضاء الدافعون' } },
      { measure: 'repeatCustomers', name: { en: 'Renewing members', fa: 'اعضای تمدیدکننده', ar: 'الأعضاء المجدِّدون' } },
    ],
    names: {
      orders: { en: 'Memberships sold', fa: 'عضویت‌های فروخته‌شده', ar: 'العضويات المبيعة' },
      churnedSubscribers: { en: 'Cancelled members', fa: 'اعضای لغوکرده', ar: 'الأعضاء الملغون' },
    },
    channels: ['organicSearch', 'organicSocial', 'paidSocial', 'email', 'referral', 'direct'],
  },
};

/**
 * What a model calls a measure: its funnel step's name ("Add-to-carts" for leads), else its own name for it
 * ("Lost clients"), else the measure's header. The Data sheet's headers; the vocabulary reads them back.
 */
export function measureName(model: BusinessModelId, measure: MeasureId): Localized {
  const { funnel, names } = BUSINESS_MODELS[model];
  return funnel.find((step) => step.measure === measure)?.name ?? names?.[measure] ?? MEASURE_HEADERS[measure];
}
