import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import {
  newSessionRecord,
  openPlayer,
  phaseOf,
  playerMachine,
  runOf,
  savedPlace,
  type PlayerOptions,
  type SessionRecord,
} from '../../src/client/player-machine.ts';
import { whileConnected } from '../../src/client/use-actor.ts';
import { KeyLoadError } from '../../src/client/scenario-key.ts';
import { compileScenario } from '../../src/engine/machine.ts';
import { blindScenario, joinScenario, splitScenario, type PlayScenario } from '../../src/engine/play-data.ts';
import { rekeyRun } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import type { Attempt, Session } from '../../src/stores/roleplays.ts';
import { saveSession, sessionsStore } from '../../src/stores/roleplays.ts';
import { useStorageEngine } from '../../src/stores/versioned.ts';
import { loadScenario, realScenarioFiles } from './scenario-helpers.ts';

// The player machine driven headless: every side effect is swapped with `.provide()` and recorded.

const fixture = loadScenario('tests/fixtures/scenarios/minimal.yaml');
const HASH = 'hash-1';
const { play: PLAY, key: KEY } = splitScenario(fixture, HASH);
const FULL = joinScenario(PLAY, KEY);
const STORE_KEY = 'fixture-minimal:practice';

interface Effects {
  /** Every save, in order (`undefined` when the place was cleared). */
  saves: (Session | undefined)[];
  recorded: Attempt[];
  queued: { attempt: Attempt; learnerId: string | undefined }[];
  flushes: number;
  keyLoads: number;
  flags: number[];
}

/** Each call of the key loader takes the next outcome; the last one repeats. */
function player(options: Partial<PlayerOptions> = {}, saved?: Session, keyOutcomes: ('ok' | 'fail')[] = ['ok']) {
  const effects: Effects = { saves: [], recorded: [], queued: [], flushes: 0, keyLoads: 0, flags: [] };
  const machine = playerMachine.provide({
    actors: {
      loadKey: fromPromise<Scenario, PlayScenario>(({ input }) => {
        const outcome = keyOutcomes[Math.min(effects.keyLoads, keyOutcomes.length - 1)];
        effects.keyLoads += 1;
        expect(input.hash).toBe(HASH);
        return outcome === 'ok'
          ? Promise.resolve(FULL)
          : Promise.reject(
              new KeyLoadError('The feedback could not be loaded: check your connection, then try again.'),
            );
      }),
    },
    actions: {
      persistSession: ({ context }, params) => {
        effects.saves.push(savedPlace(context, params.showingFeedback));
      },
      clearSession: () => {
        effects.saves.push(undefined);
      },
      recordAttempt: ({ context }) => {
        if (context.finished) effects.recorded.push(context.finished);
      },
      queueAttempt: ({ context }) => {
        if (context.finished) effects.queued.push({ attempt: context.finished, learnerId: context.learnerId });
      },
      flushOutbox: () => {
        effects.flushes += 1;
      },
      saveFlag: (_, params) => {
        effects.flags.push(params.index);
      },
    },
  });
  const input = openPlayer(
    { play: PLAY, mode: 'practice', storeKey: STORE_KEY, ...options },
    saved,
    newSessionRecord(HASH),
  );
  const actor = createActor(machine, { input }).start();
  return { actor, effects };
}

type PlayerActor = ReturnType<typeof player>['actor'];
const phase = (actor: PlayerActor) => phaseOf(actor.getSnapshot());
const run = (actor: PlayerActor) => runOf(actor.getSnapshot().context);
const choose = (actor: PlayerActor, optionId: string) => {
  actor.send({ type: 'reply.choose', optionId });
};
type Place = Parameters<ReturnType<PlayerActor['getSnapshot']>['matches']>[0];
const settled = (actor: PlayerActor, state: Place) =>
  waitFor(actor, (snapshot) => snapshot.matches(state), { timeout: 1000 });
const lastSave = (effects: Effects): Session | undefined => effects.saves.at(-1);

let running: PlayerActor[] = [];
afterEach(() => {
  for (const actor of running) actor.stop();
  running = [];
});
const track = <T extends { actor: PlayerActor }>(made: T): T => {
  running.push(made.actor);
  return made;
};

