import type { TypedReply } from '../engine/run.ts';
import type { Behaviour } from './labels.ts';
import { readAs } from './words.ts';

/**
 * Practice feedback on a typed turn (issue 13, item 5): how it was read, and one teaching point from
 * comparing its codes with the ★ reply's. Immediate and specific: it names what the reply did and the
 * one thing to try, never "wrong".
 */

const BEHAVIOUR: Record<string, Behaviour> = {
  OQ: 'question',
  CQ: 'question',
  SR: 'reflection',
  CR: 'reflection',
  GI: 'input',
  PERS: 'input',
  PWP: 'input',
  SEEK: 'input',
};

export interface TypedFeedback {
  reading: string;
  point: string;
}

export function typedFeedback(
  typed: TypedReply & { generic?: true; echo?: true },
  star: { codes: readonly string[]; markers?: readonly string[] | undefined } | undefined,
): TypedFeedback {
  const reading = readAs(typed.codes, typed.confidence);
  const main = typed.codes[0] ?? 'NC';
  const starMain = star?.codes[0] ?? '';
  const starBehaviour = BEHAVIOUR[starMain] ?? 'other';
  let point: string;
  if (typed.codes.includes('RISK'))
    point =
      'You asked directly about suicidal thoughts. Asking clearly and calmly is safe, and it tells the person they can talk about it.';
  else if (star?.markers?.includes('risk-check'))
    point =
      'What the person said sounded hopeless. Here the strongest reply asks them directly about thoughts of suicide.';
  else if (typed.generic)
    point =
      'That reflection could be said to anyone. Use something this person actually said, so they know you heard them.';
  else if (typed.echo)
    point =
      'That gives their words straight back. Go one step further: what might it mean to them, or what might they want?';
  else if (typed.stance === 'expert')
    point =
      'That puts you in the expert’s seat. Try following the person’s own view first; advice lands better once they have asked for it or agreed to hear it.';
  else if (main === starMain)
    point =
      'That is the kind of reply that works best at this point. Compare the wording with the strongest reply below.';
  else if (starBehaviour === 'reflection' && typed.behaviour === 'question')
    point = 'A question asks for more. Here, a reflection would show you heard what they have already told you.';
  else if (starMain === 'CR' && main === 'SR')
    point =
      'You reflected what they said. Add a guess at the feeling or meaning underneath to make it a complex reflection.';
  else if (starBehaviour === 'question' && typed.behaviour === 'reflection')
    point =
      'Your reflection shows you heard them. The strongest reply here asks a question that opens the next part of the conversation.';
  else if (starMain === 'OQ' && main === 'CQ')
    point = 'A closed question gets a short answer. An open one (what, how, tell me) invites the person to say more.';
  else if (typed.behaviour === 'other')
    point =
      'Give back something of what the person said, or ask about it: a reply like this leaves the conversation where it was.';
  else point = 'Compare yours with the strongest reply below: what does it do that yours does not?';
  return { reading, point };
}
