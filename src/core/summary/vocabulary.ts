import { LANGUAGES, type Language } from '../i18n';
import { measureName } from '../model/business-models';
import { MEASURE_HEADERS, MEASURES, type MeasureId } from '../model/measures';
import { BUSINESS_MODEL_IDS } from '../workbook/options';

/**
 * Header vocabulary of RACE_SUMMARY: which column headers count as which measure or dimension.
 * Data, not code: the README and the sidebar list it. Matching ignores case, spaces, "_", "-", bidi marks,
 * zero-width joiners, tatweel and Arabic/Persian letter variants (see `headerKey`); for measures a trailing
 * parenthesis such as "(USD)" is ignored too, so "Amount spent (USD)" is cost.
 *
 * Where a column is named by a source:
 * - en, fa, ar: plain spreadsheet headers (the first is the generated Data sheet's header, MEASURE_HEADERS).
 * - en, fa, ar also hold each business model's own word for a measure (its Data sheet header, e.g.
 *   "Add-to-carts" for leads), added by `withModelNames`, so a generated Data sheet reads back.
 * - ga4: Google Analytics names: GA4 Reports Builder / Data API names (their UI labels match too, since
 *   case and spaces are ignored: "Total users" is totalUsers) and Universal Analytics goals. Decisions:
 *   sessions -> visits; transactions and ecommercePurchases -> orders (a customer may order twice;
 *   totalPurchasers -> customers); totalRevenue and purchaseRevenue -> revenue; advertiserAdCost -> cost;
 *   keyEvents/conversions -> leads; totalUsers, activeUsers, engagedSessions and newUsers are fallbacks for
 *   visits, in that order, used only when the table has no sessions/visits column (users are people, not
 *   visits; engaged sessions are a subset of sessions, so rates over them run higher; new users are the
 *   narrowest).
 * - ads: ad, shop and email exports: Google Ads, Microsoft Ads, Meta, LinkedIn, TikTok, Shopify,
 *   WooCommerce, Klaviyo (Impr., Spend, Amount spent, Results, Total Spent, Net sales, Unique Placed Order...).
 *
 * Fallbacks are ranked: within one source's list, an earlier name beats a later one whatever the column
 * order (see `bestColumns`).
 */
export type VocabularySource = Language | 'ga4' | 'ads';
export const VOCABULARY_SOURCES: readonly VocabularySource[] = ['en', 'fa', 'ar', 'ga4', 'ads'];

export interface VocabularyEntry {
  /** Names that identify the column; the leftmost matching column wins. */
  readonly names: Readonly<Partial<Record<VocabularySource, readonly string[]>>>;
  /** Weaker names: used only when no column matches a name in `names`; earlier in a list beats later. */
  readonly fallbacks?: Readonly<Partial<Record<VocabularySource, readonly string[]>>>;
}

/** `vocabulary` with every business model's name for each measure added to its en/fa/ar names. */
function withModelNames(vocabulary: Record<MeasureId, VocabularyEntry>): Record<MeasureId, VocabularyEntry> {
  for (const measure of MEASURES) {
    const entry = vocabulary[measure];
    const names: Partial<Record<VocabularySource, readonly string[]>> = { ...entry.names };
    for (const language of LANGUAGES) {
      const own = BUSINESS_MODEL_IDS.map((model) => measureName(model, measure)[language]);
      names[language] = [...new Set([...(names[language] ?? []), ...own])];
    }
    vocabulary[measure] = { ...entry, names };
  }
  return vocabulary;
}

