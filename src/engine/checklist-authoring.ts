import type { Scenario } from '../schemas/scenario.ts';
import { UNSAFE } from '../schemas/scenario-terms.ts';
import type { RiskProblem as Problem } from './risk-authoring.ts';
import type { Run } from './run.ts';

/** Authoring checks for checklist scenes (checklist.ts): steps, their order, and replies' actions. */
export function checklistProblems(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const steps = scenario.checklist?.steps ?? [];
  const ids = new Set(steps.map((step) => step.id));
  for (const step of steps) {
    for (const before of step.after)
      if (!ids.has(before))
        problems.push({
          field: 'checklist.steps',
          message: `step ${step.id} must come after “${before}”, which is not a step of the checklist`,
          hint: `Use step ids from the checklist: ${[...ids].join(', ')}.`,
        });
  }
  // The order must allow at least one sequence: no step may (through others) have to come after itself.
  const after = new Map(steps.map((step) => [step.id, step.after]));
  const cycle = (id: string, seen: string[]): string[] | undefined => {
    if (seen.includes(id)) return [...seen.slice(seen.indexOf(id)), id];
    for (const before of after.get(id) ?? []) {
      const found = cycle(before, [...seen, id]);
      if (found) return found;
    }
    return undefined;
  };
  for (const step of steps) {
    const found = cycle(step.id, []);
    if (found) {
      problems.push({
        field: 'checklist.steps',
        message: `the steps can never be done in order: ${found.join(' must follow ')}`,
        hint: 'Remove one of these `after` entries.',
      });
      break;
    }
  }
  for (const node of scenario.nodes) {
    if (node.type === 'router') continue;
    for (const option of node.options) {
      if (option.action === undefined) continue;
      if (!scenario.checklist)
        problems.push({
          node: node.id,
          option: option.id,
          field: 'action',
          message: `has action “${option.action}”, but the scenario has no checklist`,
          hint: 'Add a `checklist` with the steps, or remove the action.',
        });
      else if (option.action !== UNSAFE && !ids.has(option.action))
        problems.push({
          node: node.id,
          option: option.id,
          field: 'action',
          message: `has action “${option.action}”, which is not a step of the checklist`,
          hint: `Use “${UNSAFE}” or one of: ${[...ids].join(', ')}.`,
        });
    }
  }
  return problems;
}

/** Steps that some path carries out: a critical step no path reaches could never be practised. */
export function stepsCarriedOut(run: Run, into: Set<string>): void {
  for (const turn of run.history) if (turn.action) into.add(turn.action);
}

export function unreachedSteps(scenario: Scenario, carried: ReadonlySet<string>): Problem[] {
  return (scenario.checklist?.steps ?? [])
    .filter((step) => !carried.has(step.id))
    .map((step) => ({
      field: 'checklist.steps',
      message: `no path carries out step ${step.id} (“${step.label}”)`,
      hint: 'Give a reply `action: ' + step.id + '` on some path, or remove the step.',
    }));
}
