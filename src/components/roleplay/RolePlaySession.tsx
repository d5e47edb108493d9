import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createActor } from 'xstate';
import { feedbackForLast } from '../../engine/feedback.ts';
import type { PlayScenario } from '../../engine/play-data.ts';
import { availableOptions, rekeyRun, type Mode } from '../../engine/run.ts';
import { scoreRun } from '../../engine/scoring.ts';
import { shuffled } from '../../course/shuffle.ts';
import {
  newSessionRecord,
  openPlayer,
  phaseOf,
  playerMachine,
  runOf,
  typingAllowed,
  type PlayerEvent,
  type PlayerSnapshot,
} from '../../client/player-machine.ts';
import { useActorOnce, useSelector } from '../../client/use-actor.ts';
import { sessionsStore } from '../../stores/roleplays.ts';
import { ConversationLog } from './ConversationLog.tsx';
import { KeyWaiting } from './KeyWaiting.tsx';
import { ModeLine } from './ModeLine.tsx';
import { ReplyList } from './ReplyList.tsx';
import { ResumeNotice } from './ResumeNotice.tsx';
import { StateMeters } from './StateMeters.tsx';

// Feedback, the report and the sending status load with the key, when first needed (the page's JS budget).
const loadAfterKey = () => import('./after-key.ts');
const FeedbackPanel = lazy(async () => ({ default: (await loadAfterKey()).FeedbackPanel }));
const EndReport = lazy(async () => ({ default: (await loadAfterKey()).EndReport }));
const SyncStatus = lazy(async () => ({ default: (await loadAfterKey()).SyncStatus }));
const TypedFeedback = lazy(async () => ({ default: (await loadAfterKey()).TypedFeedback }));
// The box and the coder load only once the learner chooses to type (issue 13).
const loadTyping = () => Promise.all([import('./TypedReplyBox.tsx'), import('../../client/typed-reader.ts')]);
const TypedReplyBox = lazy(async () => ({ default: (await loadTyping())[0].TypedReplyBox }));

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

// Narrow reads: each returns a field (or a primitive), so a view re-renders only when it changes.
const runIn = (snapshot: PlayerSnapshot) => runOf(snapshot.context);
const scenarioIn = (snapshot: PlayerSnapshot) => snapshot.context.scenario;
const keyIn = (snapshot: PlayerSnapshot) => snapshot.context.full;
const keyErrorIn = (snapshot: PlayerSnapshot) => snapshot.context.keyError;
const finishedIdIn = (snapshot: PlayerSnapshot) => snapshot.context.finished?.id;
const seedIn = (snapshot: PlayerSnapshot) => snapshot.context.session.seed;
const resumedIn = (snapshot: PlayerSnapshot) => snapshot.context.resumed;
const couldNotResumeIn = (snapshot: PlayerSnapshot) => snapshot.context.couldNotResume;
const typingIn = (snapshot: PlayerSnapshot) => snapshot.context.typing;
const typedErrorIn = (snapshot: PlayerSnapshot) => snapshot.context.typedError;
const readingIn = (snapshot: PlayerSnapshot) => snapshot.matches('reading');
const canTypeIn = (snapshot: PlayerSnapshot) => typingAllowed(snapshot.context);
const finishedIn = (snapshot: PlayerSnapshot) => snapshot.context.finished;
const typedAcceptedIn = (snapshot: PlayerSnapshot) => snapshot.context.typedAccepted;

/**
 * One role-play conversation: the person speaks, the learner replies, the person reacts. The
 * player machine (client/player-machine.ts) holds everything; this island shows it and sends the
 * learner's choices. It runs client-only, so reading the saved place while mounting is safe.
 */
