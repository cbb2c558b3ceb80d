// The preview page's own labels (the sidebar and the sheets bring theirs), in every add-on language.
import type { Language, Localized } from '../../src/core/i18n';

export const PAGE_TEXT = {
  title: { en: 'RACE for Google Sheets: offline preview', fa: 'RACE برای Google Sheets: پیش‌نمایش آفلاین', ar: 'RACE لجداول بيانات Google: معاينة دون اتصال' },
  locale: { en: 'Spreadsheet locale', fa: 'منطقهٔ صفحه‌گسترده', ar: 'لغة جدول البيانات' },
  reset: { en: 'Reset spreadsheet', fa: 'بازنشانی صفحه‌گسترده', ar: 'إعادة تعيين جدول البيانات' },
  resetDone: { en: 'A new empty spreadsheet was opened.', fa: 'یک صفحه‌گستردهٔ خالی تازه باز شد.', ar: 'فُتح جدول بيانات فارغ جديد.' },
  sidebar: { en: 'Add-on sidebar', fa: 'نوار کناری افزونه', ar: 'الشريط الجانبي للإضافة' },
  sheets: { en: 'Sheets', fa: 'برگه‌ها', ar: 'الأوراق' },
  cell: { en: 'Selected cell', fa: 'خانهٔ انتخاب‌شده', ar: 'الخلية المحددة' },
  cellContent: { en: 'Formula or value of the selected cell: edit it here', fa: 'فرمول یا مقدار خانهٔ انتخاب‌شده: اینجا ویرایشش کنید', ar: 'صيغة الخلية المحددة أو قيمتها: عدّلها هنا' },
  cellEditor: { en: 'Type into the selected cell', fa: 'در خانهٔ انتخاب‌شده بنویسید', ar: 'اكتب في الخلية المحددة' },
  editRefused: { en: 'Not changed: {reason}', fa: 'تغییری داده نشد: {reason}', ar: 'لم يتغير شيء: {reason}' },
  pasteTooLarge: {
    en: 'The paste does not fit: this sheet ends at {cell}.',
    fa: 'داده‌های چسبانده‌شده جا نمی‌شوند: این برگه در {cell} تمام می‌شود.',
    ar: 'البيانات الملصقة لا تتسع: تنتهي هذه الورقة عند {cell}.',
  },
  emptySheet: { en: 'This sheet is empty. Use the sidebar to generate a RACE workbook.', fa: 'این برگه خالی است. با نوار کناری یک کارپوشهٔ RACE بسازید.', ar: 'هذه الورقة فارغة. استخدم الشريط الجانبي لإنشاء مصنف RACE.' },
  noData: { en: 'No figures yet: enter them in the Data sheet.', fa: 'هنوز عددی نیست: آن‌ها را در برگهٔ داده‌ها وارد کنید.', ar: 'لا أرقام بعد: أدخلها في ورقة البيانات.' },
  charts: { en: 'Charts on this sheet', fa: 'نمودارهای این برگه', ar: 'المخططات في هذه الورقة' },
  unreachable: { en: 'The preview server does not answer: is npm start still running?', fa: 'سرور پیش‌نمایش پاسخ نمی‌دهد: آیا npm start هنوز در حال اجراست؟', ar: 'خادم المعاينة لا يستجيب: هل ما زال npm start قيد التشغيل؟' },
} satisfies Record<string, Localized>;

export type PageTextKey = keyof typeof PAGE_TEXT;

export function pageText(language: Language, key: PageTextKey, values: Record<string, string> = {}): string {
  return PAGE_TEXT[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
