import type { ReplyOption, Scenario } from '../schemas/scenario.ts';
import { RISK_CUE } from '../schemas/scenario-terms.ts';
import { modelOf } from './model.ts';
import type { Run, Turn } from './run.ts';
import { isActive } from './state.ts';

/**
 * Per-turn practice feedback (C2.6): what the reply did in plain words, the stronger option when
 * it was not the ★, and at most one pattern nudge, chosen in the curriculum's priority order.
 */

export const CODE_WORDS: Record<string, string> = {
  GI: 'Giving information',
  PERS: 'Persuading',
  PWP: 'Persuading with permission',
  OQ: 'Open question',
  CQ: 'Closed question',
  SR: 'Simple reflection',
  CR: 'Complex reflection',
  AF: 'Affirmation',
  SEEK: 'Seeking collaboration',
  AUTO: 'Emphasising autonomy',
  CON: 'Confronting',
  NC: 'Not coded',
};

export const STANCE_WORDS: Record<string, string> = {
  partnering: 'Partnering (on tap)',
  neutral: 'Neutral',
  expert: 'Expert stance (on top)',
};

export interface Nudge {
  kind:
    | 'risk-unasked'
    | 'rupture-unanswered'
    | 'righting-reflex'
    | 'missed-change-talk'
    | 'question-streak'
    | 'info-without-permission'
    | 'positive';
  text: string;
}

export interface TurnFeedback {
  turn: Turn;
  option: ReplyOption;
  /** The ★ reply and the first sentence of its feedback, when the learner chose something else. */
  stronger?: { text: string; why: string };
  nudge?: Nudge;
}

const firstSentence = (text: string): string => /^.*?[.!?](\s|$)/.exec(text)?.[0].trim() ?? text;
// A risk check is a question the worker must ask, so it never counts towards a streak of questions.
const hasQuestion = (turn: Turn): boolean =>
  !turn.markers.includes('risk-check') && (turn.codes.includes('OQ') || turn.codes.includes('CQ'));

/** The words the learner sees when they moved past a hopeless line without asking (C7). */
export const RISK_UNASKED =
  'That sounded hopeless. Ask directly and kindly whether they are having thoughts of suicide: asking does not put the idea in their head, and it may be the question that keeps them safe.';
const hasReflection = (turn: Turn): boolean => turn.codes.includes('SR') || turn.codes.includes('CR');

export function nudgeFor(turn: Turn, keptBefore: readonly Turn[]): Nudge | undefined {
  const effects = turn.effects;
  // Safety first: a hopeless line answered without a risk check outranks every other pattern.
  if (turn.talk.includes(RISK_CUE) && !turn.markers.includes('risk-check'))
    return { kind: 'risk-unasked', text: RISK_UNASKED };
  if (!turn.exemplar) {
    if (isActive(turn.stateBefore.rupture) && effects.rupture !== 'repair') {
      return {
        kind: 'rupture-unanswered',
        text: 'The person has pulled back (or pushed back). What would it take to name that?',
      };
    }
    const codes = turn.codes;
    if ((codes.includes('PERS') || codes.includes('CON')) && turn.talk.some((tag) => tag.startsWith('ST'))) {
      return { kind: 'righting-reflex', text: 'When we argue for change, people tend to argue back.' };
    }
    if (
      turn.talk.some((tag) => tag.startsWith('CT')) &&
      !codes.some((code) => ['SR', 'CR', 'AF'].includes(code)) &&
      (effects.CT ?? 0) <= 0
    ) {
      return { kind: 'missed-change-talk', text: 'There was change talk there. Try reflecting it.' };
    }
    const lastThree = [...keptBefore.slice(-2), turn];
    if (lastThree.length === 3 && lastThree.every((t) => hasQuestion(t) && !hasReflection(t))) {
      return { kind: 'question-streak', text: 'Lots of questions in a row. A reflection might deepen this.' };
    }
    if (turn.markers.includes('info-unasked') && (codes.includes('GI') || codes.includes('PERS'))) {
      return { kind: 'info-without-permission', text: 'Consider asking before offering.' };
    }
  }
  if (effects.rupture === 'repair' && turn.markers.includes('own-part') && isActive(turn.stateBefore.rupture)) {
    return { kind: 'positive', text: 'Repair noticed: you owned your part.' };
  }
  const previous = keptBefore.at(-1);
  if (turn.codes.includes('AUTO') && previous?.codes.some((code) => code === 'GI' || code === 'PWP')) {
    return { kind: 'positive', text: 'Nice: autonomy after information.' };
  }
  return undefined;
}

/** Feedback for the learner's latest reply in a run. */
export function feedbackForLast(scenario: Scenario, run: Run): TurnFeedback | undefined {
  const turn = run.history.at(-1);
  if (!turn) return undefined;
  const model = modelOf(scenario);
  const entry = model.options.get(turn.optionId);
  if (!entry) return undefined;
  const star = entry.node.options.find((option) => option.exemplar);
  const keptBefore = run.history.slice(0, -1).filter((candidate) => candidate.kept);
  const nudge = nudgeFor(turn, keptBefore);
  return {
    turn,
    option: entry.option,
    ...(star && star.id !== turn.optionId ? { stronger: { text: star.text, why: firstSentence(star.feedback) } } : {}),
    ...(nudge ? { nudge } : {}),
  };
}

/** Plain-language changes to the person's state, with arrows for sighted readers and words for everyone. */
export function stateChanges(turn: Turn): string[] {
  const changes: string[] = [];
  const { stateBefore: before, stateAfter: after } = turn;
  const say = (label: string, delta: number): void => {
    if (delta > 0) changes.push(`${label} ↑ (up ${delta})`);
    if (delta < 0) changes.push(`${label} ↓ (down ${-delta})`);
  };
  say('Bond', after.bond - before.bond);
  say('Change talk', after.CT - before.CT);
  say('Sustain talk', after.ST - before.ST);
  say('Openness', after.open - before.open);
  if (after.rupture !== before.rupture) changes.push(`Alliance: ${ALLIANCE_WORDS[after.rupture]}`);
  return changes;
}

export const ALLIANCE_WORDS: Record<string, string> = {
  none: 'steady',
  withdrawal: 'strained: pulling away',
  confrontation: 'strained: pushing back',
  repaired: 'repaired',
};

/** Next-practice tips from the weakest indicator (C2.7). */
export function practiceTips(
  levels: Record<'rq' | 'pctCR' | 'relational' | 'technical', 'good' | 'fair' | 'low'>,
): string[] {
  const order = ['low', 'fair'] as const;
  const tips: Record<string, string> = {
    rq: 'Reflect more and ask less: see Lesson 1.4, “Reflections and summaries”.',
    pctCR: 'Add meaning or feeling to your reflections, not just the words.',
    technical: 'Listen for change talk and follow it: see Lesson 1.5, “Hearing change”.',
    relational:
      'Work on partnership and empathy: the Collaborative Helping lessons on stance and on rupture and repair.',
  };
  for (const level of order) {
    const weak = (Object.keys(levels) as (keyof typeof levels)[]).filter((key) => levels[key] === level);
    if (weak.length) return weak.slice(0, 2).map((key) => tips[key] ?? '');
  }
  return ['Try the assessed mode, or another role-play, to test these skills in a new setting.'];
}
