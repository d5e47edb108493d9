import { savedChoices } from '../../engine/annotated.ts';
import { summarise } from '../../engine/scoring.ts';
import type { Auth } from '../auth.ts';
import type { Connection } from '../db/connect.ts';
import { HttpError, handle, json, readJson } from '../http.ts';
import { assignmentOfMember } from '../repo/assignments.ts';
import { attemptFor, storeAttempt, updateFlags } from '../repo/attempts.ts';
import { retype } from '../retype.ts';
import { requireViewer } from '../session.ts';
import type { ServerContent } from '../content.ts';
import { scoreSyncedAttempt } from './score-attempt.ts';
import { syncAttemptBody } from './sync-schema.ts';

export interface ApiDeps extends ServerContent {
  connection: Connection;
  auth: Auth;
}

/**
 * POST /api/attempts: a learner's device sends a finished attempt of an assigned role-play.
 * 201 stored, 200 already stored (the same UUID again), 404 for an assignment that is not theirs,
 * 409 when the UUID belongs to someone else's attempt or (code CONTENT_VERSION) the attempt was played
 * on a version of the role-play this server does not have, 422 when the replies do not fit the role-play.
 */
export function postAttempt(request: Request, deps: ApiDeps): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(deps.auth, request.headers);
    const body = await readJson(request, syncAttemptBody);
    const { db } = deps.connection;
    const assignment = await assignmentOfMember(db, viewer.id, body.assignmentId);
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
    const result = await storeAttempt(db, {
      id: body.attempt.id,
      assignment_id: assignment.id,
      learner_id: viewer.id,
      scenario_id: scenario.id,
      mode: body.attempt.mode,
      band: scores.band,
      outcome: ending?.outcome ?? 'partial',
      ending_id: run.nodeId,
      started_at: body.attempt.startedAt,
      finished_at: body.attempt.finishedAt,
      received_at: new Date().toISOString(),
      scores: JSON.stringify(summarise(scores)),
      // The replies as the engine replayed them: codes, stance and markers are the server's, not the device's.
      transcript,
    });
    // Sent again after the learner flagged a misread typed turn: the flags are the only change.
    if (result === 'duplicate' && run.history.some((turn) => turn.typed?.flagged))
      await updateFlags(db, body.attempt.id, viewer.id, transcript);
    if (result === 'conflict') throw new HttpError(409, 'An attempt with this id already exists.');
    return json(result === 'stored' ? 201 : 200, { id: body.attempt.id, status: result, band: scores.band });
  });
}

/**
 * GET /api/attempts/:id: one synced attempt (scores, replies, when), for the learner who made it or
 * the trainer of its cohort; 404 for anyone else, so ids of other people's attempts reveal nothing.
 */
export function getAttempt(request: Request, deps: ApiDeps, id: string): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(deps.auth, request.headers);
    const attempt = await attemptFor(deps.connection.db, viewer, id);
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
