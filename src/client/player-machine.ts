import { assign, fromPromise, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import {
  compileScenario,
  resumableSnapshot,
  snapshotAfterRetry,
  type RolePlayEvent,
  type RolePlayMachine,
} from '../engine/machine.ts';
import { blindScenario, type PlayScenario } from '../engine/play-data.ts';
import { availableOptions, canRetry, rekeyRun, retry, type Mode, type Run, type TypedReply } from '../engine/run.ts';
import type { Scenario } from '../schemas/scenario.ts';
import {
  buildAttempt,
  flagTypedTurn,
  recordAttempt,
  saveSession,
  withTypedFlag,
  type Attempt,
  type Session,
} from '../stores/roleplays.ts';
import { loadKey } from './scenario-key.ts';

// Sending to a trainer loads only for assigned attempts (the role-play page's JS budget): the outbox
// first, then sending, in that order. The attempt is already in the learner's record on the device,
// and a result the outbox missed is queued by the next sync's reconcile.
let queued: Promise<unknown> = Promise.resolve();
const withOutbox = (use: (outbox: typeof import('../stores/outbox.ts')) => void): void => {
  queued = queued
    .then(() => import('../stores/outbox.ts'))
    .then(use)
    // Offline before the chunk was cached: the attempt is in the record, and the next sync queues it.
    .catch(() => undefined);
};
const sendNow = (): void => {
  queued = queued.then(async () => (await import('./sync.ts')).flushOutbox('load')).catch(() => undefined);
};

/**
 * The role-play player: the phase around the conversation (reply, practice feedback, scoring, the
 * report), the answer key and the saved place. The conversation itself is the compiled scenario
 * (engine/machine.ts), kept here as its snapshot and stepped with XState's pure `transition`, so
 * what is saved is exactly what the compiled machine persists and saved sessions keep resuming.
 * Every side effect is a named action or actor, so tests swap them with `.provide()`.
 */

/** The conversation: a snapshot of the compiled role-play machine. */
export type Conversation = SnapshotFrom<RolePlayMachine>;

/** The saved place without its snapshot: who, when and which version this attempt is. */
export type SessionRecord = Pick<Session, 'attemptId' | 'startedAt' | 'seed'> & { scenarioHash: string };

/** What reading a typed reply needs: the key (for the mapping), where the run is, and the words. */
export interface TypedInput {
  full: Scenario;
  run: Run;
  text: string;
}

/** Reads a typed reply with the coder, which loads as its own chunk the first time. */
async function readTypedReply({ full, run, text }: TypedInput): Promise<TypedReply> {
  const reader = await import('./typed-reader.ts');
  return reader.readTyped(full, run, text);
}

export interface PlayerInput {
  /** The play part from the page; the key is fetched for it when first needed. */
  play: PlayScenario;
  /** The play part as the engine runs it before the key is here (every reply uncoded). */
  scenario: Scenario;
  /** The compiled scenario the conversation steps through. */
  rolePlay: RolePlayMachine;
  mode: Mode;
  /** Where the place is saved (self-started and assigned role-plays are kept apart). */
  storeKey: string;
  /** Set for an assigned role-play: its finished attempt carries it and goes to the outbox. */
  assignmentId?: string | undefined;
  /** The account that started an assigned role-play, so its result is never sent under another. */
  learnerId?: string | undefined;
  conversation: Conversation;
  session: SessionRecord;
  /** Picked up a saved place ("Welcome back"). */
  resumed: boolean;
  /** Why a saved place could not be picked up, for the one-line notice. */
  couldNotResume?: 'changed' | 'damaged' | undefined;
  /** The place was saved with practice feedback on screen: it opens on that feedback again. */
  showingFeedback: boolean;
  /**
   * The learner chose "Type my own reply". In assessed mode it holds for the rest of the attempt (the
   * reply buttons stay hidden, so the mapping never helps pick one); in practice it is a preference.
   */
  typing: boolean;
  /**
   * Practice: the learner accepted how their typed reply was read, so the ★ reply and the teaching
   * point are on screen. From then on the turn cannot be corrected: choosing "what I meant" after
   * seeing the ★ would score a peek as a first try.
   */
  typedAccepted: boolean;
}

export interface PlayerContext extends PlayerInput {
  /** The whole scenario, key included, once it has loaded. */
  full?: Scenario | undefined;
  /** Why the key did not load, shown with "Try again". */
  keyError?: string | undefined;
  /** The finished attempt as recorded (its id follows it to the outbox). */
  finished?: Attempt | undefined;
  /** Why the last typed reply could not be read, shown under the box (the words stay in it). */
  typedError?: string | undefined;
  /** The typed reply being read. */
  typedText?: string | undefined;
}

export type PlayerEvent =
  | { type: 'reply.choose'; optionId: string }
  /** A reply in the learner's own words (issue 13): coded, then mapped onto an authored reply. */
  | { type: 'reply.type'; text: string }
  /** "Type my own reply" / "Choose a reply instead" (the second in practice only). */
  | { type: 'typing.start' }
  | { type: 'typing.stop' }
  /** Practice: "That's not what I meant": the typed turn is scored as the reply the learner meant. */
  | { type: 'typed.correct'; optionId: string }
  /** Practice: "That's what I meant": shows the ★ reply and the teaching point; no correction after. */
  | { type: 'typed.accept' }
  /** Assessed end report: the learner flags the reading of a typed turn (transcript index) as wrong. */
  | { type: 'typed.flag'; index: number }
  /** "Try another reply" (practice). */
  | { type: 'reply.retry' }
  | { type: 'feedback.continue' }
  /** The key did not load: try again. */
  | { type: 'key.retry' }
  | { type: 'session.restart' };

export type PlayerPhase = 'playing' | 'feedback' | 'scoring' | 'report';

export const runOf = (context: PlayerContext): Run => context.conversation.context.run;

export const newSessionRecord = (scenarioHash: string): SessionRecord => ({
  attemptId: crypto.randomUUID(),
  scenarioHash,
  startedAt: new Date().toISOString(),
  seed: Math.floor(Math.random() * 2 ** 31),
});

const step = (rolePlay: RolePlayMachine, conversation: Conversation, event: RolePlayEvent): Conversation =>
  transition(rolePlay, conversation, event)[0];

export interface PlayerOptions {
  play: PlayScenario;
  mode: Mode;
  storeKey: string;
  assignmentId?: string | undefined;
  learnerId?: string | undefined;
}

/**
 * Opens the player: resumes the place saved for this role-play and mode, or starts afresh with
 * `fresh`. A place saved on another version of this role-play (or before versions had hashes) is
 * 'changed'; one that no longer fits it (edited, or damaged data) is 'damaged'. Pure: the new
 * place is saved by the machine once it starts.
 */
export function openPlayer(options: PlayerOptions, saved: Session | undefined, fresh: SessionRecord): PlayerInput {
  const { play, mode } = options;
  const scenario = blindScenario(play);
  const rolePlay = compileScenario(scenario, mode);
  const base = { ...options, scenario, rolePlay };
  const snapshot = saved?.scenarioHash === play.hash ? resumableSnapshot(scenario, saved.snapshot) : undefined;
  if (saved && snapshot) {
    const { value, context } = snapshot as Pick<Conversation, 'value' | 'context'>;
    return {
      ...base,
      conversation: rolePlay.resolveState({ value, context }),
      session: { attemptId: saved.attemptId, startedAt: saved.startedAt, scenarioHash: play.hash, seed: saved.seed },
      resumed: true,
      showingFeedback: saved.showingFeedback,
      typedAccepted: saved.showingFeedback && saved.typedAccepted === true,
      // A typed attempt stays typed, also when the place was saved before `typing` was (any typed turn).
      typing: saved.typing === true || (mode === 'assessed' && context.run.history.some((turn) => turn.typed)),
    };
  }
  return {
    ...base,
    conversation: initialTransition(rolePlay)[0],
    session: fresh,
    resumed: false,
    couldNotResume: saved === undefined ? undefined : saved.scenarioHash === play.hash ? 'damaged' : 'changed',
    showingFeedback: false,
    typing: false,
    typedAccepted: false,
  };
}

/** The attempt as it is recorded: scored on this device; an assigned one is scored again by the server. */
function finishedAttempt(context: PlayerContext, full: Scenario): Attempt {
  const attempt = buildAttempt(full, rekeyRun(full, runOf(context)), context.session);
  return context.assignmentId ? { ...attempt, assignmentId: context.assignmentId } : attempt;
}

/** The place as it is saved: the session record and the compiled machine's own persisted snapshot. */
export const savedPlace = (context: PlayerContext, showingFeedback: boolean): Session => ({
  ...context.session,
  showingFeedback,
  ...(context.typing ? { typing: true } : {}),
  ...(context.typedAccepted ? { typedAccepted: true } : {}),
  snapshot: context.rolePlay.getPersistedSnapshot(context.conversation),
});

/** The last reply, when it was typed and not yet corrected: the one "That's not what I meant" applies to. */
export function correctableTurn(run: Run): (Run['history'][number] & { typed: TypedReply }) | undefined {
  const last = run.history.findLast((turn) => turn.kept);
  return last?.typed && !last.typed.corrected ? (last as Run['history'][number] & { typed: TypedReply }) : undefined;
}

/** A node where replies carry out checklist steps (an emergency response) is answered by choosing. */
export function typingAllowed(context: PlayerContext): boolean {
  const run = runOf(context);
  const node = context.play.nodes.find((candidate) => candidate.id === run.nodeId);
  return !run.ended && node !== undefined && !('actionStep' in node && node.actionStep);
}

const saving = (showingFeedback: boolean) => ({ type: 'persistSession', params: { showingFeedback } }) as const;

const player = setup({
  types: {
    input: {} as PlayerInput,
    context: {} as PlayerContext,
    events: {} as PlayerEvent,
  },
  actors: {
    loadKey: fromPromise<Scenario, PlayScenario>(({ input }) => loadKey(input)),
    readTyped: fromPromise<TypedReply, TypedInput>(({ input }) => readTypedReply(input)),
  },
  guards: {
    practice: ({ context }) => context.mode === 'practice',
    ended: ({ context }) => runOf(context).ended,
    resumed: ({ context }) => context.resumed,
    showingFeedback: ({ context }) => context.showingFeedback,
    hasKey: ({ context }) => context.full !== undefined,
    // Practice mode needs the key from the first feedback on: a place resumed mid-way fetches it early.
    // Typing needs the key for the mapping, so choosing it loads the key straight away.
    keyDueSoon: ({ context }) =>
      !context.full && ((context.mode === 'practice' && runOf(context).history.length > 0) || context.typing),
    typingAllowed: ({ context }) => typingAllowed(context),
    // Assessed only (in practice the learner says "That's not what I meant" instead), and only once.
    acceptable: ({ context }) => !context.typedAccepted && correctableTurn(runOf(context)) !== undefined,
    flaggable: ({ context, event }) => {
      if (event.type !== 'typed.flag' || context.mode !== 'assessed') return false;
      const typed = context.finished?.transcript[event.index]?.typed;
      return typed !== undefined && typed.flagged !== true;
    },
    practiceTyping: ({ context }) => context.mode === 'practice' && context.typing,
    typedText: ({ context, event }) =>
      event.type === 'reply.type' && typingAllowed(context) && event.text.trim() !== '',
    correctable: ({ context, event }) => {
      if (event.type !== 'typed.correct' || context.typedAccepted || !context.full) return false;
      if (!correctableTurn(runOf(context))) return false;
      const back = retry(runOf(context));
      return availableOptions(context.scenario, back).some((option) => option.id === event.optionId);
    },
    // In assessed mode a typed attempt stays typed: buttons are only for action steps.
    offered: ({ context, event }) =>
      event.type === 'reply.choose' &&
      (context.mode === 'practice' || !context.typing || !typingAllowed(context)) &&
      availableOptions(context.scenario, runOf(context)).some((option) => option.id === event.optionId),
    canRetry: ({ context }) => canRetry(runOf(context)),
    assigned: ({ context }) => context.assignmentId !== undefined,
  },
  actions: {
    answer: assign(({ context, event }) =>
      event.type === 'reply.choose'
        ? {
            conversation: step(context.rolePlay, context.conversation, {
              type: 'learner.choose',
              optionId: event.optionId,
            }),
          }
        : {},
    ),
    keepText: assign(({ event }) => (event.type === 'reply.type' ? { typedText: event.text.trim() } : {})),
    answerTyped: assign(({ context }, params: { typed: TypedReply }) => ({
      typedError: undefined,
      typedText: undefined,
      conversation: step(context.rolePlay, context.conversation, {
        type: 'learner.choose',
        optionId: params.typed.matchedId,
        typed: params.typed,
      }),
    })),
    keepTypedError: assign((_, params: { error: unknown }) => ({
      typedError: `Your reply could not be read just now (${params.error instanceof Error ? params.error.message : String(params.error)}). Your words are still in the box: try sending again.`,
    })),
    // An ending is a final state that takes no events, so a retry from there is rebuilt (C8.12).
    takeBack: assign(({ context }) => ({ conversation: takenBack(context) })),
    // The typed turn is taken back and replaced by the reply the learner meant, marked as corrected.
    correct: assign(({ context, event }) => {
      const turn = correctableTurn(runOf(context));
      if (event.type !== 'typed.correct' || !turn) return {};
      return {
        conversation: step(context.rolePlay, takenBack(context), {
          type: 'learner.choose',
          optionId: event.optionId,
          typed: { ...turn.typed, corrected: true },
        }),
      };
    }),
    markFlag: assign(({ context }, params: { index: number }) =>
      context.finished ? { finished: withTypedFlag(context.finished, params.index) } : {},
    ),
    startTyping: assign({ typing: true, typedError: undefined }),
    acceptTyped: assign({ typedAccepted: true }),
    newTurn: assign({ typedAccepted: false }),
    stopTyping: assign({ typing: false, typedError: undefined }),
    startAgain: assign(({ context }) => ({
      conversation: initialTransition(context.rolePlay)[0],
      session: newSessionRecord(context.play.hash),
      resumed: false,
      couldNotResume: undefined,
      showingFeedback: false,
      finished: undefined,
      typedError: undefined,
      // A new attempt starts with the reply buttons; the learner chooses to type again.
      typing: false,
      typedAccepted: false,
    })),
    keepKey: assign((_, params: { full: Scenario }) => ({ full: params.full, keyError: undefined })),
    keepKeyError: assign((_, params: { error: unknown }) => ({
      keyError: params.error instanceof Error ? params.error.message : String(params.error),
    })),
    forgetKeyError: assign({ keyError: undefined }),
    finishAttempt: assign(({ context }) => (context.full ? { finished: finishedAttempt(context, context.full) } : {})),

    // Side effects.
    persistSession: ({ context }, params: { showingFeedback: boolean }) => {
      saveSession(context.storeKey, savedPlace(context, params.showingFeedback));
    },
    clearSession: ({ context }) => {
      saveSession(context.storeKey, undefined);
    },
    recordAttempt: ({ context }) => {
      if (context.finished) recordAttempt(context.finished);
    },
    queueAttempt: ({ context }) => {
      const { finished, learnerId } = context;
      if (finished)
        withOutbox((outbox) => {
          outbox.queueAttempt(finished, learnerId);
        });
    },
    flushOutbox: () => {
      sendNow();
    },
    // The flag is kept with the recorded attempt; an assigned one goes to the trainer again with it.
    saveFlag: ({ context }, params: { index: number }) => {
      if (!context.finished) return;
      const flagged = flagTypedTurn(context.finished.id, params.index);
      const { assignmentId, learnerId } = context;
      if (!flagged || !assignmentId) return;
      // Sent again at once, so the trainer sees the flag beside the turn.
      withOutbox((outbox) => {
        outbox.requeueAttempt(flagged, learnerId);
      });
      sendNow();
    },
  },
});

function takenBack(context: PlayerContext): Conversation {
  return context.conversation.status === 'done'
    ? snapshotAfterRetry(context.rolePlay, runOf(context))
    : step(context.rolePlay, context.conversation, { type: 'learner.retry' });
}

// Feedback and scoring both wait for the key: check for it, load it, or say why it did not load.
// The same three states sit in each, beside that phase's own `ready`.
// Goes on at once when the key is here, or loads it first.
const keyCheck = (withKey: string) =>
  player.createStateConfig({ always: [{ guard: 'hasKey', target: withKey }, { target: 'loadingKey' }] });
const checkingKey = keyCheck('ready');
/**
 * Loads the key and keeps it; where it goes next is the caller's, and so is what a failure says: the
 * key's own error (shown with "Try again"), the typed reply's (shown under the box), or nothing.
 */
const keyLoader = (onDone: string, onError: string, say?: 'keepKeyError' | 'keepTypedError') =>
  player.createStateConfig({
    invoke: {
      src: 'loadKey',
      input: ({ context }) => context.play,
      onDone: { target: onDone, actions: { type: 'keepKey', params: ({ event }) => ({ full: event.output }) } },
      onError: say
        ? { target: onError, actions: { type: say, params: ({ event }) => ({ error: event.error }) } }
        : onError,
    },
  });
const loadingKey = { entry: 'forgetKeyError', ...keyLoader('ready', 'keyFailed', 'keepKeyError') } as const;
const keyFailed = player.createStateConfig({ on: { 'key.retry': 'loadingKey' } });

export const playerMachine = player.createMachine({
  id: 'player',
  context: ({ input }) => input,
  initial: 'opening',
  on: {
    'session.restart': { target: '.playing', actions: ['startAgain', saving(false)] },
  },
  states: {
    opening: {
      always: [
        { guard: 'showingFeedback', target: 'feedback' },
        { guard: 'ended', target: 'scoring' },
        { guard: 'resumed', target: 'playing' },
        // A new place (or one replacing a place that no longer fits) is saved straight away.
        { target: 'playing', actions: saving(false) },
      ],
    },
    playing: {
      initial: 'choosing',
      states: {
        choosing: { always: { guard: 'keyDueSoon', target: 'fetchingKey' } },
        // Not shown here when it fails: the feedback or the typed reply, when due, tries again and says why.
        fetchingKey: keyLoader('keyFetched', 'keyFetched'),
        keyFetched: {},
      },
      on: {
        'reply.choose': { guard: 'offered', target: 'answered', actions: 'answer' },
        'reply.type': { guard: 'typedText', target: 'reading', actions: 'keepText' },
        'typing.start': { guard: 'typingAllowed', target: '.choosing', actions: ['startTyping', saving(false)] },
        'typing.stop': { guard: 'practiceTyping', actions: ['stopTyping', saving(false)] },
      },
    },
    // Coding a typed reply: the coder and (if not here yet) the key load first, in their own chunks.
    reading: {
      initial: 'checkingKey',
      states: {
        checkingKey: keyCheck('coding'),
        loadingKey: keyLoader('coding', '#player.playing', 'keepTypedError'),
        coding: {
          invoke: {
            src: 'readTyped',
            input: ({ context }) => ({
              // Only entered with the key here (checkingKey).
              full: context.full as Scenario,
              run: runOf(context),
              text: context.typedText ?? '',
            }),
            onDone: {
              target: '#player.answered',
              actions: { type: 'answerTyped', params: ({ event }) => ({ typed: event.output }) },
            },
            onError: {
              target: '#player.playing',
              actions: { type: 'keepTypedError', params: ({ event }) => ({ error: event.error }) },
            },
          },
        },
      },
    },
    answered: {
      entry: 'newTurn',
      always: [
        { guard: 'practice', target: 'feedback', actions: saving(true) },
        // Locked in and saved first, so a reload or a lost connection while scoring loses nothing.
        { guard: 'ended', target: 'scoring', actions: saving(false) },
        { target: 'playing', actions: saving(false) },
      ],
    },
    feedback: {
      initial: 'checkingKey',
      states: {
        checkingKey,
        loadingKey,
        keyFailed,
        ready: {
          on: {
            'reply.retry': { guard: 'canRetry', target: '#player.playing', actions: ['takeBack', saving(false)] },
            'typed.correct': { guard: 'correctable', target: '#player.answered', actions: 'correct' },
            'typed.accept': { guard: 'acceptable', actions: ['acceptTyped', saving(true)] },
            'feedback.continue': [
              // The key is here (feedback was shown); the attempt is recorded as in assessed mode.
              { guard: 'ended', target: '#player.scoring', actions: saving(false) },
              { target: '#player.playing', actions: saving(false) },
            ],
          },
        },
      },
    },
    scoring: {
      initial: 'checkingKey',
      states: {
        checkingKey,
        loadingKey,
        keyFailed,
        ready: {
          always: [
            {
              guard: 'assigned',
              target: '#player.report',
              actions: ['finishAttempt', 'recordAttempt', 'clearSession', 'queueAttempt', 'flushOutbox'],
            },
            { target: '#player.report', actions: ['finishAttempt', 'recordAttempt', 'clearSession'] },
          ],
        },
      },
    },
    report: {
      on: {
        'typed.flag': {
          guard: 'flaggable',
          actions: [
            { type: 'markFlag', params: ({ event }) => ({ index: event.index }) },
            { type: 'saveFlag', params: ({ event }) => ({ index: event.index }) },
          ],
        },
      },
    },
  },
});

export type PlayerMachine = typeof playerMachine;
export type PlayerSnapshot = SnapshotFrom<PlayerMachine>;

/** Which of the four phases the player is in ('opening' and 'answered' pass without a pause). */
export function phaseOf(snapshot: PlayerSnapshot): PlayerPhase {
  if (snapshot.matches('feedback')) return 'feedback';
  if (snapshot.matches('scoring')) return 'scoring';
  if (snapshot.matches('report')) return 'report';
  return 'playing';
}
