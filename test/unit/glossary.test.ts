// One term per concept, and one digit system per language, in every fa/ar text users see.
import { CATALOGUES, translate, type Language, type Localized, type MessageKey } from '../../src/core/i18n';
import { en } from '../../src/core/i18n/en';
import * as model from '../../src/core/model';
import { DIRECTION_NAMES } from '../../src/core/status';
import { recognizeMeasure } from '../../src/core/summary/vocabulary';
import { freeSheetName, generateWorkbookSpec } from '../../src/core/workbook/generate';
import { BUSINESS_MODEL_IDS } from '../../src/core/workbook/options';

type Rtl = Exclude<Language, 'en'>;

/**
 * The glossary: for each concept, the one term per language, and the variants that must not appear
 * (older wordings and collisions the Persian and Arabic readers flagged). A variant is forbidden in
 * the language's texts unless it is part of the glossary term itself.
 */
const GLOSSARY: Array<{ concept: string; en: string; fa: string; ar: string; forbidden: Record<Rtl, Array<string | RegExp>> }> = [
  { concept: 'stage Act', en: 'Act', fa: 'اقدام', ar: 'التفاعل', forbidden: { fa: [], ar: [] } },
  { concept: 'stage Engage', en: 'Engage', fa: 'درگیرسازی', ar: 'الارتباط', forbidden: { fa: [], ar: ['المشاركة'] } },
  { concept: 'OSA Action', en: 'Action', fa: 'عمل', ar: 'العمل', forbidden: { fa: ['اقدام:'], ar: ['التنفيذ:'] } },
  {
    concept: 'initiatives',
    en: 'initiatives',
    fa: 'ابتکارهای استراتژیک',
    ar: 'المبادرات الاستراتيجية',
    forbidden: { fa: ['اقدامات'], ar: [] },
  },
  { concept: 'strategy', en: 'Strategy', fa: 'استراتژی', ar: 'الاستراتيجية', forbidden: { fa: ['راهبرد'], ar: [] } },
  {
    concept: 'status on track',
    en: 'On track',
    fa: 'طبق برنامه',
    ar: 'وفق الخطة',
    forbidden: { fa: ['در مسیر'], ar: ['على المسار'] },
  },
  {
    concept: 'status off track',
    en: 'Off track',
    fa: 'عقب‌تر از برنامه',
    ar: 'متأخر عن الخطة',
    forbidden: { fa: ['خارج از مسیر'], ar: ['خارج المسار'] },
  },
  { concept: 'status at risk', en: 'At risk', fa: 'در معرض خطر', ar: 'معرّض للخطر', forbidden: { fa: [], ar: ['في خطر'] } },
  {
    concept: 'repeat-purchase rate',
    en: 'Repeat purchase rate',
    fa: 'نرخ خرید مجدد',
    ar: 'معدل تكرار الشراء',
    forbidden: { fa: ['نرخ خرید تکراری'], ar: ['معدل الشراء المتكرر'] },
  },
  {
    concept: 'repeat customers',
    en: 'Repeat customers',
    fa: 'مشتریان با خرید مجدد',
    ar: 'العملاء المتكررون',
    forbidden: { fa: ['مشتریان تکراری', 'مشتری تکراری'], ar: [] },
  },
  {
    concept: 'ROAS',
    en: 'Return on ad spend',
    fa: 'بازده هزینهٔ تبلیغات',
    ar: 'العائد على الإنفاق الإعلاني',
    forbidden: { fa: ['بازگشت هزینهٔ تبلیغات'], ar: [] },
  },
  {
    concept: 'CPA',
    en: 'Cost per acquisition',
    fa: 'هزینهٔ جذب هر مشتری',
    ar: 'تكلفة اكتساب العميل',
    forbidden: { fa: ['هزینهٔ هر مشتری'], ar: ['تكلفة الاكتساب ('] },
  },
  { concept: 'funnel step', en: 'Step', fa: 'گام', ar: 'الخطوة', forbidden: { fa: ['نرخ تبدیل مرحله'], ar: ['تحويل المرحلة'] } },
  {
    concept: 'CTR',
    en: 'Click-through rate',
    fa: 'نرخ کلیک',
    ar: 'نسبة النقر إلى الظهور',
    forbidden: { fa: [], ar: ['نسبة النقر (CTR)'] },
  },
  {
    concept: 'CLV',
    en: 'Customer lifetime value',
    fa: 'ارزش طول عمر مشتری',
    ar: 'القيمة العمرية للعميل',
    forbidden: { fa: [], ar: ['القيمة الدائمة'] },
  },
  { concept: 'calques', en: '', fa: '', ar: '', forbidden: { fa: ['بازدید صفحه‌ها ÷ بازدیدها', /^\s*هفتهٔ\s*$/], ar: ['إبقاء العملاء عائدين'] } },
];

