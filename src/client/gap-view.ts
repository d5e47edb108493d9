import { gapFor, observedFromAttempts, type Observed } from '../assessment/gap.ts';
import type { Attempt } from '../stores/roleplays.ts';
import { scrollingTable, svg } from './chart-parts.ts';

interface Row {
  id: string;
  label: string;
  self: number | null;
}

/** Renders "your view versus your role-plays" into `container`: chart, table, and a plain reading. */
export function renderGapView(container: HTMLElement, rows: Row[], attempts: readonly Attempt[]): void {
  const { mode, attempts: count, observed: byId } = observedFromAttempts(attempts);
  const observed = byId as Record<string, Observed | undefined>;
  const heading = document.createElement('h3');
  heading.textContent = 'Your view and your role-plays';
  if (mode === 'none') {
    const empty = document.createElement('p');
    empty.append('There are no role-play results on this device yet. ');
    const link = document.createElement('a');
    link.href = '/roleplays/';
    link.textContent = 'Play a role-play in assessed mode';
    empty.append(link, ' and come back: you will see your self-ratings side by side with what your replies showed.');
    container.replaceChildren(heading, empty);
    return;
  }
  const basis = document.createElement('p');
  basis.textContent = `Based on ${String(count)} ${mode} role-play${count === 1 ? '' : 's'}${count === 1 ? ' (early evidence)' : ''}. Hollow circle: your rating. Filled square: what the role-plays showed.`;

  // Dumbbell chart: one row per area, scale 1–5, shapes differ so colour is not needed.
  const width = 320;
  const rowHeight = 34;
  const left = 120;
  const x = (value: number): number => left + ((value - 1) / 4) * (width - left - 12);
  const chart = svg('svg', {
    viewBox: `0 0 ${String(width)} ${String(rows.length * rowHeight + 24)}`,
    role: 'img',
    'aria-labelledby': 'gap-chart-title',
    class: 'gap-chart',
  });
  const title = svg('title', { id: 'gap-chart-title' });
  title.textContent =
    'Self-rating and role-play score for each area, from 1 to 5. The table below gives the same numbers.';
  chart.append(title);
  for (let tick = 1; tick <= 5; tick++) {
    chart.append(
      svg('line', {
        x1: String(x(tick)),
        x2: String(x(tick)),
        y1: '0',
        y2: String(rows.length * rowHeight),
        class: 'gap-grid',
      }),
    );
    const label = svg('text', {
      x: String(x(tick)),
      y: String(rows.length * rowHeight + 16),
      'text-anchor': 'middle',
      class: 'gap-tick',
    });
    label.textContent = String(tick);
    chart.append(label);
  }
  rows.forEach((row, index) => {
    const y = index * rowHeight + rowHeight / 2;
    const name = svg('text', { x: '0', y: String(y + 5), class: 'gap-label' });
    name.textContent = row.label;
    chart.append(name);
    const seen = observed[row.id]?.value ?? null;
    if (row.self !== null && seen !== null)
      chart.append(
        svg('line', { x1: String(x(row.self)), x2: String(x(seen)), y1: String(y), y2: String(y), class: 'gap-line' }),
      );
    if (row.self !== null)
      chart.append(svg('circle', { cx: String(x(row.self)), cy: String(y), r: '7', class: 'gap-self' }));
    if (seen !== null)
      chart.append(
        svg('rect', { x: String(x(seen) - 6), y: String(y - 6), width: '12', height: '12', class: 'gap-observed' }),
      );
  });

  const table = document.createElement('table');
  table.className = 'metrics';
  const caption = document.createElement('caption');
  caption.textContent = 'Your rating and your role-play score for each area';
  const head = document.createElement('thead');
  head.innerHTML =
    '<tr><th scope="col">Area</th><th scope="col">Your rating</th><th scope="col">Role-plays</th><th scope="col">Reading</th></tr>';
  const body = document.createElement('tbody');
  const readings: { label: string; size: number; text: string; supervision: boolean }[] = [];
  for (const row of rows) {
    const seen = observed[row.id]?.value ?? null;
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.label;
    const gap = row.self !== null && seen !== null ? gapFor(row.self, seen) : undefined;
    const cells = [
      row.self === null ? '—' : row.self.toFixed(1),
      seen === null ? 'No evidence yet' : seen.toFixed(1),
      gap ? gap.text : 'Not enough evidence to compare.',
    ];
    tr.append(th, ...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
    body.append(tr);
    if (gap && gap.reading !== 'aligned')
      readings.push({ label: row.label, size: Math.abs(gap.gap), text: gap.text, supervision: gap.raiseInSupervision });
  }
  table.append(caption, head, body);

  const reading = document.createElement('p');
  const biggest = readings.sort((a, b) => b.size - a.size)[0];
  reading.textContent = biggest
    ? `The biggest difference is in ${biggest.label}: ${biggest.text.charAt(0).toLowerCase()}${biggest.text.slice(1)}${biggest.supervision ? ' It may be worth talking through in reflective supervision, if you choose.' : ''} Treat this as information for practice, not a judgement.`
    : 'Your self-ratings and your role-plays tell a similar story in every area with evidence.';
  const scroll = scrollingTable('Your rating and your role-play score for each area', table);
  container.replaceChildren(heading, basis, chart, scroll, reading);
}
