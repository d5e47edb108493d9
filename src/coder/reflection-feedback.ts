import type { CodedReply } from './code-reply.ts';
import { contentStems } from './text.ts';
import { readAs } from './words.ts';

/**
 * Feedback on a typed reflection in reflection practice (issue 13, item 6): how it was read, which side
 * of the person's ambivalence it gave back, and one next step. Which side: the share of the content
 * words of the statement's change phrases, and of its sustain phrases, that the reply shares.
 */

export interface PracticeStatement {
  says: string;
  change: readonly string[];
  sustain: readonly string[];
}

export type Side = 'change' | 'sustain' | 'both' | 'neither';

export interface ReflectionFeedback {
  reading: string;
  side: Side;
  /** One teaching point for this reply. */
  next: string;
  /** Counted as a reflection (R) and a complex one (CR), or as a question (Q), for the running R:Q and %CR. */
  counts: { Q: number; R: number; CR: number };
}

function share(reply: Set<string>, phrases: readonly string[]): number {
  const words = contentStems(phrases.join(' '));
  if (words.size === 0) return 0;
  let shared = 0;
  for (const word of words) if (reply.has(word)) shared++;
  return shared / words.size;
}

export function sideOf(text: string, statement: PracticeStatement): Side {
  const reply = contentStems(text);
  const change = share(reply, statement.change);
  const sustain = share(reply, statement.sustain);
  if (change > 0 && sustain > 0) return 'both';
  if (change > 0) return 'change';
  if (sustain > 0) return 'sustain';
  return 'neither';
}

export function reflectionFeedback(coded: CodedReply, statement: PracticeStatement): ReflectionFeedback {
  const reading = readAs(coded.codes, coded.confidence);
  const side = sideOf(coded.text, statement);
  const counts = {
    Q: coded.behaviour === 'question' ? 1 : 0,
    R: coded.behaviour === 'reflection' ? 1 : 0,
    CR: coded.behaviour === 'reflection' && coded.codes[0] === 'CR' ? 1 : 0,
  };
  const firstChange = statement.change[0];
  let next: string;
  if (coded.behaviour === 'question')
    next =
      'Try saying it as a statement, with your voice going down at the end: a reflection gives back what you heard instead of asking for more.';
  else if (coded.behaviour === 'input')
    next =
      'Hold the advice for now. First show the person you heard them: give back what they said, or what it seems to mean to them.';
  else if (coded.behaviour === 'other')
    next = 'Give back something of what the person said: their words, their feeling, or what matters to them in it.';
  else if (coded.generic)
    next =
      'This could be said to anyone. Use something from what this person actually said, so they know you heard them.';
  else if (coded.echo)
    next = 'This repeats their words back. Try going a step further: what might they feel, or want, underneath?';
  else if (side === 'sustain' && firstChange)
    next = `You reflected the sustain side. Try the change side too: “${firstChange}”.`;
  else if (side === 'both')
    next =
      'You gave back both sides. Ending on the change side (“…and at the same time…”) invites the person to say more about it.';
  else if (side === 'change')
    next =
      coded.codes[0] === 'CR'
        ? 'You reflected the change side and added meaning: that is the side MI strengthens.'
        : 'You reflected the change side. Try adding a guess at what it means to them, to make it a complex reflection.';
  else if (coded.codes[0] === 'SR')
    next = 'Try adding a guess at the feeling or the meaning underneath, to make it a complex reflection.';
  else next = 'Check it against what the person said: does it give back something they said or meant?';
  return { reading, side, next, counts };
}

/** R:Q and %CR over a set of counts, as the MITI summary scores read them. */
export function summaryOf(counts: { Q: number; R: number; CR: number }) {
  return {
    rq: counts.Q === 0 ? (counts.R > 0 ? Infinity : 0) : counts.R / counts.Q,
    pctCR: counts.R === 0 ? 0 : (100 * counts.CR) / counts.R,
  };
}
