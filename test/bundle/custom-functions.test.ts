// Every custom function called through the BUILT bundle gives what the registry's run gives when called
// directly: same numbers, same spilled tables, same error messages. Needs `npm run build` first.
import { CUSTOM_FUNCTIONS } from '../../src/functions';
import type { Arg } from '../../src/core/cells';
import { bundleFunction, inBundleRealm, loadBundle } from '../support/load-bundle';

type Outcome = 'number' | 'text' | 'table' | 'error';
interface Sample {
  /** Arguments as Sheets passes them: ranges as 2-D arrays, omitted optional arguments left out. */
  args: Arg[];
  /** What the direct call must give, so a sample cannot silently stop covering its case. */
  gives: Outcome;
}

const channelTable: Arg = [
  ['Channel', 'Sessions', 'Leads', 'Customers', 'Revenue', 'Cost'],
  ['Email', 1200, 90, 30, 4500, 300],
  ['Paid search', '۲٬۵۰۰', 110, 25, 5200, 2100],
  ['Email', 800, 40, '', 1800, 150],
  ['Social', 3000, 60, 9, 900, 700],
];

/**
 * Sample calls per custom function (issue 2 §3 signatures). Every registered function needs an entry:
 * add one when you add a function. Entries for functions not registered yet are skipped.
 */
const SAMPLES: Record<string, Sample[]> = {
  RACE_CONVERSION: [
    { args: [[[1000], [800], ['']], [[40], [25], ['']]], gives: 'number' },
    { args: [[['۱٬۲۰۰']], [['٣٠']]], gives: 'number' },
    { args: [[[100], [200]], [[10, 20]]], gives: 'error' },
    { args: [[['lots']], [[1]]], gives: 'error' },
  ],
  RACE_FUNNEL: [
    { args: [[[5000, 1200, 300, 45]]], gives: 'table' },
    { args: [[[5000], [1200], [300]], [['Visits'], ['Leads'], ['Customers']], 'fa'], gives: 'table' },
    { args: [[[5000]]], gives: 'error' },
  ],
  RACE_BOTTLENECK: [
    { args: [[[5000, 1200, 300, 45]], [['Visits', 'Leads', 'Customers', 'Repeat']]], gives: 'text' },
    { args: [[[5000, 1200, 300]], '', 'ar'], gives: 'text' },
    { args: [[[5000, 'x', 300]]], gives: 'error' },
    { args: [[[5000], [120], [30]], [['Visits'], ['Leads'], ['Customers']], 'fa', [[''], ['3%'], [0.2]]], gives: 'text' },
    { args: [[[5000], [0], [0]], '', 'en', [[''], [0.03], [0.2]]], gives: 'text' },
    { args: [[[5000], [120], [30]], '', 'en', [[0.03], [0.2]]], gives: 'error' },
  ],
  RACE_AOV: [
    { args: [[[4500], [5200]], [[30], [25]]], gives: 'number' },
    { args: [[[4500]], [[0]]], gives: 'error' },
  ],
  RACE_CPA: [
    { args: [[[300], [2100]], [[30], [25]]], gives: 'number' },
    { args: [[[300]], [['']]], gives: 'error' },
  ],
  RACE_ROAS: [
    { args: [[[4500], [5200]], [[300], [2100]]], gives: 'number' },
    { args: [[[4500]], [[-5]]], gives: 'error' },
  ],
  RACE_ROI: [
    { args: [[[4500], [5200]], [[300], [2100]]], gives: 'number' },
    { args: [[[4500]], [[0]]], gives: 'error' },
  ],
  RACE_VALUE_PER_VISIT: [
    { args: [[[4500], [5200]], [[1200], [2500]]], gives: 'number' },
    { args: [[[4500]], [[true]]], gives: 'error' },
  ],
  RACE_BOUNCE_RATE: [
    { args: [[[400], [900]], [[1200], [2500]]], gives: 'number' },
    { args: [[[400]], [[0]]], gives: 'error' },
  ],
  RACE_REPEAT_RATE: [
    { args: [[[12], [7]], [[30], [25]]], gives: 'number' },
    { args: [[[12]], [['none']]], gives: 'error' },
  ],
  RACE_CHURN: [
    { args: [[[3], [5]], [[120], [80]]], gives: 'number' },
    { args: [[[3]], [[0]]], gives: 'error' },
  ],
  RACE_CLV: [
    { args: [80, 3, 2], gives: 'number' },
    { args: [80, 3, 2, 0.3], gives: 'number' },
    { args: [80, 'often', 2], gives: 'error' },
  ],
  RACE_GROWTH: [
    { args: [[[1300], [200]], [[1000], [250]]], gives: 'number' },
    { args: [[[1300]], [[0]]], gives: 'error' },
  ],
  RACE_NPS: [
    { args: [[[10], [9], [8], [6], [0], ['']]], gives: 'number' },
    { args: [[[10], [11]]], gives: 'error' },
  ],
  RACE_STATUS: [
    { args: [95, 100], gives: 'text' },
    { args: [120, 100, 'lower', 0.1, 'fa'], gives: 'text' },
    { args: [95, 100, 'sideways'], gives: 'error' },
  ],
  RACE_SUMMARY: [
    { args: [channelTable], gives: 'table' },
    { args: [channelTable, 'Channel', '', 'ar'], gives: 'table' },
    { args: [[['Colour', 'Mood'], ['red', 'calm']]], gives: 'error' },
  ],
  RACE_KPIS: [
    { args: [], gives: 'table' },
    { args: ['Convert', 'fa'], gives: 'table' },
    { args: ['Nowhere'], gives: 'error' },
  ],
};

