import type { Retype } from '../../engine/annotated.ts';
import type { Run } from '../../engine/run.ts';
import { scoreRun, type Scores } from '../../engine/scoring.ts';
import { replayOnVersion, type Version } from '../../engine/versions.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { HttpError } from '../http.ts';
import type { SyncAttemptBody } from './sync-schema.ts';

/** The answer's `code` when an attempt names a version of the role-play this server does not have. */
export const CONTENT_VERSION = 'CONTENT_VERSION';

export interface ContentVersionConflict {
  error: string;
  code: typeof CONTENT_VERSION;
  /** The version the attempt was played on, and the one this server has now. */
  played: string;
  current: string | undefined;
}

export type ScoredAttempt =
  { ok: true; scenario: Scenario; run: Run; scores: Scores } | { ok: false; conflict: ContentVersionConflict };

/**
 * Scores a synced attempt the way the device did: by replaying its replies with the same engine on
 * the version it was played on (`versions`, current first, then kept older ones).
 *
 * - A version this server has: replayed and scored on it, so learner and trainer see the same band.
 * - A version it does not have (the role-play was rebuilt since the page was loaded, and the old
 *   version was not kept in content/scenario-archive/): not scored on another version, which could
 *   give a different band; a CONTENT_VERSION conflict instead, which the device keeps and explains.
 * - No version (attempts saved before versions were hashed, issue 11): matched to the kept version
 *   live when it finished, as the learner record does (engine/versions.ts).
 *
 * Replies that do not replay on the version, or an unfinished role-play, are a 422.
 */
export function scoreSyncedAttempt(
  versions: readonly Version[],
  attempt: SyncAttemptBody['attempt'],
  retype?: Retype,
): ScoredAttempt {
  const hash = attempt.scenarioHash;
  if (hash !== undefined && !versions.some((version) => version.hash === hash))
    return {
      ok: false,
      conflict: {
        error:
          'This role-play changed since you played it, so this attempt cannot be scored the way you played it. It is kept on your device.',
        code: CONTENT_VERSION,
        played: hash,
        current: versions[0]?.hash,
      },
    };
  const replay = replayOnVersion(versions, attempt.mode, attempt.transcript, hash, attempt.finishedAt, retype);
  if (!replay.ok) throw new HttpError(422, replay.reason);
  const { scenario } = replay.version;
  const misplaced = replay.run.history.findIndex((turn, i) => {
    const saved = attempt.transcript[i];
    return saved === undefined || turn.nodeId !== saved.nodeId || turn.attempt !== saved.attempt;
  });
  const turn = replay.run.history[misplaced];
  if (turn)
    throw new HttpError(
      422,
      `Reply ${String(misplaced + 1)} (${turn.optionId}) answers ${turn.nodeId} in this role-play, not ${attempt.transcript[misplaced]?.nodeId ?? '?'}: the replies do not fit it.`,
    );
  if (!replay.run.ended) throw new HttpError(422, 'The role-play was not finished: send it once it has ended.');
  return { ok: true, scenario, run: replay.run, scores: scoreRun(scenario, replay.run) };
}
