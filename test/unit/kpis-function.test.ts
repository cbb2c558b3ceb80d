import { CATALOGUES, LANGUAGES } from '../../src/core/i18n';
import { KPIS, STAGE_IDS, STAGES, stageLabel } from '../../src/core/model';
import { CUSTOM_FUNCTIONS } from '../../src/functions';
import { RACE_KPIS } from '../../src/functions/kpis';

const HEADER_KEYS = ['kpis.stage', 'kpis.kpi', 'kpis.vqvc', 'kpis.unit', 'kpis.direction', 'kpis.definition', 'kpis.formula'] as const;

function errorOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}

describe('RACE_KPIS', () => {
  test('is registered with its real parameter names', () => {
    const spec = CUSTOM_FUNCTIONS.find((fn) => fn.name === 'RACE_KPIS');
    expect(spec).toBe(RACE_KPIS);
    expect(RACE_KPIS.params.map((param) => param.name)).toEqual(['stage', 'language']);
    expect(RACE_KPIS.spills).toBe(true);
  });

  test('with no arguments spills a header and every KPI (English outside a spreadsheet)', () => {
    const table = RACE_KPIS.run('', '') as string[][];
    expect(table.length).toBe(1 + KPIS.length);
    expect(table[0]).toEqual(HEADER_KEYS.map((key) => CATALOGUES.en[key]));
  });

  test.each(LANGUAGES.flatMap((language) => STAGE_IDS.map((stage) => [stage, language] as const)))(
    'stage %s in %s: one row per KPI of the stage, 7 non-empty text cells each',
    (stage, language) => {
      const table = RACE_KPIS.run(stage, language) as string[][];
      const expected = KPIS.filter((kpi) => kpi.stage === stage);
      expect(table.length).toBe(1 + expected.length);
      expect(table[0]).toEqual(HEADER_KEYS.map((key) => CATALOGUES[language][key]));
      table.slice(1).forEach((row, i) => {
        expect(row).toHaveLength(7);
        expect(row[0]).toBe(stageLabel(stage, language));
        expect(row[1]).toBe(expected[i].name[language]);
        expect(row[5]).toBe(expected[i].definition[language]);
        expect(row[6]).toBe(expected[i].formula[language]);
        for (const cell of row) expect(typeof cell === 'string' && cell.length > 0).toBe(true);
      });
    },
  );

  test('a conversion-rate row carries its classification labels', () => {
    const table = RACE_KPIS.run('convert', 'en') as string[][];
    expect(table).toContainEqual([
      'Convert',
      'Conversion rate',
      'Quality',
      'Rate (%)',
      'Higher is better',
      'Share of visits that ended in a sale.',
      'Orders ÷ Visits',
    ]);
  });

  test('the stage may be its name in any language, any case, or a one-cell range', () => {
    const reach = RACE_KPIS.run('reach', 'en');
    expect(RACE_KPIS.run('REACH', 'en')).toEqual(reach);
    expect(RACE_KPIS.run('دسترسی', 'en')).toEqual(reach);
    expect(RACE_KPIS.run('الوصول', 'en')).toEqual(reach);
    expect(RACE_KPIS.run([['Reach']], 'en')).toEqual(reach);
    expect(RACE_KPIS.run([['']], 'en')).toEqual(RACE_KPIS.run('', 'en'));
  });

  test('the language argument ignores case and spaces', () => {
    expect(RACE_KPIS.run('act', ' FA ')).toEqual(RACE_KPIS.run('act', 'fa'));
  });

  test('an unknown stage is an error naming the function, the argument, the value and the choices', () => {
    const message = errorOf(() => RACE_KPIS.run('awareness', 'en'));
    expect(message).toMatch(/^RACE_KPIS: /);
    expect(message).toContain('"stage"');
    expect(message).toContain('"awareness"');
    for (const id of STAGE_IDS) expect(message).toContain(id);
  });

  test('the unknown-stage error is in the language asked for, with the localized stage names', () => {
    const message = errorOf(() => RACE_KPIS.run('awareness', 'fa'));
    expect(message).toMatch(/^RACE_KPIS: /);
    expect(message).toContain('«stage»');
    for (const id of STAGE_IDS) expect(message).toContain(STAGES[id].name.fa);
  });

  test('a number, a boolean or a several-cell range is not a stage', () => {
    expect(errorOf(() => RACE_KPIS.run(3, 'en'))).toMatch(/^RACE_KPIS: argument "stage" must be a stage .*, not 3$/);
    expect(errorOf(() => RACE_KPIS.run(true, 'en'))).toMatch(/^RACE_KPIS: .*"stage".*TRUE$/);
    expect(errorOf(() => RACE_KPIS.run([['reach'], ['act']], 'en'))).toMatch(/^RACE_KPIS: .*"stage".*"reach, act"$/);
  });

  test('an unknown language is an error naming the function and the argument', () => {
    const message = errorOf(() => RACE_KPIS.run('reach', 'de'));
    expect(message).toMatch(/^RACE_KPIS: /);
    expect(message).toContain('"language"');
    expect(message).toContain('"de"');
  });
});
