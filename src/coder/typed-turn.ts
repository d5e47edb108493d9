import { availableOptions, clientLine, type Run, type TypedReply } from '../engine/run.ts';
import type { Scenario } from '../schemas/scenario.ts';
import type { CodeReply, CodedReply } from './code-reply.ts';
import { matchReply, type Match } from './match.ts';

/**
 * A typed reply at the run's node: coded against what the person just said and the node's authored
 * replies, then matched to one of them (match.ts). The same function runs on the device and, for an
 * assigned attempt, on the server, which never takes the device's codes.
 */

/** A node whose replies carry out checklist steps (an emergency response): replies are chosen, not typed. */
export const isActionStep = (scenario: Scenario, run: Run): boolean =>
  availableOptions(scenario, run).some((option) => option.action !== undefined);

export function typedTurn(
  codeReply: CodeReply,
  scenario: Scenario,
  run: Run,
  text: string,
): { typed: TypedReply; match: Match; coded: CodedReply } {
  const options = availableOptions(scenario, run);
  const line = clientLine(scenario, run);
  const coded = codeReply(text, {
    clientLine: [line.bridge, line.text].filter(Boolean).join(' '),
    replies: options.map((o) => o.text),
  });
  const match = matchReply(coded, options);
  const typed: TypedReply = {
    text,
    behaviour: coded.behaviour,
    codes: coded.codes,
    stance: coded.stance,
    confidence: coded.confidence,
    matchedId: match.id,
  };
  return { typed, match, coded };
}
