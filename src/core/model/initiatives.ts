import type { Localized } from '../i18n';
import type { BusinessModelId, KpiStageId } from '../workbook/options';
import type { ChannelId } from './business-models';
import type { KpiId } from './kpis';

/**
 * A proven initiative for one stage of one business model: what to do, the KPI it should move (one of the
 * model's KPIs for that stage) and the channels it usually runs in (the first one the workbook has is
 * named on its action row).
 */
export interface Initiative {
  readonly name: Localized;
  readonly kpi: KpiId;
  readonly channels: readonly ChannelId[];
}

type Catalogue = Record<BusinessModelId, Record<KpiStageId, readonly Initiative[]>>;

/**
 * The Strategy step's menu, per model and stage: common practice of the RACE method (traffic at Reach,
 * landing pages and lead magnets at Act, checkout and follow-up at Convert, retention at Engage),
 * worded for each business.
 */
export const INITIATIVES: Catalogue = {
  ecommerce: {
    reach: [
      { name: { en: 'SEO for category and product pages', fa: 'سئوی صفحه‌های دسته‌بندی و محصول', ar: 'تحسين صفحات الفئات والمنتجات لمحركات البحث' }, kpi: 'visits', channels: ['organicSearch'] },
      { name: { en: 'Shopping and search ads on best sellers', fa: 'تبلیغات جست‌وجو و خرید برای پرفروش‌ترین محصولات', ar: 'إعلانات البحث والتسوق للمنتجات الأكثر مبيعًا' }, kpi: 'ctr', channels: ['paidSearch'] },
      { name: { en: 'Influencer and creator collaborations', fa: 'همکاری با اینفلوئنسرها و تولیدکنندگان محتوا', ar: 'التعاون مع المؤثرين وصنّاع المحتوى' }, kpi: 'socialFollowers', channels: ['paidSocial', 'organicSocial'] },
    ],
    act: [
      { name: { en: 'Product pages with photos, reviews and size guides', fa: 'صفحهٔ محصول با عکس، نظر خریداران و راهنمای سایز', ar: 'صفحات منتجات بالصور والتقييمات ودليل المقاسات' }, kpi: 'leadConversionRate', channels: ['organicSearch', 'paidSearch'] },
      { name: { en: 'A landing page matched to each campaign', fa: 'صفحهٔ فرود مخصوص هر کمپین', ar: 'صفحة هبوط مطابقة لكل حملة' }, kpi: 'bounceRate', channels: ['paidSearch', 'paidSocial', 'display'] },
      { name: { en: 'Product recommendations and bundles', fa: 'پیشنهاد محصولات مرتبط و بسته‌های ترکیبی', ar: 'توصيات المنتجات والباقات المجمّعة' }, kpi: 'pagesPerVisit', channels: ['email', 'organicSearch'] },
    ],
    convert: [
      { name: { en: 'Cart-abandonment emails', fa: 'ایمیل یادآوری سبد خرید رهاشده', ar: 'رسائل بريد لاسترجاع السلال المتروكة' }, kpi: 'conversionRate', channels: ['email'] },
      { name: { en: 'A shorter checkout with trusted payment options', fa: 'فرایند پرداخت کوتاه‌تر با روش‌های پرداخت مطمئن', ar: 'دفع أقصر بخيارات دفع موثوقة' }, kpi: 'conversionRate', channels: ['organicSearch', 'paidSearch'] },
      { name: { en: 'A free-shipping threshold and bundle offers', fa: 'ارسال رایگان از یک مبلغ مشخص و پیشنهاد بسته‌ای', ar: 'شحن مجاني فوق حدّ معيّن وعروض الباقات' }, kpi: 'averageOrderValue', channels: ['email', 'paidSocial'] },
    ],
    engage: [
      { name: { en: 'A post-purchase email series', fa: 'مجموعه ایمیل‌های پس از خرید', ar: 'سلسلة رسائل بريد ما بعد الشراء' }, kpi: 'repeatRate', channels: ['email'] },
      { name: { en: 'A loyalty points programme', fa: 'باشگاه مشتریان با امتیاز وفاداری', ar: 'برنامج نقاط الولاء' }, kpi: 'repeatCustomers', channels: ['email', 'organicSocial'] },
      { name: { en: 'A satisfaction survey after delivery', fa: 'نظرسنجی رضایت پس از تحویل سفارش', ar: 'استبيان رضا بعد التسليم' }, kpi: 'customerSatisfaction', channels: ['email'] },
    ],
  },
  b2b: {
    reach: [
      { name: { en: "Articles on buyers' problems, optimized for search", fa: 'مقاله‌هایی دربارهٔ مسائل خریداران، بهینه برای جست‌وجو', ar: 'مقالات عن مشكلات المشترين محسّنة للبحث' }, kpi: 'visits', channels: ['organicSearch'] },
      { name: { en: 'Posts by company experts on professional networks', fa: 'پست‌های کارشناسان شرکت در شبکه‌های حرفه‌ای', ar: 'منشورات خبراء الشركة على الشبكات المهنية' }, kpi: 'contentShares', channels: ['organicSocial'] },
      { name: { en: 'Search ads on solution keywords', fa: 'تبلیغات جست‌وجو روی کلیدواژه‌های راه‌حل', ar: 'إعلانات البحث على كلمات الحلول' }, kpi: 'ctr', channels: ['paidSearch'] },
    ],
    act: [
      { name: { en: 'Downloadable guides and checklists for leads', fa: 'راهنماها و چک‌لیست‌های قابل دانلود برای جذب سرنخ', ar: 'أدلة وقوائم تحقق قابلة للتنزيل لجذب العملاء المحتملين' }, kpi: 'leads', channels: ['organicSearch', 'email'] },
      { name: { en: 'Webinars with live questions and answers', fa: 'وبینار با پرسش و پاسخ زنده', ar: 'ندوات إلكترونية بأسئلة وأجوبة مباشرة' }, kpi: 'leadConversionRate', channels: ['events', 'email'] },
      { name: { en: 'Case-study pages per industry', fa: 'صفحهٔ نمونه‌کار برای هر صنعت', ar: 'صفحات دراسات حالة لكل قطاع' }, kpi: 'timeOnSite', channels: ['organicSearch', 'referral'] },
    ],
    convert: [
      { name: { en: 'Lead scoring and same-day sales follow-up', fa: 'امتیازدهی سرنخ‌ها و پیگیری فروش در همان روز', ar: 'تقييم العملاء المحتملين ومتابعة المبيعات في اليوم نفسه' }, kpi: 'leadToSaleRate', channels: ['email'] },
      { name: { en: 'A nurture email sequence for qualified leads', fa: 'مجموعه ایمیل‌های پرورش سرنخ‌های واجد شرایط', ar: 'سلسلة رسائل رعاية للعملاء المحتملين المؤهلين' }, kpi: 'leadToSaleRate', channels: ['email'] },
      { name: { en: 'A demo offer with a return-on-investment calculator', fa: 'پیشنهاد دموی محصول همراه با ماشین‌حساب بازگشت سرمایه', ar: 'عرض تجريبي مع حاسبة العائد على الاستثمار' }, kpi: 'sales', channels: ['paidSearch', 'events'] },
    ],
    engage: [
      { name: { en: 'Client onboarding and quarterly reviews', fa: 'آشناسازی مشتری جدید و جلسه‌های مرور فصلی', ar: 'تهيئة العملاء الجدد ومراجعات ربع سنوية' }, kpi: 'churnRate', channels: ['email', 'events'] },
      { name: { en: 'A client newsletter with product news', fa: 'خبرنامهٔ مشتریان با تازه‌های محصول', ar: 'نشرة للعملاء بأخبار المنتج' }, kpi: 'emailOpenRate', channels: ['email'] },
      { name: { en: 'A referral programme with satisfied clients', fa: 'برنامهٔ معرفی با مشتریان راضی', ar: 'برنامج إحالة مع العملاء الراضين' }, kpi: 'nps', channels: ['referral', 'email'] },
    ],
  },
  saas: {
    reach: [
      { name: { en: 'Comparison and alternatives pages for search', fa: 'صفحه‌های مقایسه و جایگزین‌ها برای جست‌وجو', ar: 'صفحات المقارنة والبدائل للبحث' }, kpi: 'visits', channels: ['organicSearch'] },
      { name: { en: 'Free tools and templates people share', fa: 'ابزارها و قالب‌های رایگانی که مردم به اشتراک می‌گذارند', ar: 'أدوات وقوالب مجانية يتشاركها الناس' }, kpi: 'contentShares', channels: ['organicSocial', 'referral'] },
      { name: { en: 'Search ads on high-intent keywords', fa: 'تبلیغات جست‌وجو روی کلیدواژه‌های با قصد خرید', ar: 'إعلانات البحث على كلمات نية الشراء' }, kpi: 'ctr', channels: ['paidSearch'] },
    ],
    act: [
      { name: { en: 'Sign-up without a card and with fewer fields', fa: 'ثبت‌نام بدون کارت بانکی و با فیلدهای کمتر', ar: 'تسجيل بلا بطاقة وبحقول أقل' }, kpi: 'trialRate', channels: ['organicSearch', 'paidSearch'] },
      { name: { en: 'An interactive product tour on the home page', fa: 'تور تعاملی محصول در صفحهٔ اصلی', ar: 'جولة تفاعلية في المنتج على الصفحة الرئيسية' }, kpi: 'engagementRate', channels: ['organicSearch'] },
      { name: { en: 'A pricing page with clear plans and answers', fa: 'صفحهٔ قیمت با پلن‌های روشن و پاسخ پرسش‌ها', ar: 'صفحة أسعار بخطط واضحة وإجابات' }, kpi: 'bounceRate', channels: ['paidSearch', 'organicSearch'] },
    ],
    convert: [
      { name: { en: 'Trial onboarding emails toward the first success', fa: 'ایمیل‌های راهنمای دورهٔ آزمایشی تا اولین نتیجه', ar: 'رسائل تهيئة الفترة التجريبية حتى أول نجاح' }, kpi: 'trialToPaidRate', channels: ['email'] },
      { name: { en: 'In-app prompts before the trial ends', fa: 'یادآوری داخل برنامه پیش از پایان دورهٔ آزمایشی', ar: 'تنبيهات داخل التطبيق قبل انتهاء الفترة التجريبية' }, kpi: 'trialToPaidRate', channels: ['email'] },
      { name: { en: 'A discount for annual plans', fa: 'تخفیف برای اشتراک سالانه', ar: 'خصم على الخطط السنوية' }, kpi: 'mrr', channels: ['email', 'paidSearch'] },
    ],
    engage: [
      { name: { en: 'A usage health score and outreach to accounts at risk', fa: 'امتیاز سلامت بر پایهٔ استفاده و تماس با حساب‌های در معرض ریزش', ar: 'مؤشر صحة الاستخدام والتواصل مع الحسابات المهددة بالإلغاء' }, kpi: 'churnRate', channels: ['email'] },
      { name: { en: 'Upgrade offers near plan limits', fa: 'پیشنهاد ارتقا نزدیک سقف پلن', ar: 'عروض الترقية قرب حدود الخطة' }, kpi: 'mrrGrowth', channels: ['email'] },
      { name: { en: 'An NPS survey and a reply to every detractor', fa: 'نظرسنجی NPS و پاسخ به هر منتقد', ar: 'استبيان NPS والرد على كل منتقد' }, kpi: 'nps', channels: ['email'] },
    ],
  },
  local: {
    reach: [
      { name: { en: 'A complete maps listing with photos and opening hours', fa: 'صفحهٔ کامل کسب‌وکار در نقشه‌ها با عکس و ساعت کاری', ar: 'صفحة نشاط كاملة في الخرائط بالصور وساعات العمل' }, kpi: 'impressions', channels: ['localListings'] },
      { name: { en: 'Search ads within your service area', fa: 'تبلیغات جست‌وجو در محدودهٔ ارائهٔ خدمت', ar: 'إعلانات البحث داخل منطقة الخدمة' }, kpi: 'ctr', channels: ['paidSearch'] },
      { name: { en: 'Posts in local social groups', fa: 'پست در گروه‌های محلی شبکه‌های اجتماعی', ar: 'منشورات في المجموعات المحلية على وسائل التواصل الاجتماعي' }, kpi: 'socialFollowers', channels: ['organicSocial'] },
    ],
    act: [
      { name: { en: 'Online booking and click-to-call buttons', fa: 'رزرو آنلاین و دکمهٔ تماس مستقیم', ar: 'حجز عبر الإنترنت وأزرار الاتصال المباشر' }, kpi: 'leadConversionRate', channels: ['localListings', 'organicSearch'] },
      { name: { en: 'Replies to reviews and messages within the hour', fa: 'پاسخ به نظرها و پیام‌ها در کمتر از یک ساعت', ar: 'الرد على التقييمات والرسائل خلال ساعة' }, kpi: 'socialInteractions', channels: ['localListings', 'organicSocial'] },
      { name: { en: 'A first-visit offer', fa: 'پیشنهاد ویژهٔ اولین مراجعه', ar: 'عرض خاص للزيارة الأولى' }, kpi: 'leads', channels: ['paidSearch', 'offline'] },
    ],
    convert: [
      { name: { en: 'Booking reminders by text message', fa: 'یادآوری نوبت با پیامک', ar: 'تذكير بالمواعيد برسائل نصية' }, kpi: 'leadToSaleRate', channels: ['offline'] },
      { name: { en: 'Same-day follow-up of every enquiry', fa: 'پیگیری هر استعلام در همان روز', ar: 'متابعة كل استفسار في اليوم نفسه' }, kpi: 'sales', channels: ['localListings', 'referral'] },
      { name: { en: 'Clear prices and packages on the website', fa: 'قیمت‌ها و بسته‌های روشن روی وب‌سایت', ar: 'أسعار وباقات واضحة على الموقع' }, kpi: 'leadToSaleRate', channels: ['organicSearch'] },
    ],
    engage: [
      { name: { en: 'A loyalty card or membership', fa: 'کارت وفاداری یا عضویت', ar: 'بطاقة ولاء أو عضوية' }, kpi: 'repeatRate', channels: ['offline'] },
      { name: { en: 'Asking happy customers for a review', fa: 'درخواست نظر از مشتریان راضی', ar: 'طلب تقييم من العملاء الراضين' }, kpi: 'advocacy', channels: ['localListings'] },
      { name: { en: 'Reminders for the next service or check-up', fa: 'یادآوری نوبت بعدی خدمت یا معاینه', ar: 'تذكير بموعد الخدمة أو الفحص التالي' }, kpi: 'repeatCustomers', channels: ['offline', 'organicSocial'] },
    ],
  },
  publisher: {
    reach: [
      { name: { en: 'SEO on evergreen topics', fa: 'سئو روی موضوع‌های همیشه‌سبز', ar: 'تحسين المحتوى الدائم لمحركات البحث' }, kpi: 'uniqueVisitors', channels: ['organicSearch'] },
      { name: { en: 'Shareable formats: short video and charts', fa: 'قالب‌های اشتراک‌پذیر: ویدئوی کوتاه و نمودار', ar: 'صيغ قابلة للمشاركة: فيديو قصير ورسوم بيانية' }, kpi: 'contentShares', channels: ['organicSocial', 'paidSocial'] },
      { name: { en: 'Syndication with partner sites', fa: 'بازنشر محتوا در سایت‌های همکار', ar: 'إعادة النشر لدى مواقع شريكة' }, kpi: 'visits', channels: ['referral'] },
    ],
    act: [
      { name: { en: 'Related-article links and topic hubs', fa: 'پیوند به مطالب مرتبط و صفحه‌های موضوعی', ar: 'روابط لمقالات ذات صلة وصفحات موضوعية' }, kpi: 'pagesPerVisit', channels: ['organicSearch', 'direct'] },
      { name: { en: 'Newsletter sign-up boxes inside articles', fa: 'کادر عضویت در خبرنامه داخل مطالب', ar: 'مربعات الاشتراك في النشرة داخل المقالات' }, kpi: 'leadConversionRate', channels: ['organicSearch', 'email'] },
      { name: { en: 'Faster pages with fewer intrusive ads', fa: 'صفحه‌های سریع‌تر با تبلیغات مزاحم کمتر', ar: 'صفحات أسرع بإعلانات مزعجة أقل' }, kpi: 'bounceRate', channels: ['direct', 'organicSearch'] },
    ],
    convert: [
      { name: { en: 'A metered paywall with a trial offer', fa: 'دیوار پرداخت سهمیه‌ای با پیشنهاد آزمایشی', ar: 'جدار دفع محدود بعدد مقالات مع عرض تجريبي' }, kpi: 'conversionRate', channels: ['direct', 'organicSearch'] },
      { name: { en: 'Member-only newsletters and events', fa: 'خبرنامه و رویدادهای ویژهٔ اعضا', ar: 'نشرات وفعاليات للأعضاء فقط' }, kpi: 'leadToSaleRate', channels: ['email'] },
      { name: { en: 'Premium bundles: archive and ad-free reading', fa: 'بسته‌های ویژه: آرشیو و مطالعه بدون تبلیغ', ar: 'باقات مميزة: الأرشيف والقراءة بلا إعلانات' }, kpi: 'revenue', channels: ['email', 'paidSocial'] },
    ],
    engage: [
      { name: { en: 'A daily digest personalized by topic', fa: 'خلاصهٔ روزانه بر پایهٔ موضوع‌های دلخواه', ar: 'ملخص يومي مخصص حسب الموضوعات' }, kpi: 'emailOpenRate', channels: ['email'] },
      { name: { en: 'A win-back offer for cancelled members', fa: 'پیشنهاد بازگشت برای اعضای لغوکرده', ar: 'عرض استعادة للأعضاء الملغين' }, kpi: 'churnRate', channels: ['email'] },
      { name: { en: 'Reader comments and community events', fa: 'بخش نظر خوانندگان و رویدادهای جامعهٔ مخاطبان', ar: 'تعليقات القراء وفعاليات المجتمع' }, kpi: 'returningVisits', channels: ['direct', 'events'] },
    ],
  },
};

