import { sql, type Kysely } from 'kysely';
import type { Connection } from '../db/connect.ts';
import type { AttemptTable, Database } from '../db/schema.ts';

type Db = Kysely<Database>;

export type StoredAttempt = AttemptTable;

/**
 * Stores an attempt once. The attempt's UUID is the idempotency key: sending it again (a retry
 * after a lost response) stores nothing new and reports a duplicate; the same UUID from another
 * learner or for another assignment is a conflict and is never merged.
 */
export async function storeAttempt(db: Db, attempt: StoredAttempt): Promise<'stored' | 'duplicate' | 'conflict'> {
  const inserted = await db
    .insertInto('attempt')
    .values(attempt)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'stored';
  const existing = await db
    .selectFrom('attempt')
    .select(['learner_id', 'assignment_id'])
    .where('id', '=', attempt.id)
    .executeTakeFirst();
  return existing?.learner_id === attempt.learner_id && existing.assignment_id === attempt.assignment_id
    ? 'duplicate'
    : 'conflict';
}

const COLUMNS = [
  'id',
  'assignment_id',
  'learner_id',
  'scenario_id',
  'mode',
  'band',
  'outcome',
  'ending_id',
  'started_at',
  'finished_at',
  'received_at',
  'scores',
  'transcript',
] as const satisfies readonly (keyof AttemptTable)[];

/**
 * Stores an attempt once, as storeAttempt does, unless the learner already has `cap` attempts
 * stored for that assignment: then 'full', and nothing is written. A repeat of an attempt already
 * stored is still a 'duplicate' (it is not counted twice, and the cap does not refuse it).
 * The count and the insert are one statement (INSERT … SELECT … WHERE count < cap), so on SQLite,
 * whose writes take the file's write lock, two requests at once cannot both take the last place.
 * On PostgreSQL two statements could each count before the other commits, so the statement runs in
 * a transaction holding an advisory lock for this learner and assignment; other learners and other
 * assignments never wait for it.
 */
export async function storeAttemptWithinCap(
  connection: Connection,
  attempt: StoredAttempt,
  cap: number,
): Promise<'stored' | 'duplicate' | 'conflict' | 'full'> {
  const run = async (db: Db) => {
    const values = db
      .selectNoFrom((eb) => COLUMNS.map((column) => eb.cast<string>(eb.val(attempt[column]), 'text').as(column)))
      .where((eb) =>
        eb(
          eb
            .selectFrom('attempt')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .where('assignment_id', '=', attempt.assignment_id)
            .where('learner_id', '=', attempt.learner_id),
          '<',
          cap,
        ),
      );
    const inserted = await db
      .insertInto('attempt')
      .columns(COLUMNS)
      .expression(values)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'stored' as const;
    const existing = await db
      .selectFrom('attempt')
      .select(['learner_id', 'assignment_id'])
      .where('id', '=', attempt.id)
      .executeTakeFirst();
    if (!existing) return 'full' as const;
    return existing.learner_id === attempt.learner_id && existing.assignment_id === attempt.assignment_id
      ? ('duplicate' as const)
      : ('conflict' as const);
  };
  if (connection.kind === 'sqlite') return run(connection.db);
  return connection.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${attempt.assignment_id}), hashtext(${attempt.learner_id}))`.execute(
      trx,
    );
    return run(trx);
  });
}

/**
 * A duplicate send may only change which typed turns the learner flagged as misread (issue 13): the
 * server replayed the same replies, so its transcript differs from the stored one in those flags alone.
 */
export async function updateFlags(db: Db, id: string, learnerId: string, transcript: string): Promise<void> {
  await db
    .updateTable('attempt')
    .set({ transcript })
    .where('id', '=', id)
    .where('learner_id', '=', learnerId)
    .execute();
}

export function attemptsOfCohort(db: Db, cohortId: string): Promise<StoredAttempt[]> {
  return db
    .selectFrom('attempt')
    .innerJoin('assignment', 'assignment.id', 'attempt.assignment_id')
    .selectAll('attempt')
    .where('assignment.cohort_id', '=', cohortId)
    .orderBy('attempt.finished_at')
    .execute();
}

export function attemptsOfLearnerInCohort(db: Db, cohortId: string, learnerId: string): Promise<StoredAttempt[]> {
  return db
    .selectFrom('attempt')
    .innerJoin('assignment', 'assignment.id', 'attempt.assignment_id')
    .selectAll('attempt')
    .where('assignment.cohort_id', '=', cohortId)
    .where('attempt.learner_id', '=', learnerId)
    .orderBy('attempt.finished_at', 'desc')
    .execute();
}

/** An attempt, only for the trainer who owns its cohort or the learner who made it. */
export function attemptFor(
  db: Db,
  viewer: { id: string; role: string },
  attemptId: string,
): Promise<(StoredAttempt & { cohort_id: string }) | undefined> {
  let query = db
    .selectFrom('attempt')
    .innerJoin('assignment', 'assignment.id', 'attempt.assignment_id')
    .innerJoin('cohort', 'cohort.id', 'assignment.cohort_id')
    .selectAll('attempt')
    .select('assignment.cohort_id')
    .where('attempt.id', '=', attemptId);
  query =
    viewer.role === 'trainer' || viewer.role === 'admin'
      ? query.where((eb) => eb.or([eb('cohort.trainer_id', '=', viewer.id), eb('attempt.learner_id', '=', viewer.id)]))
      : query.where('attempt.learner_id', '=', viewer.id);
  return query.executeTakeFirst();
}

export async function countAttempts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('attempt')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
