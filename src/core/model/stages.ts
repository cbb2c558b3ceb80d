import { LANGUAGES, type Language, type Localized } from '../i18n';
import { headerKey } from '../summary/vocabulary';

/** Smart Insights' RACE: Plan, then the four stages of the customer lifecycle. */
export const STAGE_IDS = ['plan', 'reach', 'act', 'convert', 'engage'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export interface Stage {
  readonly id: StageId;
  readonly name: Localized;
  readonly description: Localized;
}

export const STAGES: Record<StageId, Stage> = {
  plan: {
    id: 'plan',
    name: { en: 'Plan', fa: 'برنامه‌ریزی', ar: 'التخطيط' },
    description: {
      en: 'Set the strategy: SMART objectives, budget, forecasts and the channels to use.',
      fa: 'تدوین استراتژی: اهداف SMART، بودجه، پیش‌بینی‌ها و انتخاب کانال‌ها.',
      ar: 'وضع الاستراتيجية: أهداف SMART والميزانية والتوقعات واختيار القنوات.',
    },
  },
  reach: {
    id: 'reach',
    name: { en: 'Reach', fa: 'دسترسی', ar: 'الوصول' },
    description: {
      en: 'Build awareness and bring visitors to your site, shop and social pages.',
      fa: 'افزایش آگاهی از برند و جذب بازدیدکننده به وب‌سایت، فروشگاه و صفحه‌های شبکه‌های اجتماعی.',
      ar: 'بناء الوعي بالعلامة التجارية وجذب الزوار إلى موقعك ومتجرك وصفحاتك على وسائل التواصل الاجتماعي.',
    },
  },
  act: {
    id: 'act',
    name: { en: 'Act', fa: 'اقدام', ar: 'التفاعل' },
    description: {
      en: 'Turn visitors into interactions and leads: useful content, engagement and sign-ups.',
      fa: 'تبدیل بازدیدکنندگان به تعامل و سرنخ: محتوای مفید، مشارکت و ثبت‌نام.',
      ar: 'تحويل الزوار إلى متفاعلين وعملاء محتملين: محتوى مفيد وتفاعل وتسجيلات.',
    },
  },
  convert: {
    id: 'convert',
    name: { en: 'Convert', fa: 'تبدیل', ar: 'التحويل' },
    description: {
      en: 'Turn leads and visitors into paying customers, online and offline.',
      fa: 'تبدیل سرنخ‌ها و بازدیدکنندگان به مشتریان پرداخت‌کننده، چه آنلاین و چه حضوری.',
      ar: 'تحويل العملاء المحتملين والزوار إلى عملاء يدفعون، عبر الإنترنت وخارجه.',
    },
  },
  engage: {
    id: 'engage',
    name: { en: 'Engage', fa: 'درگیرسازی', ar: 'الارتباط' },
    description: {
      en: 'Keep customers coming back: loyalty, repeat purchases and advocacy.',
      fa: 'بازگرداندن مشتریان: وفاداری، خرید دوباره و توصیهٔ برند به دیگران.',
      ar: 'تشجيع العملاء على العودة: الولاء وتكرار الشراء والتوصية بالعلامة التجارية.',
    },
  },
};

/** Names earlier versions gave a stage, still read back so existing formulas keep working. */
const FORMER_NAMES: Partial<Record<StageId, readonly string[]>> = { engage: ['تعامل', 'المشاركة'] };

/**
 * The stage name as sheets show it: in Persian and Arabic with the English name in brackets, e.g.
 * "دسترسی (Reach)", so readers of the RACE articles (which give both) recognize it.
 */
export function stageLabel(id: StageId, language: Language): string {
  const stage = STAGES[id];
  return language === 'en' ? stage.name.en : `${stage.name[language]} (${stage.name.en})`;
}

/**
 * A stage name reduced for comparison: `headerKey` (case, spaces, marks, Arabic/Persian letter forms)
 * without a leading Arabic article, so "الوصول", "وصول" and " REACH" all match.
 */
function stageKey(text: string): string {
  const key = headerKey(text);
  return key.startsWith('\u0627\u0644') && key.length > 3 ? key.slice(2) : key;
}

/**
 * The stage a user typed: its id or its name in any language, any case, or a label of stageLabel
 * ("دسترسی (Reach)"); undefined when unknown.
 */
export function resolveStage(text: string): StageId | undefined {
  const label = /^(.*)\(([^()]*)\)\s*$/.exec(text);
  if (label) {
    const inside = resolveStage(label[2]);
    return inside !== undefined && resolveStage(label[1]) === inside ? inside : undefined;
  }
  const key = stageKey(text);
  if (key === '') return undefined;
  for (const id of STAGE_IDS) {
    if (stageKey(id) === key) return id;
    for (const language of LANGUAGES) if (stageKey(STAGES[id].name[language]) === key) return id;
    for (const name of FORMER_NAMES[id] ?? []) if (stageKey(name) === key) return id;
  }
  return undefined;
}
