import { describe, expect, it } from 'vitest';
import { fullTitle, overallBand } from '../../src/course/simulation-band.ts';
import { getSimulations, simulationProblems } from '../../src/course/simulations.ts';
import { getScenarios } from '../../src/course/scenarios.ts';
import { simulationLines } from '../../src/record/certificate.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import type { Attempt } from '../../src/stores/roleplays.ts';

describe('the home-visit simulation (issue 12, item 4)', () => {
  it('is one visit in four scenes, one per module, numbered in order, each scored for its own skill area', () => {
    const [visit] = getSimulations();
    expect(visit?.id).toBe('home-visit');
    expect(visit?.scenes.map((scene) => [scene.simulation?.scene, scene.module])).toEqual([
      [1, 'motivational-interviewing'],
      [2, 'collaborative-helping'],
      [3, 'harm-reduction'],
      [4, 'resilience-self-care'],
    ]);
    expect(new Set(visit?.scenes.map((scene) => scene.simulation?.skill)).size).toBe(4);
    expect(simulationProblems(getSimulations(), getScenarios())).toEqual([]);
    // The safety scene has a hopeless line, so it practises the risk check like any role-play.
    expect(visit?.scenes[2]?.nodes.some((node) => node.type === 'client' && node.talk.includes('risk-cue'))).toBe(true);
  });

  it('the overall result is the lowest scene band, and only once every scene has one', () => {
    expect(overallBand(['proficient', 'proficient', 'developing', 'proficient'])).toBe('developing');
    expect(overallBand(['proficient', 'beginning'])).toBe('beginning');
    expect(overallBand(['proficient', undefined])).toBeUndefined();
    expect(overallBand([])).toBeUndefined();
  });

  it('names scenes by their place, and says what is wrong with a simulation’s scenes', () => {
    const scene = (n: number) => ({ title: 'T', simulation: { id: 'home-visit', scene: n, skill: 'S' } }) as Scenario;
    expect(fullTitle(scene(2))).toBe('Home visit, scene 2: T');
    const broken = [{ id: 'home-visit', file: 'content/simulations/home-visit.yaml', scenes: [scene(1), scene(3)] }];
    expect(simulationProblems(broken as never, [])).toEqual([
      {
        file: 'content/simulations/home-visit.yaml',
        message: 'its scenes are numbered 1, 3; they must run 1, 2, 3… with no gap or repeat',
        hint: 'Renumber the `simulation.scene` fields of its role-plays.',
      },
    ]);
    const stray = {
      ...scene(1),
      id: 'x',
      module: 'harm-reduction',
      simulation: { id: 'night-shift', scene: 1, skill: 'S' },
    };
    expect(simulationProblems([], [stray as Scenario])[0]?.message).toBe(
      'is a scene of simulation “night-shift”, which has no file in content/simulations/',
    );
  });

  it('the certificate shows the simulation’s overall result from each scene’s latest attempt', () => {
    const course = { lessons: [], modules: [], simulations: [{ title: 'A home visit', scenes: ['a', 'b'] }] };
    const attempt = (scenarioId: string, band: Attempt['band'], finishedAt: string) =>
      ({ scenarioId, band, finishedAt }) as Attempt;
    expect(simulationLines(course, [attempt('a', 'proficient', '2026-01-01')])).toEqual([
      'A home visit (simulation): 1 of 2 scenes done',
    ]);
    expect(
      simulationLines(course, [
        attempt('a', 'beginning', '2026-01-01'),
        attempt('a', 'proficient', '2026-01-02'),
        attempt('b', 'developing', '2026-01-03'),
      ]),
    ).toEqual(['A home visit (simulation): all 2 scenes, overall developing']);
  });
});
