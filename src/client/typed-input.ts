/** The one check on typed words, everywhere a learner types a reply (issue 13, item 11). */
export const MAX_TYPED_CHARS = 600;

export function typedProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Type your reply first: the box is empty.';
  if (text.length > MAX_TYPED_CHARS)
    return `That is longer than one reply needs (${String(text.length)} characters; at most ${String(MAX_TYPED_CHARS)}). Try saying it in one or two sentences.`;
  return undefined;
}
