import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { scenarioFiles } from '../../src/cli/scenario-files.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export const realScenarioFiles = (): string[] => scenarioFiles(root);

export function loadScenario(file: string): Scenario {
  return scenarioSchema.parse(parse(readFileSync(`${root}${file}`, 'utf8')));
}

/** The minimal fixture as raw data, for tests that break it on purpose. */
export function minimalRaw(): Record<string, unknown> {
  return parse(readFileSync(`${root}tests/fixtures/scenarios/minimal.yaml`, 'utf8')) as Record<string, unknown>;
}