describe('player machine: practice', () => {
  it('saves a new place at once and waits for a reply without fetching the key', () => {
    const { actor, effects } = track(player());
    expect(phase(actor)).toBe('playing');
    expect(effects.saves).toHaveLength(1);
    expect(lastSave(effects)).toMatchObject({ showingFeedback: false, scenarioHash: HASH });
    expect(effects.keyLoads).toBe(0);
    expect(actor.getSnapshot().context.resumed).toBe(false);
  });

  it('ignores a reply that is not on offer', () => {
    const { actor, effects } = track(player());
    choose(actor, 'N2-B');
    expect(phase(actor)).toBe('playing');
    expect(run(actor).history).toHaveLength(0);
    expect(effects.saves).toHaveLength(1);
  });

  it('shows feedback after each reply, takes a reply back, and records the finished run once', async () => {
    const { actor, effects } = track(player());
    choose(actor, 'N1-B');
    expect(phase(actor)).toBe('feedback');
    // Saved with the feedback on screen, before the key has even arrived.
    expect(lastSave(effects)).toMatchObject({ showingFeedback: true });
    expect(actor.getSnapshot().matches({ feedback: 'loadingKey' })).toBe(true);
    await settled(actor, { feedback: 'ready' });
    expect(actor.getSnapshot().context.full).toBe(FULL);
    expect(effects.keyLoads).toBe(1);

    actor.send({ type: 'reply.retry' });
    expect(phase(actor)).toBe('playing');
    expect(run(actor).nodeId).toBe('N1');
    expect(run(actor).history.map((turn) => [turn.optionId, turn.kept])).toEqual([['N1-B', false]]);
    expect(lastSave(effects)).toMatchObject({ showingFeedback: false });

    choose(actor, 'N1-A');
    // The key is kept: the next feedback is ready at once.
    expect(actor.getSnapshot().matches({ feedback: 'ready' })).toBe(true);
    actor.send({ type: 'feedback.continue' });
    expect(phase(actor)).toBe('playing');
    expect(run(actor).nodeId).toBe('N2');

    choose(actor, 'N2-B');
    expect(phase(actor)).toBe('feedback');
    expect(run(actor).ended).toBe(true);
    expect(effects.recorded).toHaveLength(0);
    actor.send({ type: 'feedback.continue' });
    await settled(actor, 'report');

    expect(effects.keyLoads).toBe(1);
    expect(effects.recorded).toHaveLength(1);
    const [attempt] = effects.recorded;
    expect(attempt).toMatchObject({ mode: 'practice', endingId: 'E1', retries: 1, scenarioHash: HASH });
    expect(attempt?.assignmentId).toBeUndefined();
    expect(attempt?.id).toBe(actor.getSnapshot().context.session.attemptId);
    expect(actor.getSnapshot().context.finished?.id).toBe(attempt?.id);
    // Finished: the place is cleared; nothing goes to a trainer.
    expect(lastSave(effects)).toBeUndefined();
    expect(effects.queued).toEqual([]);
    expect(effects.flushes).toBe(0);

    // Nothing in the report records it again.
    actor.send({ type: 'feedback.continue' });
    actor.send({ type: 'reply.choose', optionId: 'N1-A' });
    expect(effects.recorded).toHaveLength(1);
  });

  it('takes back a reply that ended the role-play (the ending is a final state)', async () => {
    const { actor } = track(player());
    choose(actor, 'N1-A');
    await settled(actor, { feedback: 'ready' });
    actor.send({ type: 'feedback.continue' });
    choose(actor, 'N2-B');
    expect(actor.getSnapshot().context.conversation.status).toBe('done');
    actor.send({ type: 'reply.retry' });
    expect(phase(actor)).toBe('playing');
    expect(run(actor).nodeId).toBe('N2');
    expect(run(actor).ended).toBe(false);
    expect(actor.getSnapshot().context.conversation.status).toBe('active');
  });

  it('says why the key did not load, and "Try again" loads it', async () => {
    const { actor, effects } = track(player({}, undefined, ['fail', 'ok']));
    choose(actor, 'N1-A');
    await settled(actor, { feedback: 'keyFailed' });
    expect(actor.getSnapshot().context.keyError).toBe(
      'The feedback could not be loaded: check your connection, then try again.',
    );
    // No way on without the feedback.
    actor.send({ type: 'feedback.continue' });
    expect(actor.getSnapshot().matches({ feedback: 'keyFailed' })).toBe(true);

    actor.send({ type: 'key.retry' });
    expect(actor.getSnapshot().matches({ feedback: 'loadingKey' })).toBe(true);
    expect(actor.getSnapshot().context.keyError).toBeUndefined();
    await settled(actor, { feedback: 'ready' });
    expect(effects.keyLoads).toBe(2);
    expect(actor.getSnapshot().context.full).toBe(FULL);
  });
});

