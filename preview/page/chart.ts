// Draws a recorded chart as SVG, as Sheets would draw it from its ranges and options: horizontal bars
// (stacked with an unfilled offset series: the centred funnel), columns side by side, and lines that
// break where a cell is blank. Every text goes in with textContent. Right-to-left sheets mirror the
// drawing (bars grow from the right, time runs right to left), as the sheet's own columns do.
import { displayValue } from '../emulator/display-format';
import type { ChartSeriesView, ChartView } from './view';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 400;
const PAD = 10;

function svgElement(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Values along the value axis: [low, high], always including 0, never empty. */
export function valueDomain(chart: ChartView): [number, number] {
  let low = 0;
  let high = 0;
  const count = chart.categories.length;
  for (let i = 0; i < count; i++) {
    if (chart.stacked && chart.type !== 'line') {
      let up = 0;
      let down = 0;
      for (const series of chart.series) {
        const value = series.values[i] ?? 0;
        if (value >= 0) up += value;
        else down += value;
      }
      high = Math.max(high, up);
      low = Math.min(low, down);
    } else {
      for (const series of chart.series) {
        const value = series.values[i];
        if (value === null || value === undefined) continue;
        high = Math.max(high, value);
        low = Math.min(low, value);
      }
    }
  }
  if (high === low) high = low + 1;
  return [low, high];
}

/** Round ticks over [low, high] (steps of 1, 2, 2.5 or 5 times a power of ten), as chart axes show them. */
export function axisTicks([low, high]: [number, number], count = 4): number[] {
  const raw = (high - low) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 1e6; i++) ticks.push(Number((first + i * step).toPrecision(12)));
  return ticks;
}

/** Whether the chart has any number to draw. */
export function hasData(chart: ChartView): boolean {
  return chart.series.some((series) => series.values.some((value) => value !== null && value !== 0));
}

interface Frame {
  rtl: boolean;
  locale: string;
}

/** x in the left-to-right drawing, mirrored for a right-to-left sheet. */
function mirrorX(frame: Frame, x: number, width = 0): number {
  return frame.rtl ? WIDTH - x - width : x;
}

function anchor(frame: Frame, side: 'start' | 'end' | 'middle'): string {
  if (side === 'middle') return 'middle';
  return (side === 'start') !== frame.rtl ? 'start' : 'end';
}

/** A tick in the axis's format; without one, grouped digits (Sheets' axes do not show General's raw decimals). */
function tickText(chart: ChartView, value: number, frame: Frame): string {
  const format = chart.valueFormat || (Number.isInteger(value) ? '#,##0' : '#,##0.0#');
  return displayValue(value, format, frame.locale);
}

function seriesGroup(series: ChartSeriesView, index: number): SVGElement {
  return svgElement('g', { class: 'series', 'data-series-index': index, 'data-series-name': series.name, 'data-hidden': String(series.hidden) });
}

function markAttributes(series: ChartSeriesView, value: number): Record<string, string | number> {
  return series.hidden ? { fill: 'none', 'data-value': value } : { fill: series.color, 'data-value': value };
}

