import type { Stance } from '../schemas/scenario.ts';
import type { CodedReply } from './code-reply.ts';
import type { Behaviour } from './labels.ts';
import { contentStems } from './text.ts';

/**
 * Which authored reply a typed one is heard as (issue 13, item 5). The rule, in order:
 *   1. Replies with the same behaviour and the same main code (among the authored reply's codes) (OQ/CQ, SR/CR, GI/PERS/PWP, …) and the
 *      same stance; failing that, the same behaviour and code; failing that, the same behaviour.
 *   2. Within that tier, the closest wording (shared content words, cosine).
 *   3. A typed reply is never heard as a better authored reply than its own codes earn: when only a
 *      looser tier matched (no authored reply has its code), when the wording ties, or when the
 *      reflection was generic or an echo, the weakest reply of the tier is taken (★ last, then
 *      partnering, neutral, expert first), and only the first two tiers can lead to the ★.
 *      The one exception: a reply of the ★'s behaviour whose wording is close to the ★'s (content-word
 *      cosine ≥ 0.5) takes the ★'s branch when no reply has its exact code; a stock phrase never is.
 *   4. No reply shares the behaviour: the weakest reply with the same stance, else the weakest of all.
 * So a stock phrase or a parroted line can never reach the ★'s branch by wording alone.
 */

export interface AuthoredReply {
  id: string;
  text: string;
  codes: readonly string[];
  /** One of the three stances (authored data types it as a string). */
  stance: string;
  exemplar?: boolean | undefined;
}

/** Cosine of content words at which a reply says what an authored one says (rule 3's one exception). */
export const CLOSE_WORDING = 0.5;

export interface Match {
  id: string;
  /** Which step of the rule chose it. */
  tier: 'same code and stance' | 'same code' | 'same behaviour' | 'same stance' | 'nearest';
  similarity: number;
}

const BEHAVIOUR_OF_CODE: Record<string, Behaviour> = {
  OQ: 'question',
  CQ: 'question',
  SR: 'reflection',
  CR: 'reflection',
  GI: 'input',
  PERS: 'input',
  PWP: 'input',
  SEEK: 'other',
  AF: 'other',
  AUTO: 'other',
  CON: 'other',
  NC: 'other',
};

/**
 * The behaviours of an authored reply, one per code: authors list a turn's acts in any order, so a
 * reply coded CR + OQ (a reflection, then a question) matches a typed reflection or a typed question.
 * A permission question (SEEK) counts as input too.
 */
export const authoredBehaviours = (reply: AuthoredReply): Behaviour[] =>
  reply.codes.flatMap((code) => [BEHAVIOUR_OF_CODE[code] ?? 'other', ...(code === 'SEEK' ? (['input'] as const) : [])]);

const STANCE_RANK: Record<Stance, number> = { expert: 0, neutral: 1, partnering: 2 };
/** Lower is weaker: the ★ is the strongest. */
const strength = (reply: AuthoredReply): number =>
  (reply.exemplar ? 10 : 0) + ((STANCE_RANK[reply.stance as Stance] as number | undefined) ?? 1);

function cosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

const weakest = (replies: readonly AuthoredReply[]): AuthoredReply | undefined =>
  [...replies].sort((x, y) => strength(x) - strength(y) || x.id.localeCompare(y.id))[0];

export function matchReply(coded: CodedReply, replies: readonly AuthoredReply[]): Match {
  if (replies.length === 0) throw new Error('matchReply: the node has no replies to match');
  const mine = contentStems(coded.text);
  const main = coded.codes[0];
  const sameBehaviour = replies.filter((reply) => authoredBehaviours(reply).includes(coded.behaviour));
  const sameCode = sameBehaviour.filter((reply) => main !== undefined && reply.codes.includes(main));
  const sameStance = sameCode.filter((reply) => reply.stance === coded.stance);
  const similarity = (reply: AuthoredReply): number => cosine(mine, contentStems(reply.text));

  // Looser tiers never lead to the ★: its branch is earned by the same code (or a correction).
  const notStar = (list: readonly AuthoredReply[]): AuthoredReply[] => list.filter((reply) => !reply.exemplar);
  const tiers: [Match['tier'], AuthoredReply[], boolean][] = [
    ['same code and stance', coded.generic || coded.echo ? notStar(sameStance) : sameStance, true],
    ['same code', coded.generic || coded.echo ? notStar(sameCode) : sameCode, true],
    ['same behaviour', notStar(sameBehaviour), false],
    ['same stance', notStar(replies.filter((reply) => reply.stance === coded.stance)), false],
    ['nearest', notStar(replies).length > 0 ? notStar(replies) : [...replies], false],
  ];
  // The ★'s own content in other words earns its branch even when the subtype was read differently.
  const star = sameBehaviour.find((reply) => reply.exemplar);
  if (star && sameCode.length === 0 && !coded.generic && !coded.echo && similarity(star) >= CLOSE_WORDING)
    return { id: star.id, tier: 'same behaviour', similarity: similarity(star) };
  for (const [tier, candidates, byWording] of tiers) {
    if (candidates.length === 0) continue;
    if (!byWording || coded.generic || coded.echo) {
      const pick = weakest(candidates) ?? candidates[0];
      if (pick) return { id: pick.id, tier, similarity: similarity(pick) };
    }
    const scored = candidates.map((reply) => ({ reply, score: similarity(reply) }));
    const top = Math.max(...scored.map((s) => s.score));
    const tied = scored.filter((s) => s.score === top).map((s) => s.reply);
    const pick = weakest(tied);
    if (pick) return { id: pick.id, tier, similarity: top };
  }
  throw new Error('matchReply: unreachable');
}