describe('player machine: assessed', () => {
  it('shows nothing between replies, scores after the last one and records exactly one attempt', async () => {
    const { actor, effects } = track(player({ mode: 'assessed', storeKey: 'fixture-minimal:assessed' }));
    choose(actor, 'N1-A');
    expect(phase(actor)).toBe('playing');
    expect(effects.keyLoads).toBe(0);
    choose(actor, 'N2-B');
    // Locked in and saved before the key is fetched.
    expect(phase(actor)).toBe('scoring');
    expect(lastSave(effects)?.showingFeedback).toBe(false);
    expect(effects.recorded).toHaveLength(0);
    await settled(actor, 'report');
    expect(effects.keyLoads).toBe(1);
    expect(effects.recorded).toHaveLength(1);
    expect(effects.recorded[0]).toMatchObject({ mode: 'assessed', endingId: 'E1', band: 'proficient' });
    expect(lastSave(effects)).toBeUndefined();
    expect(effects.queued).toEqual([]);
    expect(effects.flushes).toBe(0);
  });

  it('queues an assigned attempt for the trainer, under the account that started it, and sends it', async () => {
    const { actor, effects } = track(
      player({ mode: 'assessed', storeKey: 'fixture-minimal:assignment:a-1', assignmentId: 'a-1', learnerId: 'l-1' }),
    );
    choose(actor, 'N1-A');
    choose(actor, 'N2-B');
    await settled(actor, 'report');
    expect(effects.recorded).toHaveLength(1);
    expect(effects.recorded[0]?.assignmentId).toBe('a-1');
    expect(effects.queued).toEqual([{ attempt: effects.recorded[0], learnerId: 'l-1' }]);
    expect(effects.flushes).toBe(1);
  });

  it('records nothing while the key fails, then once after "Try again"', async () => {
    const { actor, effects } = track(player({ mode: 'assessed' }, undefined, ['fail', 'fail', 'ok']));
    choose(actor, 'N1-A');
    choose(actor, 'N2-B');
    await settled(actor, { scoring: 'keyFailed' });
    expect(actor.getSnapshot().context.keyError).toMatch(/could not be loaded/);
    actor.send({ type: 'key.retry' });
    await settled(actor, { scoring: 'keyFailed' });
    expect(effects.recorded).toHaveLength(0);
    actor.send({ type: 'key.retry' });
    await settled(actor, 'report');
    expect(effects.keyLoads).toBe(3);
    expect(effects.recorded).toHaveLength(1);
  });
});

describe('player machine: opening a saved place', () => {
  const playedTo = async (mode: 'practice' | 'assessed', replies: string[], continueAfter = true) => {
    const { actor, effects } = player({ mode });
    for (const optionId of replies) {
      choose(actor, optionId);
      if (mode === 'practice' && continueAfter) {
        await settled(actor, { feedback: 'ready' });
        actor.send({ type: 'feedback.continue' });
      }
    }
    const saved = lastSave(effects);
    const { session } = actor.getSnapshot().context;
    actor.stop();
    if (!saved) throw new Error('nothing was saved');
    // What the store holds is JSON.
    return { saved: JSON.parse(JSON.stringify(saved)) as Session, session };
  };

  it('resumes where the learner left off, with the same attempt and order of replies, fetching the key early', async () => {
    const { saved, session } = await playedTo('practice', ['N1-A']);
    const { actor, effects } = track(player({}, saved));
    const { context } = actor.getSnapshot();
    expect(context.resumed).toBe(true);
    expect(context.session).toEqual(session);
    expect(phase(actor)).toBe('playing');
    expect(run(actor).nodeId).toBe('N2');
    expect(run(actor).history.map((turn) => turn.optionId)).toEqual(['N1-A']);
    // Nothing is saved just for opening; the key for the next feedback is on its way.
    expect(effects.saves).toEqual([]);
    expect(actor.getSnapshot().matches({ playing: 'fetchingKey' })).toBe(true);
    await waitFor(actor, (snapshot) => snapshot.context.full !== undefined);
    choose(actor, 'N2-B');
    expect(actor.getSnapshot().matches({ feedback: 'ready' })).toBe(true);
    expect(effects.keyLoads).toBe(1);
  });

  it('opens on the feedback that was on screen', async () => {
    const { saved } = await playedTo('practice', ['N1-C'], false);
    expect(saved.showingFeedback).toBe(true);
    const { actor } = track(player({}, saved));
    expect(phase(actor)).toBe('feedback');
    await settled(actor, { feedback: 'ready' });
    expect(run(actor).history.at(-1)?.optionId).toBe('N1-C');
  });

  it('scores an assessed attempt whose last reply was locked in before the reload', async () => {
    const { saved, session } = await playedTo('assessed', ['N1-A', 'N2-B']);
    const { actor, effects } = track(player({ mode: 'assessed' }, saved));
    expect(phase(actor)).toBe('scoring');
    await settled(actor, 'report');
    expect(effects.recorded.map((attempt) => attempt.id)).toEqual([session.attemptId]);
  });

  it('starts again, saying why, when the place was saved on another version or is damaged', async () => {
    const { saved } = await playedTo('practice', ['N1-A']);
    const changed = track(player({}, { ...saved, scenarioHash: 'hash-0' })).actor;
    expect(changed.getSnapshot().context.couldNotResume).toBe('changed');
    expect(run(changed).history).toEqual([]);
    // A restart later is a fresh start of its own: the notice does not come back.
    changed.send({ type: 'session.restart' });
    expect(changed.getSnapshot().context.couldNotResume).toBeUndefined();
    const damaged = track(player({}, { ...saved, snapshot: { value: 'N9', status: 'active' } })).actor;
    expect(damaged.getSnapshot().context.couldNotResume).toBe('damaged');
    expect(damaged.getSnapshot().context.resumed).toBe(false);
    const fresh = track(player()).actor;
    expect(fresh.getSnapshot().context.couldNotResume).toBeUndefined();
  });
});

