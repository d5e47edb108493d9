import { codeReply } from '../coder/coder.ts';
import { typedTurn } from '../coder/typed-turn.ts';
import type { Run, TypedReply } from '../engine/run.ts';
import type { Scenario } from '../schemas/scenario.ts';

/**
 * The coder, as the role-play player loads it: its own chunk, fetched only once a learner chooses to
 * type (the role-play page's JS budget). Codes the words against what the person just said and maps
 * them onto the node's authored replies (coder/match.ts).
 */
export function readTyped(full: Scenario, run: Run, text: string): TypedReply {
  return typedTurn(codeReply, full, run, text).typed;
}
