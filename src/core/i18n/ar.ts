import type { Catalogue } from './en';

export const ar: Catalogue = {
  // --- errors shared by every custom function ---
  'error.notANumber': 'الوسيط «{arg}» يحتوي على قيمة ليست رقمًا: {value}',
  'error.noNumbers': 'الوسيط «{arg}» لا يحتوي على أي أرقام',
  'error.notPositive': 'يجب أن يكون مجموع الوسيط «{arg}» أكبر من صفر (مجموعه {value})',
  'error.negative': 'يجب ألا يكون الوسيط «{arg}» سالبًا: {value}',
  'error.shapeMismatch': 'يجب أن يحتوي الوسيطان «{arg}» و«{other}» على العدد نفسه من الخلايا ({size} و{otherSize})',
  'error.unknownLanguage': 'يجب أن يكون الوسيط «{arg}» أحد en أو fa أو ar، وليس {value}',
  'error.unknownChoice': 'يجب أن يكون الوسيط «{arg}» أحد {choices}، وليس {value}',
  'error.tooFewStages': 'يحتاج الوسيط «{arg}» إلى حجمي مرحلتين على الأقل، وفيه {count}',
  'error.labelsMismatch': 'في الوسيط «{arg}» {count} تسميات لـ{expected} مراحل',
  'error.outOfRange': 'في الوسيط «{arg}» القيمة {value} خارج النطاق من {min} إلى {max}',
  'error.notText': 'يجب أن يكون الوسيط «{arg}» نصًا، وليس {value}',
  'error.oneRowOrColumn': 'يجب أن يكون الوسيط «{arg}» صفًا واحدًا أو عمودًا واحدًا',
  'error.unknownStage': 'يجب أن يكون الوسيط «{arg}» مرحلة ({choices})، وليس {value}',
  'error.missingHeader': 'لا يحتوي الوسيط «{arg}» على عمود باسم {value}؛ عناوينه: {headers}',
  'error.noMeasures': 'لا يحتوي الوسيط «{arg}» على أي عمود معروف. العناوين الموجودة: {headers}. الأسماء المقبولة: {accepted}',
  'error.badMapping': 'يجب أن يكون الوسيط «{arg}» مثل "leads=Total_Conversion; customers=Approved_Conversion"، وليس {value}',
  'error.unknownMeasure': 'يذكر الوسيط «{arg}» مقياسًا غير معروف {value}؛ المقاييس: {choices}',
  'error.headerOnly': 'يجب أن يحتوي الوسيط «{arg}» على صف عناوين وصف بيانات واحد على الأقل',
  'value.blank': '(فارغ)',
  'value.true': 'صحيح',
  'value.false': 'خطأ',
  'value.date': 'تاريخ ({value})',

  // --- custom function results ---
  'status.onTrack': 'على المسار',
  'status.atRisk': 'في خطر',
  'status.offTrack': 'خارج المسار',
  'funnel.stage': 'المرحلة',
  'funnel.volume': 'الحجم',
  'funnel.stepConversion': 'تحويل المرحلة',
  'funnel.cumulativeConversion': 'التحويل التراكمي',
  'funnel.dropOff': 'التسرب',
  'funnel.dropOffRate': 'معدل التسرب',
  'funnel.defaultStage': 'المرحلة {n}',
};
