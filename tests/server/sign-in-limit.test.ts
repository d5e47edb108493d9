import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/auth.ts';
import { DATABASES, freshDatabase, type TestDatabase } from './harness.ts';
import { signInRequest } from './tenants.ts';

describe.each(DATABASES)('sign-in rate limit on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    await createAccount(t.auth, {
      email: 'sam@example.org',
      name: 'Sam',
      password: 'the right password',
      role: 'learner',
    });
  });
  afterAll(async () => {
    await t.dispose();
  });

  const attempt = async (password: string, address: string): Promise<number> =>
    (await t.auth.handler(signInRequest('sam@example.org', password, address))).status;

  it('the 6th wrong password from one address in a minute gets 429; another address is unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await attempt('a wrong guess', '203.0.113.7'));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password waits out the minute from that address.
    expect(await attempt('the right password', '203.0.113.7')).toBe(429);
    expect(await attempt('a wrong guess', '198.51.100.20')).toBe(401);
    expect(await attempt('the right password', '198.51.100.20')).toBe(200);
  }, 120_000);
});
