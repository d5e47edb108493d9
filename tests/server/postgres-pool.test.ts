import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from './harness.ts';

const url = process.env['TEST_DATABASE_URL'];

describe.skipIf(!url)('connection pool on postgres', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('postgres');
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('survives PostgreSQL ending its idle connections, and the next query works', async () => {
    const { db } = t.connection;
    await Promise.all([1, 2, 3].map(() => sql`SELECT pg_sleep(0.05)`.execute(db)));
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
    const name = rows[0]?.name ?? '';
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const ended = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    // Wait until the pool has noticed every ended connection (a condition, not a fixed sleep).
    const noticed = () =>
      logged.mock.calls.filter((call) => String(call[0]).includes('A PostgreSQL connection was closed')).length;
    await vi.waitFor(
      () => {
        expect(noticed()).toBeGreaterThanOrEqual(ended.rowCount ?? 1);
      },
      { timeout: 30_000, interval: 20 },
    );
    logged.mockRestore();
    const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(db);
    expect(again.rows).toEqual([{ one: 1 }]);
  }, 60_000);
});
