import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { moneyProblems } from '../course/money-words.ts';
import { checkScenario, type PathSummary, type ScenarioProblem } from '../engine/checks.ts';
import type { Scenario } from '../schemas/scenario.ts';

/** Every scenario file under modules/<module>/scenarios/, relative to `root`. */
export function scenarioFiles(root: string): string[] {
  const modules = join(root, 'modules');
  if (!existsSync(modules)) return [];
  return readdirSync(modules)
    .flatMap((module) => {
      const folder = join(modules, module, 'scenarios');
      return existsSync(folder)
        ? readdirSync(folder)
            .filter((name) => name.endsWith('.yaml'))
            .map((name) => join(folder, name))
        : [];
    })
    .map((path) => relative(root, path))
    .sort();
}

export interface CheckedScenario {
  file: string;
  problems: ScenarioProblem[];
  scenario?: Scenario;
  summary?: PathSummary;
}

/**
 * Reads and checks one scenario file; unreadable YAML is reported as a problem, not thrown.
 * Besides the graph checks, no line a learner sees may name money in a currency (review correction 8).
 */
export function checkScenarioFile(root: string, file: string): CheckedScenario {
  let raw: unknown;
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
    raw = parse(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? '';
    return {
      file,
      problems: [
        { file, message: `cannot be read as YAML (${reason})`, hint: 'Fix the YAML syntax at the line shown.' },
      ],
    };
  }
  const checked = checkScenario(file, raw);
  return { file, ...checked, problems: [...checked.problems, ...moneyProblems(file, text)] };
}
