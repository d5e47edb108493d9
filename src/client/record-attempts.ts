import { roleplayUrl, transcriptUrl } from '../course/urls.ts';
import type { Attempt } from '../stores/roleplays.ts';
import { tableRow } from './chart-parts.ts';

const link = (href: string, text: string, label?: string): HTMLAnchorElement => {
  const anchor = Object.assign(document.createElement('a'), { href, textContent: text });
  if (label) anchor.setAttribute('aria-label', label);
  return anchor;
};

/** One row per finished attempt, newest first: date, role-play, mode, band, key scores, transcript link. */
export function attemptRows(attempts: readonly Attempt[], titles: Record<string, string>): HTMLTableRowElement[] {
  return [...attempts]
    .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))
    .map((attempt) => {
      const title = titles[attempt.scenarioId] ?? attempt.scenarioId;
      const date = new Date(attempt.finishedAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
      return tableRow([
        date,
        link(roleplayUrl(attempt.scenarioId), title),
        attempt.mode,
        attempt.band,
        attempt.scores.rq === null ? '—' : attempt.scores.rq.toFixed(1),
        `${String(Math.round(attempt.scores.pctCR))}%`,
        attempt.scores.relational.toFixed(1),
        attempt.scores.technical.toFixed(1),
        link(transcriptUrl(attempt.scenarioId, attempt.id), 'Transcript', `Transcript: ${title}, ${date}`),
      ]);
    });
}
