import { contentStems, overlap } from './text.ts';

/** What a reflection is judged against (issue 13, item 9). */
export interface ReflectionContext {
  /** The person's last line. */
  clientLine?: string | undefined;
  /** The node's authored replies, whose reflections show what there was to reflect. */
  replies?: readonly string[] | undefined;
}

/**
 * A reflection of nothing in particular ('generic': no content shared with the person's line or the
 * node's authored replies) or the person's words straight back ('echo'): simple at best. No model,
 * so the feedback can say it again after a reload without loading the coder.
 */
export function reflectionNote(text: string, context: ReflectionContext): 'generic' | 'echo' | undefined {
  if (!context.clientLine && !context.replies?.length) return undefined;
  const mine = contentStems(text);
  const theirs = contentStems(context.clientLine ?? '');
  const authored = contentStems((context.replies ?? []).join(' '));
  if (overlap(mine, new Set([...theirs, ...authored])) === 0) return 'generic';
  if (theirs.size > 0 && overlap(mine, theirs) >= 0.8 && overlap(theirs, mine) >= 0.8) return 'echo';
  return undefined;
}
