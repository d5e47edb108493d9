import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getScenarios, scenariosOf } from '../../src/course/scenarios.ts';

const fixtureRoot = fileURLToPath(new URL('../fixtures/broken-scenario-course/', import.meta.url));

describe('a module page’s role-plays section', () => {
  it('lists a module’s scenarios once it has some', () => {
    expect(scenariosOf('motivational-interviewing', fixtureRoot).map((s) => [s.id, s.title])).toEqual([
      ['fixture-broken-dangling', 'A fixture conversation'],
    ]);
  });

  it('is absent for a module with no scenarios folder', () => {
    expect(scenariosOf('harm-reduction', fixtureRoot)).toEqual([]);
  });

  it('finds every course role-play file: the first wave’s twelve, the overdose response, the four simulation scenes', () => {
    const files = readdirSync('modules', { recursive: true })
      .map(String)
      .filter((file) => /\/scenarios\/[^/]+\.yaml$/.test(file));
    expect(files).toHaveLength(17);
    expect(getScenarios().map((scenario) => scenario.id)).toContain('hr-hostel-overdose');
    expect(getScenarios()).toHaveLength(files.length);
    expect(getScenarios().filter((scenario) => scenario.simulation)).toHaveLength(4);
    // A module page lists its own role-plays, not the simulation's scenes.
    expect(scenariosOf('harm-reduction').map((scenario) => scenario.id)).not.toContain(
      'sim-home-visit-3-back-at-the-flat',
    );
  });
});
