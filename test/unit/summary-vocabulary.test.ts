import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../src/core/i18n';
import { MEASURE_HEADERS, MEASURES } from '../../src/core/model/measures';
import { dataLayout } from '../../src/core/workbook/data-sheet';
import { BUSINESS_MODEL_IDS, type WorkbookOptions } from '../../src/core/workbook/options';
import {
  DIMENSION_VOCABULARY,
  DIMENSIONS,
  headerKey,
  MEASURE_VOCABULARY,
  namesOf,
  recognizeDimension,
  recognizeMeasure,
  vocabularyMarkdown,
} from '../../src/core/summary';

const OPTIONS: WorkbookOptions = {
  businessName: 'Acme', model: 'ecommerce', language: 'en', currency: 'USD', horizon: '90d', granularity: 'month',
  channels: ['Email'], segments: [], targets: {},
};

describe('header vocabulary', () => {
  test.each(MEASURES.flatMap((measure) => LANGUAGES.map((language) => [measure, language] as const)))(
    'the primary header of %s in %s is recognized as that measure',
    (measure, language) => {
      expect(recognizeMeasure(MEASURE_HEADERS[measure][language])).toEqual({ id: measure, fallback: false, rank: 0 });
    },
  );

  test('no name stands for two different measures or dimensions', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const entries = [
      ...MEASURES.map((id) => [id, MEASURE_VOCABULARY[id]] as const),
      ...DIMENSIONS.map((id) => [id, DIMENSION_VOCABULARY[id]] as const),
    ];
    for (const [id, entry] of entries) {
      for (const name of namesOf(entry)) {
        const key = headerKey(name);
        if (owner.has(key) && owner.get(key) !== id) clashes.push(`${name}: ${owner.get(key)} and ${id}`);
        owner.set(key, id);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('headers are compared ignoring case, spaces, underscores, hyphens and bidi marks', () => {
    for (const header of ['Total_Revenue', 'total revenue', '\u200fTOTAL-revenue\u200e', ' totalrevenue ']) {
      expect(recognizeMeasure(header)?.id).toBe('revenue');
    }
  });

  test('a Persian header typed with Arabic yeh and a space instead of a zero-width non-joiner is recognized', () => {
    expect(recognizeMeasure('مشتريان')?.id).toBe('customers');
    expect(recognizeMeasure('سرنخ ها')?.id).toBe('leads');
  });

  test('GA4 metric names map to the documented measures', () => {
    expect(recognizeMeasure('sessions')).toEqual({ id: 'visits', fallback: false, rank: 0 });
    expect(recognizeMeasure('transactions')?.id).toBe('orders');
    expect(recognizeMeasure('ecommercePurchases')?.id).toBe('orders');
    expect(recognizeMeasure('totalPurchasers')?.id).toBe('customers');
    expect(recognizeMeasure('totalRevenue')?.id).toBe('revenue');
    expect(recognizeMeasure('advertiserAdCost')?.id).toBe('cost');
    expect(recognizeMeasure('totalUsers')).toEqual({ id: 'visits', fallback: true, rank: 1 });
  });

  test('engagedSessions is a weaker name for visits, like totalUsers', () => {
    expect(recognizeMeasure('engagedSessions')).toEqual({ id: 'visits', fallback: true, rank: 3 });
  });

  test('ad-export names map to measures, a trailing currency in parentheses ignored', () => {
    expect(recognizeMeasure('Amount spent (USD)')?.id).toBe('cost');
    expect(recognizeMeasure('Spend')?.id).toBe('cost');
    expect(recognizeMeasure('Spent')?.id).toBe('cost');
    expect(recognizeMeasure('Impr.')?.id).toBe('impressions');
    expect(recognizeMeasure('Conversions')?.id).toBe('leads');
    expect(recognizeMeasure('Purchases')?.id).toBe('orders');
    expect(recognizeMeasure('Revenue (EUR)')?.id).toBe('revenue');
  });

  test('orders and customers are separate measures: Orders (Shopify), Purchases (Meta) are orders', () => {
    for (const header of ['Orders', 'سفارش‌ها', 'الطلبات', 'Purchases', 'Transactions']) expect([header, recognizeMeasure(header)?.id]).toEqual([header, 'orders']);
    for (const header of ['Customers', 'Buyers', 'مشتریان', 'خریداران', 'العملاء', 'المشترون']) expect([header, recognizeMeasure(header)?.id]).toEqual([header, 'customers']);
  });

  test('subscription measures are recognized in every language and from ad exports', () => {
    expect(recognizeMeasure('Trials started')?.id).toBe('trials');
    expect(recognizeMeasure('Subscriptions')?.id).toBe('subscribers');
    expect(recognizeMeasure('Monthly recurring revenue')?.id).toBe('mrr');
    expect(recognizeMeasure('MRR (USD)')?.id).toBe('mrr');
    expect(recognizeMeasure('mrr')?.id).toBe('mrr');
    expect(recognizeMeasure('Cancellations')?.id).toBe('churnedSubscribers');
    expect(recognizeMeasure('درآمد تکرارشونده ماهانه')?.id).toBe('mrr');
    expect(recognizeMeasure('الاشتراكات الملغاة')?.id).toBe('churnedSubscribers');
  });

  test.each(BUSINESS_MODEL_IDS.flatMap((model) => LANGUAGES.map((language) => [model, language] as const)))(
    "every Data sheet header of the %s model in %s (the model's own words) reads back as its measure",
    (model, language) => {
      const layout = dataLayout({ ...OPTIONS, model, language }, 'Data', [45658]);
      expect(layout.measures.length).toBeGreaterThan(0);
      for (const measure of layout.measures) {
        const header = layout.measureHeaders[measure]!;
        expect([header, recognizeMeasure(header)]).toEqual([header, expect.objectContaining({ id: measure, fallback: false })]);
      }
    },
  );

  test("the models' own words are in the vocabulary: Add-to-carts are leads, Won deals orders, Renewals repeat customers", () => {
    expect(recognizeMeasure('Add-to-carts')?.id).toBe('leads');
    expect(recognizeMeasure('افزودن به سبد خرید')?.id).toBe('leads');
    expect(recognizeMeasure('الإضافات إلى السلة')?.id).toBe('leads');
    expect(recognizeMeasure('Won deals')?.id).toBe('orders');
    expect(recognizeMeasure('Renewals')?.id).toBe('repeatCustomers');
    expect(recognizeMeasure('New paying subscribers')?.id).toBe('subscribers');
    expect(recognizeMeasure('Lost clients')?.id).toBe('churnedSubscribers');
  });

  test('GA4 dimension names are recognized as dimensions, not measures', () => {
    expect(recognizeDimension('sessionDefaultChannelGroup')).toBe('channel');
    expect(recognizeDimension('date')).toBe('date');
    expect(recognizeMeasure('sessionDefaultChannelGroup')).toBeUndefined();
  });

  test('an unknown header is not recognized', () => {
    expect(recognizeMeasure('ad_id')).toBeUndefined();
    expect(recognizeDimension('ad_id')).toBeUndefined();
  });

  test('the README lists the current vocabulary', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = /<!-- vocabulary:start -->\n([\s\S]*?)\n<!-- vocabulary:end -->/.exec(readme)?.[1];
    expect(section).toBe(vocabularyMarkdown());
  });
});
