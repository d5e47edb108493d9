import { RISK_CUE, type ContentTopic, type Scenario } from '../schemas/scenario.ts';

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
