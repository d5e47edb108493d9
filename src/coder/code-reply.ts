import type { Stance } from '../schemas/scenario.ts';
import { asksAboutSuicide, endsAsQuestion } from './features.ts';
import { LABELS, TAGS, behaviourOf, codeOf, type Behaviour, type CoderCode } from './labels.ts';
import { loadModel, predict, type Model, type ModelFile } from './model.ts';
import { stanceOf } from './stance.ts';
import { contentStems, overlap } from './text.ts';

/** What the worker was answering: a reflection is judged against it (issue 13, item 9). */
export interface ReplyContext {
  /** The person's last line. */
  clientLine?: string;
  /** The node's authored replies, whose reflections show what there was to reflect. */
  replies?: readonly string[];
}

export interface CodedReply {
  text: string;
  behaviour: Behaviour;
  /** The main act's code first, then a second act's, then RISK for a direct suicide question. */
  codes: CoderCode[];
  subtype?: 'open' | 'closed' | 'simple' | 'complex';
  /** The model's probability of the behaviour given (0–1). */
  confidence: number;
  stance: Stance;
  /** A reflection that shares no content with what the person said: simple at best. */
  generic?: true;
  /** A reflection that repeats the person's line back nearly word for word: simple at best. */
  echo?: true;
}

const SUBTYPE: Partial<Record<CoderCode, CodedReply['subtype']>> = {
  OQ: 'open',
  CQ: 'closed',
  SR: 'simple',
  CR: 'complex',
};

export const MAX_REPLY_CHARS = 600;

export function createCoder(file: ModelFile) {
  const model: Model = loadModel(file);

  return function codeReply(text: string, context: ReplyContext = {}): CodedReply {
    const { labels, tags } = predict(model, text);
    const byBehaviour = new Map<Behaviour, number>();
    LABELS.forEach((label, i) => {
      const behaviour = behaviourOf(label);
      byBehaviour.set(behaviour, (byBehaviour.get(behaviour) ?? 0) + (labels[i] ?? 0));
    });
    let behaviour = [...byBehaviour].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
    // A statement asked as a question is a question (README); a check on a reflection and a permission
    // question are not: the model decides those.
    if (behaviour !== 'question' && endsAsQuestion(text)) behaviour = 'question';
    const risk = asksAboutSuicide(text);
    // A direct question about suicide is a question, however it is phrased (item 8).
    if (risk) behaviour = 'question';
    const confidence = byBehaviour.get(behaviour) ?? 0;
    let best = -1;
    let main = 'NC' as CoderCode;
    LABELS.forEach((label, i) => {
      if (behaviourOf(label) === behaviour && (labels[i] ?? 0) > best) {
        best = labels[i] ?? 0;
        main = codeOf(label);
      }
    });

    const coded: Partial<CodedReply> = {};
    if (behaviour === 'reflection' && main === 'CR' && (context.clientLine || context.replies?.length)) {
      const mine = contentStems(text);
      const theirs = contentStems(context.clientLine ?? '');
      const authored = contentStems((context.replies ?? []).join(' '));
      if (overlap(mine, new Set([...theirs, ...authored])) === 0) coded.generic = true;
      else if (theirs.size > 0 && overlap(mine, theirs) >= 0.8 && overlap(theirs, mine) >= 0.8) coded.echo = true;
      if (coded.generic || coded.echo) main = 'SR';
    }

    const codes: CoderCode[] = [main];
    const second = TAGS.map((tag, i) => ({ tag, p: tags[i] ?? 0 }))
      .filter(({ tag, p }) => p > 0.5 && tag !== main)
      .sort((a, b) => b.p - a.p)[0];
    if (second) codes.push(second.tag);
    if (risk) codes.push('RISK');
    const subtype = SUBTYPE[main];
    return {
      text,
      behaviour,
      codes,
      ...(subtype ? { subtype } : {}),
      confidence: Math.round(confidence * 1000) / 1000,
      stance: stanceOf(codes),
      ...coded,
    };
  };
}

export type CodeReply = ReturnType<typeof createCoder>;