type Result = { value: unknown } | { error: string };

function outcome(call: () => unknown): Result {
  try {
    return { value: call() };
  } catch (error) {
    return { error: (error as { message?: unknown }).message as string };
  }
}

function kindOf(result: Result): Outcome | 'other' {
  if ('error' in result) return 'error';
  if (Array.isArray(result.value)) return result.value.every((row) => Array.isArray(row)) ? 'table' : 'other';
  if (typeof result.value === 'number') return 'number';
  return typeof result.value === 'string' ? 'text' : 'other';
}

const cases = CUSTOM_FUNCTIONS.flatMap((spec) =>
  (SAMPLES[spec.name] ?? []).map((sample, index) => [`${spec.name} sample ${index + 1} (${sample.gives})`, spec, sample] as const),
);

describe('custom functions through the bundle', () => {
  it('has sample arguments for every registered custom function', () => {
    const missing = CUSTOM_FUNCTIONS.map((spec) => spec.name).filter((name) => !(SAMPLES[name]?.length > 0));
    expect(missing).toEqual([]);
  });

  it.each(cases)('%s gives the same result as calling the registry directly', (_title, spec, sample) => {
    const direct = outcome(() => spec.run(...sample.args));
    expect(kindOf(direct)).toBe(sample.gives);

    const context = loadBundle();
    const stub = bundleFunction(context, spec.name);
    const args = sample.args.map((arg) => inBundleRealm(context, arg));
    const viaBundle = outcome(() => stub(...args));
    expect(viaBundle).toEqual(direct);
    if ('error' in direct) expect(direct.error.startsWith(`${spec.name}: `)).toBe(true);
  });

  // Issue 8, 3.2: sums that overflow a double gave 0 and -1 where the true values are 0.5 and -0.5.
  it.each([
    ['RACE_CONVERSION({1e308;1e308}, 1e308)', 'RACE_CONVERSION', [[[1e308], [1e308]], 1e308], 'RACE_CONVERSION: argument "from" adds up to more than a spreadsheet number can hold'],
    ['RACE_ROI(1e308, {1e308;1e308})', 'RACE_ROI', [1e308, [[1e308], [1e308]]], 'RACE_ROI: argument "cost" adds up to more than a spreadsheet number can hold'],
  ] as const)('%s gives the clear overflow error, not a wrong number', (_title, name, args, message) => {
    const context = loadBundle();
    const result = outcome(() => bundleFunction(context, name)(...args.map((arg) => inBundleRealm(context, arg))));
    expect(result).toEqual({ error: expect.stringContaining(message) });
  });

  it('never returns NaN or Infinity for a sample', () => {
    const context = loadBundle();
    for (const [, spec, sample] of cases) {
      const result = outcome(() => bundleFunction(context, spec.name)(...sample.args.map((arg) => inBundleRealm(context, arg))));
      if ('value' in result) {
        const cells = Array.isArray(result.value) ? (result.value as unknown[][]).flat() : [result.value];
        for (const cell of cells) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
      }
    }
  });
});
