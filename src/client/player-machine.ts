import { assign, fromPromise, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import {
  compileScenario,
  resumableSnapshot,
  snapshotAfterRetry,
  type RolePlayEvent,
  type RolePlayMachine,
} from '../engine/machine.ts';
import { blindScenario, type PlayScenario } from '../engine/play-data.ts';
import { availableOptions, canRetry, rekeyRun, type Mode, type Run } from '../engine/run.ts';
import type { Scenario } from '../schemas/scenario.ts';
import { queueAttempt } from '../stores/outbox.ts';
import { buildAttempt, recordAttempt, saveSession, type Attempt, type Session } from '../stores/roleplays.ts';
import { loadKey } from './scenario-key.ts';
import { flushOutbox } from './sync.ts';

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
}

export interface PlayerContext extends PlayerInput {
  /** The whole scenario, key included, once it has loaded. */
  full?: Scenario | undefined;
  /** Why the key did not load, shown with "Try again". */
  keyError?: string | undefined;
  /** The finished attempt as recorded (its id follows it to the outbox). */
  finished?: Attempt | undefined;
}

export type PlayerEvent =
  | { type: 'reply.choose'; optionId: string }
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
    };
  }
  return {
    ...base,
    conversation: initialTransition(rolePlay)[0],
    session: fresh,
    resumed: false,
    couldNotResume: saved === undefined ? undefined : saved.scenarioHash === play.hash ? 'damaged' : 'changed',
    showingFeedback: false,
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
  snapshot: context.rolePlay.getPersistedSnapshot(context.conversation),
});

const saving = (showingFeedback: boolean) => ({ type: 'persistSession', params: { showingFeedback } }) as const;

const player = setup({
  types: {
    input: {} as PlayerInput,
    context: {} as PlayerContext,
    events: {} as PlayerEvent,
  },
  actors: {
    loadKey: fromPromise<Scenario, PlayScenario>(({ input }) => loadKey(input)),
  },
  guards: {
    practice: ({ context }) => context.mode === 'practice',
    ended: ({ context }) => runOf(context).ended,
    resumed: ({ context }) => context.resumed,
    showingFeedback: ({ context }) => context.showingFeedback,
    hasKey: ({ context }) => context.full !== undefined,
    // Practice mode needs the key from the first feedback on: a place resumed mid-way fetches it early.
    keyDueSoon: ({ context }) => context.mode === 'practice' && !context.full && runOf(context).history.length > 0,
    offered: ({ context, event }) =>
      event.type === 'reply.choose' &&
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
    // An ending is a final state that takes no events, so a retry from there is rebuilt (C8.12).
    takeBack: assign(({ context }) => ({
      conversation:
        context.conversation.status === 'done'
          ? snapshotAfterRetry(context.rolePlay, runOf(context))
          : step(context.rolePlay, context.conversation, { type: 'learner.retry' }),
    })),
    startAgain: assign(({ context }) => ({
      conversation: initialTransition(context.rolePlay)[0],
      session: newSessionRecord(context.play.hash),
      resumed: false,
      couldNotResume: undefined,
      showingFeedback: false,
      finished: undefined,
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
      if (context.finished) queueAttempt(context.finished, context.learnerId);
    },
    flushOutbox: () => {
      void flushOutbox('load');
    },
  },
});

// Feedback and scoring both wait for the key: check for it, load it, or say why it did not load.
// The same three states sit in each, beside that phase's own `ready`.
const checkingKey = player.createStateConfig({
  always: [{ guard: 'hasKey', target: 'ready' }, { target: 'loadingKey' }],
});
const loadingKey = player.createStateConfig({
  entry: 'forgetKeyError',
  invoke: {
    src: 'loadKey',
    input: ({ context }) => context.play,
    onDone: { target: 'ready', actions: { type: 'keepKey', params: ({ event }) => ({ full: event.output }) } },
    onError: {
      target: 'keyFailed',
      actions: { type: 'keepKeyError', params: ({ event }) => ({ error: event.error }) },
    },
  },
});
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
        fetchingKey: {
          invoke: {
            src: 'loadKey',
            input: ({ context }) => context.play,
            onDone: {
              target: 'keyFetched',
              actions: { type: 'keepKey', params: ({ event }) => ({ full: event.output }) },
            },
            // Not shown here: the feedback, when it is due, tries again and says what went wrong.
            onError: 'keyFetched',
          },
        },
        keyFetched: {},
      },
      on: {
        'reply.choose': { guard: 'offered', target: 'answered', actions: 'answer' },
      },
    },
    answered: {
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
    report: {},
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
