import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scenarioFiles } from '../cli/scenario-files.ts';
import { scenarioSchema, type Scenario } from '../schemas/scenario.ts';

const cache = new Map<string, Scenario[]>();

/**
 * Every role-play, parsed once per build. The course-integrity integration has already run the
 * full graph checks (and stopped the build on any problem) before pages render, so pages only parse.
 * In dev the files are read again on every request, so edits show up.
 */
export function getScenarios(root = process.cwd()): Scenario[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const scenarios = scenarioFiles(root).map((file) =>
    scenarioSchema.parse(parse(readFileSync(join(root, file), 'utf8'))),
  );
  // import.meta.env exists only under Vite (pages, tests); plain Node scripts just skip the cache.
  if ((import.meta.env as ImportMetaEnv | undefined)?.PROD) cache.set(root, scenarios);
  return scenarios;
}

/** A module's own role-plays, for its overview page and the role-play index (simulation scenes are listed with their simulation). */
export const scenariosOf = (moduleId: string, root = process.cwd()): Scenario[] =>
  getScenarios(root).filter((scenario) => scenario.module === moduleId && !scenario.simulation);

export { roleplayUrl } from './urls.ts';

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
