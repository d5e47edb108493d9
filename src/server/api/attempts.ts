import { savedChoices } from '../../engine/annotated.ts';
import { summarise } from '../../engine/scoring.ts';
import type { Auth } from '../auth.ts';
import type { Connection } from '../db/connect.ts';
import { HttpError, handle, json, readJson } from '../http.ts';
import { assignmentOfMember } from '../repo/assignments.ts';
import { attemptFor, storeAttemptWithinCap, updateFlags } from '../repo/attempts.ts';
import { retype } from '../retype.ts';
import { requireViewer } from '../session.ts';
import type { ServerContent } from '../content.ts';
import type { SyncLimits } from '../sync-limits.ts';
import { attemptTimeProblems, canonicalTime } from './attempt-times.ts';
import { scoreSyncedAttempt } from './score-attempt.ts';
import { syncAttemptBody } from './sync-schema.ts';

export interface ApiDeps extends ServerContent {
  connection: Connection;
  auth: Auth;
  /** Syncs a minute per account and attempts per assignment (src/server/sync-limits.ts). */
  sync: SyncLimits;
}

/** Machine-readable reasons in a refusal's JSON, so a device can tell them apart from other 409s and 429s. */
export const RATE_LIMITED = 'rate-limited';
export const ATTEMPT_CAP = 'attempt-cap';
export const ATTEMPT_TIMES = 'attempt-times';

/** Attempt and assignment UUIDs are compared lowercase: `ABC…` and `abc…` are one attempt. */
const lowerId = (id: string): string => id.toLowerCase();

/**
 * POST /api/attempts: a learner's device sends a finished attempt of an assigned role-play.
 * 201 stored, 200 already stored (the same UUID again, in any letter case), 404 for an assignment
 * that is not theirs, 409 when the UUID belongs to someone else's attempt, (code CONTENT_VERSION)
 * when it was played on a version of the role-play this server does not have, or (code
 * `attempt-cap`) when the learner already has the most attempts an assignment keeps; 422 when the
 * replies do not fit the role-play or (code `attempt-times`) its times cannot be right, and 429
 * (code `rate-limited`, Retry-After in seconds) beyond the syncs a minute one account may send.
 */
export function postAttempt(request: Request, deps: ApiDeps): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(deps.auth, request.headers);
    // Counted per signed-in account, before any work: every sync counts, whatever its answer.
    const decision = deps.sync.limiter.take(viewer.id);
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      return json(
        429,
        {
          error: `Too many results sent at once: at most ${String(deps.sync.perMinute)} a minute. Try again in ${String(seconds)} s; nothing was lost.`,
          code: RATE_LIMITED,
          retryAfter: seconds,
        },
        { 'retry-after': String(seconds) },
      );
    }
    const body = await readJson(request, syncAttemptBody);
    const times = attemptTimeProblems(body.attempt);
    if (times.length)
      return json(422, {
        error: times.map((problem) => `${problem.field}: ${problem.message}`).join(' '),
        code: ATTEMPT_TIMES,
        details: times,
      });
    const attemptId = lowerId(body.attempt.id);
    const { db } = deps.connection;
    const assignment = await assignmentOfMember(db, viewer.id, lowerId(body.assignmentId));
    if (!assignment) throw new HttpError(404, 'There is no such assignment for you.');
    if (assignment.scenario_id !== body.attempt.scenarioId)
      throw new HttpError(422, `This assignment is for the role-play ${assignment.scenario_id}.`);
    if (assignment.mode !== body.attempt.mode)
      throw new HttpError(422, `Your trainer assigned this role-play in ${assignment.mode} mode.`);
    const versions = deps.versions(assignment.scenario_id);
    if (!versions.length)
      throw new HttpError(422, `The role-play ${assignment.scenario_id} is no longer in the course.`);
    // Scored on the version it was played on, or a CONTENT_VERSION conflict (score-attempt.ts).
    const scored = scoreSyncedAttempt(versions, body.attempt, retype);
    if (!scored.ok) return json(409, scored.conflict);
    const { scenario, run, scores } = scored;
    const ending = scenario.endings.find((candidate) => candidate.id === run.nodeId);
    const transcript = JSON.stringify(savedChoices(run));
    const cap = deps.sync.attemptsPerAssignment;
    const result = await storeAttemptWithinCap(
      deps.connection,
      {
        id: attemptId,
        assignment_id: assignment.id,
        learner_id: viewer.id,
        scenario_id: scenario.id,
        mode: body.attempt.mode,
        band: scores.band,
        outcome: ending?.outcome ?? 'partial',
        ending_id: run.nodeId,
        started_at: canonicalTime(body.attempt.startedAt),
        finished_at: canonicalTime(body.attempt.finishedAt),
        received_at: new Date().toISOString(),
        scores: JSON.stringify(summarise(scores)),
        // The replies as the engine replayed them: codes, stance and markers are the server's, not the device's.
        transcript,
      },
      cap,
    );
    // Sent again after the learner flagged a misread typed turn: the flags are the only change.
    if (result === 'duplicate' && run.history.some((turn) => turn.typed?.flagged))
      await updateFlags(db, attemptId, viewer.id, transcript);
    if (result === 'conflict') throw new HttpError(409, 'An attempt with this id already exists.');
    if (result === 'full')
      return json(409, {
        error: `Your trainer already has ${String(cap)} attempts of this role-play from you, the most one assignment keeps, so this one was not stored. It stays on your device.`,
        code: ATTEMPT_CAP,
        limit: cap,
      });
    return json(result === 'stored' ? 201 : 200, { id: attemptId, status: result, band: scores.band });
  });
}

/**
 * GET /api/attempts/:id: one synced attempt (scores, replies, when), for the learner who made it or
 * the trainer of its cohort; 404 for anyone else, so ids of other people's attempts reveal nothing.
 */
export function getAttempt(request: Request, deps: ApiDeps, id: string): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(deps.auth, request.headers);
    const attempt = await attemptFor(deps.connection.db, viewer, lowerId(id));
    if (!attempt) throw new HttpError(404, 'There is no such attempt for you.');
    return json(200, {
      id: attempt.id,
      assignmentId: attempt.assignment_id,
      scenarioId: attempt.scenario_id,
      mode: attempt.mode,
      band: attempt.band,
      outcome: attempt.outcome,
      startedAt: attempt.started_at,
      finishedAt: attempt.finished_at,
      receivedAt: attempt.received_at,
      scores: JSON.parse(attempt.scores) as unknown,
      transcript: JSON.parse(attempt.transcript) as unknown,
    });
  });
}
