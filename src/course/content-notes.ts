import type { ContentTopic, Scenario } from '../schemas/scenario.ts';
import { RISK_CUE } from '../schemas/scenario-terms.ts';

/** A role-play's content-note topics: the ones it names, and suicide wherever a line is a risk cue. */
export function scenarioTopics(scenario: Scenario): ContentTopic[] {
  const cue = scenario.nodes.some(
    (node) =>
      node.type === 'client' &&
      (node.talk.includes(RISK_CUE) ||
        node.variants.some((variant) => 'talk' in variant && variant.talk?.includes(RISK_CUE))),
  );
  const topics = new Set<ContentTopic>(scenario.contentNote ?? []);
  if (cue) topics.add('suicide');
  return (['suicide', 'overdose'] as const).filter((topic) => topics.has(topic));
}
