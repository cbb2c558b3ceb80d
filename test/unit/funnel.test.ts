import { RACE_BOTTLENECK, RACE_FUNNEL } from '../../src/functions/funnel';

const VOLUMES = [[10000], [500], [100]];
const LABELS = [['visits'], ['leads'], ['customers']];
const HEADER_EN = ['Stage', 'Volume', 'Step conversion', 'Cumulative conversion', 'Drop-off', 'Drop-off rate'];

describe('RACE_FUNNEL', () => {
  test('spills a header row and one row per stage', () => {
    expect(RACE_FUNNEL.run(VOLUMES, LABELS, 'en')).toEqual([
      HEADER_EN,
      ['visits', 10000, '', '', '', ''],
      ['leads', 500, 0.05, 0.05, 9500, 0.95],
      ['customers', 100, 0.2, 0.01, 400, 0.8],
    ]);
  });

  test('a row of volumes gives the same table as a column', () => {
    expect(RACE_FUNNEL.run([[10000, 500, 100]], [['visits', 'leads', 'customers']], 'en')).toEqual(RACE_FUNNEL.run(VOLUMES, LABELS, 'en'));
  });

  test('without labels the stages are "Stage 1", "Stage 2", ...', () => {
    const table = RACE_FUNNEL.run(VOLUMES, '', 'en') as unknown[][];
    expect(table.slice(1).map((row) => row[0])).toEqual(['Stage 1', 'Stage 2', 'Stage 3']);
  });

  test('default stage names use the digits of the language', () => {
    expect((RACE_FUNNEL.run(VOLUMES, '', 'fa') as unknown[][])[3][0]).toBe('مرحلهٔ ۳');
    expect((RACE_FUNNEL.run(VOLUMES, '', 'ar') as unknown[][])[3][0]).toBe('المرحلة ٣');
  });

  test('a blank label gets the default name of its stage', () => {
    const table = RACE_FUNNEL.run(VOLUMES, [['visits'], [''], ['customers']], 'en') as unknown[][];
    expect(table[2][0]).toBe('Stage 2');
  });

  test('headers and default names follow the language argument', () => {
    const table = RACE_FUNNEL.run(VOLUMES, '', 'fa') as unknown[][];
    expect(table[0]).toEqual(['مرحله', 'حجم', 'نرخ تبدیل گام', 'نرخ تبدیل تجمعی', 'ریزش', 'نرخ ریزش']);
  });

  test('a step after a stage of 0 has "" for its ratios, never NaN', () => {
    const table = RACE_FUNNEL.run([[100], [0], [0]], '', 'en') as unknown[][];
    expect(table[3]).toEqual(['Stage 3', 0, '', 0, 0, '']);
  });

  test('a first stage of 0 leaves every cumulative conversion ""', () => {
    const table = RACE_FUNNEL.run([[0], [0]], '', 'en') as unknown[][];
    expect(table[2]).toEqual(['Stage 2', 0, '', '', 0, '']);
  });

  test('volumes given as Persian text are read', () => {
    const table = RACE_FUNNEL.run([['\u06f1\u06f0\u06f0'], ['\u06f2\u06f5']], '', 'en') as unknown[][];
    expect(table[2].slice(1)).toEqual([25, 0.25, 0.25, 75, 0.75]);
  });

  test('a blank stage volume is an error naming volumes', () => {
    expect(() => RACE_FUNNEL.run([[100], [''], [10]], '', 'en')).toThrow('RACE_FUNNEL: argument "volumes" has a value that is not a number: (blank)');
  });

  test('a word among the volumes is an error', () => {
    expect(() => RACE_FUNNEL.run([[100], ['many']], '', 'en')).toThrow('RACE_FUNNEL: argument "volumes" has a value that is not a number: "many"');
  });

  test('a boolean among the volumes is an error', () => {
    expect(() => RACE_FUNNEL.run([[100], [false]], '', 'en')).toThrow('argument "volumes" has a value that is not a number: FALSE');
  });

  test('a negative volume is an error', () => {
    expect(() => RACE_FUNNEL.run([[100], [-5]], '', 'en')).toThrow('RACE_FUNNEL: argument "volumes" must not be negative: -5');
  });

  test('a single stage is an error', () => {
    expect(() => RACE_FUNNEL.run(100, '', 'en')).toThrow('RACE_FUNNEL: argument "volumes" needs at least two stage volumes, it has 1');
  });

  test('a block of several rows and columns is an error', () => {
    expect(() => RACE_FUNNEL.run([[1, 2], [3, 4]], '', 'en')).toThrow('RACE_FUNNEL: argument "volumes" must be a single row or column');
  });

  test('labels of another count are an error', () => {
    expect(() => RACE_FUNNEL.run(VOLUMES, [['a'], ['b']], 'en')).toThrow('RACE_FUNNEL: argument "labels" has 2 labels for 3 stages');
  });

  test('a date as a label is an error', () => {
    expect(() => RACE_FUNNEL.run([[10], [5]], [['a'], [new Date(2024, 0, 2)]], 'en')).toThrow(
      'RACE_FUNNEL: argument "labels" must be text, not a date (2024-01-02)',
    );
  });

  test('an unknown language is an error', () => {
    expect(() => RACE_FUNNEL.run(VOLUMES, '', 'de')).toThrow('RACE_FUNNEL: argument "language" must be one of en, fa, ar, not "de"');
  });

  test('an error is in the language argument\'s language', () => {
    expect(() => RACE_FUNNEL.run(100, '', 'fa')).toThrow('RACE_FUNNEL: آرگومان «volumes»');
  });
});

