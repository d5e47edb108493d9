import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { Mode } from '../../engine/run.ts';
import type { PlayScenario } from '../../engine/play-data.ts';
import type { AssignmentView } from '../../server/api/assignments.ts';
import { signedInAs } from '../../client/sync.ts';
import { isRecord } from '../../stores/guards.ts';
import { assignedSessionKey, sessionsStore } from '../../stores/roleplays.ts';
import type { RolePlaySession } from './RolePlaySession.tsx';

interface Props {
  play: PlayScenario;
  /** The id from the address ('' when it was not an id at all). */
  assignmentId: string;
  urlMode: Mode;
  /**
   * The player, passed in by RolePlayPlayer: this gate is loaded on its own, only for assignments,
   * and importing the player here would split it out of the page's main chunk.
   */
  Session: ComponentType<Parameters<typeof RolePlaySession>[0]>;
}

type Check =
  | { kind: 'loading' }
  | { kind: 'ok'; view: AssignmentView; learnerId: string | undefined }
  | { kind: 'signed-out' }
  | { kind: 'missing' }
  | { kind: 'unreachable' };

const isView = (value: unknown): value is AssignmentView =>
  isRecord(value) &&
  typeof value['id'] === 'string' &&
  typeof value['scenarioId'] === 'string' &&
  (value['mode'] === 'assessed' || value['mode'] === 'practice') &&
  typeof value['trainer'] === 'string' &&
  typeof value['cohort'] === 'string';

