import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createActor, type Actor } from 'xstate';
import { feedbackForLast } from '../../engine/feedback.ts';
import { compileScenario, resumableSnapshot, snapshotAfterRetry, type RolePlayMachine } from '../../engine/machine.ts';
import { blindScenario, type PlayScenario } from '../../engine/play-data.ts';
import { availableOptions, canRetry, rekeyRun, type Mode, type Run } from '../../engine/run.ts';
import { scoreRun } from '../../engine/scoring.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { loadKey } from '../../client/scenario-key.ts';
import { flushOutbox } from '../../client/sync.ts';
import { queueAttempt } from '../../stores/outbox.ts';
import { buildAttempt, recordAttempt, saveSession, sessionsStore, type Session } from '../../stores/roleplays.ts';
import { ConversationLog } from './ConversationLog.tsx';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import { shuffled } from '../../course/shuffle.ts';
import { StateMeters } from './StateMeters.tsx';
import { SyncStatus } from './SyncStatus.tsx';

// The end report loads when it is first needed (the page's JS budget; the key arrives then too).
const loadEndReport = () => import('./EndReport.tsx');
const EndReport = lazy(async () => ({ default: (await loadEndReport()).EndReport }));

interface Props {
  /** What the conversation needs; the key is fetched when it is first needed (play-data.ts). */
  play: PlayScenario;
  mode: Mode;
  /** Where this role-play's place is saved (self-started and assigned ones are kept apart). */
  storeKey: string;
  /** Set for an assigned role-play: finished attempts carry it and go to the outbox. */
  assignmentId?: string | undefined;
  /** The account that started an assigned role-play, so its result is never sent under another. */
  learnerId?: string | undefined;
  /** Replaces the mode line's "switch mode" link (an assigned role-play's mode is the trainer's). */
  modeNote?: ReactNode;
  /** Put the focus on "Your reply" on mount (after the learner pressed Start on the assignment gate). */
  focusOnStart?: boolean;
}

/** `scoring`: assessed mode, the last reply is locked in and the key is on its way. */
type Phase = 'playing' | 'feedback' | 'scoring' | 'report';
type PlayerActor = Actor<RolePlayMachine>;

const newSession = (scenarioHash: string): Omit<Session, 'snapshot'> => ({
  attemptId: crypto.randomUUID(),
  scenarioHash,
  startedAt: new Date().toISOString(),
  seed: Math.floor(Math.random() * 2 ** 31),
  showingFeedback: false,
});

interface Live {
  actor: PlayerActor;
  session: Omit<Session, 'snapshot'>;
}

/** Resumes the saved session for this role-play and mode, or starts a new one. */
function openSession(
  scenario: Scenario,
  hash: string,
  machine: RolePlayMachine,
  key: string,
): { live: Live; phase: Phase; resumed: boolean; couldNotResume?: 'changed' | 'damaged' } {
  const saved = sessionsStore().get().sessions[key];
  // A place saved on another version of this role-play (or before versions had hashes) starts again.
  const snapshot = saved?.scenarioHash === hash ? resumableSnapshot(scenario, saved.snapshot) : undefined;
  if (saved && snapshot) {
    const actor = createActor(machine, { snapshot: snapshot as never });
    actor.start();
    const session = {
      attemptId: saved.attemptId,
      startedAt: saved.startedAt,
      scenarioHash: hash,
      seed: saved.seed,
      showingFeedback: saved.showingFeedback,
    };
    const ended = actor.getSnapshot().context.run.ended;
    return {
      live: { actor, session },
      phase: saved.showingFeedback ? 'feedback' : ended ? 'scoring' : 'playing',
      resumed: true,
    };
  }
  const actor = createActor(machine);
  actor.start();
  const session = newSession(hash);
  // A saved place that no longer fits this role-play (it was edited, or the data is damaged) is replaced.
  saveSession(key, { ...session, snapshot: actor.getPersistedSnapshot() });
  const couldNotResume = saved === undefined ? undefined : saved.scenarioHash === hash ? 'damaged' : 'changed';
  return { live: { actor, session }, phase: 'playing', resumed: false, ...(couldNotResume ? { couldNotResume } : {}) };
}

