import { translate, type Language, type Localized } from '../i18n';
import type { MeasureId } from './measures';
import { STAGE_IDS, stageLabel, type StageId } from './stages';

/** Smart Insights' VQVC classes: how much, how good, what it is worth, what it costs. */
export const VQVC_CLASSES = ['volume', 'quality', 'value', 'cost'] as const;
export type Vqvc = (typeof VQVC_CLASSES)[number];

export const KPI_UNITS = ['count', 'rate', 'currency', 'ratio', 'score', 'duration'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

// The labels of the classifications are data tables (Localized), like the KPI texts themselves.
export const VQVC_LABELS: Record<Vqvc, Localized> = {
  volume: { en: 'Volume', fa: 'حجم', ar: 'الحجم' },
  quality: { en: 'Quality', fa: 'کیفیت', ar: 'الجودة' },
  value: { en: 'Value', fa: 'ارزش', ar: 'القيمة' },
  cost: { en: 'Cost', fa: 'هزینه', ar: 'التكلفة' },
};

export const UNIT_LABELS: Record<KpiUnit, Localized> = {
  count: { en: 'Count', fa: 'تعداد', ar: 'عدد' },
  rate: { en: 'Rate (%)', fa: 'نرخ (٪)', ar: 'نسبة مئوية (٪)' },
  currency: { en: 'Currency', fa: 'مبلغ پولی', ar: 'مبلغ مالي' },
  ratio: { en: 'Ratio', fa: 'نسبت', ar: 'نسبة' },
  score: { en: 'Score', fa: 'امتیاز', ar: 'درجة' },
  duration: { en: 'Duration', fa: 'مدت زمان', ar: 'المدة' },
};

export const DIRECTION_LABELS: Record<KpiDirection, Localized> = {
  higher: { en: 'Higher is better', fa: 'هرچه بیشتر، بهتر', ar: 'الأعلى أفضل' },
  lower: { en: 'Lower is better', fa: 'هرچه کمتر، بهتر', ar: 'الأدنى أفضل' },
};

interface KpiSpec {
  readonly id: string;
  readonly stage: StageId;
  readonly vqvc: Vqvc;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly name: Localized;
  readonly definition: Localized;
  /** How the KPI is calculated, in words. */
  readonly formula: Localized;
  /**
   * How the workbook computes the actual from the Data sheet. Only where the measures really give the KPI;
   * every other KPI gets an input cell on the KPI sheet.
   */
  readonly fromData?: KpiFromData;
}

/** sum(numerator), or sum(numerator) / (sum(denominator) + sum(denominatorPlus)); `over` for levels. */
export interface KpiFromData {
  readonly numerator: MeasureId;
  readonly denominator?: MeasureId;
  /** Added to the denominator: churned ÷ (renewals + churned), the subscribers at the period's start. */
  readonly denominatorPlus?: MeasureId;
  /**
   * For a level such as MRR, which adds up across channels but not across periods: 'latest' is the
   * numerator's total in the latest period with figures, 'growth' that total against the period before.
   */
  readonly over?: 'latest' | 'growth';
}

const KPI_LIST = [
  // --- Plan: objectives, budget, forecast ---
  {
    id: 'smartObjectives', stage: 'plan', vqvc: 'value', unit: 'rate', direction: 'higher',
    name: { en: 'SMART objectives on track', fa: 'اهداف SMART طبق برنامه', ar: 'أهداف SMART التي تسير وفق الخطة' },
    definition: {
      en: "Share of the plan's SMART objectives (specific, measurable, achievable, relevant, time-bound) that are on track.",
      fa: 'سهم اهداف SMART برنامه (مشخص، قابل‌اندازه‌گیری، دست‌یافتنی، مرتبط و زمان‌دار) که طبق برنامه پیش می‌روند.',
      ar: 'نسبة أهداف SMART في الخطة (محددة وقابلة للقياس وقابلة للتحقيق وذات صلة ومحددة زمنيًا) التي تسير وفق الخطة.',
    },
    formula: {
      en: 'SMART objectives on track ÷ SMART objectives set',
      fa: 'اهداف SMART طبق برنامه ÷ کل اهداف SMART تعیین‌شده',
      ar: 'أهداف SMART التي تسير وفق الخطة ÷ إجمالي أهداف SMART المحددة',
    },
  },
  {
    id: 'marketingSpend', stage: 'plan', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Marketing spend', fa: 'هزینهٔ بازاریابی', ar: 'الإنفاق التسويقي' },
    definition: {
      en: 'Total spent on marketing in the period (media, tools, agencies), tracked against the budget.',
      fa: 'کل مبلغی که در دوره صرف بازاریابی شده است (رسانه، ابزارها، آژانس‌ها)، در مقایسه با بودجه.',
      ar: 'إجمالي ما أُنفق على التسويق خلال الفترة (الإعلانات والأدوات والوكالات)، مقارنةً بالميزانية.',
    },
    formula: {
      en: 'Sum of marketing costs in the period',
      fa: 'جمع هزینه‌های بازاریابی در دوره',
      ar: 'مجموع تكاليف التسويق خلال الفترة',
    },
    fromData: { numerator: 'cost' },
  },
  {
    id: 'budgetVariance', stage: 'plan', vqvc: 'cost', unit: 'rate', direction: 'lower',
    name: { en: 'Budget variance', fa: 'انحراف از بودجه', ar: 'انحراف الميزانية' },
    definition: {
      en: 'How far actual marketing spend is from the planned budget; a positive figure means overspending.',
      fa: 'فاصلهٔ هزینهٔ واقعی بازاریابی از بودجهٔ برنامه‌ریزی‌شده؛ عدد مثبت یعنی بیش از بودجه خرج شده است.',
      ar: 'مدى ابتعاد الإنفاق التسويقي الفعلي عن الميزانية المخططة؛ القيمة الموجبة تعني تجاوز الميزانية.',
    },
    formula: {
      en: '(Actual spend − Budget) ÷ Budget',
      fa: '(هزینهٔ واقعی − بودجه) ÷ بودجه',
      ar: '(الإنفاق الفعلي − الميزانية) ÷ الميزانية',
    },
  },
  {
    id: 'revenueVsForecast', stage: 'plan', vqvc: 'value', unit: 'ratio', direction: 'higher',
    name: { en: 'Revenue against forecast', fa: 'درآمد نسبت به پیش‌بینی', ar: 'الإيرادات مقارنةً بالتوقعات' },
    definition: {
      en: 'Actual revenue as a share of the forecast in the plan; 1 means the forecast was met.',
      fa: 'درآمد واقعی به‌صورت نسبتی از درآمد پیش‌بینی‌شده در برنامه؛ عدد ۱ یعنی پیش‌بینی محقق شده است.',
      ar: 'الإيرادات الفعلية كنسبة من الإيرادات المتوقعة في الخطة؛ القيمة ١ تعني تحقيق التوقعات.',
    },
    formula: {
      en: 'Actual revenue ÷ Forecast revenue',
      fa: 'درآمد واقعی ÷ درآمد پیش‌بینی‌شده',
      ar: 'الإيرادات الفعلية ÷ الإيرادات المتوقعة',
    },
  },
  {
    id: 'marketingRoi', stage: 'plan', vqvc: 'value', unit: 'ratio', direction: 'higher',
    name: { en: 'Marketing ROI', fa: 'بازگشت سرمایهٔ بازاریابی (ROI)', ar: 'العائد على الاستثمار التسويقي (ROI)' },
    definition: {
      en: 'Profit that marketing returns for each unit of currency spent on it.',
      fa: 'سودی که بازاریابی به‌ازای هر واحد پولیِ هزینه‌شده بازمی‌گرداند.',
      ar: 'الربح الذي يحققه التسويق مقابل كل وحدة نقدية تُنفق عليه.',
    },
    formula: {
      en: '(Revenue − Marketing cost) ÷ Marketing cost',
      fa: '(درآمد − هزینهٔ بازاریابی) ÷ هزینهٔ بازاریابی',
      ar: '(الإيرادات − تكلفة التسويق) ÷ تكلفة التسويق',
    },
  },

  // --- Reach: awareness and traffic ---
  {
    id: 'impressions', stage: 'reach', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Impressions', fa: 'نمایش‌ها', ar: 'مرات الظهور' },
    definition: {
      en: 'Times your ads, posts or search listings were shown to people.',
      fa: 'تعداد دفعاتی که تبلیغ، پست یا نتیجهٔ جست‌وجوی شما به مخاطبان نمایش داده شده است.',
      ar: 'عدد المرات التي ظهرت فيها إعلاناتك أو منشوراتك أو نتائج البحث الخاصة بك للجمهور.',
    },
    formula: {
      en: 'Sum of impressions across channels',
      fa: 'جمع نمایش‌ها در همهٔ کانال‌ها',
      ar: 'مجموع مرات الظهور في جميع القنوات',
    },
    fromData: { numerator: 'impressions' },
  },
  {
    id: 'ctr', stage: 'reach', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Click-through rate (CTR)', fa: 'نرخ کلیک (CTR)', ar: 'نسبة النقر إلى الظهور (CTR)' },
    definition: {
      en: 'Share of impressions that led to a click.',
      fa: 'درصدی از نمایش‌ها که به کلیک منجر شده‌اند.',
      ar: 'نسبة مرات الظهور التي أدت إلى نقرة.',
    },
    formula: { en: 'Clicks ÷ Impressions', fa: 'کلیک‌ها ÷ نمایش‌ها', ar: 'النقرات ÷ مرات الظهور' },
    fromData: { numerator: 'clicks', denominator: 'impressions' },
  },
  {
    id: 'costPerClick', stage: 'reach', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Cost per click (CPC)', fa: 'هزینهٔ هر کلیک (CPC)', ar: 'تكلفة النقرة (CPC)' },
    definition: {
      en: 'Average advertising cost of one click.',
      fa: 'میانگین هزینهٔ تبلیغات برای هر کلیک.',
      ar: 'متوسط تكلفة الإعلانات المدفوعة للنقرة الواحدة.',
    },
    formula: { en: 'Advertising cost ÷ Clicks', fa: 'هزینهٔ تبلیغات ÷ کلیک‌ها', ar: 'تكلفة الإعلانات ÷ النقرات' },
    fromData: { numerator: 'cost', denominator: 'clicks' },
  },
  {
    id: 'uniqueVisitors', stage: 'reach', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Unique visitors', fa: 'بازدیدکنندگان یکتا', ar: 'الزوار الفريدون' },
    definition: {
      en: 'Distinct people (users or browsers) who visited the site in the period.',
      fa: 'تعداد افراد متمایز (کاربران یا مرورگرها) که در دوره از سایت بازدید کرده‌اند.',
      ar: 'عدد الأشخاص المختلفين (المستخدمين أو المتصفحات) الذين زاروا الموقع خلال الفترة.',
    },
    formula: {
      en: 'Count of distinct visitors in the period',
      fa: 'شمار بازدیدکنندگان متمایز در دوره',
      ar: 'عدد الزوار المختلفين خلال الفترة',
    },
  },
  {
    id: 'visits', stage: 'reach', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Visits (sessions)', fa: 'بازدیدها (نشست‌ها)', ar: 'الزيارات (الجلسات)' },
    definition: {
      en: 'Sessions started on your site or app, from every channel.',
      fa: 'نشست‌هایی که از همهٔ کانال‌ها در سایت یا اپلیکیشن شما آغاز شده‌اند.',
      ar: 'الجلسات التي بدأت على موقعك أو تطبيقك من جميع القنوات.',
    },
    formula: {
      en: 'Sum of sessions across channels',
      fa: 'جمع نشست‌ها در همهٔ کانال‌ها',
      ar: 'مجموع الجلسات في جميع القنوات',
    },
    fromData: { numerator: 'visits' },
  },
  {
    id: 'valuePerVisit', stage: 'reach', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Value per visit', fa: 'ارزش هر بازدید', ar: 'القيمة لكل زيارة' },
    definition: {
      en: 'Revenue each visit brings on average: shows which traffic sources are worth paying for.',
      fa: 'میانگین درآمدی که هر بازدید به همراه دارد؛ نشان می‌دهد کدام منبع ترافیک ارزش سرمایه‌گذاری دارد.',
      ar: 'متوسط الإيرادات التي تحققها كل زيارة؛ يبيّن مصادر الزيارات التي تستحق الاستثمار فيها.',
    },
    formula: { en: 'Revenue ÷ Visits', fa: 'درآمد ÷ بازدیدها', ar: 'الإيرادات ÷ الزيارات' },
    fromData: { numerator: 'revenue', denominator: 'visits' },
  },
  {
    id: 'costPerVisit', stage: 'reach', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Cost per visit', fa: 'هزینهٔ هر بازدید', ar: 'تكلفة الزيارة' },
    definition: {
      en: 'Average marketing cost of bringing one visit to the site, from every channel.',
      fa: 'میانگین هزینهٔ بازاریابی برای آوردن یک بازدید به سایت، از همهٔ کانال‌ها.',
      ar: 'متوسط تكلفة التسويق لجلب زيارة واحدة إلى الموقع، من جميع القنوات.',
    },
    formula: { en: 'Marketing cost ÷ Visits', fa: 'هزینهٔ بازاریابی ÷ بازدیدها', ar: 'تكلفة التسويق ÷ الزيارات' },
    fromData: { numerator: 'cost', denominator: 'visits' },
  },
  {
    id: 'socialFollowers', stage: 'reach', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Social followers', fa: 'دنبال‌کنندگان در شبکه‌های اجتماعی', ar: 'المتابعون على وسائل التواصل الاجتماعي' },
    definition: {
      en: "People following the brand's social media accounts at the end of the period.",
      fa: 'تعداد افرادی که در پایان دوره حساب‌های برند را در شبکه‌های اجتماعی دنبال می‌کنند.',
      ar: 'عدد الأشخاص الذين يتابعون حسابات العلامة التجارية على وسائل التواصل الاجتماعي في نهاية الفترة.',
    },
    formula: {
      en: 'Sum of followers across social accounts',
      fa: 'جمع دنبال‌کنندگان همهٔ حساب‌های اجتماعی',
      ar: 'مجموع المتابعين في جميع الحسابات الاجتماعية',
    },
  },
  {
    id: 'contentShares', stage: 'reach', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Content shares', fa: 'اشتراک‌گذاری محتوا', ar: 'مشاركات المحتوى' },
    definition: {
      en: 'Times your posts, articles or videos were shared, carrying them to new audiences.',
      fa: 'تعداد دفعاتی که پست‌ها، مقاله‌ها یا ویدیوهای شما بازنشر شده و به دست مخاطبان تازه رسیده‌اند.',
      ar: 'عدد مرات مشاركة منشوراتك أو مقالاتك أو مقاطع الفيديو الخاصة بك، مما يوصلها إلى جماهير جديدة.',
    },
    formula: {
      en: 'Sum of shares across channels',
      fa: 'جمع اشتراک‌گذاری‌ها در همهٔ کانال‌ها',
      ar: 'مجموع المشاركات في جميع القنوات',
    },
  },

  // --- Act: interaction and leads ---
  {
    id: 'bounceRate', stage: 'act', vqvc: 'quality', unit: 'rate', direction: 'lower',
    name: { en: 'Bounce rate', fa: 'نرخ پرش', ar: 'معدل الارتداد' },
    definition: {
      en: 'Share of visits that leave after one page without interacting.',
      fa: 'درصد بازدیدهایی که پس از دیدن یک صفحه و بدون هیچ تعاملی سایت را ترک می‌کنند.',
      ar: 'نسبة الزيارات التي تغادر بعد صفحة واحدة دون أي تفاعل.',
    },
    formula: {
      en: 'Single-page visits without interaction ÷ Visits',
      fa: 'بازدیدهای تک‌صفحه‌ای بدون تعامل ÷ بازدیدها',
      ar: 'الزيارات ذات الصفحة الواحدة دون تفاعل ÷ الزيارات',
    },
  },
  {
    id: 'pagesPerVisit', stage: 'act', vqvc: 'quality', unit: 'ratio', direction: 'higher',
    name: { en: 'Pages per visit', fa: 'صفحه در هر بازدید', ar: 'الصفحات لكل زيارة' },
    definition: {
      en: 'Average number of pages viewed in one visit.',
      fa: 'میانگین تعداد صفحه‌هایی که در هر بازدید دیده می‌شود.',
      ar: 'متوسط عدد الصفحات التي تُشاهد في الزيارة الواحدة.',
    },
    formula: { en: 'Page views ÷ Visits', fa: 'صفحه‌های دیده‌شده ÷ بازدیدها', ar: 'مشاهدات الصفحات ÷ الزيارات' },
  },
  {
    id: 'timeOnSite', stage: 'act', vqvc: 'quality', unit: 'duration', direction: 'higher',
    name: { en: 'Average time on site', fa: 'میانگین زمان حضور در سایت', ar: 'متوسط مدة البقاء في الموقع' },
    definition: {
      en: 'Average length of a visit.',
      fa: 'میانگین مدت زمان هر بازدید.',
      ar: 'متوسط مدة الزيارة الواحدة.',
    },
    formula: {
      en: 'Total duration of visits ÷ Visits',
      fa: 'مجموع مدت بازدیدها ÷ بازدیدها',
      ar: 'إجمالي مدة الزيارات ÷ الزيارات',
    },
  },
  {
    id: 'engagementRate', stage: 'act', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Engagement rate', fa: 'نرخ تعامل', ar: 'معدل التفاعل' },
    definition: {
      en: 'Share of visits that were engaged: lasted 10 seconds or more, viewed two or more pages, or converted (GA4).',
      fa: 'درصد بازدیدهای درگیر: بازدیدهایی که دست‌کم ۱۰ ثانیه طول کشیده، دو صفحه یا بیشتر دیده یا به تبدیل رسیده‌اند (GA4).',
      ar: 'نسبة الزيارات المتفاعلة: التي استمرت ١٠ ثوانٍ أو أكثر، أو شاهدت صفحتين أو أكثر، أو حققت تحويلًا (GA4).',
    },
    formula: {
      en: 'Engaged sessions ÷ Sessions',
      fa: 'نشست‌های درگیر ÷ کل نشست‌ها',
      ar: 'الجلسات المتفاعلة ÷ إجمالي الجلسات',
    },
  },
  {
    id: 'leads', stage: 'act', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Leads', fa: 'سرنخ‌ها', ar: 'العملاء المحتملون' },
    definition: {
      en: 'Visitors who showed buying interest: sign-ups, enquiries, quote requests, add-to-carts or downloads.',
      fa: 'بازدیدکنندگانی که تمایل به خرید نشان داده‌اند: ثبت‌نام، استعلام، درخواست پیش‌فاکتور، افزودن به سبد خرید یا دانلود.',
      ar: 'الزوار الذين أبدوا اهتمامًا بالشراء: تسجيلات أو استفسارات أو طلبات عروض أسعار أو إضافات إلى السلة أو تنزيلات.',
    },
    formula: {
      en: 'Sum of leads across channels',
      fa: 'جمع سرنخ‌ها در همهٔ کانال‌ها',
      ar: 'مجموع العملاء المحتملين في جميع القنوات',
    },
    fromData: { numerator: 'leads' },
  },
  {
    id: 'leadConversionRate', stage: 'act', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Lead conversion rate', fa: 'نرخ تبدیل به سرنخ', ar: 'معدل التحويل إلى عملاء محتملين' },
    definition: {
      en: 'Share of visits that became a lead.',
      fa: 'درصد بازدیدهایی که به سرنخ تبدیل شده‌اند.',
      ar: 'نسبة الزيارات التي تحولت إلى عملاء محتملين.',
    },
    formula: { en: 'Leads ÷ Visits', fa: 'سرنخ‌ها ÷ بازدیدها', ar: 'العملاء المحتملون ÷ الزيارات' },
    fromData: { numerator: 'leads', denominator: 'visits' },
  },
  {
    id: 'trials', stage: 'act', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Trial sign-ups', fa: 'ثبت‌نام‌های آزمایشی', ar: 'التسجيلات التجريبية' },
    definition: {
      en: 'Free trials (or freemium accounts) started in the period.',
      fa: 'دوره‌های آزمایشی رایگان (یا حساب‌های رایگان) که در دوره آغاز شده‌اند.',
      ar: 'الفترات التجريبية المجانية (أو الحسابات المجانية) التي بدأت خلال الفترة.',
    },
    formula: {
      en: 'Sum of trials started across channels',
      fa: 'جمع دوره‌های آزمایشی آغازشده در همهٔ کانال‌ها',
      ar: 'مجموع الفترات التجريبية التي بدأت في جميع القنوات',
    },
    fromData: { numerator: 'trials' },
  },
  {
    id: 'trialRate', stage: 'act', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Visit-to-trial rate', fa: 'نرخ تبدیل بازدید به دورهٔ آزمایشی', ar: 'معدل التحويل من زيارة إلى فترة تجريبية' },
    definition: {
      en: 'Share of visits that started a trial.',
      fa: 'درصد بازدیدهایی که به شروع دورهٔ آزمایشی رسیده‌اند.',
      ar: 'نسبة الزيارات التي بدأت فترة تجريبية.',
    },
    formula: { en: 'Trials ÷ Visits', fa: 'دوره‌های آزمایشی ÷ بازدیدها', ar: 'الفترات التجريبية ÷ الزيارات' },
    fromData: { numerator: 'trials', denominator: 'visits' },
  },
  {
    id: 'socialInteractions', stage: 'act', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: {
      en: 'Social interactions (likes, comments, shares)',
      fa: 'تعامل‌های اجتماعی (لایک، دیدگاه، اشتراک‌گذاری)',
      ar: 'التفاعلات الاجتماعية (الإعجابات والتعليقات والمشاركات)',
    },
    definition: {
      en: 'Likes, comments and shares your social posts received in the period.',
      fa: 'مجموع لایک‌ها، دیدگاه‌ها و اشتراک‌گذاری‌هایی که پست‌های شما در دوره دریافت کرده‌اند.',
      ar: 'الإعجابات والتعليقات والمشاركات التي حصلت عليها منشوراتك خلال الفترة.',
    },
    formula: {
      en: 'Likes + Comments + Shares',
      fa: 'لایک‌ها + دیدگاه‌ها + اشتراک‌گذاری‌ها',
      ar: 'الإعجابات + التعليقات + المشاركات',
    },
  },
  {
    id: 'costPerLead', stage: 'act', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Cost per lead (CPL)', fa: 'هزینهٔ هر سرنخ (CPL)', ar: 'تكلفة العميل المحتمل (CPL)' },
    definition: {
      en: 'Average marketing cost of winning one lead.',
      fa: 'میانگین هزینهٔ بازاریابی برای به‌دست‌آوردن یک سرنخ.',
      ar: 'متوسط تكلفة التسويق للحصول على عميل محتمل واحد.',
    },
    formula: {
      en: 'Marketing cost ÷ Leads',
      fa: 'هزینهٔ بازاریابی ÷ سرنخ‌ها',
      ar: 'تكلفة التسويق ÷ العملاء المحتملون',
    },
    fromData: { numerator: 'cost', denominator: 'leads' },
  },

  {
    id: 'valuePerLead', stage: 'act', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Value per lead', fa: 'ارزش هر سرنخ', ar: 'القيمة لكل عميل محتمل' },
    definition: {
      en: 'Revenue each lead brings on average: what a lead is worth, to weigh against the cost per lead.',
      fa: 'میانگین درآمدی که هر سرنخ به همراه دارد؛ ارزش یک سرنخ، برای سنجیدن در برابر هزینهٔ هر سرنخ.',
      ar: 'متوسط الإيرادات التي يحققها كل عميل محتمل؛ قيمة العميل المحتمل لمقارنتها بتكلفة العميل المحتمل.',
    },
    formula: { en: 'Revenue ÷ Leads', fa: 'درآمد ÷ سرنخ‌ها', ar: 'الإيرادات ÷ العملاء المحتملون' },
    fromData: { numerator: 'revenue', denominator: 'leads' },
  },
  {
    id: 'costPerTrial', stage: 'act', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Cost per trial sign-up', fa: 'هزینهٔ هر ثبت‌نام آزمایشی', ar: 'تكلفة التسجيل التجريبي' },
    definition: {
      en: 'Average marketing cost of one trial started.',
      fa: 'میانگین هزینهٔ بازاریابی برای شروع یک دورهٔ آزمایشی.',
      ar: 'متوسط تكلفة التسويق لبدء فترة تجريبية واحدة.',
    },
    formula: { en: 'Marketing cost ÷ Trials', fa: 'هزینهٔ بازاریابی ÷ دوره‌های آزمایشی', ar: 'تكلفة التسويق ÷ الفترات التجريبية' },
    fromData: { numerator: 'cost', denominator: 'trials' },
  },
  {
    id: 'valuePerTrial', stage: 'act', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Value per trial sign-up', fa: 'ارزش هر ثبت‌نام آزمایشی', ar: 'القيمة لكل تسجيل تجريبي' },
    definition: {
      en: 'Revenue each trial brings on average: what a trial is worth, to weigh against its cost.',
      fa: 'میانگین درآمدی که هر دورهٔ آزمایشی به همراه دارد؛ ارزش یک دورهٔ آزمایشی، برای سنجیدن در برابر هزینه‌اش.',
      ar: 'متوسط الإيرادات التي تحققها كل فترة تجريبية؛ قيمتها لمقارنتها بتكلفتها.',
    },
    formula: { en: 'Revenue ÷ Trials', fa: 'درآمد ÷ دوره‌های آزمایشی', ar: 'الإيرادات ÷ الفترات التجريبية' },
    fromData: { numerator: 'revenue', denominator: 'trials' },
  },

  // --- Convert: sales ---
  {
    id: 'sales', stage: 'convert', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Sales (orders)', fa: 'فروش (سفارش‌ها)', ar: 'المبيعات (الطلبات)' },
    definition: {
      en: 'Purchases, won deals or paid sign-ups in the period, online and offline.',
      fa: 'خریدها، قراردادهای بسته‌شده یا اشتراک‌های پولی در دوره، چه آنلاین و چه حضوری.',
      ar: 'عمليات الشراء أو الصفقات المُبرمة أو الاشتراكات المدفوعة خلال الفترة، عبر الإنترنت وخارجه.',
    },
    formula: {
      en: 'Sum of orders across channels',
      fa: 'جمع سفارش‌ها در همهٔ کانال‌ها',
      ar: 'مجموع الطلبات في جميع القنوات',
    },
    fromData: { numerator: 'orders' },
  },
  {
    id: 'onlineSales', stage: 'convert', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Online sales', fa: 'فروش آنلاین', ar: 'المبيعات عبر الإنترنت' },
    definition: {
      en: 'Orders completed on the website, in the app or on a marketplace.',
      fa: 'سفارش‌هایی که در وب‌سایت، اپلیکیشن یا بازارگاه‌های آنلاین نهایی شده‌اند.',
      ar: 'الطلبات المكتملة على الموقع الإلكتروني أو في التطبيق أو على منصات البيع الإلكترونية.',
    },
    formula: {
      en: 'Count of orders placed online',
      fa: 'شمار سفارش‌های ثبت‌شده به‌صورت آنلاین',
      ar: 'عدد الطلبات المنفذة عبر الإنترنت',
    },
  },
  {
    id: 'offlineSales', stage: 'convert', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Offline sales from digital', fa: 'فروش حضوری متأثر از دیجیتال', ar: 'المبيعات خارج الإنترنت بتأثير رقمي' },
    definition: {
      en: 'In-store or phone sales that digital marketing helped win (tracked by coupon codes, call tracking or "how did you hear of us?").',
      fa: 'فروش در فروشگاه یا تلفنی که بازاریابی دیجیتال در آن نقش داشته است (با کد تخفیف، ردیابی تماس یا پرسش «از کجا با ما آشنا شدید؟»).',
      ar: 'المبيعات في المتجر أو عبر الهاتف التي ساهم فيها التسويق الرقمي (تُتتبع بقسائم الخصم أو تتبع المكالمات أو سؤال «كيف عرفت عنا؟»).',
    },
    formula: {
      en: 'Count of offline orders attributed to digital channels',
      fa: 'شمار سفارش‌های حضوری که به کانال‌های دیجیتال نسبت داده می‌شوند',
      ar: 'عدد الطلبات خارج الإنترنت المنسوبة إلى القنوات الرقمية',
    },
  },
  {
    id: 'revenue', stage: 'convert', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Revenue', fa: 'درآمد', ar: 'الإيرادات' },
    definition: {
      en: 'Income from sales in the period, online and offline.',
      fa: 'درآمد حاصل از فروش در دوره، چه آنلاین و چه حضوری.',
      ar: 'الدخل المتحقق من المبيعات خلال الفترة، عبر الإنترنت وخارجه.',
    },
    formula: { en: 'Sum of order values', fa: 'جمع ارزش سفارش‌ها', ar: 'مجموع قيم الطلبات' },
    fromData: { numerator: 'revenue' },
  },
  {
    id: 'grossProfit', stage: 'convert', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Gross profit', fa: 'سود ناخالص', ar: 'إجمالي الربح' },
    definition: {
      en: 'Revenue left after the cost of the goods or services sold.',
      fa: 'درآمدی که پس از کسر بهای تمام‌شدهٔ کالا یا خدمات فروخته‌شده باقی می‌ماند.',
      ar: 'ما يتبقى من الإيرادات بعد خصم تكلفة السلع أو الخدمات المبيعة.',
    },
    formula: {
      en: 'Revenue − Cost of goods sold',
      fa: 'درآمد − بهای تمام‌شدهٔ کالای فروش‌رفته',
      ar: 'الإيرادات − تكلفة البضاعة المبيعة',
    },
  },
  {
    id: 'averageOrderValue', stage: 'convert', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Average order value (AOV)', fa: 'میانگین ارزش سفارش (AOV)', ar: 'متوسط قيمة الطلب (AOV)' },
    definition: {
      en: 'Average revenue of one order.',
      fa: 'میانگین درآمد هر سفارش.',
      ar: 'متوسط الإيرادات للطلب الواحد.',
    },
    formula: { en: 'Revenue ÷ Orders', fa: 'درآمد ÷ تعداد سفارش‌ها', ar: 'الإيرادات ÷ عدد الطلبات' },
    fromData: { numerator: 'revenue', denominator: 'orders' },
  },
  {
    id: 'conversionRate', stage: 'convert', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Conversion rate', fa: 'نرخ تبدیل', ar: 'معدل التحويل' },
    definition: {
      en: 'Share of visits that ended in a sale.',
      fa: 'درصد بازدیدهایی که به فروش ختم شده‌اند.',
      ar: 'نسبة الزيارات التي انتهت بعملية بيع.',
    },
    formula: { en: 'Orders ÷ Visits', fa: 'سفارش‌ها ÷ بازدیدها', ar: 'الطلبات ÷ الزيارات' },
    fromData: { numerator: 'orders', denominator: 'visits' },
  },
  {
    id: 'leadToSaleRate', stage: 'convert', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Lead-to-sale rate', fa: 'نرخ تبدیل سرنخ به فروش', ar: 'معدل تحويل العملاء المحتملين إلى مبيعات' },
    definition: {
      en: 'Share of leads that became paying customers.',
      fa: 'درصد سرنخ‌هایی که به مشتری پرداخت‌کننده تبدیل شده‌اند.',
      ar: 'نسبة العملاء المحتملين الذين أصبحوا عملاء يدفعون.',
    },
    formula: { en: 'Customers ÷ Leads', fa: 'مشتریان ÷ سرنخ‌ها', ar: 'العملاء ÷ العملاء المحتملون' },
    fromData: { numerator: 'customers', denominator: 'leads' },
  },
  {
    id: 'cpa', stage: 'convert', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Cost per acquisition (CPA)', fa: 'هزینهٔ جذب هر مشتری (CPA)', ar: 'تكلفة اكتساب العميل (CPA)' },
    definition: {
      en: 'Average marketing cost of winning one customer or sale.',
      fa: 'میانگین هزینهٔ بازاریابی برای به‌دست‌آوردن یک مشتری یا یک فروش.',
      ar: 'متوسط تكلفة التسويق لكسب عميل واحد أو صفقة بيع واحدة.',
    },
    formula: { en: 'Marketing cost ÷ Customers', fa: 'هزینهٔ بازاریابی ÷ مشتریان', ar: 'تكلفة التسويق ÷ العملاء' },
    fromData: { numerator: 'cost', denominator: 'customers' },
  },
  {
    id: 'roas', stage: 'convert', vqvc: 'value', unit: 'ratio', direction: 'higher',
    name: { en: 'Return on ad spend (ROAS)', fa: 'بازده هزینهٔ تبلیغات (ROAS)', ar: 'العائد على الإنفاق الإعلاني (ROAS)' },
    definition: {
      en: 'Revenue earned for each unit of currency spent on advertising.',
      fa: 'درآمدی که به‌ازای هر واحد پولیِ هزینهٔ تبلیغات به دست می‌آید.',
      ar: 'الإيرادات المتحققة مقابل كل وحدة نقدية تُنفق على الإعلانات.',
    },
    formula: { en: 'Revenue ÷ Advertising cost', fa: 'درآمد ÷ هزینهٔ تبلیغات', ar: 'الإيرادات ÷ تكلفة الإعلانات' },
    fromData: { numerator: 'revenue', denominator: 'cost' },
  },
  {
    id: 'newSubscribers', stage: 'convert', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'New paying subscribers', fa: 'مشترکان پولی جدید', ar: 'المشتركون الدافعون الجدد' },
    definition: {
      en: 'Subscriptions paid for the first time in the period, from a trial or directly.',
      fa: 'اشتراک‌هایی که در دوره برای نخستین بار پرداخت شده‌اند، پس از دورهٔ آزمایشی یا مستقیم.',
      ar: 'الاشتراكات المدفوعة لأول مرة خلال الفترة، بعد فترة تجريبية أو مباشرةً.',
    },
    formula: {
      en: 'Sum of new subscribers across channels',
      fa: 'جمع مشترکان جدید در همهٔ کانال‌ها',
      ar: 'مجموع المشتركين الجدد في جميع القنوات',
    },
    fromData: { numerator: 'subscribers' },
  },
  {
    id: 'trialToPaidRate', stage: 'convert', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Trial-to-paid rate', fa: 'نرخ تبدیل آزمایشی به پولی', ar: 'معدل التحويل من التجربة إلى الاشتراك المدفوع' },
    definition: {
      en: 'Share of trials that became paying subscriptions.',
      fa: 'درصد دوره‌های آزمایشی که به اشتراک پولی تبدیل شده‌اند.',
      ar: 'نسبة الفترات التجريبية التي تحولت إلى اشتراكات مدفوعة.',
    },
    formula: { en: 'New subscribers ÷ Trials', fa: 'مشترکان جدید ÷ دوره‌های آزمایشی', ar: 'المشتركون الجدد ÷ الفترات التجريبية' },
    fromData: { numerator: 'subscribers', denominator: 'trials' },
  },
  {
    id: 'costPerSubscriber', stage: 'convert', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Cost per new subscriber (CAC)', fa: 'هزینهٔ جذب هر مشترک جدید (CAC)', ar: 'تكلفة اكتساب المشترك الجديد (CAC)' },
    definition: {
      en: 'Average marketing cost of winning one paying subscriber.',
      fa: 'میانگین هزینهٔ بازاریابی برای به‌دست‌آوردن یک مشترک پولی.',
      ar: 'متوسط تكلفة التسويق لكسب مشترك واحد يدفع.',
    },
    formula: { en: 'Marketing cost ÷ New subscribers', fa: 'هزینهٔ بازاریابی ÷ مشترکان جدید', ar: 'تكلفة التسويق ÷ المشتركون الجدد' },
    fromData: { numerator: 'cost', denominator: 'subscribers' },
  },
  {
    id: 'mrr', stage: 'convert', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Monthly recurring revenue (MRR)', fa: 'درآمد تکرارشوندهٔ ماهانه (MRR)', ar: 'الإيراد الشهري المتكرر (MRR)' },
    definition: {
      en: 'Subscription revenue billed each month, in the latest period with figures.',
      fa: 'درآمد اشتراکی که هر ماه صورت‌حساب می‌شود، در آخرین دوره‌ای که عدد دارد.',
      ar: 'إيرادات الاشتراكات المفوترة كل شهر، في آخر فترة تتوفر لها أرقام.',
    },
    formula: {
      en: 'Sum of MRR in the latest period',
      fa: 'جمع MRR در آخرین دوره',
      ar: 'مجموع MRR في آخر فترة',
    },
    fromData: { numerator: 'mrr', over: 'latest' },
  },

  // --- Engage: loyalty and advocacy ---
  {
    id: 'repeatCustomers', stage: 'engage', vqvc: 'volume', unit: 'count', direction: 'higher',
    name: { en: 'Repeat customers', fa: 'مشتریان با خرید مجدد', ar: 'العملاء المتكررون' },
    definition: {
      en: 'Customers who bought again (a repeat purchase or a renewal) in the period.',
      fa: 'مشتریانی که در دوره دوباره خرید کرده یا اشتراک خود را تمدید کرده‌اند.',
      ar: 'العملاء الذين اشتروا مجددًا (شراء متكرر أو تجديد اشتراك) خلال الفترة.',
    },
    formula: {
      en: 'Count of customers with more than one purchase',
      fa: 'شمار مشتریانی که بیش از یک بار خرید کرده‌اند',
      ar: 'عدد العملاء الذين اشتروا أكثر من مرة',
    },
    fromData: { numerator: 'repeatCustomers' },
  },
  {
    id: 'repeatRate', stage: 'engage', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Repeat purchase rate', fa: 'نرخ خرید مجدد', ar: 'معدل تكرار الشراء' },
    definition: {
      en: 'Share of customers who bought again.',
      fa: 'درصد مشتریانی که دوباره خرید کرده‌اند.',
      ar: 'نسبة العملاء الذين اشتروا مرة أخرى.',
    },
    formula: { en: 'Repeat customers ÷ Customers', fa: 'مشتریان با خرید مجدد ÷ مشتریان', ar: 'العملاء المتكررون ÷ العملاء' },
    fromData: { numerator: 'repeatCustomers', denominator: 'customers' },
  },
  {
    id: 'returningVisits', stage: 'engage', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Returning visits', fa: 'بازدیدهای بازگشتی', ar: 'الزيارات المتكررة' },
    definition: {
      en: 'Share of visits made by people who had visited before.',
      fa: 'درصد بازدیدهایی که افرادی انجام داده‌اند که پیش‌تر هم از سایت بازدید کرده بودند.',
      ar: 'نسبة الزيارات التي قام بها أشخاص سبق لهم زيارة الموقع.',
    },
    formula: {
      en: 'Visits by returning visitors ÷ Visits',
      fa: 'بازدیدهای کاربران بازگشتی ÷ بازدیدها',
      ar: 'زيارات الزوار العائدين ÷ الزيارات',
    },
  },
  {
    id: 'customerSatisfaction', stage: 'engage', vqvc: 'quality', unit: 'score', direction: 'higher',
    name: { en: 'Customer satisfaction (CSAT)', fa: 'رضایت مشتری (CSAT)', ar: 'رضا العملاء (CSAT)' },
    definition: {
      en: 'Average rating customers give in satisfaction surveys, from 1 to 5.',
      fa: 'میانگین امتیازی که مشتریان در نظرسنجی رضایت می‌دهند، از ۱ تا ۵.',
      ar: 'متوسط التقييم الذي يمنحه العملاء في استبيانات الرضا، من ١ إلى ٥.',
    },
    formula: {
      en: 'Sum of ratings ÷ Number of ratings',
      fa: 'جمع امتیازها ÷ تعداد پاسخ‌ها',
      ar: 'مجموع التقييمات ÷ عدد الإجابات',
    },
  },
  {
    id: 'nps', stage: 'engage', vqvc: 'quality', unit: 'score', direction: 'higher',
    name: { en: 'Net Promoter Score (NPS)', fa: 'شاخص خالص مروجان (NPS)', ar: 'صافي نقاط الترويج (NPS)' },
    definition: {
      en: 'How likely customers are to recommend you, from −100 to 100 (asked on a 0–10 scale).',
      fa: 'میزان تمایل مشتریان به معرفی شما به دیگران، از −۱۰۰ تا ۱۰۰ (پرسیده‌شده در مقیاس ۰ تا ۱۰).',
      ar: 'مدى استعداد العملاء للتوصية بك، من −١٠٠ إلى ١٠٠ (يُسأل عنه على مقياس من ٠ إلى ١٠).',
    },
    formula: {
      en: '% promoters (9–10) − % detractors (0–6)',
      fa: 'درصد مروجان (۹ و ۱۰) − درصد منتقدان (۰ تا ۶)',
      ar: 'نسبة المروّجين (٩–١٠) − نسبة المنتقدين (٠–٦)',
    },
  },
  {
    id: 'advocacy', stage: 'engage', vqvc: 'value', unit: 'ratio', direction: 'higher',
    name: { en: 'Advocacy (shares of posts)', fa: 'حمایت از برند (اشتراک‌گذاری پست‌ها)', ar: 'المناصرة (مشاركات المنشورات)' },
    definition: {
      en: 'How often your audience passes your posts on: shares per post published.',
      fa: 'اینکه مخاطبان چقدر پست‌های شما را به دیگران می‌رسانند: تعداد اشتراک‌گذاری به‌ازای هر پست منتشرشده.',
      ar: 'مدى تمرير جمهورك لمنشوراتك إلى الآخرين: عدد المشاركات لكل منشور.',
    },
    formula: {
      en: 'Shares of your posts ÷ Posts published',
      fa: 'اشتراک‌گذاری پست‌های شما ÷ تعداد پست‌های منتشرشده',
      ar: 'مشاركات منشوراتك ÷ عدد المنشورات',
    },
  },
  {
    id: 'emailOpenRate', stage: 'engage', vqvc: 'quality', unit: 'rate', direction: 'higher',
    name: { en: 'Email open rate', fa: 'نرخ بازشدن ایمیل', ar: 'معدل فتح البريد الإلكتروني' },
    definition: {
      en: 'Share of delivered emails that were opened.',
      fa: 'درصد ایمیل‌های تحویل‌شده‌ای که باز شده‌اند.',
      ar: 'نسبة رسائل البريد الإلكتروني المُسلَّمة التي فُتحت.',
    },
    formula: {
      en: 'Emails opened ÷ Emails delivered',
      fa: 'ایمیل‌های بازشده ÷ ایمیل‌های تحویل‌شده',
      ar: 'الرسائل المفتوحة ÷ الرسائل المُسلَّمة',
    },
  },
  {
    id: 'churnRate', stage: 'engage', vqvc: 'quality', unit: 'rate', direction: 'lower',
    name: { en: 'Churn rate', fa: 'نرخ ریزش مشتری', ar: 'معدل فقدان العملاء' },
    definition: {
      en: 'Share of the customers or subscribers due to renew in the period who were lost instead (each renewal period, those due are the ones who renewed plus the ones who left).',
      fa: 'درصد مشتریان یا مشترکانی که در دوره باید تمدید می‌کردند ولی از دست رفتند (در هر دورهٔ تمدید، افرادِ موعددار همان تمدیدکنندگان به‌علاوهٔ ترک‌کنندگان‌اند).',
      ar: 'نسبة العملاء أو المشتركين المستحق تجديدهم خلال الفترة الذين فُقدوا بدل أن يجددوا (في كل فترة تجديد، المستحقون هم من جددوا ومن غادروا).',
    },
    formula: {
      en: 'Churned ÷ (Renewals + Churned)',
      fa: 'ریزش‌کرده‌ها ÷ (تمدیدها + ریزش‌کرده‌ها)',
      ar: 'المفقودون ÷ (التجديدات + المفقودون)',
    },
    fromData: { numerator: 'churnedSubscribers', denominator: 'repeatCustomers', denominatorPlus: 'churnedSubscribers' },
  },
  {
    id: 'mrrGrowth', stage: 'engage', vqvc: 'value', unit: 'rate', direction: 'higher',
    name: { en: 'MRR growth', fa: 'رشد MRR', ar: 'نمو MRR' },
    definition: {
      en: 'How much monthly recurring revenue grew from the period before to the latest one: new and expanded subscriptions minus churn.',
      fa: 'میزان رشد درآمد تکرارشوندهٔ ماهانه از دورهٔ قبل تا آخرین دوره: اشتراک‌های تازه و ارتقایافته منهای ریزش.',
      ar: 'مقدار نمو الإيراد الشهري المتكرر من الفترة السابقة إلى الأخيرة: الاشتراكات الجديدة والموسّعة مطروحًا منها الفاقد.',
    },
    formula: {
      en: '(MRR this period − MRR the period before) ÷ MRR the period before',
      fa: '(MRR این دوره − MRR دورهٔ قبل) ÷ MRR دورهٔ قبل',
      ar: '(MRR هذه الفترة − MRR الفترة السابقة) ÷ MRR الفترة السابقة',
    },
    fromData: { numerator: 'mrr', over: 'growth' },
  },
  {
    id: 'costPerRepeatCustomer', stage: 'engage', vqvc: 'cost', unit: 'currency', direction: 'lower',
    name: { en: 'Cost per engaged customer', fa: 'هزینه به‌ازای مشتری با خرید مجدد', ar: 'التكلفة لكل عميل متكرر' },
    definition: {
      en: "Marketing cost per customer who came back (bought again or renewed). The Data sheet's cost is all marketing, so read it per channel (e.g. Email) for the cost of keeping customers.",
      fa: 'هزینهٔ بازاریابی به‌ازای هر مشتری که بازگشته است (دوباره خریده یا تمدید کرده). هزینهٔ برگهٔ داده‌ها همهٔ بازاریابی است، پس آن را برای هر کانال (مثلاً ایمیل) بخوانید تا هزینهٔ نگه‌داشتن مشتریان را ببینید.',
      ar: 'تكلفة التسويق لكل عميل عاد (اشترى مجددًا أو جدّد). التكلفة في ورقة البيانات تشمل التسويق كله، فاقرأها لكل قناة (مثل البريد الإلكتروني) لمعرفة تكلفة الاحتفاظ بالعملاء.',
    },
    formula: { en: 'Marketing cost ÷ Repeat customers', fa: 'هزینهٔ بازاریابی ÷ مشتریان با خرید مجدد', ar: 'تكلفة التسويق ÷ العملاء المتكررون' },
    fromData: { numerator: 'cost', denominator: 'repeatCustomers' },
  },
  {
    id: 'customerLifetimeValue', stage: 'engage', vqvc: 'value', unit: 'currency', direction: 'higher',
    name: { en: 'Customer lifetime value (CLV)', fa: 'ارزش طول عمر مشتری (CLV)', ar: 'القيمة العمرية للعميل (CLV)' },
    definition: {
      en: 'Profit expected from a customer over the whole relationship.',
      fa: 'سودی که در تمام مدت رابطه با یک مشتری از او انتظار می‌رود.',
      ar: 'الربح المتوقع من العميل طوال مدة علاقته بالعلامة التجارية.',
    },
    formula: {
      en: 'Average order value × Purchases per year × Years as a customer × Margin',
      fa: 'میانگین ارزش سفارش × تعداد خرید در سال × سال‌های همراهی مشتری × حاشیهٔ سود',
      ar: 'متوسط قيمة الطلب × عدد مرات الشراء سنويًا × سنوات بقاء العميل × هامش الربح',
    },
  },
] as const satisfies readonly KpiSpec[];

