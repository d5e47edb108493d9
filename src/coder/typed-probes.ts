import { availableOptions, choose, clientLine, currentEnding, startRun, type Run } from '../engine/run.ts';
import { scoreRun, type Band } from '../engine/scoring.ts';
import { maxChoicesOf } from '../schemas/scenario-terms.ts';
import type { Scenario } from '../schemas/scenario.ts';
import type { CodeReply } from './code-reply.ts';
import { isActionStep, typedTurn } from './typed-turn.ts';

/**
 * Probes for typed replies (issue 13, item 9), in the spirit of the surface-cue probes: type the same
 * thing at every node, through the real coder, matcher and engine, in assessed mode. None may score
 * proficient or reach an engaged ending. At checklist steps, where replies are chosen, every reply is
 * followed and the outcome that games the score most is kept.
 */

export const TYPED_STRATEGIES = {
  'typed-stock': 'the same stock reflection typed at every node (“It sounds like that’s really hard for you.”)',
  'typed-echo': 'the person’s last line typed back word for word',
  'typed-okay': '“Okay.” typed at every node',
} as const;
export type TypedStrategy = keyof typeof TYPED_STRATEGIES;

export interface TypedOutcome {
  strategy: TypedStrategy;
  band: Band;
  ending: string;
  outcome: string;
  path: string[];
}

const BAND_RANK: Record<Band, number> = { beginning: 0, developing: 1, proficient: 2 };
const OUTCOME_RANK: Record<string, number> = { disengaged: 0, partial: 1, engaged: 2 };
const rank = (o: TypedOutcome): number => BAND_RANK[o.band] * 10 + (OUTCOME_RANK[o.outcome] ?? 0);

function textFor(strategy: TypedStrategy, scenario: Scenario, run: Run): string {
  if (strategy === 'typed-stock') return 'It sounds like that’s really hard for you.';
  if (strategy === 'typed-okay') return 'Okay.';
  return clientLine(scenario, run).text;
}

export function playTyped(codeReply: CodeReply, scenario: Scenario, strategy: TypedStrategy): TypedOutcome {
  let best: TypedOutcome | undefined;
  const walk = (run: Run, path: string[]): void => {
    const options = availableOptions(scenario, run);
    if (run.ended || path.length >= maxChoicesOf(scenario) || options.length === 0) {
      const outcome: TypedOutcome = {
        strategy,
        band: scoreRun(scenario, run).band,
        ending: run.nodeId,
        outcome: currentEnding(scenario, run)?.outcome ?? 'unfinished',
        path,
      };
      if (!best || rank(outcome) > rank(best)) best = outcome;
      return;
    }
    if (isActionStep(scenario, run)) {
      for (const option of options) walk(choose(scenario, run, option.id), [...path, option.id]);
      return;
    }
    const { typed } = typedTurn(codeReply, scenario, run, textFor(strategy, scenario, run));
    walk(choose(scenario, run, typed.matchedId, typed), [...path, `typed→${typed.matchedId}`]);
  };
  walk(startRun(scenario, 'assessed'), []);
  if (!best) throw new Error(`${strategy} found no path in ${scenario.id}`);
  return best;
}

export function typedProbeProblems(codeReply: CodeReply, scenario: Scenario) {
  const outcomes = (Object.keys(TYPED_STRATEGIES) as TypedStrategy[]).map((s) => playTyped(codeReply, scenario, s));
  const problems = outcomes
    .filter((o) => o.band === 'proficient' || o.outcome === 'engaged')
    .map((o) => ({
      field: 'options',
      message: `typing ${TYPED_STRATEGIES[o.strategy]} ${o.band === 'proficient' ? 'scores proficient' : `reaches the engaged ending ${o.ending}`} (path ${o.path.join(' → ')})`,
      hint: 'a typed reply that engages with nothing must not be heard as the ★: check the replies’ codes at the nodes on this path, or the matching rule (src/coder/match.ts)',
    }));
  return { outcomes, problems };
}
