import { cleanTokens, normalise, sentences, tokens } from './text.ts';

/**
 * The features of one worker turn, as strings: word n-grams of the whole turn and of its last
 * sentence (the main-behaviour rule: the last substantive act decides), the turn's opening and
 * ending, character n-grams for unseen words, and hand-made cues (question marks, question openers,
 * second-person openings, modal verbs, permission, autonomy and praise phrases, backchannels).
 */

const WH = new Set(['what', "what's", 'how', "how's", 'why', 'when', 'where', "where's", 'who', "who's", 'which']);
const AUX = new Set(
  `do does did don't doesn't didn't are is was were aren't isn't wasn't weren't have has had haven't hasn't
  can could would will won't should shall may might am`.split(/\s+/),
);
const REQUEST =
  /^(tell me|talk me|say (a bit )?more|walk me|help me understand|describe|give me an example|fill me in)/;
const MODAL =
  /\b(should|shouldn't|need to|needs to|have to|has to|must|ought to|got to|gotta|you'd better|had better)\b/;
const SUGGEST =
  /\b(why don't you|why not|you could|you might want|you might try|try to|make sure|i'd suggest|i would suggest|i suggest|my advice|i'd recommend|i recommend|if i were you|it'd be good if|it would be good if|the best thing)\b/;
const PERMISSION =
  /\b(would it be (ok|okay|alright|all right)|is it (ok|okay|alright|all right) if|can i (share|tell|say|mention|suggest|offer|give)|could i (share|tell|say|mention|suggest|offer)|would you like (me to|some|to hear)|do you mind if i|would you be interested|may i)\b/;