export type KpiId = (typeof KPI_LIST)[number]['id'];
export type Kpi = KpiSpec & { readonly id: KpiId };

/** The KPI catalogue, grouped by stage in RACE order. */
export const KPIS: readonly Kpi[] = KPI_LIST;

export const KPIS_BY_ID = Object.fromEntries(KPIS.map((kpi) => [kpi.id, kpi])) as Record<KpiId, Kpi>;

/**
 * A KPI that adds up over periods: a count or an amount summed from one Data column. Its target is due
 * period by period (pacing); rates, ratios, averages and levels (MRR) are compared as they are.
 */
export function isAdditive(kpi: Kpi): boolean {
  return kpi.fromData !== undefined && kpi.fromData.denominator === undefined && kpi.fromData.over === undefined;
}

export function kpisOfStage(stage: StageId): Kpi[] {
  return KPIS.filter((kpi) => kpi.stage === stage);
}

/**
 * The KPI catalogue as a table with a header row (stage, KPI, VQVC, unit, direction, definition,
 * formula) in `language`: all stages, or only `stage`.
 */
export function kpiReferenceTable(language: Language, stage?: StageId): string[][] {
  const header = [
    translate(language, 'kpis.stage'),
    translate(language, 'kpis.kpi'),
    translate(language, 'kpis.vqvc'),
    translate(language, 'kpis.unit'),
    translate(language, 'kpis.direction'),
    translate(language, 'kpis.definition'),
    translate(language, 'kpis.formula'),
  ];
  const stages = stage === undefined ? STAGE_IDS : [stage];
  const rows = stages.flatMap(kpisOfStage).map((kpi) => [
    stageLabel(kpi.stage, language),
    kpi.name[language],
    VQVC_LABELS[kpi.vqvc][language],
    UNIT_LABELS[kpi.unit][language],
    DIRECTION_LABELS[kpi.direction][language],
    kpi.definition[language],
    kpi.formula[language],
  ]);
  return [header, ...rows];
}