/**
 * One role-play conversation: the person speaks, the learner replies, the person reacts.
 * It runs in a client-only island, so reading saved sessions during the first render is safe.
 */
export function RolePlaySession({ play, mode, storeKey: key, assignmentId, learnerId, modeNote, focusOnStart }: Props) {
  // The conversation runs on the play part alone; `full` (with the key) arrives when first needed.
  const scenario = useMemo(() => blindScenario(play), [play]);
  const [full, setFull] = useState<Scenario>();
  const [keyError, setKeyError] = useState<string>();
  const [keyTries, setKeyTries] = useState(0);
  const machine = useMemo(() => compileScenario(scenario, mode), [scenario, mode]);
  const [opened] = useState(() => openSession(scenario, play.hash, machine, key));
  const [live, setLive] = useState(opened.live);
  const [run, setRun] = useState<Run>(() => opened.live.actor.getSnapshot().context.run);
  const [phase, setPhase] = useState<Phase>(opened.phase);
  const [resumed, setResumed] = useState(opened.resumed);
  const [finishedId, setFinishedId] = useState<string>();
  const focusRef = useRef<HTMLHeadingElement>(null);
  const repliesRef = useRef<HTMLHeadingElement>(null);

  useEffect(
    () => () => {
      live.actor.stop();
    },
    [live],
  );

  useEffect(() => {
    if (phase === 'feedback' || phase === 'report') focusRef.current?.focus();
    if (phase !== 'playing') void loadEndReport();
  }, [phase, run, full]);
  // The report's heading takes focus when it arrives (it may load after the phase has changed).
  const focusReport = useCallback((node: HTMLHeadingElement | null) => {
    focusRef.current = node;
    node?.focus();
  }, []);

  useEffect(() => {
    if (focusOnStart) repliesRef.current?.focus();
  }, [focusOnStart]);

  const persist = (target: Live, showingFeedback: boolean): void => {
    saveSession(key, { ...target.session, showingFeedback, snapshot: target.actor.getPersistedSnapshot() });
  };

  const attach = (actor: PlayerActor, session: Omit<Session, 'snapshot'>): Live => {
    actor.start();
    const next = { actor, session };
    setLive(next);
    setRun(actor.getSnapshot().context.run);
    return next;
  };

  const focusReplies = (): void => {
    requestAnimationFrame(() => repliesRef.current?.focus());
  };

  // Practice: the key is needed from the first feedback on. Assessed: only once the last reply is in.
  const needKey = phase === 'scoring' || (!full && mode === 'practice' && run.history.length > 0);
  const { session } = live;
  useEffect(() => {
    if (!needKey) return;
    let current = true;
    loadKey(play).then(
      (loaded) => {
        if (!current) return;
        setFull(loaded);
        setKeyError(undefined);
        if (phase !== 'scoring') return;
        // Scored on this device as before; an assigned attempt is re-scored by the server.
        const attempt = {
          ...buildAttempt(loaded, rekeyRun(loaded, run), session),
          ...(assignmentId ? { assignmentId } : {}),
        };
        recordAttempt(attempt);
        saveSession(key, undefined);
        if (assignmentId) {
          queueAttempt(attempt, learnerId);
          void flushOutbox('load');
        }
        setFinishedId(attempt.id);
        setPhase('report');
      },
      (error: unknown) => {
        if (current) setKeyError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      current = false;
    };
  }, [needKey, play, keyTries, phase, run, session, key, assignmentId, learnerId]);

  const keyed = useMemo(() => (full ? rekeyRun(full, run) : undefined), [full, run]);

  const choose = (optionId: string): void => {
    const { actor } = live;
    actor.send({ type: 'learner.choose', optionId });
    const next = actor.getSnapshot().context.run;
    setRun(next);
    if (mode === 'practice') {
      setPhase('feedback');
      persist(live, true);
    } else if (next.ended) {
      // Locked in and saved first, so a reload or a lost connection while scoring loses nothing.
      persist(live, false);
      setPhase('scoring');
    } else {
      persist(live, false);
      focusReplies();
    }
  };

  const tryAnother = (): void => {
    if (!canRetry(run)) return;
    let target = live;
    if (live.actor.getSnapshot().status === 'done') {
      target = attach(createActor(machine, { snapshot: snapshotAfterRetry(machine, run) }), live.session);
    } else {
      live.actor.send({ type: 'learner.retry' });
      setRun(live.actor.getSnapshot().context.run);
    }
    persist(target, false);
    setPhase('playing');
    focusReplies();
  };

  const carryOn = (): void => {
    if (run.ended) {
      // The key is here (feedback was shown); recording the attempt happens as in assessed mode.
      persist(live, false);
      setPhase('scoring');
      return;
    }
    persist(live, false);
    setPhase('playing');
    focusReplies();
  };

  const restart = (): void => {
    persist(attach(createActor(machine), newSession(play.hash)), false);
    setResumed(false);
    setPhase('playing');
    focusReplies();
  };

  const feedback = phase === 'feedback' && full && keyed ? feedbackForLast(full, keyed) : undefined;
  const waiting = (phase === 'feedback' || phase === 'scoring') && !full;
  const options = shuffled(availableOptions(scenario, run), live.session.seed);
  const other = mode === 'practice' ? 'assessed' : 'practice';

  return (
    <div className="rp-player" data-mode={mode}>
      <p className="rp-mode">
        {mode === 'practice'
          ? 'Practice mode: you see feedback after every reply and can try another reply.'
          : 'Assessed mode: no feedback until the end. Only the person’s words and cues tell you how it is going.'}{' '}
        {modeNote ?? <a href={`?mode=${other}`}>Switch to {other} mode</a>}
      </p>
      {opened.couldNotResume === 'changed' && !resumed && run.history.length === 0 && (
        <p className="notice rp-restarted" role="status">
          This role-play has changed since you started it, so it starts again from the beginning; your finished attempts
          are kept.
        </p>
      )}
      {opened.couldNotResume === 'damaged' && !resumed && run.history.length === 0 && (
        <p className="notice rp-restarted" role="status">
          We couldn’t pick up where you left off: the saved place was damaged. It starts again from the beginning. Your
          finished role-plays are not affected.
        </p>
      )}
      {resumed && phase !== 'report' && (
        <p className="notice" role="status">
          Welcome back. You are where you left off.{' '}
          <button type="button" className="secondary" onClick={restart}>
            Start again instead
          </button>
        </p>
      )}
      <div className="rp-layout">
        <div className="rp-main">
          <ConversationLog scenario={scenario} run={run} />
          {phase === 'feedback' && feedback && (
            <FeedbackPanel
              ref={focusRef}
              feedback={feedback}
              ended={run.ended}
              onRetry={tryAnother}
              onContinue={carryOn}
            />
          )}
          {waiting && (
            <div className="rp-waiting" role="status">
              {keyError ? (
                <p>
                  {keyError}{' '}
                  <button
                    type="button"
                    onClick={() => {
                      setKeyTries((n) => n + 1);
                    }}
                  >
                    Try again
                  </button>
                </p>
              ) : (
                <p>{phase === 'scoring' ? 'Your replies are in. Scoring them…' : 'Loading the feedback…'}</p>
              )}
            </div>
          )}
          {phase === 'feedback' && full && !feedback && (
            <p>
              <button type="button" onClick={carryOn}>
                Continue
              </button>
            </p>
          )}
          {phase === 'playing' && !run.ended && (
            <section className="rp-replies" aria-labelledby="rp-replies-heading">
              <h2 id="rp-replies-heading" tabIndex={-1} ref={repliesRef}>
                Your reply
              </h2>
              <ul>
                {options.map((option) => (
                  <li key={option.id}>
                    <button
                      type="button"
                      className="reply"
                      onClick={() => {
                        choose(option.id);
                      }}
                    >
                      {option.text}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {phase === 'report' && full && keyed && (
            <Suspense fallback={<p className="rp-loading">Putting your report together…</p>}>
              <EndReport
                ref={focusReport}
                scenario={full}
                run={keyed}
                scores={scoreRun(full, keyed)}
                onRestart={restart}
                status={assignmentId && finishedId ? <SyncStatus attemptId={finishedId} /> : undefined}
              />
            </Suspense>
          )}
        </div>
        {mode === 'practice' && phase !== 'report' && <StateMeters state={run.state} name={scenario.persona.name} />}
      </div>
    </div>
  );
}
