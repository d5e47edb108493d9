import type { ClientNode, Scenario } from '../schemas/scenario.ts';
import { RISK_CUE } from '../schemas/scenario-terms.ts';
import type { Run } from './run.ts';

/**
 * Authoring checks for the risk-check rule (issue 12; the scoring rule is in scoring.ts): a line
 * tagged `risk-cue` must offer a direct question about suicidal thoughts, always visible, and a
 * reply marked `risk-check` must be a question asked where one is indicated.
 */

export interface RiskProblem {
  node?: string;
  option?: string;
  field?: string;
  message: string;
  hint: string;
}

/** True when the node's line, or one of its replacement lines, is tagged as a risk cue. */
export const isRiskCueNode = (node: ClientNode): boolean =>
  node.talk.includes(RISK_CUE) ||
  node.variants.some((variant) => 'talk' in variant && variant.talk?.includes(RISK_CUE));

export function riskNodeProblems(scenario: Scenario): RiskProblem[] {
  const problems: RiskProblem[] = [];
  for (const node of scenario.nodes) {
    if (node.type === 'router') continue;
    const checks = node.options.filter((option) => option.markers?.includes('risk-check'));
    if (isRiskCueNode(node) && !checks.some((option) => !option.showIf))
      problems.push({
        node: node.id,
        field: 'options',
        message: 'the line is tagged risk-cue, but no reply that is always shown asks about suicidal thoughts',
        hint: 'Add a reply that asks directly and kindly (e.g. “Are you having thoughts of suicide?”), with `markers: [risk-check]` and no showIf.',
      });
    for (const option of checks)
      if (!option.codes.includes('OQ') && !option.codes.includes('CQ'))
        problems.push({
          node: node.id,
          option: option.id,
          field: 'codes',
          message: 'is marked risk-check but is not coded as a question (OQ or CQ)',
          hint: 'A risk check asks: code it CQ (or OQ), or remove the risk-check marker.',
        });
  }
  return problems;
}

/** On one played path: a risk check asked before any hopeless line is not indicated, so it would escape R:Q. */
export function riskPathProblem(run: Run, path: readonly string[]): RiskProblem | undefined {
  let cueMet = false;
  for (const turn of run.history) {
    cueMet ||= turn.talk.includes(RISK_CUE);
    if (turn.markers.includes('risk-check') && !cueMet)
      return {
        node: turn.nodeId,
        option: turn.optionId,
        field: 'markers',
        message: `is marked risk-check but is reached before any risk-cue line (path ${path.join(', ')})`,
        hint: 'Tag the hopeless line it answers with `talk: [risk-cue]`, or remove the marker.',
      };
  }
  return undefined;
}
