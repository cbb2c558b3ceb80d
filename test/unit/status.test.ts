import { statusOf } from '../../src/core/status';
import { RACE_STATUS } from '../../src/functions/status';

describe('statusOf', () => {
  test('higher: meeting the target is on track', () => {
    expect(statusOf(100, 100, 'higher', 0.1)).toBe('onTrack');
  });

  test('higher: within tolerance below the target is at risk', () => {
    expect(statusOf(90, 100, 'higher', 0.1)).toBe('atRisk');
  });

  test('higher: below the tolerance band is off track', () => {
    expect(statusOf(89, 100, 'higher', 0.1)).toBe('offTrack');
  });

  test('lower: at or under the target is on track', () => {
    expect(statusOf(40, 50, 'lower', 0.1)).toBe('onTrack');
  });

  test('lower: up to target × (1 + tolerance) is at risk', () => {
    expect(statusOf(55, 50, 'lower', 0.1)).toBe('atRisk');
  });

  test('lower: above the tolerance band is off track', () => {
    expect(statusOf(56, 50, 'lower', 0.1)).toBe('offTrack');
  });

  test('a zero tolerance leaves no at-risk band', () => {
    expect(statusOf(99, 100, 'higher', 0)).toBe('offTrack');
  });

  test('a negative target keeps the band on the lenient side', () => {
    // target −10% growth, 10% tolerance: at risk down to −11%
    expect(statusOf(-0.105, -0.1, 'higher', 0.1)).toBe('atRisk');
  });
});

describe('RACE_STATUS on single cells', () => {
  test('defaults: higher is better, 10% tolerance', () => {
    expect(RACE_STATUS.run(95, 100, '', '', 'en')).toBe('At risk');
  });

  test('on track in English', () => {
    expect(RACE_STATUS.run(120, 100, 'higher', 0.1, 'en')).toBe('On track');
  });

  test('off track in English', () => {
    expect(RACE_STATUS.run(50, 100, 'higher', 0.1, 'en')).toBe('Off track');
  });

  test('"lower" judges a cost', () => {
    expect(RACE_STATUS.run(12, 10, 'lower', 0.1, 'en')).toBe('Off track');
  });

  test('direction is case-insensitive and trimmed', () => {
    expect(RACE_STATUS.run(9, 10, ' Lower ', '', 'en')).toBe('On track');
  });

  test('the Persian word for lower is accepted', () => {
    expect(RACE_STATUS.run(9, 10, 'کمتر', '', 'en')).toBe('On track');
  });

  test('the Arabic word for lower is accepted', () => {
    expect(RACE_STATUS.run(9, 10, 'أقل', '', 'en')).toBe('On track');
  });

  test('tolerance written as "20%" text is 0.2', () => {
    expect(RACE_STATUS.run(85, 100, 'higher', '20%', 'en')).toBe('At risk');
  });

  test('the result is in Persian', () => {
    expect(RACE_STATUS.run(100, 100, '', '', 'fa')).toBe('طبق برنامه');
  });

  test('the result is in Arabic', () => {
    expect(RACE_STATUS.run(100, 100, '', '', 'ar')).toBe('وفق الخطة');
  });

  test('a blank actual gives "" (no data yet)', () => {
    expect(RACE_STATUS.run('', 100, '', '', 'en')).toBe('');
  });

  test('a blank target gives ""', () => {
    expect(RACE_STATUS.run(5, '', '', '', 'en')).toBe('');
  });

  test('actual given as Persian text is read', () => {
    expect(RACE_STATUS.run('\u06f1\u06f0\u06f0', 100, '', '', 'en')).toBe('On track');
  });

  test('an unknown direction is an error listing the choices', () => {
    expect(() => RACE_STATUS.run(1, 2, 'up', '', 'en')).toThrow(
      'RACE_STATUS: argument "direction" must be one of higher, بیشتر, أعلى, lower, کمتر, أقل, not "up"',
    );
  });

  test('a tolerance above 1 is an error (10 is probably meant as 10%)', () => {
    expect(() => RACE_STATUS.run(1, 2, '', 10, 'en')).toThrow('RACE_STATUS: argument "tolerance" has 10, outside 0 to 1');
  });

  test('a negative tolerance is an error', () => {
    expect(() => RACE_STATUS.run(1, 2, '', -0.1, 'en')).toThrow('argument "tolerance" has -0.1, outside 0 to 1');
  });

  test('a word as actual is an error', () => {
    expect(() => RACE_STATUS.run('good', 2, '', '', 'en')).toThrow('RACE_STATUS: argument "actual" has a value that is not a number: "good"');
  });

  test('a boolean as target is an error', () => {
    expect(() => RACE_STATUS.run(1, true, '', '', 'en')).toThrow('RACE_STATUS: argument "target" has a value that is not a number: TRUE');
  });

  test('an unknown language is an error', () => {
    expect(() => RACE_STATUS.run(1, 2, '', '', 'fr')).toThrow('RACE_STATUS: argument "language" must be one of en, fa, ar, not "fr"');
  });
});

describe('RACE_STATUS on ranges', () => {
  test('an empty range reads as a blank cell: ""', () => {
    expect(RACE_STATUS.run([], 100, '', '', 'en')).toBe('');
  });

  test('returns one status per cell, in the shape of the ranges', () => {
    expect(RACE_STATUS.run([[120], [95], [50]], [[100], [100], [100]], '', '', 'en')).toEqual([['On track'], ['At risk'], ['Off track']]);
  });

  test('a single target applies to every actual', () => {
    expect(RACE_STATUS.run([[120, 50]], 100, '', '', 'en')).toEqual([['On track', 'Off track']]);
  });

  test('a range of directions judges each row its own way', () => {
    expect(RACE_STATUS.run([[12], [12]], [[10], [10]], [['higher'], ['lower']], '', 'en')).toEqual([['On track'], ['Off track']]);
  });

  test('blank rows give "" in place', () => {
    expect(RACE_STATUS.run([[''], [100]], [[100], ['']], '', '', 'en')).toEqual([[''], ['']]);
  });

  test('ranges of different shapes are an error naming both', () => {
    expect(() => RACE_STATUS.run([[1], [2]], [[1], [2], [3]], '', '', 'en')).toThrow(
      'RACE_STATUS: arguments "actual" and "target" must have the same shape, rows × columns (2×1 and 3×1)',
    );
  });

  test('a row against a column of the same size is an error', () => {
    expect(() => RACE_STATUS.run([[1, 2]], [[1], [2]], '', '', 'en')).toThrow('(1×2 and 2×1)');
  });

  test('a bad direction inside a range is an error', () => {
    expect(() => RACE_STATUS.run([[1], [2]], 1, [['higher'], ['sideways']], '', 'en')).toThrow('"sideways"');
  });

  it('shows an unreadable cell of a range as its message in place, keeping the other statuses', () => {
    expect(RACE_STATUS.run([[90], ['lots'], [120]], [[100], [100], ['۱۰۰']], '', '', 'en')).toEqual([
      ['At risk'],
      ['RACE_STATUS: argument "actual" has a value that is not a number: "lots"'],
      ['On track'],
    ]);
    // A single call still raises the message, as Sheets shows it on the cell.
    expect(() => RACE_STATUS.run('lots', 100, '', '', 'en')).toThrow('RACE_STATUS: argument "actual" has a value that is not a number: "lots"');
  });
});