describe('RACE_BOTTLENECK', () => {
  test('names the step with the lowest step conversion', () => {
    expect(RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en')).toBe('visits → leads');
  });

  test('uses default stage names without labels', () => {
    expect(RACE_BOTTLENECK.run([[100], [80], [8], [6]], '', 'en')).toBe('Stage 2 → Stage 3');
  });

  test('the first step wins a tie', () => {
    expect(RACE_BOTTLENECK.run([[100], [50], [25]], '', 'en')).toBe('Stage 1 → Stage 2');
  });

  test('skips steps whose earlier stage is 0', () => {
    expect(RACE_BOTTLENECK.run([[100], [0], [0]], '', 'en')).toBe('Stage 1 → Stage 2');
  });

  test('reads right to left in Persian', () => {
    expect(RACE_BOTTLENECK.run(VOLUMES, [['بازدید'], ['سرنخ'], ['مشتری']], 'fa')).toBe('بازدید ← سرنخ');
  });

  test('no step with a volume before it is an error', () => {
    expect(() => RACE_BOTTLENECK.run([[0], [0], [5]], '', 'en')).toThrow(
      'RACE_BOTTLENECK: argument "volumes" has no step whose earlier stage is above zero',
    );
  });

  test('a single stage is an error', () => {
    expect(() => RACE_BOTTLENECK.run([[5]], '', 'en')).toThrow('RACE_BOTTLENECK: argument "volumes" needs at least two stage volumes');
  });

  test('default stage names use the language\'s digits', () => {
    const volumes = [[100], [90], [80], [70], [60], [50], [40], [30], [20], [10], [1]];
    expect(RACE_BOTTLENECK.run(volumes, '', 'fa')).toBe('مرحلهٔ \u06f1\u06f0 ← مرحلهٔ \u06f1\u06f1');
    expect((RACE_FUNNEL.run(volumes, '', 'ar') as string[][])[11][0]).toBe('المرحلة \u0661\u0661');
  });

  test('every label is checked, not only the two named', () => {
    expect(() => RACE_BOTTLENECK.run([[100], [10], [9]], [['a'], ['b'], [true]], 'en')).toThrow('RACE_BOTTLENECK: argument "labels"');
  });

  test('a 1-D list of volumes (not rows) is read as a column', () => {
    expect(RACE_FUNNEL.run([100, 50] as never, '', 'en')).toEqual(RACE_FUNNEL.run([[100], [50]], '', 'en'));
  });
});

describe('RACE_BOTTLENECK against references', () => {
  // Step rates: leads 5% of visits, customers 20% of leads.
  test('names the step furthest below its reference in relative terms, not the lowest rate', () => {
    // 5% against 4% is 25% above; 20% against 30% is a third below.
    expect(RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en', [[''], [0.04], [0.3]])).toBe('leads → customers 20.0% vs 30.0% expected');
    // Without references the lowest rate wins, as before.
    expect(RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en')).toBe('visits → leads');
  });

  test('states the shortfall with one decimal, the first reference ignored', () => {
    expect(RACE_BOTTLENECK.run([[10000], [190], [100]], LABELS, 'en', [[0.5], [0.03], [0.5]])).toBe('visits → leads 1.9% vs 3.0% expected');
  });

  test('reads rates typed as percentages and takes a row as well as a column', () => {
    expect(RACE_BOTTLENECK.run([[10000, 190, 100]], [['visits', 'leads', 'customers']], 'en', [['', '3%', '50%']])).toBe('visits → leads 1.9% vs 3.0% expected');
  });

  test('a blank or 0 reference leaves its step out', () => {
    expect(RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en', [[''], [''], [0.3]])).toBe('leads → customers 20.0% vs 30.0% expected');
    expect(RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en', [[''], [0.5], [0]])).toBe('visits → leads 5.0% vs 50.0% expected');
  });

  test('a step above its reference can still be the one least above', () => {
    expect(RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en', [[''], [0.01], [0.1]])).toBe('leads → customers 20.0% vs 10.0% expected');
  });

  test('the first step wins a tie', () => {
    expect(RACE_BOTTLENECK.run([[100], [50], [25]], '', 'en', [[''], [1], [1]])).toBe('Stage 1 → Stage 2 50.0% vs 100.0% expected');
  });

  test('a step with nothing yet is a finding', () => {
    expect(RACE_BOTTLENECK.run([[100], [0], [0]], LABELS, 'en', [[''], [0.1], [0.2]])).toBe('No leads yet: visits → leads 0.0% vs 10.0% expected');
    // A later empty step too: 0 is the furthest below any reference.
    expect(RACE_BOTTLENECK.run([[100], [10], [0]], LABELS, 'en', [[''], [0.5], [0.2]])).toBe('No customers yet: leads → customers 0.0% vs 20.0% expected');
  });

  test('a funnel with nothing at its top is a finding, not an error', () => {
    expect(RACE_BOTTLENECK.run([[0], [0], [0]], LABELS, 'en', [[''], [0.1], [0.2]])).toBe('No visits yet');
    expect(() => RACE_BOTTLENECK.run([[0], [0], [0]], LABELS, 'en')).toThrow('RACE_BOTTLENECK: argument "volumes" has no step whose earlier stage is above zero');
  });

  test('Persian and Arabic: the arrow right to left, rates in their own digits', () => {
    expect(RACE_BOTTLENECK.run([[10000], [190], [100]], [['بازدید'], ['سرنخ'], ['مشتری']], 'fa', [[''], [0.03], [0.5]])).toBe(
      'بازدید ← سرنخ: ۱٫۹٪ در برابر ۳٫۰٪ مورد انتظار',
    );
    expect(RACE_BOTTLENECK.run([[10000], [190], [100]], '', 'ar', [[''], [0.03], [0.5]])).toBe('المرحلة ١ ← المرحلة ٢: ١٫٩٪ مقابل ٣٫٠٪ متوقعة');
  });

  test('references of another count are an error naming them', () => {
    expect(() => RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en', [[0.1], [0.2]])).toThrow('RACE_BOTTLENECK: argument "references" has 2 rates for 3 stages');
  });

  test('a negative or non-numeric reference is an error naming references', () => {
    expect(() => RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en', [[''], [-0.1], [0.2]])).toThrow('RACE_BOTTLENECK: argument "references" must not be negative: -0.1');
    expect(() => RACE_BOTTLENECK.run(VOLUMES, LABELS, 'en', [[''], ['high'], [0.2]])).toThrow('RACE_BOTTLENECK: argument "references" has a value that is not a number: "high"');
  });
});

