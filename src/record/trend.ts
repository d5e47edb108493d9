import type { Band } from '../engine/scoring.ts';
import type { Attempt } from '../stores/roleplays.ts';

/** Bands over time for one role-play, oldest attempt first: what the record's trend chart draws. */
export interface BandTrend {
  scenarioId: string;
  points: { attemptId: string; finishedAt: string; band: Band; mode: Attempt['mode'] }[];
  /** One sentence a learner can read instead of the chart. */
  reading: string;
}

export const BAND_LEVEL: Record<Band, number> = { beginning: 1, developing: 2, proficient: 3 };

function readingFor(points: BandTrend['points']): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return '';
  const count = points.length;
  if (count === 1) return `One attempt so far: ${first.band}. Another go will start to show a trend.`;
  const change = BAND_LEVEL[last.band] - BAND_LEVEL[first.band];
  const best = points.reduce((top, point) => (BAND_LEVEL[point.band] > BAND_LEVEL[top.band] ? point : top), first);
  const over = `over ${String(count)} attempts`;
  if (change > 0) return `Up from ${first.band} to ${last.band} ${over}.`;
  if (change < 0)
    return `From ${first.band} to ${last.band} ${over}, with ${best.band} at best. A harder path or assessed mode can do this; look at the latest transcript for what changed.`;
  return best.band === last.band
    ? `Steady at ${last.band} ${over}.`
    : `Back at ${last.band} ${over}, after reaching ${best.band}.`;
}

/** One trend per role-play that has attempts, in the order the role-plays were first played. */
export function bandTrends(attempts: readonly Attempt[]): BandTrend[] {
  const byScenario = new Map<string, BandTrend['points']>();
  const ordered = [...attempts].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  for (const attempt of ordered) {
    const points = byScenario.get(attempt.scenarioId) ?? [];
    points.push({ attemptId: attempt.id, finishedAt: attempt.finishedAt, band: attempt.band, mode: attempt.mode });
    byScenario.set(attempt.scenarioId, points);
  }
  return [...byScenario].map(([scenarioId, points]) => ({ scenarioId, points, reading: readingFor(points) }));
}