describe('player machine: restart', () => {
  it('starts a new attempt from the report, and saves it', async () => {
    const { actor, effects } = track(player({ mode: 'assessed' }));
    choose(actor, 'N1-A');
    choose(actor, 'N2-B');
    await settled(actor, 'report');
    const before = actor.getSnapshot().context.session.attemptId;
    actor.send({ type: 'session.restart' });
    const { context } = actor.getSnapshot();
    expect(phase(actor)).toBe('playing');
    expect(context.session.attemptId).not.toBe(before);
    expect(context.finished).toBeUndefined();
    expect(run(actor).history).toEqual([]);
    expect(run(actor).nodeId).toBe('N1');
    expect(lastSave(effects)).toMatchObject({ attemptId: context.session.attemptId, showingFeedback: false });
    // The key stays: the next attempt scores without fetching it again.
    choose(actor, 'N1-B');
    choose(actor, 'N2-A');
    await settled(actor, 'report');
    expect(effects.keyLoads).toBe(1);
    expect(effects.recorded).toHaveLength(2);
  });

  it('"Start again instead" leaves a resumed place, and the notice about it, behind', () => {
    const first = player();
    choose(first.actor, 'N1-A');
    const saved = JSON.parse(JSON.stringify(lastSave(first.effects))) as Session;
    first.actor.stop();
    const { actor } = track(player({}, saved));
    expect(actor.getSnapshot().context.resumed).toBe(true);
    actor.send({ type: 'session.restart' });
    expect(actor.getSnapshot().context.resumed).toBe(false);
    expect(phase(actor)).toBe('playing');
    expect(run(actor).history).toEqual([]);
  });
});

describe('player machine: what is saved', () => {
  let storage: Record<string, string>;
  beforeEach(() => {
    storage = {};
    useStorageEngine(storage, { addEventListener() {}, removeEventListener() {} });
  });

  // The saved snapshot is the compiled machine's own: places saved before the player machine resume.
  it.each(realScenarioFiles().slice(0, 4))('%s: saves what an actor of the compiled machine persists', (file) => {
    const scenario = loadScenario(file);
    const { play } = splitScenario(scenario, 'h');
    const storeKey = `${scenario.id}:assessed`;
    saveSession(storeKey, undefined);
    const fresh: SessionRecord = newSessionRecord('h');
    const actor = createActor(playerMachine, {
      input: openPlayer({ play, mode: 'assessed', storeKey }, undefined, fresh),
    }).start();
    const reference = createActor(compileScenario(blindScenario(play), 'assessed')).start();
    const [first, second] = scenario.benchmarks.exemplarPath;
    for (const optionId of [first, second]) {
      actor.send({ type: 'reply.choose', optionId: optionId ?? '' });
      reference.send({ type: 'learner.choose', optionId: optionId ?? '' });
    }
    const saved = sessionsStore().get().sessions[storeKey];
    const referenceSaved: unknown = JSON.parse(JSON.stringify(reference.getPersistedSnapshot()));
    expect(JSON.parse(JSON.stringify(saved?.snapshot))).toEqual(referenceSaved);
    expect(saved).toMatchObject({ ...fresh, showingFeedback: false });
    actor.stop();
    reference.stop();

    // And a snapshot the compiled machine's actor saved (as the player before this one did) resumes.
    const resumed = createActor(playerMachine, {
      input: openPlayer(
        { play, mode: 'assessed', storeKey },
        { ...fresh, showingFeedback: false, snapshot: referenceSaved },
        newSessionRecord('h'),
      ),
    });
    expect(resumed.getSnapshot().context.resumed).toBe(true);
    expect(runOf(resumed.getSnapshot().context).history.map((turn) => turn.optionId)).toEqual([first, second]);
  });
});