export function RolePlaySession({ play, mode, storeKey, assignmentId, learnerId, modeNote, focusOnStart }: Props) {
  const actor = useActorOnce(() =>
    createActor(playerMachine, {
      input: openPlayer(
        { play, mode, storeKey, assignmentId, learnerId },
        sessionsStore().get().sessions[storeKey],
        newSessionRecord(play.hash),
      ),
    }),
  );
  const phase = useSelector(actor, phaseOf);
  const run = useSelector(actor, runIn);
  const scenario = useSelector(actor, scenarioIn);
  const full = useSelector(actor, keyIn);
  const keyError = useSelector(actor, keyErrorIn);
  const finishedId = useSelector(actor, finishedIdIn);
  const seed = useSelector(actor, seedIn);
  const resumed = useSelector(actor, resumedIn);
  const couldNotResume = useSelector(actor, couldNotResumeIn);
  const typing = useSelector(actor, typingIn);
  const typedError = useSelector(actor, typedErrorIn);
  const reading = useSelector(actor, readingIn);
  const canType = useSelector(actor, canTypeIn);
  const finished = useSelector(actor, finishedIn);
  const typedAccepted = useSelector(actor, typedAcceptedIn);
  // Said once in the live region: how a typed reply was read (the feedback heading also takes focus).
  const [announcement, setAnnouncement] = useState('');
  const repliesRef = useRef<HTMLHeadingElement>(null);

  // Feedback and the report take the focus when they arrive (each may wait for the key or its code).
  const focusOnArrival = useCallback((node: HTMLHeadingElement | null) => {
    node?.focus();
  }, []);
  // Wanted when the key is: from the first practice feedback (or a place resumed after it), or scoring.
  const keyWanted = phase !== 'playing' || (mode === 'practice' && run.history.length > 0);
  useEffect(() => {
    if (keyWanted) void loadAfterKey();
  }, [keyWanted]);
  useEffect(() => {
    if (typing) void loadTyping();
  }, [typing]);
  useEffect(() => {
    if (focusOnStart) repliesRef.current?.focus();
  }, [focusOnStart]);

  // Back at "Your reply" after a reply (assessed), a retry, "Continue" or a restart: focus follows.
  const send = (event: PlayerEvent): void => {
    setAnnouncement('');
    actor.send(event);
    if (actor.getSnapshot().matches('playing')) requestAnimationFrame(() => repliesRef.current?.focus());
  };
  const restart = (): void => {
    send({ type: 'session.restart' });
  };

  const keyed = useMemo(() => (full ? rekeyRun(full, run) : undefined), [full, run]);
  const feedback = phase === 'feedback' && full && keyed ? feedbackForLast(full, keyed) : undefined;
  const typedTurn = feedback?.turn.typed ? { ...feedback.turn, typed: feedback.turn.typed } : undefined;
  // The box takes the focus when the learner chose to type, and again after each typed reply.
  const [focusBox, setFocusBox] = useState(false);
  // "Welcome back" until the report; why a saved place could not be picked up, until the first reply.
  let notice: 'resumed' | 'changed' | 'damaged' | undefined;
  if (resumed) notice = phase === 'report' ? undefined : 'resumed';
  else if (run.history.length === 0) notice = couldNotResume;

  return (
    <div className="rp-player" data-mode={mode}>
      <ModeLine mode={mode} modeNote={modeNote} />
      {notice && <ResumeNotice kind={notice} onRestart={restart} />}
      <div className="rp-layout">
        <div className="rp-main">
          <ConversationLog scenario={scenario} run={run} />
          {feedback && (
            <Suspense fallback={<KeyWaiting scoring={false} />}>
              <FeedbackPanel
                ref={focusOnArrival}
                feedback={feedback}
                ended={run.ended}
                typed={
                  typedTurn && full && keyed ? (
                    <TypedFeedback
                      scenario={full}
                      run={keyed}
                      turn={typedTurn}
                      onRead={setAnnouncement}
                      accepted={typedAccepted}
                      onAccept={() => {
                        send({ type: 'typed.accept' });
                      }}
                      onCorrect={(optionId) => {
                        send({ type: 'typed.correct', optionId });
                      }}
                    />
                  ) : undefined
                }
                onRetry={() => {
                  send({ type: 'reply.retry' });
                }}
                onContinue={() => {
                  send({ type: 'feedback.continue' });
                }}
              />
            </Suspense>
          )}
          {(phase === 'feedback' || phase === 'scoring') && !full && (
            <KeyWaiting
              scoring={phase === 'scoring'}
              error={keyError}
              onRetry={() => {
                send({ type: 'key.retry' });
              }}
            />
          )}
          {phase === 'feedback' && full && !feedback && (
            <p>
              <button
                type="button"
                onClick={() => {
                  send({ type: 'feedback.continue' });
                }}
              >
                Continue
              </button>
            </p>
          )}
          {phase === 'playing' && !run.ended && (
            <ReplyList
              ref={repliesRef}
              replies={typing && canType ? [] : shuffled(availableOptions(scenario, run), seed)}
              onChoose={(optionId) => {
                send({ type: 'reply.choose', optionId });
              }}
              onType={
                canType && !typing
                  ? () => {
                      setFocusBox(true);
                      send({ type: 'typing.start' });
                    }
                  : undefined
              }
            >
              {typing && canType && (
                <Suspense fallback={<p className="rp-loading">Getting the reply box ready…</p>}>
                  <TypedReplyBox
                    key={run.history.length}
                    assessed={mode === 'assessed'}
                    busy={reading}
                    error={typedError}
                    focusOnMount={focusBox}
                    onSend={(text) => {
                      setFocusBox(true);
                      send({ type: 'reply.type', text });
                    }}
                    onChoose={
                      mode === 'practice'
                        ? () => {
                            send({ type: 'typing.stop' });
                          }
                        : undefined
                    }
                  />
                </Suspense>
              )}
            </ReplyList>
          )}
          {phase === 'report' && full && keyed && (
            <Suspense fallback={<p className="rp-loading">Putting your report together…</p>}>
              <EndReport
                ref={focusOnArrival}
                scenario={full}
                run={keyed}
                scores={scoreRun(full, keyed)}
                onRestart={restart}
                status={assignmentId && finishedId ? <SyncStatus attemptId={finishedId} /> : undefined}
                onFlag={
                  mode === 'assessed'
                    ? (index) => {
                        send({ type: 'typed.flag', index });
                      }
                    : undefined
                }
                flagged={(finished?.transcript ?? []).flatMap((turn, index) => (turn.typed?.flagged ? [index] : []))}
              />
            </Suspense>
          )}
        </div>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {mode === 'practice' && phase !== 'report' && <StateMeters state={run.state} name={scenario.persona.name} />}
      </div>
    </div>
  );
}
