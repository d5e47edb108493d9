import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, InvalidNameError } from '../../src/server/auth.ts';
import { signIn } from '../../src/server/learner/auth-calls.ts';
import { createAccountForm } from '../../src/server/learner/schemas.ts';
import type { Server } from '../../src/server/runtime.ts';
import { DATABASES, freshDatabase, serverOf, SETTINGS, type TestDatabase } from './harness.ts';

/** Issue 14: one learner could store a 100,000,000-character name, control characters, an image URL. */
describe.each(DATABASES)('profile fields on %s', (kind) => {
  let t: TestDatabase;
  let cookie = '';
  const server = (): Server => serverOf(t);

  function updateUser(body: string): Promise<Response> {
    return t.auth.handler(
      new Request(new URL('/api/auth/update-user', SETTINGS.baseURL), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: SETTINGS.baseURL, cookie },
        body,
      }),
    );
  }
  async function storedName(): Promise<{ name: string; image: unknown }> {
    // `image` is better-auth's column, outside our typed schema: read it by name.
    const { rows } = await sql<{ name: string; image: unknown }>`
      SELECT name, image FROM "user" WHERE email = 'lee@example.org'`.execute(t.connection.db);
    const row = rows[0];
    if (!row) throw new Error('the learner is missing');
    return row;
  }

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await createAccount(t.auth, {
      email: 'lee@example.org',
      name: 'Lee Learner',
      password: 'learner-password-1',
      role: 'learner',
    });
    const response = await signIn(server(), { clientAddress: '10.9.0.1' }, 'lee@example.org', 'learner-password-1');
    cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/=/);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('a normal name change is stored, trimmed', async () => {
    const response = await updateUser(JSON.stringify({ name: '  Lee Okafor  ' }));
    expect(response.status).toBe(200);
    expect((await storedName()).name).toBe('Lee Okafor');
  }, 60_000);

  it.each([
    ['81 characters', JSON.stringify({ name: 'x'.repeat(81) }), 'name'],
    ['a huge name', JSON.stringify({ name: 'x'.repeat(200_000) }), 'name'],
    ['an empty name', JSON.stringify({ name: '   ' }), 'name'],
    ['a control character', JSON.stringify({ name: 'Lee\u0007' }), 'name'],
    ['a NUL byte', JSON.stringify({ name: 'Lee\u0000' }), 'name'],
    ['a direction override', JSON.stringify({ name: 'Lee\u202eevil' }), 'name'],
    ['a number', JSON.stringify({ name: 12345 }), 'name'],
    ['an object', JSON.stringify({ name: { a: 1 } }), 'name'],
    ['an array body', JSON.stringify(['x']), 'body'],
    ['a null body', 'null', 'body'],
    ['an image', JSON.stringify({ name: 'Lee', image: 'javascript:alert(1)' }), 'image'],
    ['an image alone', JSON.stringify({ image: 'https://example.org/x.png' }), 'image'],
  ])(
    'refuses %s with a 400 naming the field, and keeps the stored profile',
    async (_label, body, field) => {
      const before = await storedName();
      const response = await updateUser(body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { message?: string; field?: string };
      expect(answer.field).toBe(field);
      expect(answer.message?.length ?? 0).toBeGreaterThan(10);
      expect(await storedName()).toEqual(before);
      expect(before.image).toBeNull();
    },
    60_000,
  );

  it('accounts made by the server (join, admin CLI) keep to the same rule', async () => {
    await expect(
      createAccount(t.auth, {
        email: 'x@example.org',
        name: 'x'.repeat(81),
        password: 'learner-password-1',
        role: 'learner',
      }),
    ).rejects.toBeInstanceOf(InvalidNameError);
    await expect(
      createAccount(t.auth, {
        email: 'y@example.org',
        name: 'Y\u0000',
        password: 'learner-password-1',
        role: 'learner',
      }),
    ).rejects.toBeInstanceOf(InvalidNameError);
  }, 60_000);
});

describe('the join form uses the same name rule', () => {
  const form = (name: string) => ({
    intent: 'create',
    name,
    email: 'sam@example.org',
    password: 'sam-password-1',
    confirm: 'sam-password-1',
  });
  it('refuses 81 characters and control characters, accepts and trims a normal name', () => {
    expect(createAccountForm.safeParse(form('x'.repeat(81))).success).toBe(false);
    expect(createAccountForm.safeParse(form('Sam\u0001')).success).toBe(false);
    const ok = createAccountForm.safeParse(form('  Sam Lee '));
    expect(ok.success && ok.data.name).toBe('Sam Lee');
  });
});
