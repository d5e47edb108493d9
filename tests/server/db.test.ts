import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/auth.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { authOptions } from '../../src/server/auth.ts';
import { DATABASES, freshDatabase, SETTINGS, type TestDatabase } from './harness.ts';

describe.each(DATABASES)('database on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('applies the migrations once; running them again changes nothing', async () => {
    const again = await migrate(t.connection, authOptions(t.connection, SETTINGS));
    expect(again).toEqual([]);
    const tables = (await t.connection.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['cohort', 'assignment', 'attempt', 'user', 'session', 'account']));
  });

  it('stores a hashed password and signs in with it', async () => {
    const user = await createAccount(t.auth, {
      email: 'Trainer@Example.org',
      name: 'Tess',
      password: 'correct horse battery',
      role: 'trainer',
    });
    const row = await t.connection.db
      .selectFrom('user')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: 'trainer@example.org', role: 'trainer' });
    const response = await t.auth.handler(
      new Request(`${SETTINGS.baseURL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: SETTINGS.baseURL, 'x-alongside-client-ip': '10.0.0.1' },
        body: JSON.stringify({ email: 'trainer@example.org', password: 'correct horse battery' }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/session_token=.*HttpOnly/i);
  });
});