/** Every Localized text reachable from the model's exports (stages, KPIs, measures, models, channels). */
function modelTexts(): Array<[string, Localized]> {
  const found: Array<[string, Localized]> = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, where: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && typeof record.fa === 'string' && typeof record.ar === 'string') {
      found.push([where, record as unknown as Localized]);
      return;
    }
    for (const [key, inner] of Object.entries(record)) walk(inner, `${where}.${key}`);
  };
  for (const [name, value] of Object.entries(model)) walk(value, name);
  walk(DIRECTION_NAMES, 'DIRECTION_NAMES');
  return found;
}

/** Every fa or ar text users see: catalogue entries and model texts, each with where it comes from. */
function textsOf(language: Rtl): Array<[string, string]> {
  const texts: Array<[string, string]> = Object.entries(CATALOGUES[language]).map(([key, text]) => [`catalogue ${key}`, text]);
  for (const [where, localized] of modelTexts()) texts.push([where, localized[language]]);
  return texts;
}

describe('glossary: one term per concept', () => {
  it('reaches the model texts (the walk is not empty)', () => {
    const wheres = modelTexts().map(([where]) => where);
    expect(wheres.some((where) => where.startsWith('STAGES.engage'))).toBe(true);
    expect(wheres.some((where) => where.startsWith('KPIS'))).toBe(true);
    expect(wheres.some((where) => where.startsWith('MEASURE_HEADERS'))).toBe(true);
    expect(wheres.some((where) => where.startsWith('BUSINESS_MODELS'))).toBe(true);
  });

  for (const language of ['fa', 'ar'] as const) {
    it(`${language}: no text uses a forbidden variant of a glossary concept`, () => {
      const problems: string[] = [];
      for (const entry of GLOSSARY) {
        for (const variant of entry.forbidden[language]) {
          for (const [where, text] of textsOf(language)) {
            // The variant inside the glossary term itself is the term, not a variant.
            const rest = entry[language] === '' ? text : text.split(entry[language]).join(' ');
            // A pattern names a calque by its whole form (a dangling "هفتهٔ" header; "هفتهٔ {date}" is a label).
            const found = typeof variant === 'string' ? rest.includes(variant) : variant.test(rest);
            if (found) problems.push(`${entry.concept}: ${where} says "${String(variant)}": ${text}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('the stage names, statuses and KPI names are the glossary terms', () => {
    const { STAGES, KPIS_BY_ID } = model;
    for (const language of ['fa', 'ar'] as const) {
      const term = (concept: string) => GLOSSARY.find((entry) => entry.concept === concept)![language];
      expect(STAGES.act.name[language]).toBe(term('stage Act'));
      expect(STAGES.engage.name[language]).toBe(term('stage Engage'));
      expect(translate(language, 'status.onTrack')).toBe(term('status on track'));
      expect(translate(language, 'status.offTrack')).toBe(term('status off track'));
      expect(translate(language, 'status.atRisk')).toBe(term('status at risk'));
      expect(KPIS_BY_ID.repeatRate.name[language]).toContain(term('repeat-purchase rate'));
      expect(translate(language, 'summary.repeatRate')).toContain(term('repeat-purchase rate'));
      expect(KPIS_BY_ID.roas.name[language]).toContain(term('ROAS'));
      expect(translate(language, 'summary.roas')).toContain(term('ROAS'));
      expect(KPIS_BY_ID.cpa.name[language]).toContain(term('CPA'));
      expect(translate(language, 'summary.cpa')).toContain(term('CPA'));
      expect(KPIS_BY_ID.ctr.name[language]).toContain(term('CTR'));
      expect(translate(language, 'summary.ctr')).toContain(term('CTR'));
      expect(KPIS_BY_ID.customerLifetimeValue.name[language]).toContain(term('CLV'));
      expect(model.MEASURE_HEADERS.repeatCustomers[language]).toBe(term('repeat customers'));
      expect(translate(language, 'workbook.dashboard.step')).toContain(term('funnel step'));
      expect(translate(language, 'funnel.stepConversion')).toContain(term('funnel step'));
      expect(translate(language, 'workbook.dashboard.stepRate')).toContain(term('funnel step'));
      expect(translate(language, 'workbook.plan.strategy')).toContain(term('strategy'));
      expect(translate(language, 'workbook.plan.initiatives')).toContain(term('initiatives'));
      expect(translate(language, 'workbook.plan.action90').startsWith(term('OSA Action'))).toBe(true);
    }
  });

  it('Persian never uses "اقدام" outside the Act stage, nor "تعامل" for Engage', () => {
    const problems = textsOf('fa').filter(([where, text]) => text.includes('اقدام') && !/^STAGES\.act\.name/.test(where) && !text.includes('اقدام (Act)') && !/دسترسی، اقدام، تبدیل/.test(text));
    expect(problems).toEqual([]);
    const engage = textsOf('fa').filter(([where, text]) => /تعامل/.test(text) && /engage|Engage/.test(where));
    expect(engage).toEqual([]);
  });
});

// --- digits ---

const ASCII = /[0-9]/;
const PERSIAN = /[\u06f0-\u06f9]/;
const ARABIC_INDIC = /[\u0660-\u0669]/;

/**
 * The text without spans where digits must stay ASCII: formulas and function examples (from "=" to the
 * closing bracket), cell references and names with digits in them (GA4, B2B, A2:A6, USD), and the import
 * notes, which quote numbers and dates as the user's file writes them.
 */
function withoutAsciiSpans(text: string): string {
  return text
    .replace(/\u200e?=[A-Z_]+\([^)]*\)\u200e?/g, ' ')
    .replace(/[A-Za-z_][A-Za-z0-9_:]*[0-9][A-Za-z0-9_:]*/g, ' ');
}

const OWN_DIGITS: Record<Rtl, RegExp> = { fa: PERSIAN, ar: ARABIC_INDIC };
const OTHER_DIGITS: Record<Rtl, RegExp> = { fa: ARABIC_INDIC, ar: PERSIAN };
/** Keys whose text quotes the user's own data (numbers as the file writes them). */
const QUOTES_USER_DATA = /^ui\.import\.note\./;

describe('digits: one system per language', () => {
  for (const language of ['fa', 'ar'] as const) {
    it(`${language}: catalogue and model texts write numbers only in the language's digits`, () => {
      const problems = textsOf(language)
        .filter(([where]) => !QUOTES_USER_DATA.test(where.replace(/^catalogue /, '')))
        .filter(([, text]) => ASCII.test(withoutAsciiSpans(text)) || OTHER_DIGITS[language].test(text))
        .map(([where, text]) => `${where}: ${text}`);
      expect(problems).toEqual([]);
    });

    it(`${language}: numeric message parameters are shown in the language's digits`, () => {
      const problems: string[] = [];
      for (const key of Object.keys(en) as MessageKey[]) {
        const names = [...en[key].matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        if (names.length === 0) continue;
        const params = Object.fromEntries(names.map((name, i) => [name, 1234 + i]));
        const message = translate(language, key, params);
        if (ASCII.test(withoutAsciiSpans(message)) && !QUOTES_USER_DATA.test(key)) problems.push(`${key}: ${message}`);
        if (OTHER_DIGITS[language].test(message)) problems.push(`${key}: ${message}`);
      }
      expect(problems).toEqual([]);
      expect(translate(language, 'error.outOfRange', { arg: 'tolerance', value: 2.5, min: 0, max: 1 })).toMatch(OWN_DIGITS[language]);
    });
  }

  for (const language of ['fa', 'ar'] as const) {
    it(`${language}: every text of a generated workbook (cells, names, lists, notes, text in formulas) uses the language's digits`, () => {
      const problems: string[] = [];
      const check = (where: string, text: string) => {
        if (ASCII.test(withoutAsciiSpans(text)) || OTHER_DIGITS[language].test(text)) problems.push(`${where}: ${text}`);
      };
      for (const modelId of BUSINESS_MODEL_IDS) {
        for (const horizon of ['90d', '12m'] as const) {
          const spec = generateWorkbookSpec(
            {
              businessName: 'Acme', model: modelId, language, currency: 'USD', horizon,
              granularity: horizon === '90d' ? 'week' : 'month', channels: ['Email'], segments: ['SMB'], targets: {},
            },
            // Every generated name is taken once, so each sheet name gets its "(2)".
            ['workbook.sheet.plan', 'workbook.sheet.kpis', 'workbook.sheet.data', 'workbook.sheet.dashboard'].map((key) => translate(language, key as MessageKey)),
            new Date(Date.UTC(2026, 0, 15)),
          );
          for (const sheet of spec.sheets) {
            check(`${modelId} sheet name`, sheet.name);
            sheet.values.forEach((row, r) => row.forEach((cell, c) => {
              if (typeof cell !== 'string') return;
              const where = `${modelId} ${horizon} ${sheet.role}!R${r + 1}C${c + 1}`;
              // Formulas keep ASCII (criteria such as ">0" included); only their Persian/Arabic text literals are read.
              if (cell.startsWith('=')) for (const literal of cell.match(/"[^"]*"/g) ?? []) { if (/[\u0600-\u06ff]/.test(literal)) check(where, literal); }
              else check(where, cell);
            }));
            for (const validation of sheet.validations) {
              if (validation.rule.kind === 'list') validation.rule.values.forEach((value) => check(`${sheet.role} list`, value));
              if ('helpText' in validation.rule) check(`${sheet.role} help`, validation.rule.helpText);
            }
          }
        }
      }
      expect(problems.slice(0, 20)).toEqual([]);
      expect(freeSheetName('داده‌ها', ['داده‌ها'], language)).toMatch(OWN_DIGITS[language]);
    });
  }

  it('text parameters (user text, formulas) keep their digits', () => {
    expect(translate('fa', 'error.notANumber', { arg: 'from', value: '"B2:B90 12"' })).toContain('"B2:B90 12"');
    expect(translate('ar', 'error.missingHeader', { arg: 'data', value: '"Q1 2026"', headers: 'x' })).toContain('"Q1 2026"');
    expect(translate('en', 'error.outOfRange', { arg: 'tolerance', value: 2.5, min: 0, max: 1 })).toContain('2.5');
  });

  it('the Persian and Arabic help keep the function example in ASCII (formulas need it)', () => {
    expect(translate('fa', 'ui.help.body')).toContain('=RACE_CONVERSION(B2:B90, C2:C90)');
    expect(translate('ar', 'ui.help.body')).toContain('=RACE_CONVERSION(B2:B90, C2:C90)');
  });
});

describe('stage labels: the English name in brackets', () => {
  it('fa and ar sheets show "name (English)", and the label reads back as the stage', () => {
    expect(model.stageLabel('reach', 'fa')).toBe('دسترسی (Reach)');
    expect(model.stageLabel('engage', 'ar')).toBe('الارتباط (Engage)');
    expect(model.stageLabel('act', 'en')).toBe('Act');
    for (const id of model.STAGE_IDS) {
      for (const language of ['en', 'fa', 'ar'] as const) expect(model.resolveStage(model.stageLabel(id, language))).toBe(id);
    }
    expect(model.resolveStage('دسترسی (Engage)')).toBeUndefined();
    // The former Engage names still read back, so formulas in existing sheets keep working.
    expect(model.resolveStage('تعامل')).toBe('engage');
    expect(model.resolveStage('المشاركة')).toBe('engage');
  });
});

describe('former wording still reads back', () => {
  it('headers written by earlier versions and the new ones name the same measure', () => {
    for (const header of ['مشتریان تکراری', 'خریداران تکراری', model.MEASURE_HEADERS.repeatCustomers.fa, 'خریداران با خرید مجدد']) {
      expect(recognizeMeasure(header)?.id).toBe('repeatCustomers');
    }
  });
});
