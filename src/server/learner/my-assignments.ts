import type { Kysely } from 'kysely';
import { roleplayUrl } from '../../course/urls.ts';
import type { Database } from '../db/schema.ts';
import { assignmentsOfLearner, type LearnerAssignment } from '../repo/assignments.ts';

/** What the server knows about one assignment; "saved on this device" is added in the browser. */
export type ServerState = 'not-started' | 'in-progress' | 'sent';

export interface AssignmentCard {
  id: string;
  scenarioId: string;
  title: string;
  cohort: string;
  trainer: string;
  mode: 'assessed' | 'practice';
  dueAt: string | null;
  dueText: string | null;
  overdue: boolean;
  note: string | null;
  state: ServerState;
  band: string | null;
  href: string;
  action: 'Start' | 'Open';
}

const DUE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** The link that opens an assigned role-play in the trainer's mode, tied to the assignment. */
export const assignmentHref = (scenarioId: string, mode: string, assignmentId: string): string =>
  `${roleplayUrl(scenarioId)}?mode=${encodeURIComponent(mode)}&assignment=${encodeURIComponent(assignmentId)}`;

export function assignmentCard(
  assignment: LearnerAssignment,
  titles: ReadonlyMap<string, string>,
  now = new Date(),
): AssignmentCard {
  const state: ServerState =
    assignment.attempts > 0 ? 'sent' : assignment.started_at !== null ? 'in-progress' : 'not-started';
  return {
    id: assignment.id,
    scenarioId: assignment.scenario_id,
    title: titles.get(assignment.scenario_id) ?? assignment.scenario_id,
    cohort: assignment.cohort_name,
    trainer: assignment.trainer_name,
    mode: assignment.mode,
    dueAt: assignment.due_at,
    dueText: assignment.due_at ? DUE.format(new Date(assignment.due_at)) : null,
    overdue: assignment.due_at !== null && state !== 'sent' && assignment.due_at < now.toISOString(),
    note: assignment.note,
    state,
    band: assignment.last_band,
    href: assignmentHref(assignment.scenario_id, assignment.mode, assignment.id),
    action: state === 'not-started' ? 'Start' : 'Open',
  };
}

/** The learner's assignments across their cohorts, newest first, ready for the account page. */
export async function myAssignments(
  db: Kysely<Database>,
  learnerId: string,
  scenarios: readonly { id: string; title: string }[],
  now = new Date(),
): Promise<AssignmentCard[]> {
  const titles = new Map(scenarios.map((scenario) => [scenario.id, scenario.title]));
  return (await assignmentsOfLearner(db, learnerId)).map((assignment) => assignmentCard(assignment, titles, now));
}

export const STATE_WORDS: Record<ServerState, string> = {
  'not-started': 'Not started',
  'in-progress': 'Started, not finished yet',
  sent: 'Sent to your trainer',
};