// The real coder reads the words (typed-reader.ts is imported by the machine as it would be in the browser).
const type = (actor: PlayerActor, text: string) => {
  actor.send({ type: 'reply.type', text });
};

describe('player machine: typed replies', () => {
  it('practice: reads a typed reflection, follows the matched reply, and takes a correction', async () => {
    const { actor, effects } = track(player());
    actor.send({ type: 'typing.start' });
    expect(actor.getSnapshot().context.typing).toBe(true);
    expect(lastSave(effects)?.typing).toBe(true);
    // Typing needs the key for the mapping: it loads straight away.
    await waitFor(actor, (snapshot) => snapshot.context.full !== undefined, { timeout: 5000 });
    type(actor, '   ');
    expect(phase(actor)).toBe('playing');
    type(actor, 'Opening them feels like walking into a wall of bad news for you.');
    expect(actor.getSnapshot().matches('reading')).toBe(true);
    await settled(actor, { feedback: 'ready' });
    const [turn] = run(actor).history;
    expect(turn?.typed?.text).toBe('Opening them feels like walking into a wall of bad news for you.');
    expect(turn?.typed?.behaviour).toBe('reflection');
    expect(turn?.optionId).toBe('N1-A');
    expect(run(actor).nodeId).toBe('N2');
    expect(lastSave(effects)).toMatchObject({ showingFeedback: true, typing: true });

    // "That's not what I meant": scored as the closed question instead, still the first try.
    actor.send({ type: 'typed.correct', optionId: 'N1-C' });
    expect(phase(actor)).toBe('feedback');
    const kept = run(actor).history.filter((candidate) => candidate.kept);
    expect(kept).toHaveLength(1);
    expect(run(actor).history).toHaveLength(1);
    // Scored as the reply meant: its codes come with the key.
    expect(rekeyRun(FULL, run(actor)).history[0]).toMatchObject({ optionId: 'N1-C', attempt: 1, codes: ['CQ'] });
    expect(kept[0]?.typed?.corrected).toBe(true);
    // A corrected turn cannot be corrected again.
    actor.send({ type: 'typed.correct', optionId: 'N1-A' });
    expect(run(actor).history[0]?.optionId).toBe('N1-C');

    // Back to the buttons in practice; the preference is saved.
    actor.send({ type: 'feedback.continue' });
    actor.send({ type: 'typing.stop' });
    expect(actor.getSnapshot().context.typing).toBe(false);
    expect(lastSave(effects)?.typing).toBeUndefined();
    choose(actor, 'N2-B');
    expect(run(actor).history.at(-1)?.typed).toBeUndefined();
  }, 15_000);

  it('practice: once the learner accepts the reading (and sees the ★), the turn cannot be corrected, even after a reload', async () => {
    const { actor, effects } = track(player());
    actor.send({ type: 'typing.start' });
    type(actor, 'Opening them feels like walking into a wall of bad news for you.');
    await settled(actor, { feedback: 'ready' });
    actor.send({ type: 'typed.accept' });
    expect(actor.getSnapshot().context.typedAccepted).toBe(true);
    expect(lastSave(effects)).toMatchObject({ showingFeedback: true, typedAccepted: true });
    actor.send({ type: 'typed.correct', optionId: 'N1-C' });
    expect(run(actor).history.map((turn) => [turn.optionId, turn.typed?.corrected])).toEqual([['N1-A', undefined]]);

    // A reload on the same feedback keeps it accepted: the peek cannot be turned into a correction.
    const reopened = track(player({}, lastSave(effects))).actor;
    await settled(reopened, { feedback: 'ready' });
    expect(reopened.getSnapshot().context.typedAccepted).toBe(true);
    reopened.send({ type: 'typed.correct', optionId: 'N1-C' });
    expect(run(reopened).history[0]?.optionId).toBe('N1-A');

    // The next reply starts unaccepted again.
    reopened.send({ type: 'feedback.continue' });
    type(reopened, 'Part of you wants to know what the blue one says.');
    await settled(reopened, { feedback: 'ready' });
    expect(reopened.getSnapshot().context.typedAccepted).toBe(false);
  }, 15_000);

  it('assessed: a typed attempt stays typed, is scored on the words, and a misreading can be flagged once', async () => {
    const { actor, effects } = track(player({ mode: 'assessed', storeKey: 'fixture-minimal:assessed' }));
    actor.send({ type: 'typing.start' });
    // The buttons no longer answer, and there is no way back to them.
    choose(actor, 'N1-A');
    expect(run(actor).history).toHaveLength(0);
    actor.send({ type: 'typing.stop' });
    expect(actor.getSnapshot().context.typing).toBe(true);

    type(actor, 'You really need to just open them today and get it over with.');
    await waitFor(actor, (snapshot) => !snapshot.matches('reading'), { timeout: 5000 });
    expect(actor.getSnapshot().context.typedError ?? '').toBe('');
    expect(phase(actor)).toBe('playing');
    expect(run(actor).history[0]).toMatchObject({ optionId: 'N1-B', stance: 'expert' });
    type(actor, 'Part of you wants to know what the blue one says.');
    await settled(actor, 'report');
    const [attempt] = effects.recorded;
    expect(attempt?.transcript.map((entry) => entry.typed?.text)).toEqual([
      'You really need to just open them today and get it over with.',
      'Part of you wants to know what the blue one says.',
    ]);
    expect(attempt?.band).not.toBe('proficient');

    actor.send({ type: 'typed.flag', index: 0 });
    actor.send({ type: 'typed.flag', index: 0 });
    actor.send({ type: 'typed.flag', index: 7 });
    expect(effects.flags).toEqual([0]);
    expect(actor.getSnapshot().context.finished?.transcript[0]?.typed?.flagged).toBe(true);
    expect(actor.getSnapshot().context.finished?.band).toBe(attempt?.band);
  }, 15_000);

  it('assessed: a saved place with typed turns opens typing, even if saved without the setting', async () => {
    const { actor, effects } = track(player({ mode: 'assessed', storeKey: 'fixture-minimal:assessed' }));
    actor.send({ type: 'typing.start' });
    type(actor, 'That pile feels like a wall of bad news.');
    await waitFor(actor, (snapshot) => runOf(snapshot.context).history.length === 1, { timeout: 5000 });
    const saved = { ...lastSave(effects) } as Session;
    delete saved.typing;
    const reopened = track(player({ mode: 'assessed', storeKey: 'fixture-minimal:assessed' }, saved)).actor;
    expect(reopened.getSnapshot().context.typing).toBe(true);
    choose(reopened, 'N2-B');
    expect(run(reopened).history).toHaveLength(1);
  }, 15_000);

  it('says why a typed reply could not be read and keeps the place', async () => {
    const { actor } = track(player({}, undefined, ['fail']));
    actor.send({ type: 'typing.start' });
    type(actor, 'They feel like a wall of bad news.');
    await waitFor(actor, (snapshot) => snapshot.context.typedError !== undefined, { timeout: 5000 });
    expect(phase(actor)).toBe('playing');
    expect(actor.getSnapshot().context.typedError).toMatch(/could not be read just now.*still in the box/);
    expect(run(actor).history).toHaveLength(0);
  }, 15_000);
});

describe('whileConnected (an actor per mount, under StrictMode)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('survives the disconnect and reconnect StrictMode runs on mount, and stops on unmount', () => {
    const input = openPlayer({ play: PLAY, mode: 'assessed', storeKey: 'strict' }, undefined, newSessionRecord(HASH));
    const actor = createActor(playerMachine.provide({ actions: { persistSession: () => undefined } }), { input });
    const connect = whileConnected(actor);
    const disconnect = connect();
    disconnect();
    const disconnectAgain = connect();
    vi.runAllTimers();
    expect(actor.getSnapshot().status).toBe('active');
    actor.send({ type: 'reply.choose', optionId: 'N1-A' });
    expect(runOf(actor.getSnapshot().context).history).toHaveLength(1);
    disconnectAgain();
    expect(actor.getSnapshot().status).toBe('active');
    vi.runAllTimers();
    expect(actor.getSnapshot().status).toBe('stopped');
  });
});
