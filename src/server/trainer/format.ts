import type { ScoreSummary } from '../../engine/scoring.ts';

/**
 * Words and numbers as the trainer workspace shows them. Dates are shown in UTC (the server does not
 * know the trainer's time zone), so a due date reads as the day the trainer picked.
 */
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const DAY_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const formatDay = (iso: string): string => DAY.format(new Date(iso));
export const formatDayTime = (iso: string): string => `${DAY_TIME.format(new Date(iso))} UTC`;

export const MODE_WORDS: Record<'assessed' | 'practice', string> = {
  assessed: 'Assessed',
  practice: 'Practice',
};

const BAND_WORDS: Record<string, string> = {
  proficient: 'Proficient',
  developing: 'Developing',
  beginning: 'Beginning',
};

export const bandWord = (band: string): string => BAND_WORDS[band] ?? band;

/** The four key scores, each as a label and a value in words. */
export function keyScores(scores: ScoreSummary): { label: string; short: string; value: string }[] {
  return [
    {
      label: 'Reflections to questions',
      short: 'R:Q',
      value: scores.rq === null ? 'no questions' : `${scores.rq.toFixed(1)} : 1`,
    },
    { label: 'Complex reflections', short: '%CR', value: `${String(Math.round(scores.pctCR))}%` },
    { label: 'Relational', short: 'Relational', value: scores.relational.toFixed(1) },
    { label: 'Technical', short: 'Technical', value: scores.technical.toFixed(1) },
  ];
}

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${String(count)} ${count === 1 ? one : many}`;
