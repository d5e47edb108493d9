/**
 * The e2e suite's server: the real Node server (course pages, trainer workspace and API) on a fresh
 * SQLite file, with one trainer account whose email and password are written to
 * test-results/e2e-accounts.json for the trainer tests to sign in with.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqlite } from '../../src/server/db/connect.ts';

const port = process.argv[2] ?? '4322';
const dir = resolve('test-results/e2e-server');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
Object.assign(process.env, {
  ALONGSIDE_SQLITE_FILE: join(dir, 'alongside.db'),
  BETTER_AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-0123456789',
  PORT: port,
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  // Every e2e sign-in comes from 127.0.0.1; the limit itself is tested in tests/server.
  SIGN_IN_PER_MINUTE: '200',
});
const trainers = ['tess@example.org', 'omar@example.org'].map((email) => {
  const out = execFileSync(
    process.execPath,
    ['src/cli/admin.ts', 'create-trainer', email, '--name', email.startsWith('tess') ? 'Tess Trainer' : 'Omar Other'],
    {
      env: process.env,
      encoding: 'utf8',
    },
  );
  return { email, password: /One-time password: (\S+)/.exec(out)?.[1] ?? '' };
});
writeFileSync(join(dir, '..', 'e2e-accounts.json'), JSON.stringify({ trainers }, null, 2));
// These two trainers sign in many times with the password above, as if they had already chosen it;
// the first sign-in with a one-time password is tested with a trainer of its own (first-sign-in.spec.ts).
const connection = openSqlite(join(dir, 'alongside.db'));
await connection.db.deleteFrom('password_change_due').execute();
await connection.close();
await import('../../scripts/serve.ts');
