import { getMigrations } from 'better-auth/db/migration';
import type { BetterAuthOptions } from 'better-auth';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Connection } from './connect.ts';
import { MIGRATIONS } from './migrations.ts';

const PG_LOCK = 2026_11_23;

/**
 * Brings the database up to date at start-up: the course's migrations, then better-auth's tables.
 * Several processes may start at once (a second process on the SQLite file, or several app
 * instances on one PostgreSQL), so the whole step runs under one lock: SQLite's write lock
 * (BEGIN IMMEDIATE, waiting up to the busy timeout), or a PostgreSQL advisory lock.
 */
export async function migrate(connection: Connection, auth: BetterAuthOptions): Promise<string[]> {
  return connection.db.connection().execute(async (single) => {
    const db = single as unknown as Kysely<unknown>;
    if (connection.kind === 'sqlite') await sql`BEGIN IMMEDIATE`.execute(db);
    else await sql`SELECT pg_advisory_lock(${PG_LOCK})`.execute(db);
    try {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
        migrationTableName: 'alongside_migration',
        migrationLockTableName: 'alongside_migration_lock',
      });
      const { error, results = [] } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
      const { runMigrations } = await getMigrations({ ...auth, database: { db, type: connection.kind } });
      await runMigrations();
      if (connection.kind === 'sqlite') await sql`COMMIT`.execute(db);
      return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
    } catch (error) {
      if (connection.kind === 'sqlite') await sql`ROLLBACK`.execute(db);
      throw error;
    } finally {
      if (connection.kind === 'postgres') await sql`SELECT pg_advisory_unlock(${PG_LOCK})`.execute(db);
    }
  });
}
