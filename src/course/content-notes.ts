import { isRiskCueNode } from '../engine/risk-authoring.ts';
import type { ContentTopic, Scenario } from '../schemas/scenario.ts';

/** A role-play's content-note topics: the ones it names, and suicide wherever a line is a risk cue. */
export function scenarioTopics(scenario: Scenario): ContentTopic[] {
  const cue = scenario.nodes.some((node) => node.type === 'client' && isRiskCueNode(node));
  const topics = new Set<ContentTopic>(scenario.contentNote ?? []);
  if (cue) topics.add('suicide');
  return (['suicide', 'overdose'] as const).filter((topic) => topics.has(topic));
}
