import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AssignmentTable, Database } from '../db/schema.ts';

type Db = Kysely<Database>;

export type Assignment = AssignmentTable;

export async function createAssignments(
  db: Db,
  input: {
    cohortId: string;
    createdBy: string;
    scenarioIds: string[];
    mode: Assignment['mode'];
    dueAt: string | null;
    note: string | null;
  },
): Promise<Assignment[]> {
  const created_at = new Date().toISOString();
  const rows = input.scenarioIds.map((scenario_id): Assignment => ({
    id: randomUUID(),
    cohort_id: input.cohortId,
    scenario_id,
    mode: input.mode,
    due_at: input.dueAt,
    note: input.note,
    created_by: input.createdBy,
    created_at,
  }));
  if (rows.length) await db.insertInto('assignment').values(rows).execute();
  return rows;
}

export function assignmentsOf(db: Db, cohortId: string): Promise<Assignment[]> {
  return db
    .selectFrom('assignment')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('created_at')
    .orderBy('scenario_id')
    .execute();
}

export interface LearnerAssignment extends Assignment {
  cohort_name: string;
  trainer_name: string;
  started_at: string | null;
  attempts: number;
  last_band: string | null;
}

/** One assignment, only if the learner belongs to its cohort (otherwise undefined: a 404 to them). */
export async function assignmentForLearner(
  db: Db,
  learnerId: string,
  assignmentId: string,
): Promise<LearnerAssignment | undefined> {
  return (await assignmentsOfLearner(db, learnerId, assignmentId))[0];
}

/**
 * The assignment alone, only if the learner belongs to its cohort: the tenant check for syncing an
 * attempt, without the counts and names of assignmentForLearner (one indexed join, however many
 * attempts the learner has already sent).
 */
export function assignmentOfMember(db: Db, learnerId: string, assignmentId: string): Promise<Assignment | undefined> {
  return db
    .selectFrom('assignment')
    .innerJoin('cohort_member', 'cohort_member.cohort_id', 'assignment.cohort_id')
    .selectAll('assignment')
    .where('cohort_member.learner_id', '=', learnerId)
    .where('assignment.id', '=', assignmentId)
    .executeTakeFirst();
}

/** Everything assigned to a learner across their cohorts, with what the server has received. */
export async function assignmentsOfLearner(db: Db, learnerId: string, onlyId?: string): Promise<LearnerAssignment[]> {
  let query = db
    .selectFrom('assignment')
    .innerJoin('cohort_member', 'cohort_member.cohort_id', 'assignment.cohort_id')
    .innerJoin('cohort', 'cohort.id', 'assignment.cohort_id')
    .innerJoin('user', 'user.id', 'cohort.trainer_id')
    .leftJoin('assignment_start', (join) =>
      join
        .onRef('assignment_start.assignment_id', '=', 'assignment.id')
        .on('assignment_start.learner_id', '=', learnerId),
    )
    .selectAll('assignment')
    .select(['cohort.name as cohort_name', 'user.name as trainer_name', 'assignment_start.started_at'])
    .select((eb) => [
      eb
        .selectFrom('attempt')
        .select((inner) => inner.fn.countAll<string | number>().as('n'))
        .whereRef('attempt.assignment_id', '=', 'assignment.id')
        .where('attempt.learner_id', '=', learnerId)
        .as('attempts'),
      eb
        .selectFrom('attempt')
        .select('attempt.band')
        .whereRef('attempt.assignment_id', '=', 'assignment.id')
        .where('attempt.learner_id', '=', learnerId)
        .orderBy('attempt.finished_at', 'desc')
        .limit(1)
        .as('last_band'),
    ])
    .where('cohort_member.learner_id', '=', learnerId);
  if (onlyId) query = query.where('assignment.id', '=', onlyId);
  const rows = await query.orderBy('assignment.created_at', 'desc').execute();
  return rows.map((row) => ({
    ...row,
    started_at: row.started_at ?? null,
    attempts: Number(row.attempts ?? 0),
    last_band: row.last_band ?? null,
  }));
}

/** Notes that a learner opened an assigned role-play ("in progress" on the trainer's matrix). */
export async function recordStart(db: Db, assignmentId: string, learnerId: string): Promise<void> {
  await db
    .insertInto('assignment_start')
    .values({ assignment_id: assignmentId, learner_id: learnerId, started_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['assignment_id', 'learner_id']).doNothing())
    .execute();
}

export function startsOf(
  db: Db,
  cohortId: string,
): Promise<{ assignment_id: string; learner_id: string; started_at: string }[]> {
  return db
    .selectFrom('assignment_start')
    .innerJoin('assignment', 'assignment.id', 'assignment_start.assignment_id')
    .select(['assignment_start.assignment_id', 'assignment_start.learner_id', 'assignment_start.started_at'])
    .where('assignment.cohort_id', '=', cohortId)
    .execute();
}
