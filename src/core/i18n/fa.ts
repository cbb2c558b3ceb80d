import type { Catalogue } from './en';

export const fa: Catalogue = {
  // --- errors shared by every custom function ---
  'error.notANumber': 'آرگومان «{arg}» مقداری دارد که عدد نیست: {value}',
  'error.noNumbers': 'آرگومان «{arg}» هیچ عددی ندارد',
  'error.notPositive': 'جمع آرگومان «{arg}» باید بیشتر از صفر باشد (جمع آن {value} است)',
  'error.negative': 'آرگومان «{arg}» نباید منفی باشد: {value}',
  'error.shapeMismatch': 'آرگومان‌های «{arg}» و «{other}» باید تعداد خانهٔ برابر داشته باشند ({size} و {otherSize})',
  'error.unknownLanguage': 'آرگومان «{arg}» باید یکی از en، fa، ar باشد، نه {value}',
  'error.unknownChoice': 'آرگومان «{arg}» باید یکی از {choices} باشد، نه {value}',
  'error.tooFewStages': 'آرگومان «{arg}» دست‌کم به حجم دو مرحله نیاز دارد، اما {count} دارد',
  'error.labelsMismatch': 'آرگومان «{arg}» برای {expected} مرحله، {count} برچسب دارد',
  'error.outOfRange': 'آرگومان «{arg}» مقدار {value} دارد که بیرون از بازهٔ {min} تا {max} است',
  'error.notText': 'آرگومان «{arg}» باید متن باشد، نه {value}',
  'error.oneRowOrColumn': 'آرگومان «{arg}» باید فقط یک سطر یا یک ستون باشد',
  'error.unknownStage': 'آرگومان «{arg}» باید یک مرحله باشد ({choices})، نه {value}',
  'error.missingHeader': 'آرگومان «{arg}» ستونی به نام {value} ندارد؛ سرستون‌های آن: {headers}',
  'error.noMeasures': 'در آرگومان «{arg}» هیچ ستون شناخته‌شده‌ای نیست. سرستون‌های دیده‌شده: {headers}. نام‌های پذیرفته: {accepted}',
  'error.badMapping': 'آرگومان «{arg}» باید شبیه "leads=Total_Conversion; customers=Approved_Conversion" باشد، نه {value}',
  'error.unknownMeasure': 'آرگومان «{arg}» سنجهٔ ناشناختهٔ {value} را نام می‌برد؛ سنجه‌ها: {choices}',
  'error.headerOnly': 'آرگومان «{arg}» باید یک سطر سرستون و دست‌کم یک سطر داده داشته باشد',
  'value.blank': '(خالی)',
  'value.true': 'درست',
  'value.false': 'نادرست',
  'value.date': 'یک تاریخ ({value})',

  // --- custom function results ---
  'status.onTrack': 'در مسیر',
  'status.atRisk': 'در خطر',
  'status.offTrack': 'خارج از مسیر',
  'funnel.stage': 'مرحله',
  'funnel.volume': 'حجم',
  'funnel.stepConversion': 'نرخ تبدیل مرحله',
  'funnel.cumulativeConversion': 'نرخ تبدیل تجمعی',
  'funnel.dropOff': 'ریزش',
  'funnel.dropOffRate': 'نرخ ریزش',
  'funnel.defaultStage': 'مرحلهٔ {n}',
};
