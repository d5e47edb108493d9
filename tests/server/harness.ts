import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createAuth, type Auth, type AuthSettings } from '../../src/server/auth.ts';
import { openPostgres, openSqlite, type Connection } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { authOptions } from '../../src/server/auth.ts';
import type { Server } from '../../src/server/runtime.ts';
import { DEFAULT_SYNC_SETTINGS, syncLimits } from '../../src/server/sync-limits.ts';

/** The databases every server test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES = ['sqlite', ...(process.env['TEST_DATABASE_URL'] ? ['postgres' as const] : [])] as const;

export const SETTINGS: AuthSettings = {
  secret: 'test-secret-test-secret-test-secret-0123',
  baseURL: 'http://127.0.0.1:4399',
  trustedOrigins: [],
  production: false,
  ipHeader: 'x-alongside-client-ip',
  signInPerMinute: 5,
};

export interface TestDatabase {
  connection: Connection;
  auth: Auth;
  /** Drops what the test made: the temp SQLite folder, or the throwaway PostgreSQL database. */
  dispose: () => Promise<void>;
}

/** A fresh, migrated database of the given kind, with better-auth on it. */
export async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  let connection: Connection;
  let drop = async (): Promise<void> => {};
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'alongside-test-'));
    connection = openSqlite(join(dir, 'test.db'));
    drop = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  } else {
    const url = new URL(process.env['TEST_DATABASE_URL'] ?? '');
    const name = `alongside_test_${String(process.pid)}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const own = new URL(url);
    own.pathname = `/${name}`;
    connection = openPostgres(own.toString());
    drop = async () => {
      const again = new pg.Client({ connectionString: url.toString() });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    };
  }
  await migrate(connection, authOptions(connection, SETTINGS));
  const auth = createAuth(connection, SETTINGS);
  return {
    connection,
    auth,
    dispose: async () => {
      await connection.close();
      await drop();
    },
  };
}

/** The server object pages and form handlers take, over a test database with no role-plays loaded. */
export function serverOf(t: TestDatabase): Server {
  return {
    config: { sqliteFile: '', auth: SETTINGS, sync: DEFAULT_SYNC_SETTINGS },
    connection: t.connection,
    auth: t.auth,
    sync: syncLimits(),
    scenarios: () => [],
    versions: () => [],
  };
}
