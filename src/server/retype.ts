import { codeReply } from '../coder/coder.ts';
import { typedTurn } from '../coder/typed-turn.ts';
import type { Retype } from '../engine/annotated.ts';

/** The server reads every typed reply again with the same coder and matching rule as the device (issue 13). */
export const retype: Retype = (scenario, run, text) => typedTurn(codeReply, scenario, run, text).typed;
