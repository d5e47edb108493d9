import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Scenario } from '../schemas/scenario.ts';
import { simulationSchema, type Simulation } from '../schemas/simulation.ts';
import { getScenarios } from './scenarios.ts';

/**
 * Course-level simulations (issue 12, item 4): one longer visit in scenes, each scene a role-play
 * scored for its own skill area. The overall result is the lowest scene band: a visit is only as
 * sound as its weakest moment, and a strong conversation does not make up for a missed risk check.
 */

export const SIMULATIONS_FOLDER = 'content/simulations';

export interface SimulationWithScenes extends Simulation {
  file: string;
  scenes: Scenario[];
}

export class SimulationError extends Error {}

const cache = new Map<string, SimulationWithScenes[]>();

/** Every simulation with its scenes, read once per build (pages ask for it often); in dev, on each request. */
export function getSimulations(root = process.cwd(), scenarios?: readonly Scenario[]): SimulationWithScenes[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const simulations = readSimulations(root, scenarios ?? getScenarios(root));
  if ((import.meta.env as ImportMetaEnv | undefined)?.PROD) cache.set(root, simulations);
  return simulations;
}

function readSimulations(root: string, scenarios: readonly Scenario[]): SimulationWithScenes[] {
  const folder = join(root, SIMULATIONS_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = `${SIMULATIONS_FOLDER}/${name}`;
      const parsed = simulationSchema.safeParse(parse(readFileSync(join(root, file), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SimulationError(
          `${file} (field ${issue?.path.join('.') ?? '?'}): ${issue?.message ?? 'cannot be read'}. Fix: see README, “Add a role-play”.`,
        );
      }
      const scenes = scenarios
        .filter((scenario) => scenario.simulation?.id === parsed.data.id)
        .sort((a, b) => (a.simulation?.scene ?? 0) - (b.simulation?.scene ?? 0));
      return { ...parsed.data, file, scenes };
    });
}

/** Problems a simulation can have: no scenes, a gap or a repeat in the scene numbers, a scene of no simulation. */
export function simulationProblems(
  simulations: readonly SimulationWithScenes[],
  scenarios: readonly Scenario[],
): { file: string; message: string; hint: string }[] {
  const problems: { file: string; message: string; hint: string }[] = [];
  for (const simulation of simulations) {
    const numbers = simulation.scenes.map((scene) => scene.simulation?.scene ?? 0);
    if (numbers.length < 2)
      problems.push({
        file: simulation.file,
        message: `has ${String(numbers.length)} scene(s); a simulation needs at least two`,
        hint: `Give role-plays \`simulation: { id: ${simulation.id}, scene: 1, skill: … }\`, numbered from 1.`,
      });
    if (numbers.some((number, index) => number !== index + 1))
      problems.push({
        file: simulation.file,
        message: `its scenes are numbered ${numbers.join(', ')}; they must run 1, 2, 3… with no gap or repeat`,
        hint: 'Renumber the `simulation.scene` fields of its role-plays.',
      });
  }
  const known = new Set(simulations.map((simulation) => simulation.id));
  for (const scenario of scenarios)
    if (scenario.simulation && !known.has(scenario.simulation.id))
      problems.push({
        file: `modules/${scenario.module}/scenarios/${scenario.id}.yaml`,
        message: `is a scene of simulation “${scenario.simulation.id}”, which has no file in ${SIMULATIONS_FOLDER}/`,
        hint: `Add ${SIMULATIONS_FOLDER}/${scenario.simulation.id}.yaml or correct the id.`,
      });
  return problems;
}
