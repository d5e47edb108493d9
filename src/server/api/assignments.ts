import { HttpError, handle, json } from '../http.ts';
import {
  assignmentForLearner,
  assignmentsOfLearner,
  recordStart,
  type LearnerAssignment,
} from '../repo/assignments.ts';
import { requireViewer } from '../session.ts';
import type { ApiDeps } from './attempts.ts';

const view = (assignment: LearnerAssignment) => ({
  id: assignment.id,
  scenarioId: assignment.scenario_id,
  mode: assignment.mode,
  dueAt: assignment.due_at,
  note: assignment.note,
  cohort: assignment.cohort_name,
  trainer: assignment.trainer_name,
  started: assignment.started_at !== null,
  received: assignment.attempts,
  band: assignment.last_band,
});

export type AssignmentView = ReturnType<typeof view>;

/** GET /api/assignments: the signed-in learner's assignments. */
export function listAssignments(request: Request, deps: ApiDeps): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(deps.auth, request.headers);
    return json(200, { assignments: (await assignmentsOfLearner(deps.connection.db, viewer.id)).map(view) });
  });
}

/** GET /api/assignments/:id: one assignment, 404 unless the learner is in its cohort. */
export function getAssignment(request: Request, deps: ApiDeps, id: string): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(deps.auth, request.headers);
    const assignment = await assignmentForLearner(deps.connection.db, viewer.id, id);
    if (!assignment) throw new HttpError(404, 'There is no such assignment for you.');
    return json(200, view(assignment));
  });
}

/** POST /api/assignments/:id/start: the learner opened it, so the trainer sees "in progress". */
export function startAssignment(request: Request, deps: ApiDeps, id: string): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(deps.auth, request.headers);
    const assignment = await assignmentForLearner(deps.connection.db, viewer.id, id);
    if (!assignment) throw new HttpError(404, 'There is no such assignment for you.');
    await recordStart(deps.connection.db, assignment.id, viewer.id);
    return json(200, { id: assignment.id, started: true });
  });
}
