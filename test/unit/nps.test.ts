import { RACE_NPS } from '../../src/functions/nps';

describe('RACE_NPS', () => {
  test('is % promoters minus % detractors', () => {
    // 4 promoters (10, 9, 9, 10) and 3 detractors (6, 3, 5) of 10 answers: 40 − 30
    expect(RACE_NPS.run([[10], [9], [9], [8], [7], [10], [6], [3], [8], [5]])).toBe(10);
  });

  test('only promoters is 100', () => {
    expect(RACE_NPS.run([[9, 10, 10]])).toBe(100);
  });

  test('only detractors is −100', () => {
    expect(RACE_NPS.run([[0], [6]])).toBe(-100);
  });

  test('passives (7-8) count in the total only', () => {
    expect(RACE_NPS.run([[7], [8], [9], [9]])).toBe(50);
  });

  test('blanks are skipped', () => {
    expect(RACE_NPS.run([[10], [''], [null], [0]])).toBe(0);
  });

  test('scores written with Persian digits are read', () => {
    expect(RACE_NPS.run([['\u06f1\u06f0'], ['\u06f5']])).toBe(0);
  });

  test('a score above 10 is an error naming the value', () => {
    expect(() => RACE_NPS.run([[9], [11]])).toThrow('RACE_NPS: argument "scores" has 11, outside 0 to 10');
  });

  test('a negative score is an error', () => {
    expect(() => RACE_NPS.run([[-1]])).toThrow('RACE_NPS: argument "scores" has -1, outside 0 to 10');
  });

  test('a fractional score is an error', () => {
    expect(() => RACE_NPS.run([[7.5]])).toThrow('RACE_NPS: argument "scores" has 7.5, which is not a whole number');
  });

  test('blanks only is an error', () => {
    expect(() => RACE_NPS.run([[''], ['']])).toThrow('RACE_NPS: argument "scores" contains no numbers');
  });

  test('a word is an error', () => {
    expect(() => RACE_NPS.run([['ten']])).toThrow('RACE_NPS: argument "scores" has a value that is not a number: "ten"');
  });

  test('a checkbox is an error', () => {
    expect(() => RACE_NPS.run([[true]])).toThrow('RACE_NPS: argument "scores" has a value that is not a number: TRUE');
  });

  test('a single cell and numeric text with Arabic-Indic digits are read', () => {
    expect(RACE_NPS.run(9)).toBe(100);
    expect(RACE_NPS.run([['\u0669', 6, '']])).toBe(0);
  });

  test('NaN and Infinity are errors, not scores', () => {
    expect(() => RACE_NPS.run([[9, Number.NaN]])).toThrow('RACE_NPS: argument "scores" has a value that is not a number: NaN');
    expect(() => RACE_NPS.run([[Number.POSITIVE_INFINITY]])).toThrow('RACE_NPS: argument "scores" has a value that is not a number: Infinity');
  });

  test('a score beyond 32-bit integers is out of range, not wrapped into one', () => {
    expect(() => RACE_NPS.run([[2 ** 32 + 9]])).toThrow(`argument "scores" has ${2 ** 32 + 9}, outside 0 to 10`);
  });

  test('a date is an error', () => {
    expect(() => RACE_NPS.run([[new Date(2024, 5, 1)]])).toThrow('a date (2024-06-01)');
  });
});
