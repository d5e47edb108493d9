import type { Stance } from '../schemas/scenario.ts';
import { asksAboutSuicide, endsAsQuestion, endsAsStatement } from './features.ts';
import { LABELS, TAGS, behaviourOf, codeOf, type Behaviour, type CoderCode } from './labels.ts';
import { loadModel, predict, type Model, type ModelFile } from './model.ts';
import { stanceOf } from './stance.ts';
import { reflectionNote, type ReflectionContext } from './reflection-note.ts';

/** What the worker was answering: a reflection is judged against it (issue 13, item 9). */
export type ReplyContext = ReflectionContext;

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
    // And a statement ending in a full stop is not one (a request such as "Tell me about…" still is).
    else if (behaviour === 'question' && endsAsStatement(text))
      behaviour = [...byBehaviour].filter(([b]) => b !== 'question').sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
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
    if (behaviour === 'reflection' && main === 'CR') {
      const note = reflectionNote(text, context);
      if (note) {
        coded[note] = true;
        main = 'SR';
      }
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
