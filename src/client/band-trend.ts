import type { Band } from '../engine/scoring.ts';
import { BAND_LEVEL, type BandTrend } from '../record/trend.ts';
import { dataTable, scrollingTable, svg } from './chart-parts.ts';

const BANDS: Band[] = ['proficient', 'developing', 'beginning'];
const shortDate = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** One small chart: attempts left to right, bands as labelled rows; shape shows the mode, so colour is not needed. */
function trendChart(trend: BandTrend, title: string, index: number): SVGSVGElement {
  const left = 84;
  const step = 40;
  const width = Math.max(220, left + 24 + (trend.points.length - 1) * step);
  const y = (band: Band): number => 14 + (3 - BAND_LEVEL[band]) * 26;
  const x = (at: number): number => left + 8 + at * step;
  const id = `trend-title-${String(index)}`;
  const chart = svg('svg', {
    viewBox: `0 0 ${String(width)} 96`,
    role: 'img',
    'aria-labelledby': id,
    class: 'trend-chart',
  });
  const label = svg('title', { id });
  label.textContent = `${title}: ${trend.reading} The table below lists every attempt.`;
  chart.append(label);
  for (const band of BANDS) {
    chart.append(svg('line', { x1: left, x2: width - 4, y1: y(band), y2: y(band), class: 'trend-grid' }));
    const name = svg('text', { x: 0, y: y(band) + 4, class: 'trend-label' });
    name.textContent = band;
    chart.append(name);
  }
  const path = trend.points.map((point, at) => `${at ? 'L' : 'M'}${String(x(at))},${String(y(point.band))}`).join(' ');
  chart.append(svg('path', { d: path, class: 'trend-line' }));
  trend.points.forEach((point, at) => {
    const cx = x(at);
    const cy = y(point.band);
    chart.append(
      point.mode === 'assessed'
        ? svg('rect', { x: cx - 6, y: cy - 6, width: 12, height: 12, class: 'trend-assessed' })
        : svg('circle', { cx, cy, r: 6, class: 'trend-practice' }),
    );
    const tick = svg('text', { x: cx, y: 92, 'text-anchor': 'middle', class: 'trend-label' });
    tick.textContent = String(at + 1);
    chart.append(tick);
  });
  return chart;
}

/** Bands over attempts for every role-play played: small SVG charts, a reading for each, and one data table. */
export function renderBandTrends(
  container: HTMLElement,
  trends: readonly BandTrend[],
  titles: Record<string, string>,
): void {
  container.hidden = trends.length === 0;
  if (!trends.length) {
    container.replaceChildren();
    return;
  }
  const heading = Object.assign(document.createElement('h3'), { textContent: 'How your bands have moved' });
  const key = Object.assign(document.createElement('p'), {
    className: 'meta',
    textContent:
      'Each chart shows one role-play, attempts numbered from your first. Square: assessed. Circle: practice.',
  });
  const charts = document.createElement('ul');
  charts.className = 'trend-list';
  trends.forEach((trend, index) => {
    const title = titles[trend.scenarioId] ?? trend.scenarioId;
    const item = document.createElement('li');
    item.className = 'card';
    const name = Object.assign(document.createElement('p'), { className: 'trend-name' });
    name.append(Object.assign(document.createElement('strong'), { textContent: title }));
    const reading = Object.assign(document.createElement('p'), { textContent: trend.reading });
    item.append(name, trendChart(trend, title, index), reading);
    charts.append(item);
  });
  const table = dataTable(
    'Bands over attempts, oldest first',
    ['Role-play', 'Attempts, oldest first', 'Reading'],
    trends.map((trend) => [
      titles[trend.scenarioId] ?? trend.scenarioId,
      trend.points
        .map((point, at) => `${String(at + 1)}. ${point.band} (${point.mode}, ${shortDate(point.finishedAt)})`)
        .join('; '),
      trend.reading,
    ]),
  );
  container.replaceChildren(heading, key, charts, scrollingTable('Bands over attempts', table));
}
