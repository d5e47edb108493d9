import { lazy, Suspense, useEffect, useState } from 'react';
import type { Mode } from '../../engine/run.ts';
import type { PlayScenario } from '../../engine/play-data.ts';
import { attemptsStore, sessionKey } from '../../stores/roleplays.ts';
import { RolePlaySession } from './RolePlaySession.tsx';

interface Props {
  /** The play part only: the answer key is not on the page (issue 11, item 4). */
  play: PlayScenario;
}

// The assignment gate loads only when an assignment is opened: a self-started role-play (most
// visits) does not carry it in the page's JS budget.
const AssignedRolePlay = lazy(async () => ({ default: (await import('./AssignedRolePlay.tsx')).AssignedRolePlay }));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Target {
  mode: Mode;
  /** From `?assignment=`: the role-play was assigned by a trainer (checked with the server first). */
  assignment?: string;
}

function readTarget(): Target {
  const params = new URLSearchParams(window.location.search);
  const mode: Mode = params.get('mode') === 'assessed' ? 'assessed' : 'practice';
  const assignment = params.get('assignment');
  return assignment === null ? { mode } : { mode, assignment: UUID.test(assignment) ? assignment : '' };
}

/**
 * The role-play player. Opened from "My assignments" (`?assignment=<id>`), it first checks the
 * assignment and tells the learner that the result will be sent to their trainer; otherwise it is
 * the self-started role-play, which stays on this device. It is a client-only island, so reading
 * the address during the first render is safe.
 */
export default function RolePlayPlayer({ play }: Props) {
  const [target] = useState(readTarget);
  // Any assigned result still waiting on this device is sent from here too. Sending loads only for a
  // learner with assigned results or an assignment open (the page's JS budget); most visits have none.
  useEffect(() => {
    const assigned =
      target.assignment !== undefined ||
      attemptsStore()
        .get()
        .attempts.some((attempt) => attempt.assignmentId);
    if (assigned)
      void import('../../client/sync.ts').then((sync) => {
        sync.startSync();
      });
  }, [target.assignment]);
  if (target.assignment !== undefined)
    return (
      <Suspense
        fallback={
          <p className="rp-loading" role="status">
            Checking your assignment…
          </p>
        }
      >
        <AssignedRolePlay
          play={play}
          assignmentId={target.assignment}
          urlMode={target.mode}
          Session={RolePlaySession}
        />
      </Suspense>
    );
  return <RolePlaySession play={play} mode={target.mode} storeKey={sessionKey(play.id, target.mode)} />;
}
