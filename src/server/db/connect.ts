import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { NodeSqliteDialect } from '@better-auth/kysely-adapter/node-sqlite-dialect';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Connection {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for start-up messages (never includes a password). */
  where: string;
  close: () => Promise<void>;
}

export const DEFAULT_SQLITE_FILE = 'data/alongside.db';

/**
 * SQLite file: WAL so readers never block the writer; a busy timeout so a second process waits
 * for the write lock instead of failing; foreign keys on. SQLite's own locking keeps two processes
 * from corrupting the file (tests/server/sqlite-two-processes.test.ts).
 */
export function openSqlite(file: string): Connection {
  const path = resolve(file);
  // The data folder and the files in it are the server's user's alone (0700 / 0600).
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  const database = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
  useWal(database);
  database.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  const db = new Kysely<Database>({ dialect: new NodeSqliteDialect({ database: keepingStatements(database) }) });
  return { db, kind: 'sqlite', where: path, close: () => db.destroy() };
}

const BUSY_TIMEOUT_MS = 10_000;
const STATEMENTS_KEPT = 256;

/**
 * The same few queries run on every request (session, membership, insert), and node:sqlite compiles
 * a statement anew on every prepare(). This keeps the most recently used compiled statements
 * (keyed by their SQL, which carries no values) so each is compiled once.
 */
function keepingStatements(database: DatabaseSync): DatabaseSync {
  const kept = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else statement = database.prepare(sql);
    kept.set(sql, statement);
    if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value ?? '');
    return statement;
  };
  return new Proxy(database, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Switches a file to WAL. When two processes open a new file at the same moment, both ask for the
 * switch and SQLite answers one of them "database is locked" at once (the busy timeout does not
 * apply to this lock), so that one waits a moment and asks again; after the switch it is a no-op.
 */
function useWal(database: DatabaseSync): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      database.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { errcode?: number }).errcode === 5;
      if (!busy || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

export function openPostgres(url: string): Connection {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env['DATABASE_POOL_MAX'] ?? 10) });
  // An idle connection can be cut (PostgreSQL restarted, failed over, or an admin ended it). The pool
  // drops that connection and opens a new one when needed; without a listener the error would stop
  // the whole server.
  pool.on('error', (error) => {
    console.error(`A PostgreSQL connection was closed (${error.message}); a new one will be opened when needed.`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const where = new URL(url);
  where.password = '';
  return { db, kind: 'postgres', where: where.toString(), close: () => db.destroy() };
}

/** PostgreSQL when a URL is given (DATABASE_URL), otherwise the embedded SQLite file. */
export function openDatabase(options: { url?: string | undefined; file?: string | undefined } = {}): Connection {
  return options.url ? openPostgres(options.url) : openSqlite(options.file ?? DEFAULT_SQLITE_FILE);
}
