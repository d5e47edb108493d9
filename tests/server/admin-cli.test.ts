import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../src/server/auth.ts';
import { openSqlite, type Connection } from '../../src/server/db/connect.ts';
import { clearPasswordChangeDue, isPasswordChangeDue } from '../../src/server/repo/password-change.ts';
import { nodeBinary } from '../../scripts/lib/server-process.ts';
import { SETTINGS } from './harness.ts';
import { signInRequest } from './tenants.ts';

const CLI = fileURLToPath(new URL('../../src/cli/admin.ts', import.meta.url));

// Each test starts the CLI (a new Node process) one to four times: allow for a busy machine.
describe('npm run admin (against a temporary SQLite file)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'alongside-admin-'));
  const file = join(dir, 'alongside.db');
  let connection: Connection;
  let auth: Auth;
  let firstPassword = '';

  function admin(...args: string[]) {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      ALONGSIDE_SQLITE_FILE: file,
      BETTER_AUTH_SECRET: SETTINGS.secret,
      PUBLIC_URL: SETTINGS.baseURL,
    };
    const result = spawnSync(nodeBinary(), [CLI, ...args], { env, encoding: 'utf8' });
    return {
      code: result.status,
      out: result.stdout,
      err: result.stderr,
      password: /One-time password: (\S+)/.exec(result.stdout)?.[1],
    };
  }

  const signIn = (email: string, password: string) => auth.handler(signInRequest(email, password));
  const idOf = async (email: string) =>
    (await connection.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  beforeAll(() => {
    // The first CLI run makes and migrates the file; the test then reads it as the server would.
    const first = admin('create-trainer', 'Tess@Example.org', '--name', 'Tess Trainer');
    expect(first.code, first.err).toBe(0);
    connection = openSqlite(file);
    auth = createAuth(connection, SETTINGS);
    firstPassword = first.password ?? '';
  }, 120_000);
  afterAll(async () => {
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('create-trainer prints a one-time password that signs in, as a trainer', async () => {
    expect(firstPassword).toMatch(/^\S{12,}$/);
    const response = await signIn('tess@example.org', firstPassword);
    expect(response.status).toBe(200);
    const user = await connection.db
      .selectFrom('user')
      .select(['name', 'role'])
      .where('email', '=', 'tess@example.org')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ name: 'Tess Trainer', role: 'trainer' });
    // A one-time password: the next sign-in asks for their own.
    expect(await isPasswordChangeDue(connection.db, await idOf('tess@example.org'))).toBe(true);
  });

  it('a second account with the same email → exit 1 saying it exists; nothing changes', async () => {
    const again = admin('create-trainer', 'tess@example.org');
    expect(again.code).toBe(1);
    expect(again.err).toContain('An account for tess@example.org already exists.');
    expect(again.password).toBeUndefined();
    expect((await signIn('tess@example.org', firstPassword)).status).toBe(200);
  });

  it('a bad email or a wrong command → exit 2 with the usage', () => {
    const bad = admin('create-trainer', 'not-an-email');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"not-an-email" is not an email address.');
    expect(bad.err).toContain('Usage: npm run admin -- create-trainer EMAIL');
    for (const args of [
      ['make-trainer', 'a@example.org'],
      ['reset-password'],
      ['create-trainer', 'a@b.org', '--nmae', 'x'],
    ]) {
      const wrong = admin(...args);
      expect(wrong.code, args.join(' ')).toBe(2);
      expect(wrong.err).toContain('reset-password EMAIL');
    }
  });

  it('reset-password prints a new password that signs in; the old one and every open session stop working', async () => {
    const before = await signIn('tess@example.org', firstPassword);
    const cookie = /([^=;,\s]*session_token=[^;]+)/.exec(before.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();

    const id = await idOf('tess@example.org');
    await clearPasswordChangeDue(connection.db, id);
    const reset = admin('reset-password', 'TESS@example.org');
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).toContain('signed out everywhere');
    expect(reset.password).toBeDefined();
    expect(reset.password).not.toBe(firstPassword);

    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    expect((await signIn('tess@example.org', firstPassword)).status).toBe(401);
    expect((await signIn('tess@example.org', reset.password ?? '')).status).toBe(200);
    expect(await isPasswordChangeDue(connection.db, id)).toBe(true);
  });

  it('reset-password for an unknown email → exit 1 saying so', () => {
    const unknown = admin('reset-password', 'nobody@example.org');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('There is no account for nobody@example.org.');
  });
});
