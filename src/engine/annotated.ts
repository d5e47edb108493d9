import type { Scenario } from '../schemas/scenario.ts';
import { CODE_WORDS, STANCE_WORDS, stateChanges } from './feedback.ts';
import { modelOf } from './model.ts';
import { riskChecks, scoredTurns, type RiskStatus } from './scoring.ts';
import { choose, lineAt, PlayError, retry, startRun, type Mode, type Run, type Turn, type TypedReply } from './run.ts';

/**
 * An annotated transcript of a saved attempt: the conversation rebuilt from the replies the learner
 * chose (a saved attempt keeps ids, not text), each reply labelled the way a coder would label it.
 * Used by the learner record and, for assigned role-plays, by the trainer's view of an attempt.
 */

/** A reply as saved with an attempt: which option, and whether it was taken back in practice mode. */
export interface SavedChoice {
  optionId: string;
  kept: boolean;
  /** A typed reply: the learner's words and how the device read them (the server reads them again). */
  typed?: TypedReply | undefined;
}

/**
 * Reads a typed reply again at the run's node (src/coder/typed-turn.ts, given by the caller so the
 * engine does not carry the coder): the server passes one, so a device's codes are never trusted.
 */
export type Retype = (scenario: Scenario, run: Run, text: string) => TypedReply;

export type Replay = { ok: true; run: Run } | { ok: false; reason: string };

export { savedChoices } from './saved-choices.ts';

/** Plays the saved replies again, in order, taking back the ones the learner took back. */
export function replayChoices(
  scenario: Scenario,
  mode: Mode,
  choices: readonly SavedChoice[],
  retype?: Retype,
): Replay {
  try {
    let run = startRun(scenario, mode);
    for (const choice of choices) {
      const typed = choice.typed && retype ? reread(scenario, run, choice.typed, retype) : choice.typed;
      // Read again, a typed reply follows the server's own match, unless the learner corrected it.
      const optionId = typed && !typed.corrected ? typed.matchedId : choice.optionId;
      run = choose(scenario, run, optionId, typed);
      if (!choice.kept) run = retry(run);
    }
    return { ok: true, run };
  } catch (error) {
    if (error instanceof PlayError) {
      return {
        ok: false,
        reason: `This role-play has been rewritten since the attempt was saved (${error.message}), so the conversation cannot be shown word for word.`,
      };
    }
    throw error;
  }
}

function reread(scenario: Scenario, run: Run, saved: TypedReply, retype: Retype): TypedReply {
  const fresh = retype(scenario, run, saved.text);
  return { ...fresh, ...(saved.corrected ? { corrected: true } : {}), ...(saved.flagged ? { flagged: true } : {}) };
}

export interface AnnotatedReply {
  text: string;
  /** False when the learner took this reply back and tried another (practice mode). */
  kept: boolean;
  /** Only first tries are scored. */
  scored: boolean;
  codes: string[];
  stance: string;
  /** What the reply did that the self-check compares against, in words. */
  evidence: string[];
  changes: string[];
  feedback: string;
  exemplar: boolean;
  /** A typed reply: how it was read, the authored reply it was heard as, and any correction or flag. */
  typed?: { codes: string[]; confidence: number; heardAs: string; corrected: boolean; flagged: boolean };
}

export interface AnnotatedExchange {
  key: string;
  context?: string;
  client: string;
  replies: AnnotatedReply[];
  /** The ★ reply at this point, when the kept reply was something else. */
  strongest?: string;
  /** Set when the line sounded hopeless: whether the learner asked about suicidal thoughts. */
  risk?: RiskStatus;
}

export interface AnnotatedTranscript {
  exchanges: AnnotatedExchange[];
  ending?: { line: string; outcome: string; debrief: string };
}

export const MARKER_WORDS: Record<string, string> = {
  attend: 'attended to the relationship',
  explore: 'explored their view',
  'own-part': 'owned their part in a strain',
  'permission-asked': 'asked permission',
  'info-with-permission': 'gave information with permission',
  'info-unasked': 'gave information without being asked',
  menu: 'offered a menu of options',
  'next-step': 'agreed a next step',
  'goal-own-words': 'put the goal in their words',
  'risk-check': 'asked directly about suicidal thoughts',
  'risk-unsafe': 'left the person less safe after they said they were at risk',
};

function annotateReply(scenario: Scenario, turn: Turn): AnnotatedReply {
  const option = modelOf(scenario).options.get(turn.optionId)?.option;
  const { typed } = turn;
  return {
    text: typed?.text ?? option?.text ?? turn.optionId,
    ...(typed
      ? {
          typed: {
            codes: typed.codes,
            confidence: typed.confidence,
            heardAs: option?.text ?? turn.optionId,
            corrected: typed.corrected === true,
            flagged: typed.flagged === true,
          },
        }
      : {}),
    kept: turn.kept,
    scored: turn.attempt === 1,
    codes: turn.codes.map((code) => CODE_WORDS[code] ?? code),
    stance: STANCE_WORDS[turn.stance] ?? turn.stance,
    evidence: turn.markers.map((marker) => MARKER_WORDS[marker] ?? marker),
    changes: stateChanges(turn),
    feedback: option?.feedback ?? '',
    exemplar: turn.exemplar,
  };
}

/** Groups a run's replies by the client line they answered, in the order they were said. */
export function annotate(scenario: Scenario, run: Run): AnnotatedTranscript {
  const model = modelOf(scenario);
  const exchanges: AnnotatedExchange[] = [];
  const risks = riskChecks(scoredTurns(run));
  let incoming: string | undefined;
  for (const turn of run.history) {
    const key = `${turn.nodeId}-${String(turn.visit)}`;
    let exchange = exchanges.at(-1);
    if (exchange?.key !== key) {
      const line = lineAt(scenario, { nodeId: turn.nodeId, ended: false, state: turn.stateBefore, incoming });
      const context = model.clients.get(turn.nodeId)?.context;
      exchange = {
        key,
        ...(context ? { context } : {}),
        client: line.bridge ? `${line.bridge} ${line.text}` : line.text,
        replies: [],
      };
      const risk = risks.find((check) => check.nodeId === turn.nodeId && check.visit === turn.visit);
      if (risk) exchange.risk = risk.status;
      exchanges.push(exchange);
    }
    exchange.replies.push(annotateReply(scenario, turn));
    if (turn.kept) {
      incoming = turn.optionId;
      const star = model.clients.get(turn.nodeId)?.options.find((option) => option.exemplar);
      if (star && star.id !== turn.optionId) exchange.strongest = star.text;
      else delete exchange.strongest;
    }
  }
  const ending = run.ended ? model.endings.get(run.nodeId) : undefined;
  if (!ending) return { exchanges };
  const line = lineAt(scenario, run);
  return {
    exchanges,
    ending: {
      line: line.bridge ? `${line.bridge} ${line.text}` : line.text,
      outcome: ending.outcome,
      debrief: ending.debrief,
    },
  };
}