export const MEASURE_VOCABULARY: Readonly<Record<MeasureId, VocabularyEntry>> = withModelNames({
  impressions: {
    names: {
      en: [MEASURE_HEADERS.impressions.en, 'Impr', 'Impr.'],
      fa: [MEASURE_HEADERS.impressions.fa, 'نمایش', 'ایمپرشن', 'تعداد نمایش'],
      ar: [MEASURE_HEADERS.impressions.ar, 'الظهور', 'عدد مرات الظهور'],
      ga4: ['advertiserAdImpressions'],
    },
  },
  clicks: {
    names: {
      en: [MEASURE_HEADERS.clicks.en],
      fa: [MEASURE_HEADERS.clicks.fa, 'کلیک', 'تعداد کلیک'],
      ar: [MEASURE_HEADERS.clicks.ar, 'نقرات', 'عدد النقرات'],
      ga4: ['advertiserAdClicks'],
      ads: ['Link clicks', 'Clicks (all)', 'Unique Clicks', 'Total Clicks'],
    },
  },
  visits: {
    names: {
      en: [MEASURE_HEADERS.visits.en, 'Sessions'],
      fa: [MEASURE_HEADERS.visits.fa, 'بازدید', 'نشست‌ها', 'نشست'],
      ar: [MEASURE_HEADERS.visits.ar, 'زيارات', 'الجلسات', 'جلسات'],
      ga4: ['sessions'],
      ads: ['Landing page views'],
    },
    fallbacks: {
      en: ['Users', 'Visitors'],
      fa: ['کاربران', 'بازدیدکنندگان', 'کاربران فعال', 'کاربران جدید'],
      ar: ['المستخدمون', 'الزوار', 'المستخدمون النشطون', 'المستخدمون الجدد'],
      ga4: ['totalUsers', 'activeUsers', 'engagedSessions', 'newUsers'],
    },
  },
  leads: {
    names: {
      en: [MEASURE_HEADERS.leads.en],
      fa: [MEASURE_HEADERS.leads.fa, 'سرنخ', 'لید', 'لیدها'],
      ar: [MEASURE_HEADERS.leads.ar, 'العملاء المحتملين', 'عملاء محتملون'],
      ga4: ['keyEvents', 'conversions', 'Goal Completions'],
      ads: ['Conversions', 'Conv.', 'Results'],
    },
  },
  trials: {
    names: {
      en: [MEASURE_HEADERS.trials.en, 'Trial starts', 'Free trials'],
      fa: [MEASURE_HEADERS.trials.fa, 'دوره آزمایشی', 'نسخه‌های آزمایشی'],
      ar: [MEASURE_HEADERS.trials.ar, 'التجارب المجانية'],
      ads: ['Trials started'],
    },
  },
  orders: {
    names: {
      en: [MEASURE_HEADERS.orders.en, 'Transactions'],
      fa: [MEASURE_HEADERS.orders.fa, 'سفارش', 'تعداد سفارش'],
      ar: [MEASURE_HEADERS.orders.ar, 'طلبات', 'عدد الطلبات'],
      ga4: ['transactions', 'ecommercePurchases'],
      ads: ['Purchases'],
    },
  },
  customers: {
    names: {
      en: [MEASURE_HEADERS.customers.en, 'Buyers'],
      fa: [MEASURE_HEADERS.customers.fa, 'مشتری', 'خریداران'],
      ar: [MEASURE_HEADERS.customers.ar, 'المشترون'],
      ga4: ['totalPurchasers'],
      // Klaviyo: people who placed an order, not orders.
      ads: ['Unique Placed Order'],
    },
  },
  subscribers: {
    names: {
      en: [MEASURE_HEADERS.subscribers.en, 'Paid subscribers', 'New paid subscriptions'],
      fa: [MEASURE_HEADERS.subscribers.fa, 'اشتراک‌های جدید'],
      ar: [MEASURE_HEADERS.subscribers.ar, 'الاشتراكات الجديدة'],
      ads: ['Subscriptions'],
    },
  },
  revenue: {
    names: {
      en: [MEASURE_HEADERS.revenue.en, 'Sales amount', 'Total sales'],
      fa: [MEASURE_HEADERS.revenue.fa, 'مبلغ فروش'],
      ar: [MEASURE_HEADERS.revenue.ar, 'الإيراد', 'قيمة المبيعات'],
      ga4: ['totalRevenue', 'purchaseRevenue', 'Goal Value'],
      ads: ['Conv. value', 'Conversion value', 'Purchases conversion value', 'Total Conversion Value'],
    },
    // Shop exports carry all three; "Total sales" (after discounts and returns, with shipping and taxes)
    // is the shop's own headline figure, net sales the next best, gross sales (before discounts) the last.
    fallbacks: { en: ['Net sales', 'Gross sales'] },
  },
  mrr: {
    names: {
      en: [MEASURE_HEADERS.mrr.en, 'Monthly recurring revenue'],
      fa: [MEASURE_HEADERS.mrr.fa, 'درآمد تکرارشونده ماهانه', 'درآمد ماهانه تکرارشونده'],
      ar: [MEASURE_HEADERS.mrr.ar, 'الإيرادات الشهرية المتكررة'],
    },
  },
  cost: {
    names: {
      en: [MEASURE_HEADERS.cost.en, 'Spend', 'Spent', 'Ad spend'],
      fa: [MEASURE_HEADERS.cost.fa, 'هزینه تبلیغات', 'هزینه‌ها'],
      ar: [MEASURE_HEADERS.cost.ar, 'التكاليف', 'الإنفاق', 'الإنفاق الإعلاني'],
      ga4: ['advertiserAdCost'],
      ads: ['Amount spent', 'Total spent', 'Total cost'],
    },
  },
  repeatCustomers: {
    names: {
      en: [MEASURE_HEADERS.repeatCustomers.en, 'Returning customers', 'Repeat buyers'],
      fa: [MEASURE_HEADERS.repeatCustomers.fa, 'مشتریان تکراری', 'مشتریان بازگشتی', 'خریداران تکراری'],
      ar: [MEASURE_HEADERS.repeatCustomers.ar, 'العملاء العائدون', 'العملاء المتكررين'],
      ga4: ['returningCustomers'],
    },
  },
  churnedSubscribers: {
    names: {
      en: [MEASURE_HEADERS.churnedSubscribers.en, 'Churned customers', 'Cancellations', 'Cancelled subscriptions'],
      fa: [MEASURE_HEADERS.churnedSubscribers.fa, 'لغو اشتراک‌ها', 'ریزش مشترکان'],
      ar: [MEASURE_HEADERS.churnedSubscribers.ar, 'الاشتراكات الملغاة', 'الإلغاءات'],
    },
  },
});

