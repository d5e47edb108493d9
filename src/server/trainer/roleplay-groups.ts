import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fullTitle, simulationName } from '../../course/simulation-band.ts';
import type { Scenario } from '../../schemas/scenario.ts';

export interface RoleplayChoice {
  id: string;
  title: string;
  personaName: string;
}

export interface RoleplayGroup {
  moduleId: string;
  title: string;
  roleplays: RoleplayChoice[];
}

const headings = new Map<string, { title: string; order: number }>();

/** A module's title and place in the course, from its module.yaml (the id when that cannot be read). */
function moduleHeading(root: string, moduleId: string): { title: string; order: number } {
  const file = join(root, 'modules', moduleId, 'module.yaml');
  const known = headings.get(file);
  if (known) return known;
  let heading = { title: moduleId, order: Number.MAX_SAFE_INTEGER };
  if (existsSync(file)) {
    const raw = parse(readFileSync(file, 'utf8')) as { title?: unknown; order?: unknown } | null;
    heading = {
      title: typeof raw?.title === 'string' ? raw.title : moduleId,
      order: typeof raw?.order === 'number' ? raw.order : heading.order,
    };
  }
  headings.set(file, heading);
  return heading;
}

/** The role-plays a trainer can assign, grouped by module in course order, titles in each module sorted. */
export function roleplayGroups(scenarios: readonly Scenario[], root = process.cwd()): RoleplayGroup[] {
  const groups = new Map<string, RoleplayGroup & { order: number }>();
  for (const scenario of scenarios) {
    // Scenes of a course-level simulation are assigned together, after the modules, in scene order.
    const key = scenario.simulation ? `simulation:${scenario.simulation.id}` : scenario.module;
    const heading = scenario.simulation
      ? {
          title: `${simulationName(scenario.simulation.id)} simulation`,
          order: 1e6,
        }
      : moduleHeading(root, scenario.module);
    const group = groups.get(key) ?? { moduleId: key, ...heading, roleplays: [] };
    group.roleplays.push({ id: scenario.id, title: fullTitle(scenario), personaName: scenario.persona.name });
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ moduleId, title, roleplays }) => ({
      moduleId,
      title,
      roleplays: roleplays.sort((a, b) => a.title.localeCompare(b.title)),
    }));
}

/** A role-play's title, or its id when it has left the course since it was assigned. */
export const titleOf = (scenarios: readonly Scenario[], scenarioId: string): string => {
  const scenario = scenarios.find((candidate) => candidate.id === scenarioId);
  return scenario ? fullTitle(scenario) : scenarioId;
};