const AUTONOMY =
  /\b(up to you|your (choice|call|decision|life|body)|you decide|you know (yourself|best|what's best)|it's yours|you're the (expert|one who)|whatever you decide|no one can make you|nobody can make you)\b/;
const TOGETHER = /\b(let's|let us|together|we could|shall we|work out|figure out together|between us)\b/;
const PRAISE =
  /\b(well done|good for you|great|brilliant|amazing|proud|brave|courage|strength|strong|took guts|impressive|credit|determined|commitment|effort|resourceful|managed to)\b/;
const FEELING =
  /\b(feel|feels|feeling|felt|frustrat\w*|worried|scared|angry|sad|tired|fed up|stuck|overwhelm\w*|hard|tough|relie\w*|torn|exhaust\w*|lonely|ashamed|embarrass\w*|hurt)\b/;
const REFLECT_OPEN =
  /^(so|sounds|it sounds|it seems|seems|you're|you are|you've|you have|you feel|you'd|you want|you don't|you didn't|part of you|on the one hand|what i'm hearing|i'm hearing|i hear|i get the sense|i get the feeling|i guess|i wonder if|it's like|like you|almost like)\b/;
const CHECK_TAG =
  /(is that right|am i (right|close|getting that)|does that (fit|sound right)|have i got that|did i get that|yeah|right|no|huh)\??$/;
const BACKCHANNEL = new Set(
  `mm mmm mm-hm mm-hmm mhm hmm uh-huh uh huh ok okay right yeah yes yep sure gotcha i see alright all wow oh ah
  cool fine great good thanks thank you sorry`.split(/\s+/),
);
const GREETING =
  /^(hi|hello|hey|good (morning|afternoon|evening)|nice to (meet|see)|welcome|thanks for coming|see you|bye|take care)\b/;
const SELF = /^(i |i'm |i've |i'd |i'll |my |me )/;
const RISK =
  /\b(suicid\w*|kill(ing)? (yourself|themselves)|tried to kill|end(ing)? (your|their) (own )?life|end(ing)? it( all)?\b|take your (own )?life|taking your (own )?life|(want|wanted|wanting) to die|(not|no longer) (wanting|want) to (be here|be alive|live|wake up)|not being here|rather not be here|ending things|better off (dead|without (you|them|me))|wish(ed)? you (were|was) dead)\b/;

const lengthBucket = (n: number): string =>
  n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 7 ? '4-7' : n <= 15 ? '8-15' : n <= 30 ? '16-30' : '31+';

function grams(words: string[], prefix: string, out: string[], max = 2): void {
  for (let i = 0; i < words.length; i++) {
    out.push(`${prefix}${words[i]}`);
    if (max >= 2 && i + 1 < words.length) out.push(`${prefix}${words[i]}_${words[i + 1]}`);
  }
}

function cues(text: string, prefix: string, out: string[]): void {
  const words = cleanTokens(text);
  const joined = words.join(' ');
  const first = words[0] ?? '';
  if (WH.has(first)) out.push(`${prefix}wh-open`);
  if (AUX.has(first)) out.push(`${prefix}aux-open`);
  if (words.slice(0, 4).some((w) => WH.has(w))) out.push(`${prefix}wh-early`);
  if (REQUEST.test(joined)) out.push(`${prefix}request`);
  if (MODAL.test(joined)) out.push(`${prefix}modal`);
  if (SUGGEST.test(joined)) out.push(`${prefix}suggest`);
  if (PERMISSION.test(joined)) out.push(`${prefix}permission`);
  if (AUTONOMY.test(joined)) out.push(`${prefix}autonomy`);
  if (TOGETHER.test(joined)) out.push(`${prefix}together`);
  if (PRAISE.test(joined)) out.push(`${prefix}praise`);
  if (FEELING.test(joined)) out.push(`${prefix}feeling`);
  if (REFLECT_OPEN.test(joined)) out.push(`${prefix}reflect-open`);
  if (GREETING.test(joined)) out.push(`${prefix}greeting`);
  if (SELF.test(`${joined} `)) out.push(`${prefix}self-open`);
  if (/^(you|your|you're|you've|you'd)\b/.test(joined)) out.push(`${prefix}you-open`);
  if (/\b(i|we) (think|know|find|found|recommend)\b/.test(joined)) out.push(`${prefix}i-think`);
  if (
    /\b(research|studies|evidence|the guidance|the law|it's known|most people|a lot of people|the risk|increases|reduces|per cent|percent|units|milligrams|mg)\b/.test(
      joined,
    )
  )
    out.push(`${prefix}info`);
  if (/\b(or|either)\b/.test(joined) && /\?/.test(text)) out.push(`${prefix}or-question`);
  if (/\b(but|and yet|at the same time|on the other hand|part of you|even though|although)\b/.test(joined))
    out.push(`${prefix}two-sided`);
}

export function featuresOf(text: string): string[] {
  const out: string[] = ['bias'];
  const norm = normalise(text);
  const all = tokens(norm);
  const words = cleanTokens(norm);
  const parts = sentences(norm);
  const last = parts.at(-1)?.text ?? norm;
  const lastWords = cleanTokens(last);

  grams(words, 'w:', out);
  grams(lastWords, 'l:', out);
  if (words.length > 0) {
    out.push(`o1:${words[0] ?? ''}`, `o2:${words.slice(0, 2).join('_')}`, `o3:${words.slice(0, 3).join('_')}`);
    out.push(`e1:${words.at(-1) ?? ''}`, `e2:${words.slice(-2).join('_')}`);
  }
  if (lastWords.length > 0) out.push(`lo1:${lastWords[0] ?? ''}`, `lo2:${lastWords.slice(0, 2).join('_')}`);
  for (const word of new Set(words)) {
    if (word.length < 5) continue;
    const padded = `<${word}>`;
    for (let i = 0; i + 4 <= padded.length; i++) out.push(`c:${padded.slice(i, i + 4)}`);
  }

  cues(norm, 'h:', out);
  cues(last, 'lh:', out);
  out.push(`len:${lengthBucket(words.length)}`, `sentences:${String(Math.min(parts.length, 4))}`);
  if (norm.includes('?')) out.push('h:qmark');
  if (/\?\s*$/.test(norm)) out.push('h:ends-qmark');
  if (parts.length > 1 && parts.slice(0, -1).some((part) => part.asked)) out.push('h:earlier-qmark');
  if (CHECK_TAG.test(norm.replace(/[.!\s]+$/, ''))) out.push('h:check-tag');
  if (/(,|\bor)\s*(or|and)?\s*$/.test(norm.replace(/\.{3}|…/g, ',').trim()) || /(\.\.\.|…)\s*$/.test(norm))
    out.push('h:trails');
  if (all.length > words.length) out.push('h:disfluent');
  if (words.length > 0 && words.length <= 4 && words.every((w) => BACKCHANNEL.has(w))) out.push('h:backchannel');
  if (words.length === 0) out.push('h:only-fillers');
  if (RISK.test(norm)) out.push('h:risk-words');
  return out;
}

/**
 * Said, not asked: the turn ends with a typed full stop and its last sentence neither opens as a question
 * (what, how, do you…) nor asks for something ("Tell me about…"). The README's rule: a statement that
 * guesses at the person's meaning, with no question mark and no rising tone, is a reflection, not a question.
 */
export function endsAsStatement(text: string): boolean {
  const norm = normalise(text);
  if (!/[^.]\.\s*$/.test(norm)) return false;
  const words = cleanTokens(sentences(norm).at(-1)?.text ?? norm);
  const first = words[0] ?? '';
  return !WH.has(first) && !AUX.has(first) && !REQUEST.test(words.join(' '));
}

/** A direct question about suicidal thoughts, plans or intent (the course's `RISK` code). */
export function asksAboutSuicide(text: string): boolean {
  const norm = normalise(text);
  return (
    RISK.test(norm) &&
    (/\?/.test(norm) ||
      /\b(have|had) (those|these|they|the thoughts)\b/.test(norm) ||
      /\b(are|have|do|did|has|does|is) (you|that|it|they)\b/.test(norm) ||
      /\b(tell me about|any thoughts|i (want|need|have) to ask|i'm going to ask|can i ask|i want to check|i wanted to check)\b/.test(
        norm,
      ))
  );
}

/**
 * Ends with a question mark that asks for something, not a check on a reflection ("…, is that
 * right?", "…, yeah?") nor a permission question ("Can I share something?"), which the README labels
 * as the reflection or input they belong to.
 */
export function endsAsQuestion(text: string): boolean {
  const norm = normalise(text);
  if (!/\?\s*$/.test(norm)) return false;
  const last = sentences(norm).at(-1)?.text ?? norm;
  const words = cleanTokens(last).join(' ');
  if (PERMISSION.test(words)) return false;
  return !/(^|,\s*|\s)(is that right|am i right|am i close|does that (fit|sound right)|have i got that( right)?|did i get that( right)?|yeah|right|no|huh|is it|isn't it|don't you)\s*\?\s*$/.test(
    last,
  );
}