/** Columns RACE_SUMMARY can group by; `group_by` may name the dimension instead of the exact header. */
export const DIMENSIONS = ['date', 'channel', 'segment', 'campaign'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export const DIMENSION_VOCABULARY: Readonly<Record<DimensionId, VocabularyEntry>> = {
  date: {
    names: {
      en: ['Date', 'Day', 'Week', 'Month'],
      fa: ['تاریخ', 'روز', 'هفته', 'ماه'],
      ar: ['التاريخ', 'اليوم', 'الأسبوع', 'الشهر'],
      ga4: ['date'],
      ads: ['Reporting starts', 'Start Date (in UTC)', 'Start date', 'By Day', 'Time period', 'Send Time'],
    },
  },
  channel: {
    names: {
      en: ['Channel', 'Default channel group'],
      fa: ['کانال'],
      ar: ['القناة'],
      ga4: ['sessionDefaultChannelGroup', 'sessionPrimaryChannelGroup', 'firstUserDefaultChannelGroup'],
    },
  },
  segment: { names: { en: ['Segment', 'Audience'], fa: ['بخش', 'بخش بازار', 'سگمنت'], ar: ['الشريحة', 'الجمهور'] } },
  campaign: {
    names: {
      en: ['Campaign', 'Campaign name'],
      fa: ['کمپین'],
      ar: ['الحملة'],
      ga4: ['sessionCampaignName', 'sessionCampaign', 'campaignName'],
    },
    // Meta's ad sets sit under campaigns: they stand in only when the export has no campaign column.
    fallbacks: { ads: ['Ad set name'] },
  },
};

// Removed before comparing headers: whitespace, "_", "-", bidi marks, zero-width (non-)joiners, tatweel,
// Arabic diacritics (harakat U+064B-U+065F, superscript alef U+0670).
const IGNORED_IN_HEADERS = /[\s_\-\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u0640\u064b-\u065f\u0670]/g;
const TRAILING_PARENTHESIS = /\s*\([^()]*\)\s*$/;

/**
 * The form in which headers are compared. Runs once per header, never per data cell.
 * Arabic yeh/kaf and alef-with-hamza become their plain Persian/Arabic forms, so a header typed on an
 * Arabic keyboard matches a Persian one.
 */
export function headerKey(text: string): string {
  return text
    .replace(IGNORED_IN_HEADERS, '')
    .toLowerCase()
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآ]/g, 'ا');
}

