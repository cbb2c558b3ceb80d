// The preview's chart axes: the value range a chart needs (stacked bars add up, gaps count as nothing) and
// round ticks over it.
import { axisTicks, hasData, valueDomain } from '../../preview/page/chart';
import type { ChartSeriesView, ChartView } from '../../preview/page/view';

function series(values: (number | null)[], hidden = false): ChartSeriesView {
  return { name: 's', values, labels: values.map((v) => (v === null ? null : String(v))), color: hidden ? 'none' : '#4285f4', hidden, dataLabels: false, inLegend: !hidden };
}

function chart(type: string, stacked: boolean, ...all: ChartSeriesView[]): ChartView {
  return { type, title: 't', stacked, valueFormat: '', legend: 'none', categories: all[0].values.map((_, i) => `c${i}`), series: all };
}

test('stacked bars span the largest sum of a category; side by side and lines the largest value; gaps count as nothing', () => {
  const offset = series([0, 4750, 4950], true);
  const volume = series([10000, 500, 100]);
  expect(valueDomain(chart('bar', true, offset, volume))).toEqual([0, 10000]);
  expect(valueDomain(chart('bar', true, series([1, 2]), series([3, 5])))).toEqual([0, 7]);
  expect(valueDomain(chart('column', false, series([1, 2]), series([3, 5])))).toEqual([0, 5]);
  expect(valueDomain(chart('line', true, series([null, -2]), series([3, null])))).toEqual([-2, 3]); // lines do not stack
  expect(valueDomain(chart('line', false, series([null, null])))).toEqual([0, 1]);
});

test('ticks are round steps (1, 2, 2.5, 5 times a power of ten) that cover the range', () => {
  expect(axisTicks([0, 135991])).toEqual([0, 50000, 100000, 150000]);
  expect(axisTicks([0, 10000])).toEqual([0, 2500, 5000, 7500, 10000]);
  expect(axisTicks([0, 0.25])).toEqual([0, 0.1, 0.2, 0.3]);
  expect(axisTicks([-2, 3])).toEqual([-2, 0, 2, 4]);
  expect(axisTicks([0, 1])).toEqual([0, 0.25, 0.5, 0.75, 1]);
});

test('a chart of blanks and zeros has no data to show', () => {
  expect(hasData(chart('line', false, series([null, 0])))).toBe(false);
  expect(hasData(chart('line', false, series([null, 3])))).toBe(true);
});
