import type { Attempt } from '../stores/roleplays.ts';

/**
 * Self-rating versus role-play evidence (curriculum Part B 2.5). Each subscale gets an "observed"
 * 1–5 score from the learner's role-play results, using the curriculum's conversions where the
 * role-play engine records the evidence, and stated approximations where it does not:
 * - Bond: mean of the Empathy global and banded %CR.
 * - Goals: 1 + 4 × (goal markers ÷ 3), markers = goal in the person's own words, an agreed next step,
 *   and a closing reflection or summary (the engine's stand-ins for the capstone's three markers).
 * - Tasks: mean of banded permission rate (information given with permission ÷ all information given)
 *   and 1 + 4 × (menu, next step ÷ 2).
 * - Rupture & repair: per rupture met, 1 + 4 × (attend, explore, own part, repaired, timely ÷ 5).
 * - On tap: mean of the Partnership global, banded R:Q and banded non-adherent count.
 * Assessed attempts are used when there are any (practice scores are for self-study, C2.7).
 */

export const SUBSCALES = ['bond', 'goals', 'tasks', 'rupture-repair', 'on-tap'] as const;
export type SubscaleId = (typeof SUBSCALES)[number];

export interface Observed {
  value: number | null;
  /** How many role-plays gave evidence for this subscale. */
  evidence: number;
}

const mean = (values: number[]): number | null =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
const band = (value: number, cuts: number[]): number => 1 + cuts.filter((cut) => value >= cut).length;

export const crBand = (pctCR: number): number => band(pctCR, [20, 30, 40, 50]);
export const permissionBand = (pct: number): number => band(pct, [20, 40, 60, 80]);
export const rqBand = (rq: number | null, reflections: number): number =>
  rq === null ? (reflections >= 2 ? 5 : reflections === 1 ? 3 : 1) : band(rq, [0.5, 1, 1.5, 2]);
export const naBand = (na: number): number => Math.max(1, 5 - na);

function markersOf(attempt: Attempt): string[] {
  return attempt.transcript.filter((turn) => turn.attempt === 1).flatMap((turn) => turn.markers ?? []);
}

function perAttempt(attempt: Attempt): Partial<Record<SubscaleId, number>> {
  const markers = markersOf(attempt);
  const has = (marker: string): boolean => markers.includes(marker);
  const scored = attempt.transcript.filter((turn) => turn.attempt === 1);
  const last = scored.at(-1);
  const reflections = scored.reduce(
    (sum, turn) => sum + turn.codes.filter((code) => code === 'SR' || code === 'CR').length,
    0,
  );
  const result: Partial<Record<SubscaleId, number>> = {};

  result.bond = (attempt.scores.empathy + crBand(attempt.scores.pctCR)) / 2;

  const goalMarkers = [has('goal-own-words'), has('next-step'), Boolean(last?.codes.includes('CR'))].filter(
    Boolean,
  ).length;
  result.goals = 1 + (4 * goalMarkers) / 3;

  const withPermission = markers.filter((m) => m === 'info-with-permission').length;
  const unasked = markers.filter((m) => m === 'info-unasked').length;
  const taskParts = [1 + (4 * [has('menu'), has('next-step')].filter(Boolean).length) / 2];
  if (withPermission + unasked > 0) taskParts.push(permissionBand((withPermission / (withPermission + unasked)) * 100));
  const tasks = mean(taskParts);
  if (tasks !== null) result.tasks = tasks;

  const ruptures = attempt.ruptures ?? [];
  if (ruptures.length > 0) {
    const repairMarkers = [has('attend'), has('explore'), has('own-part')].filter(Boolean).length;
    const perRupture = ruptures.map((r) => 1 + (4 * (repairMarkers + (r.repaired ? 1 : 0) + (r.timely ? 1 : 0))) / 5);
    const value = mean(perRupture);
    if (value !== null) result['rupture-repair'] = Math.min(5, value);
  }

  result['on-tap'] =
    (attempt.scores.partnership + rqBand(attempt.scores.rq, reflections) + naBand(attempt.scores.NA)) / 3;
  return result;
}

export function observedFromAttempts(attempts: readonly Attempt[]): {
  mode: 'assessed' | 'practice' | 'none';
  attempts: number;
  observed: Record<SubscaleId, Observed>;
} {
  const assessed = attempts.filter((attempt) => attempt.mode === 'assessed');
  const used = assessed.length > 0 ? assessed : attempts;
  const per = used.map(perAttempt);
  const observed = Object.fromEntries(
    SUBSCALES.map((id) => {
      const values = per.flatMap((entry) => (entry[id] === undefined ? [] : [entry[id]]));
      const value = mean(values);
      return [id, { value: value === null ? null : Math.round(value * 10 + 1e-9) / 10, evidence: values.length }];
    }),
  ) as Record<SubscaleId, Observed>;
  return {
    mode: used.length === 0 ? 'none' : assessed.length > 0 ? 'assessed' : 'practice',
    attempts: used.length,
    observed,
  };
}

export type GapReading = 'aligned' | 'blind-spot' | 'hidden-strength';

export interface Gap {
  gap: number;
  reading: GapReading;
  text: string;
  /** |gap| ≥ 1.5: worth raising in reflective supervision (Lesson 4.4). */
  raiseInSupervision: boolean;
}

export function gapFor(self: number, observed: number): Gap {
  const gap = Math.round((self - observed) * 10) / 10;
  const reading: GapReading = Math.abs(gap) < 0.5 ? 'aligned' : gap > 0 ? 'blind-spot' : 'hidden-strength';
  const text = {
    aligned: 'Your view of yourself matches what the role-plays showed.',
    'blind-spot': 'You rate yourself higher than the role-plays showed.',
    'hidden-strength': 'You’re doing this more than you give yourself credit for.',
  }[reading];
  return { gap, reading, text, raiseInSupervision: Math.abs(gap) >= 1.5 };
}
