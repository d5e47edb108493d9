import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/cli/scenario-files.ts';
import { formatScenarioProblem } from '../../src/engine/checks.ts';
import { playPath } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import { realScenarioFiles, root } from './scenario-helpers.ts';

const checked = realScenarioFiles().map((file) => checkScenarioFile(root, file));
const scenarios = checked.flatMap((result) => (result.scenario ? [result.scenario] : []));

/** A transition that depends on the client's state: a conditional next, a router route or the global guard. */
const hasStateGuard = (scenario: Scenario): boolean =>
  Boolean(scenario.globalGuard) ||
  scenario.nodes.some((node) =>
    node.type === 'router'
      ? node.routes.some((route) => 'if' in route)
      : node.options.some((option) => typeof option.next !== 'string'),
  );

describe('the course role-plays (curriculum C3)', () => {
  it('every role-play passes the graph checks', () => {
    expect(checked.flatMap((result) => result.problems.map(formatScenarioProblem))).toEqual([]);
  });

  it('has three role-plays in each of the four modules', () => {
    for (const module of [
      'motivational-interviewing',
      'collaborative-helping',
      'harm-reduction',
      'resilience-self-care',
    ]) {
      expect(scenarios.filter((scenario) => scenario.module === module).length, module).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s has ≥ 8 nodes, ≥ 2 endings and a state-guarded branch',
    (_id, scenario) => {
      expect(scenario.nodes.length + scenario.endings.length).toBeGreaterThanOrEqual(8);
      expect(scenario.endings.length).toBeGreaterThanOrEqual(2);
      expect(hasStateGuard(scenario)).toBe(true);
    },
  );

  it('includes at least two alliance ruptures the learner can repair', () => {
    const repairable = scenarios.filter((scenario) =>
      scenario.benchmarks.fixtures.some((fixture) =>
        playPath(scenario, fixture.path).ruptures.some((episode) => episode.repairedAt),
      ),
    );
    expect(repairable.length).toBeGreaterThanOrEqual(2);
  });

  it('Resilience & Self-Care includes a check-in with a colleague or in supervision about the worker’s own stress', () => {
    const settings = scenarios
      .filter((scenario) => scenario.module === 'resilience-self-care')
      .map((scenario) => scenario.setting);
    expect(settings.some((setting) => setting === 'peer-check-in' || setting === 'supervision')).toBe(true);
  });
});
