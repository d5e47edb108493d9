import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createActor, type Actor } from 'xstate';
import { feedbackForLast } from '../../engine/feedback.ts';
import { compileScenario, resumableSnapshot, snapshotAfterRetry, type RolePlayMachine } from '../../engine/machine.ts';
import { availableOptions, canRetry, type Mode, type Run } from '../../engine/run.ts';
import { scoreRun } from '../../engine/scoring.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { flushOutbox } from '../../client/sync.ts';
import { queueAttempt } from '../../stores/outbox.ts';
import { buildAttempt, recordAttempt, saveSession, sessionsStore, type Session } from '../../stores/roleplays.ts';
import { ConversationLog } from './ConversationLog.tsx';
import { EndReport } from './EndReport.tsx';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import { shuffled } from '../../course/shuffle.ts';
import { StateMeters } from './StateMeters.tsx';
import { SyncStatus } from './SyncStatus.tsx';

interface Props {
  scenario: Scenario;
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

type Phase = 'playing' | 'feedback' | 'report';
type PlayerActor = Actor<RolePlayMachine>;

const newSession = (): Omit<Session, 'snapshot'> => ({
  attemptId: crypto.randomUUID(),
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
  machine: RolePlayMachine,
  key: string,
): { live: Live; phase: Phase; resumed: boolean; couldNotResume: boolean } {
  const saved = sessionsStore().get().sessions[key];
  const snapshot = saved && resumableSnapshot(scenario, saved.snapshot);
  if (saved && snapshot) {
    const actor = createActor(machine, { snapshot: snapshot as never });
    actor.start();
    const session = {
      attemptId: saved.attemptId,
      startedAt: saved.startedAt,
      seed: saved.seed,
      showingFeedback: saved.showingFeedback,
    };
    return {
      live: { actor, session },
      phase: saved.showingFeedback ? 'feedback' : 'playing',
      resumed: true,
      couldNotResume: false,
    };
  }
  const actor = createActor(machine);
  actor.start();
  const session = newSession();
  // A saved place that no longer fits this role-play (it was edited, or the data is damaged) is replaced.
  saveSession(key, { ...session, snapshot: actor.getPersistedSnapshot() });
  return { live: { actor, session }, phase: 'playing', resumed: false, couldNotResume: saved !== undefined };
}

/**
 * One role-play conversation: the person speaks, the learner replies, the person reacts.
 * It runs in a client-only island, so reading saved sessions during the first render is safe.
 */
export function RolePlaySession({
  scenario,
  mode,
  storeKey: key,
  assignmentId,
  learnerId,
  modeNote,
  focusOnStart,
}: Props) {
  const machine = useMemo(() => compileScenario(scenario, mode), [scenario, mode]);
  const [opened] = useState(() => openSession(scenario, machine, key));
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
  }, [phase, run]);

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

  const finish = (finished: Run): void => {
    const attempt = { ...buildAttempt(scenario, finished, live.session), ...(assignmentId ? { assignmentId } : {}) };
    recordAttempt(attempt);
    saveSession(key, undefined);
    // Only an assigned attempt is queued to be sent to the trainer; everything else stays here.
    if (assignmentId) {
      queueAttempt(attempt, learnerId);
      void flushOutbox('load');
    }
    setFinishedId(attempt.id);
    setPhase('report');
  };

  const choose = (optionId: string): void => {
    const { actor } = live;
    actor.send({ type: 'learner.choose', optionId });
    const next = actor.getSnapshot().context.run;
    setRun(next);
    if (mode === 'practice') {
      setPhase('feedback');
      persist(live, true);
    } else if (next.ended) {
      finish(next);
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
      finish(run);
      return;
    }
    persist(live, false);
    setPhase('playing');
    focusReplies();
  };

  const restart = (): void => {
    persist(attach(createActor(machine), newSession()), false);
    setResumed(false);
    setPhase('playing');
    focusReplies();
  };

  const feedback = phase === 'feedback' ? feedbackForLast(scenario, run) : undefined;
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
      {opened.couldNotResume && !resumed && run.history.length === 0 && (
        <p className="notice" role="status">
          We couldn’t pick up where you left off: this role-play has changed since then, or the saved place was damaged.
          It starts again from the beginning. Your finished role-plays are not affected.
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
          {phase === 'feedback' && !feedback && (
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
          {phase === 'report' && (
            <EndReport
              ref={focusRef}
              scenario={scenario}
              run={run}
              scores={scoreRun(scenario, run)}
              onRestart={restart}
              status={assignmentId && finishedId ? <SyncStatus attemptId={finishedId} /> : undefined}
            />
          )}
        </div>
        {mode === 'practice' && phase !== 'report' && <StateMeters state={run.state} name={scenario.persona.name} />}
      </div>
    </div>
  );
}
