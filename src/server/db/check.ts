import { chmodSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { ConfigError } from '../config.ts';
import { openDatabase, type Connection } from './connect.ts';

/**
 * The quick look at the database before the server starts (issue 14, item 5): a damaged SQLite file,
 * or a file that is some other program's database, stops the start with a plain message that names
 * the file and the way back (README, "Backup and restore"), instead of a stack trace or a server that
 * answers 500 on trainer pages.
 */
export class DatabaseFileError extends ConfigError {}

const RESTORE =
  'Stop the server, put back your latest backup of this file (README.md, "Backup and restore"), then start again. ' +
  'If you have no backup, move the file aside and start: a new, empty database is made.';

/** Tables that only an Alongside database has; a file with other tables but none of these is foreign. */
const OURS = ['user', 'session', 'cohort', 'attempt'];

/** Opens the database and checks it; a file that cannot even be opened gets the same plain message. */
export async function openCheckedDatabase(where: { url?: string | undefined; file: string }): Promise<Connection> {
  let connection: Connection;
  try {
    connection = openDatabase(where);
  } catch (error) {
    if (where.url) throw error;
    throw new DatabaseFileError(
      `The database file ${resolve(where.file)} cannot be opened (${reason(error)}). ${RESTORE}`,
    );
  }
  try {
    await checkDatabase(connection);
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  return connection;
}

/** Throws DatabaseFileError if the file is damaged or foreign; makes SQLite files private (0600). */
export async function checkDatabase(connection: Connection): Promise<void> {
  if (connection.kind !== 'sqlite') return;
  const file = connection.where;
  let tables: string[];
  try {
    const { rows } = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(connection.db);
    const found = rows.map((row) => row.quick_check).join('; ');
    if (found !== 'ok')
      throw new DatabaseFileError(`The database file ${file} is damaged (${found.slice(0, 200)}). ${RESTORE}`);
    const listed = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
      connection.db,
    );
    tables = listed.rows.map((row) => row.name).filter((name) => !name.startsWith('sqlite_'));
  } catch (error) {
    if (error instanceof DatabaseFileError) throw error;
    throw new DatabaseFileError(`The database file ${file} cannot be read (${reason(error)}). ${RESTORE}`);
  }
  if (tables.length > 0 && !OURS.some((name) => tables.includes(name)))
    throw new DatabaseFileError(
      `The file ${file} is a database of another program (its tables: ${tables.slice(0, 5).join(', ')}), not Alongside's. ` +
        'Point ALONGSIDE_SQLITE_FILE at the right file, or ' +
        RESTORE.charAt(0).toLowerCase() +
        RESTORE.slice(1),
    );
  makePrivate(file);
}

/** The database and its WAL files readable by the server's user only. */
export function makePrivate(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
}
