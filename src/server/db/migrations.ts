import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The course's schema, one versioned step at a time. Applied at start-up (see migrate.ts); never
 * edit a step that has shipped: add a new one. Written with Kysely's schema builder, so the same
 * steps run on SQLite and PostgreSQL.
 */
// Migrations run before the typed schema exists, so they take an untyped Kysely.
type Db = Kysely<unknown>;

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-001-cohorts-assignments-attempts': {
    async up(db: Db) {
      await db.schema
        .createTable('cohort')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('trainer_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cohort_trainer').on('cohort').column('trainer_id').execute();
      await db.schema
        .createTable('cohort_member')
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
        .addColumn('learner_id', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cohort_member_pk', ['cohort_id', 'learner_id'])
        .execute();
      await db.schema.createIndex('cohort_member_learner').on('cohort_member').column('learner_id').execute();
      await db.schema
        .createTable('invite')
        .addColumn('token', 'text', (c) => c.primaryKey())
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('invite_cohort').on('invite').column('cohort_id').execute();
      await db.schema
        .createTable('assignment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('assignment_cohort').on('assignment').column('cohort_id').execute();
      await db.schema
        .createTable('assignment_start')
        .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
        .addColumn('learner_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('assignment_start_pk', ['assignment_id', 'learner_id'])
        .execute();
      await db.schema
        .createTable('attempt')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
        .addColumn('learner_id', 'text', (c) => c.notNull())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('ending_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('scores', 'text', (c) => c.notNull())
        .addColumn('transcript', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('attempt_assignment_learner')
        .on('attempt')
        .columns(['assignment_id', 'learner_id'])
        .execute();
    },
    async down(db: Db) {
      for (const table of ['attempt', 'assignment_start', 'assignment', 'invite', 'cohort_member', 'cohort'])
        await db.schema.dropTable(table).ifExists().execute();
    },
  },
  '2026-12-05-001-password-change-due': {
    // Accounts still on a one-time password from `npm run admin`: their next sign-in asks for their own.
    async up(db: Db) {
      await db.schema
        .createTable('password_change_due')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('since', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Db) {
      await db.schema.dropTable('password_change_due').ifExists().execute();
    },
  },
};

/** Checks the SQLite file is sound: "ok", or what PRAGMA integrity_check found. */
export async function integrityCheck(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
  return rows.map((row) => row.integrity_check).join('; ');
}
