import type { Reference } from '../schemas/reference.ts';

/**
 * A reference as learner pages show it (lesson “Where this comes from” lists and /references/):
 * the APA text split into roman and italic runs, and the link. A reference's `verify` note is for
 * content authors (`npm run verify-notes`), so it is left out here and never reaches a page.
 */
export interface LearnerReference {
  key: string;
  /** The APA text in runs; *asterisks* in the source mark the italic ones. */
  parts: { text: string; italic: boolean }[];
  url?: string;
}

export function learnerReference(reference: Reference): LearnerReference {
  const parts = reference.apa
    .split('*')
    .map((text, index) => ({ text, italic: index % 2 === 1 }))
    .filter((part) => part.text !== '');
  return { key: reference.key, parts, ...(reference.url ? { url: reference.url } : {}) };
}

/** Everything a learner page prints for a reference, as plain text (what the unit tests search). */
export const learnerReferenceText = (reference: LearnerReference): string =>
  [reference.parts.map((part) => part.text).join(''), reference.url ?? ''].join(' ').trim();
