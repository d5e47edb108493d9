/**
 * Plain-text helpers for the coder: one normalisation for training, the browser and the server, so a
 * turn is read the same way everywhere.
 */

/** Spoken fillers: transcripts carry them, typed turns rarely do; they never decide a turn's behaviour. */
export const FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'er', 'erm', 'ah', 'hmm', 'mm', 'mmm']);
const FILLER_PHRASES = /\b(you know|i mean|sort of|kind of)\b/g;

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words with their apostrophes (don't, you're), numbers kept; punctuation dropped. */
export const tokens = (text: string): string[] => normalise(text).match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? [];

/** The turn without fillers and stutters ("so you- you're" → "so you're"), for word n-grams. */
export function cleanTokens(text: string): string[] {
  const words = tokens(
    normalise(text)
      .replace(FILLER_PHRASES, ' ')
      .replace(/\b(\w+)-\s/g, ' '),
  );
  const out: string[] = [];
  for (const word of words) {
    if (FILLERS.has(word) || /^m+-?h+m+$/.test(word)) continue;
    if (out.at(-1) === word) continue; // "and and"
    out.push(word);
  }
  return out;
}

/** Sentences split on . ! ? ; and dashes, each with whether it ended in a question mark. */
export function sentences(text: string): { text: string; asked: boolean }[] {
  const parts = normalise(text).match(/[^.!?;]+(?:[.!?;]+|$)/g) ?? [];
  return parts
    .map((part) => ({ text: part.trim(), asked: /\?\s*$/.test(part.trim()) }))
    .filter((part) => tokens(part.text).length > 0);
}

const STOP = new Set(
  `a an the and or but so if then than that this these those it its it's is are was were be been being am
  i i'm i've i'd i'll me my mine you you're you've you'd you'll your yours he she him her his they them their we us our
  to of in on at for with about from by as up down out off over into just really very quite bit lot lots
  do does did doing done have has had having can could would should will shall may might must not no yes yeah
  what how why when where who which there here now well okay ok oh right like um uh er erm mm hmm know mean sort kind
  get got go going gone say said tell thing things something anything everything some any all more much
  sound sounds seem seems hear hearing wonder guess sense hard difficult tough feel feels feeling`
    .split(/\s+/)
    .filter(Boolean),
);

/** A crude stem, enough to match "drinking" with "drink" and "worries" with "worried". */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  for (const suffix of ['ingly', 'edly', 'ing', 'ied', 'ies', 'ed', 'es', 'ly', 's']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Stems of the words that carry content, for overlap between a reply and what the person said. */
export const contentStems = (text: string): Set<string> =>
  new Set(
    cleanTokens(text)
      .map((word) => word.replace(/'(s|re|ve|d|ll|m|t)$/, ''))
      .filter((word) => !STOP.has(word) && word.length > 2)
      .map(stem),
  );

/** Share of `a`'s content stems that also occur in `b` (0 when `a` has none). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / a.size;
}
