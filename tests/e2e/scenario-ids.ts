import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Ids of every role-play under modules/<module>/scenarios/. */
export function realScenarioIds(): string[] {
  return readdirSync('modules').flatMap((module) => {
    const folder = join('modules', module, 'scenarios');
    try {
      return readdirSync(folder)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => (parse(readFileSync(join(folder, name), 'utf8')) as { id: string }).id);
    } catch {
      return [];
    }
  });
}