function categoryLabel(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Horizontal bars: categories top to bottom, values along x (stacked or grouped). */
function drawBars(svg: SVGElement, chart: ChartView, frame: Frame): number {
  const ticks = axisTicks(valueDomain(chart));
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const labelWidth = 110;
  const left = labelWidth + PAD;
  const right = WIDTH - 2 * PAD;
  const x = (value: number) => left + ((value - low) / (high - low)) * (right - left);
  const band = 26;
  const top = PAD;
  const groups = chart.series.map((series, i) => seriesGroup(series, i));
  const labels = svgElement('g', { class: 'data-labels' });
  chart.categories.forEach((category, c) => {
    const y = top + c * band;
    svg.append(svgElement('text', { class: 'category', x: mirrorX(frame, labelWidth), y: y + band / 2 + 4, 'text-anchor': anchor(frame, 'end') }, categoryLabel(category, 18)));
    let up = 0;
    let down = 0;
    chart.series.forEach((series, s) => {
      const value = series.values[c];
      if (value === null) return;
      let from: number;
      let to: number;
      let height = band - 8;
      let barY = y + 4;
      if (chart.stacked) {
        from = value >= 0 ? up : down;
        to = from + value;
        if (value >= 0) up = to;
        else down = to;
      } else {
        from = 0;
        to = value;
        height = (band - 8) / chart.series.length;
        barY = y + 4 + s * height;
      }
      const x0 = Math.min(x(from), x(to));
      const width = Math.abs(x(to) - x(from));
      groups[s].append(svgElement('rect', { ...markAttributes(series, value), x: mirrorX(frame, x0, width), y: barY, width: Math.max(width, series.hidden ? 0 : 1), height }));
      if (series.dataLabels && series.labels[c] !== null) {
        const middle = chart.stacked ? x0 + width / 2 : x0 + width + 3;
        labels.append(svgElement('text', { class: 'data-label', x: mirrorX(frame, middle), y: barY + height / 2 + 4, 'text-anchor': anchor(frame, chart.stacked ? 'middle' : 'start') }, series.labels[c]!));
      }
    });
  });
  const bottom = top + chart.categories.length * band;
  svg.append(...groups, labels);
  ticks.forEach((value, i) => {
    const side = i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'; // the ends stay inside the drawing
    svg.append(svgElement('text', { class: 'tick', x: mirrorX(frame, x(value)), y: bottom + 14, 'text-anchor': anchor(frame, side) }, tickText(chart, value, frame)));
  });
  return bottom + 20;
}

/** Columns and lines: categories left to right (right to left in an RTL sheet), values up the y axis. */
function drawVertical(svg: SVGElement, chart: ChartView, frame: Frame): number {
  const ticks = axisTicks(valueDomain(chart));
  const [low, high] = [ticks[0], ticks[ticks.length - 1]];
  const axisWidth = 48;
  const left = axisWidth + PAD;
  const right = WIDTH - PAD;
  const top = PAD;
  const bottom = 150;
  const y = (value: number) => bottom - ((value - low) / (high - low)) * (bottom - top);
  const count = Math.max(1, chart.categories.length);
  const band = (right - left) / count;
  const centre = (c: number) => left + band * (c + 0.5);
  svg.append(svgElement('line', { class: 'axis', x1: mirrorX(frame, left), x2: mirrorX(frame, right), y1: y(0), y2: y(0) }));
  const groups = chart.series.map((series, i) => seriesGroup(series, i));
  const labels = svgElement('g', { class: 'data-labels' });
  const every = Math.ceil(chart.categories.length / 4); // at most 4 category labels under the axis
  chart.categories.forEach((category, c) => {
    if (c % every === 0) svg.append(svgElement('text', { class: 'category', x: mirrorX(frame, centre(c)), y: bottom + 14, 'text-anchor': 'middle' }, categoryLabel(category, Math.max(6, Math.floor((band * every) / 6)))));
  });
  if (chart.type === 'line') {
    chart.series.forEach((series, s) => {
      let path = '';
      let pen = false;
      series.values.forEach((value, c) => {
        if (value === null) {
          pen = false; // a blank cell breaks the line
          return;
        }
        const px = mirrorX(frame, centre(c));
        path += `${pen ? 'L' : 'M'}${px.toFixed(1)},${y(value).toFixed(1)} `;
        pen = true;
        groups[s].append(svgElement('circle', { class: 'dot', cx: px.toFixed(1), cy: y(value).toFixed(1), r: 2.5, ...markAttributes(series, value) }));
        if (series.dataLabels && series.labels[c] !== null) labels.append(svgElement('text', { class: 'data-label', x: px, y: y(value) - 6, 'text-anchor': 'middle' }, series.labels[c]!));
      });
      if (path) groups[s].prepend(svgElement('path', { class: 'line', d: path.trim(), stroke: series.hidden ? 'none' : series.color }));
    });
  } else {
    const inner = band * 0.75;
    chart.categories.forEach((_, c) => {
      let up = 0;
      let down = 0;
      chart.series.forEach((series, s) => {
        const value = series.values[c];
        if (value === null) return;
        let from = 0;
        let width = inner;
        let x0 = centre(c) - inner / 2;
        if (chart.stacked) {
          from = value >= 0 ? up : down;
          if (value >= 0) up += value;
          else down += value;
        } else {
          width = inner / chart.series.length;
          x0 += s * width;
        }
        const to = from + value;
        const top0 = Math.min(y(from), y(to));
        const height = Math.abs(y(to) - y(from));
        groups[s].append(svgElement('rect', { ...markAttributes(series, value), x: mirrorX(frame, x0, width), y: top0, width, height: Math.max(height, series.hidden ? 0 : 1) }));
        if (series.dataLabels && series.labels[c] !== null) {
          labels.append(svgElement('text', { class: 'data-label', x: mirrorX(frame, x0 + width / 2), y: chart.stacked ? top0 + height / 2 + 4 : top0 - 3, 'text-anchor': 'middle' }, series.labels[c]!));
        }
      });
    });
  }
  svg.append(...groups, labels);
  for (const value of ticks) {
    svg.prepend(svgElement('line', { class: 'grid-line', x1: mirrorX(frame, left), x2: mirrorX(frame, right), y1: y(value), y2: y(value) }));
    svg.append(svgElement('text', { class: 'tick', x: mirrorX(frame, axisWidth), y: y(value) + 4, 'text-anchor': anchor(frame, 'end') }, tickText(chart, value, frame)));
  }
  return bottom + 22;
}

/** The chart as an SVG (always one, empty axes when there is nothing yet); `data-series-count` for tests. */
export function chartSvg(chart: ChartView, rightToLeft: boolean, locale: string): SVGElement {
  const frame: Frame = { rtl: rightToLeft, locale };
  const svg = svgElement('svg', { role: 'img', direction: 'ltr', 'data-chart-type': chart.type, 'data-series-count': chart.series.length });
  svg.setAttribute('aria-label', chart.title);
  const height = chart.type === 'bar' ? drawBars(svg, chart, frame) : drawVertical(svg, chart, frame);
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
  return svg;
}

/** The legend under the chart: each series shown in it, with its color. */
export function legendElement(chart: ChartView): HTMLElement | undefined {
  if (chart.legend === 'none') return undefined;
  const shown = chart.series.filter((series) => series.inLegend);
  if (shown.length === 0) return undefined;
  const list = document.createElement('ul');
  list.className = 'legend';
  for (const series of shown) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = series.hidden ? 'transparent' : series.color;
    const name = document.createElement('span');
    name.textContent = series.name;
    item.append(swatch, name);
    list.append(item);
  }
  return list;
}