async function checkAssignment(id: string): Promise<Check> {
  if (!id) return { kind: 'missing' };
  try {
    const response = await fetch(`/api/assignments/${encodeURIComponent(id)}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (response.status === 401) return { kind: 'signed-out' };
    if (response.status === 404 || response.status === 403) return { kind: 'missing' };
    const body: unknown = response.ok ? await response.json() : undefined;
    if (!isView(body)) return { kind: 'unreachable' };
    return { kind: 'ok', view: body, learnerId: (await signedInAs()) ?? undefined };
  } catch {
    return { kind: 'unreachable' };
  }
}

const dueWords = (dueAt: string | null): string =>
  dueAt ? ` · due ${new Date(dueAt).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' })}` : '';

const SHARED =
  'When you finish, your replies and scores for this role-play will be sent to your trainer, including the words of any reply you type yourself. Nothing else on this device is shared.';

/**
 * An assigned role-play: checks the assignment with the server, shows who assigned it and what
 * will be sent before the first reply (the gate), and plays it in the trainer's mode. A place saved
 * earlier resumes without the gate: the learner has already been told.
 */
export function AssignedRolePlay({ play, assignmentId, urlMode, Session }: Props) {
  const key = assignedSessionKey(play.id, assignmentId);
  const [check, setCheck] = useState<Check>({ kind: 'loading' });
  const [tries, setTries] = useState(0);
  const [started, setStarted] = useState(() => sessionsStore().get().sessions[key] !== undefined);
  const [pressedStart, setPressedStart] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void checkAssignment(assignmentId).then((result) => {
      if (live) setCheck(result);
    });
    return () => {
      live = false;
    };
  }, [assignmentId, tries]);

  const view = check.kind === 'ok' ? check.view : undefined;
  const mode: Mode = view?.mode ?? urlMode;

  // The trainer chose the mode: an address with the other one is corrected, so a reload stays right.
  useEffect(() => {
    if (!view || view.mode === urlMode) return;
    const url = new URL(window.location.href);
    url.searchParams.set('mode', view.mode);
    window.history.replaceState(window.history.state, '', url);
  }, [view, urlMode]);

  // Once the check is back, the gate's heading takes the focus so its message is read first.
  useEffect(() => {
    if (check.kind !== 'loading' && !started) headingRef.current?.focus();
  }, [check.kind, started]);

  const start = (): void => {
    // Marks the assignment "in progress" for the trainer; the role-play works whether or not this arrives.
    void fetch(`/api/assignments/${encodeURIComponent(assignmentId)}/start`, {
      method: 'POST',
      credentials: 'same-origin',
    }).catch(() => undefined);
    setPressedStart(true);
    setStarted(true);
  };

  const practiseHref = `?mode=${mode}`;
  const signInHref = `/sign-in/?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;

  if (view && view.scenarioId !== play.id)
    return (
      <section className="card rp-gate" aria-labelledby="rp-gate-heading">
        <h2 id="rp-gate-heading" tabIndex={-1} ref={headingRef}>
          This assignment is for another role-play
        </h2>
        <p>
          <a href={`/roleplays/${view.scenarioId}/?mode=${view.mode}&assignment=${view.id}`}>
            Open the role-play your trainer assigned
          </a>
        </p>
      </section>
    );

  if (check.kind === 'loading')
    return (
      <p className="rp-loading" role="status">
        Checking your assignment…
      </p>
    );

  if (started && (check.kind === 'ok' || check.kind === 'unreachable'))
    return (
      <Session
        play={play}
        mode={mode}
        storeKey={key}
        assignmentId={assignmentId}
        learnerId={check.kind === 'ok' ? check.learnerId : undefined}
        focusOnStart={pressedStart}
        modeNote={
          <span className="rp-assigned">
            {view ? `Assigned by ${view.trainer} (${view.cohort}). ` : 'Assigned by your trainer. '}
            Your replies (typed ones word for word) and scores for this role-play will be sent to your trainer when you
            finish.
          </span>
        }
      />
    );

  return (
    <section className="card rp-gate" aria-labelledby="rp-gate-heading">
      {check.kind === 'ok' && (
        <>
          <h2 id="rp-gate-heading" tabIndex={-1} ref={headingRef}>
            A role-play from your trainer
          </h2>
          <p>
            Assigned by {check.view.trainer} ({check.view.cohort}) · {check.view.mode} mode
            {dueWords(check.view.dueAt)}
          </p>
          {check.view.note && (
            <p className="assignment-note">
              <strong>Note from {check.view.trainer}:</strong> {check.view.note}
            </p>
          )}
          <p>
            <strong>{SHARED}</strong>
          </p>
          <p className="actions">
            <button type="button" onClick={start}>
              Start the role-play
            </button>
          </p>
        </>
      )}
      {check.kind === 'signed-out' && (
        <>
          <h2 id="rp-gate-heading" tabIndex={-1} ref={headingRef}>
            Sign in to do this assignment
          </h2>
          <p>
            Your trainer assigned you this role-play. Sign in so that your result can be sent to them when you finish.
          </p>
          <p className="actions">
            <a className="button" href={signInHref}>
              Sign in
            </a>
            <a className="button secondary" href={practiseHref}>
              Practise without sending
            </a>
          </p>
          <p className="meta">Practice stays on this device and is not sent to anyone.</p>
        </>
      )}
      {check.kind === 'missing' && (
        <>
          <h2 id="rp-gate-heading" tabIndex={-1} ref={headingRef}>
            This assignment isn’t yours or no longer exists
          </h2>
          <p>
            It may have been removed by your trainer, or the link belongs to someone else’s account. Your own
            assignments are on <a href="/account/">your account page</a>.
          </p>
          <p className="actions">
            <a className="button secondary" href={practiseHref}>
              Practise this role-play without sending
            </a>
          </p>
        </>
      )}
      {check.kind === 'unreachable' && (
        <>
          <h2 id="rp-gate-heading" tabIndex={-1} ref={headingRef}>
            We couldn’t check this assignment
          </h2>
          <p>
            Alongside’s server did not answer: you may be offline. You can try again, or start now: your result is kept
            on this device and sent to your trainer once you are back online.
          </p>
          <p>
            <strong>{SHARED}</strong>
          </p>
          <p className="actions">
            <button
              type="button"
              onClick={() => {
                setCheck({ kind: 'loading' });
                setTries((n) => n + 1);
              }}
            >
              Try again
            </button>
            <button type="button" className="secondary" onClick={start}>
              Start without checking
            </button>
          </p>
        </>
      )}
    </section>
  );
}
