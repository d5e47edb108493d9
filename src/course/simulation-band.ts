import type { Band } from '../engine/scoring.ts';
import type { Attempt } from '../stores/roleplays.ts';
import type { Scenario } from '../schemas/scenario.ts';

/** Pure helpers for simulations, safe for the browser (simulations.ts reads files). */

const RANK: Record<Band, number> = { beginning: 0, developing: 1, proficient: 2 };

/** A scene's result: the band of its latest finished attempt, in either mode. */
export const latestAttempt = (attempts: readonly Attempt[], scenarioId: string): Attempt | undefined =>
  attempts
    .filter((attempt) => attempt.scenarioId === scenarioId)
    .reduce<Attempt | undefined>(
      (latest, attempt) => (!latest || attempt.finishedAt > latest.finishedAt ? attempt : latest),
      undefined,
    );

/** The overall result: the lowest scene band once every scene has one, else undefined. */
export function overallBand(sceneBands: readonly (Band | undefined)[]): Band | undefined {
  if (sceneBands.length === 0 || sceneBands.some((band) => band === undefined)) return undefined;
  return (sceneBands as Band[]).reduce((low, band) => (RANK[band] < RANK[low] ? band : low));
}

/** A scene's title with its place: "Home visit, scene 2: Walking to the chemist"; other role-plays as they are. */
export function fullTitle(scenario: Pick<Scenario, 'title' | 'simulation'>): string {
  const { simulation } = scenario;
  if (!simulation) return scenario.title;
  return `${simulationName(simulation.id)}, scene ${String(simulation.scene)}: ${scenario.title}`;
}

/** "home-visit" → "Home visit". */
export function simulationName(id: string): string {
  const name = id.replace(/-/g, ' ');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
