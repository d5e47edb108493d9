import type { Checklist, Scenario } from '../schemas/scenario.ts';
import { UNSAFE } from '../schemas/scenario-terms.ts';
import type { Turn } from './run.ts';

/**
 * Checklist scenes (issue 12): some moments are practical steps, not talk, such as responding to
 * an overdose. A scenario's `checklist` lists the steps; each step names the steps that must come
 * before it (`after`), so where guidance accepts more than one order (calling for help first, or
 * giving naloxone first once you have checked for a response) every accepted order is written once
 * as a partial order rather than as a list of alternatives. A reply that carries out a step has
 * `action: <step id>`; one that would put the person in danger has `action: unsafe`.
 *
 * Rule, beside the MI scores: for each step, its first scored reply (first tries only, C8.12) is
 *   - done:          every step it must follow was done before it;
 *   - out of order:  it came before a step it must follow;
 *   - missed:        no scored reply carried it out.
 * The response is safe when every critical step is done in an accepted order and no reply was
 * unsafe. A run that is not safe cannot be proficient, whatever its MI scores. Action replies are
 * not MI behaviour, so they are left out of the MI counts (scoring.ts).
 */

export type StepStatus = 'done' | 'out-of-order' | 'missed';

export interface StepResult {
  id: string;
  label: string;
  critical: boolean;
  status: StepStatus;
}

export interface ChecklistResult {
  title: string;
  steps: StepResult[];
  /** How many scored replies were unsafe. */
  unsafe: number;
  safe: boolean;
}

export function scoreChecklist(checklist: Checklist, turns: readonly Turn[]): ChecklistResult {
  const doneAt = new Map<string, number>();
  turns.forEach((turn, index) => {
    if (turn.action && turn.action !== UNSAFE && !doneAt.has(turn.action)) doneAt.set(turn.action, index);
  });
  const steps = checklist.steps.map((step): StepResult => {
    const at = doneAt.get(step.id);
    const status: StepStatus =
      at === undefined
        ? 'missed'
        : step.after.every((before) => (doneAt.get(before) ?? Infinity) < at)
          ? 'done'
          : 'out-of-order';
    return { id: step.id, label: step.label, critical: step.critical, status };
  });
  const unsafe = turns.filter((turn) => turn.action === UNSAFE).length;
  return {
    title: checklist.title,
    steps,
    unsafe,
    safe: unsafe === 0 && steps.every((step) => !step.critical || step.status === 'done'),
  };
}

export const checklistOf = (scenario: Scenario, turns: readonly Turn[]): ChecklistResult | undefined =>
  scenario.checklist ? scoreChecklist(scenario.checklist, turns) : undefined;