/**
 * The 3-3-3 content plan's starting content types per model (the user renames them on the sheet): one
 * that brings people in, one that helps them decide, one that keeps them.
 */
export const CONTENT_TYPES: Record<BusinessModelId, readonly [Localized, Localized, Localized]> = {
  ecommerce: [
    { en: 'Short product videos', fa: 'ویدئوی کوتاه محصول', ar: 'فيديوهات قصيرة للمنتجات' },
    { en: 'Buying guides', fa: 'راهنمای خرید', ar: 'أدلة الشراء' },
    { en: 'Customer reviews and photos', fa: 'نظرها و عکس‌های مشتریان', ar: 'تقييمات العملاء وصورهم' },
  ],
  b2b: [
    { en: 'Expert articles', fa: 'مقالهٔ تخصصی', ar: 'مقالات الخبراء' },
    { en: 'Case studies', fa: 'نمونه‌کار', ar: 'دراسات الحالة' },
    { en: 'Webinars', fa: 'وبینار', ar: 'الندوات الإلكترونية' },
  ],
  saas: [
    { en: 'How-to tutorials', fa: 'آموزش گام‌به‌گام', ar: 'دروس تطبيقية' },
    { en: 'Comparison pages', fa: 'صفحهٔ مقایسه', ar: 'صفحات المقارنة' },
    { en: 'Customer stories', fa: 'داستان مشتریان', ar: 'قصص العملاء' },
  ],
  local: [
    { en: 'Before-and-after photos', fa: 'عکس قبل و بعد', ar: 'صور قبل وبعد' },
    { en: 'Offers and events', fa: 'پیشنهادها و رویدادها', ar: 'العروض والفعاليات' },
    { en: 'Customer reviews', fa: 'نظر مشتریان', ar: 'تقييمات العملاء' },
  ],
  publisher: [
    { en: 'News and analysis', fa: 'خبر و تحلیل', ar: 'الأخبار والتحليلات' },
    { en: 'Short videos', fa: 'ویدئوی کوتاه', ar: 'فيديوهات قصيرة' },
    { en: 'Newsletters', fa: 'خبرنامه', ar: 'النشرات البريدية' },
  ],
};