/** A vocabulary hit: which id, whether by a weaker fallback name, and its rank (0 for names, 1.. for fallbacks in list order). */
export interface Recognized<Id extends string> {
  readonly id: Id;
  readonly fallback: boolean;
  readonly rank: number;
}

function lookupOf<Id extends string>(vocabulary: Readonly<Record<Id, VocabularyEntry>>): Map<string, Recognized<Id>> {
  const lookup = new Map<string, Recognized<Id>>();
  for (const id of Object.keys(vocabulary) as Id[]) {
    const entry = vocabulary[id];
    for (const [lists, fallback] of [[entry.names, false], [entry.fallbacks ?? {}, true]] as const) {
      for (const source of VOCABULARY_SOURCES) {
        (lists[source] ?? []).forEach((name, position) => lookup.set(headerKey(name), { id, fallback, rank: fallback ? position + 1 : 0 }));
      }
    }
  }
  return lookup;
}

let measureLookup: Map<string, Recognized<MeasureId>> | undefined;
let dimensionLookup: Map<string, Recognized<DimensionId>> | undefined;

/** The measure a header names, if any ("Amount spent (USD)" -> cost). Built lazily: no work at load time. */
export function recognizeMeasure(header: string): Recognized<MeasureId> | undefined {
  measureLookup ??= lookupOf(MEASURE_VOCABULARY);
  return measureLookup.get(headerKey(header)) ?? measureLookup.get(headerKey(header.replace(TRAILING_PARENTHESIS, '')));
}

/** The dimension a header (or a `group_by` text) names, if any, with its rank. */
export function recognizeDimensionRanked(header: string): Recognized<DimensionId> | undefined {
  dimensionLookup ??= lookupOf(DIMENSION_VOCABULARY);
  return dimensionLookup.get(headerKey(header)) ?? dimensionLookup.get(headerKey(header.replace(TRAILING_PARENTHESIS, '')));
}

/** The dimension a header (or a `group_by` text) names, if any. */
export function recognizeDimension(header: string): DimensionId | undefined {
  return recognizeDimensionRanked(header)?.id;
}

/**
 * For each id some header names, the column that feeds it: the best rank (names before fallbacks,
 * earlier fallbacks before later ones), then the leftmost. Columns for which `skip` is true take no part.
 */
export function bestColumns<Id extends string>(
  headers: readonly string[],
  recognize: (header: string) => Recognized<Id> | undefined,
  skip: (index: number) => boolean = () => false,
): Map<Id, number> {
  const best = new Map<Id, { index: number; rank: number }>();
  headers.forEach((header, index) => {
    if (header === '' || skip(index)) return;
    const recognized = recognize(header);
    if (recognized === undefined) return;
    const current = best.get(recognized.id);
    if (current === undefined || recognized.rank < current.rank) best.set(recognized.id, { index, rank: recognized.rank });
  });
  return new Map([...best].map(([id, choice]) => [id, choice.index]));
}

/** Every name of an entry, names before fallbacks, in source order (for messages and documentation). */
export function namesOf(entry: VocabularyEntry): string[] {
  const names: string[] = [];
  for (const lists of [entry.names, entry.fallbacks ?? {}]) {
    for (const source of VOCABULARY_SOURCES) names.push(...(lists[source] ?? []));
  }
  return names;
}

/** Every accepted measure header once, for the "no measure recognized" message. */
export function acceptedMeasureNames(): string[] {
  return [...new Set(MEASURES.flatMap((measure) => namesOf(MEASURE_VOCABULARY[measure])))];
}
