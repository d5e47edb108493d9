import { checkScenarioFile, scenarioFiles } from '../cli/scenario-files.ts';
import type { Scenario } from '../schemas/scenario.ts';

/** Every role-play, parsed and checked at build time (the integrity integration fails the build on problems). */
export function getScenarios(root = process.cwd()): Scenario[] {
  return scenarioFiles(root).flatMap((file) => {
    const { scenario, problems } = checkScenarioFile(root, file);
    return scenario && problems.length === 0 ? [scenario] : [];
  });
}

export const roleplayUrl = (id: string): string => `/roleplays/${id}/`;

export const SETTING_WORDS: Record<string, string> = {
  'home-visit': 'Home visit',
  'street-outreach': 'Street outreach',
  'drop-in': 'Drop-in',
  phone: 'Phone call',
  'car-ride': 'Car ride',
  'bus-ride': 'Bus ride',
  pharmacy: 'Pharmacy',
  supervision: 'Supervision',
  'peer-check-in': 'Peer check-in',
  community: 'Community',
};
