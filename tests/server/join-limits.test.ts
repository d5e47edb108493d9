import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/auth.ts';
import { createAccountAndJoin, JOIN_LIMIT } from '../../src/server/learner/join-account.ts';
import { createCohort, createInvite, membersOf } from '../../src/server/repo/cohorts.ts';
import { slidingWindowLimiter } from '../../src/server/rate-window.ts';
import type { Server } from '../../src/server/runtime.ts';
import { DATABASES, freshDatabase, serverOf, type TestDatabase } from './harness.ts';
import { signInRequest } from './tenants.ts';

describe('the join limit per address', () => {
  it('lets a class of 40 join from one address within five minutes', () => {
    let now = 0;
    const limit = slidingWindowLimiter({ limit: JOIN_LIMIT.max, windowMs: JOIN_LIMIT.windowMs, now: () => now });
    for (let learner = 0; learner < 40; learner++) {
      now = learner * 7_000; // one every 7 s: 40 in under five minutes
      expect(limit.take('192.0.2.10')).toEqual({ allowed: true });
    }
  });

  it('stops a script making hundreds of accounts, says how long to wait, and opens again after the window', () => {
    let now = 0;
    const limit = slidingWindowLimiter({ limit: JOIN_LIMIT.max, windowMs: JOIN_LIMIT.windowMs, now: () => now });
    const answers = Array.from({ length: 300 }, (_, i) => {
      now = i * 100;
      return limit.take('192.0.2.66');
    });
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(JOIN_LIMIT.max);
    const refused = answers.at(-1);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: Math.ceil((JOIN_LIMIT.windowMs - now) / 1000) });
    // Refused tries do not extend the wait; once the window has passed, joining works again.
    now = JOIN_LIMIT.windowMs + 1;
    expect(limit.take('192.0.2.66')).toEqual({ allowed: true });
    expect(limit.take('198.51.100.1')).toEqual({ allowed: true });
  });

  it('forgets addresses that have been quiet for the whole window, so memory stays small', () => {
    let now = 0;
    const limit = slidingWindowLimiter({ limit: 1, windowMs: JOIN_LIMIT.windowMs, now: () => now });
    for (let i = 0; i < 500; i++) limit.take(`198.51.100.${String(i)}`);
    expect(limit.size()).toBe(500);
    now = JOIN_LIMIT.windowMs + 1;
    limit.take('203.0.113.1');
    expect(limit.size()).toBe(1);
  });
});

describe.each(DATABASES)('joining through an invite on %s', (kind) => {
  let t: TestDatabase;
  let trainer: { id: string };
  const server = (): Server => serverOf(t);
  const invite = async (name: string) => {
    const cohort = await createCohort(t.connection.db, trainer.id, name);
    return { cohort, token: (await createInvite(t.connection.db, cohort.id, trainer.id)).token };
  };
  const hasSession = (response: Response) => response.headers.getSetCookie().some((c) => /session_token=[^;]/.test(c));

  beforeAll(async () => {
    t = await freshDatabase(kind);
    trainer = await createAccount(t.auth, {
      email: 'tess@example.org',
      name: 'Tess Trainer',
      password: 'trainer-password-1',
      role: 'trainer',
    });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('eight learners joining from one address are all signed in, and the address can still sign in', async () => {
    const { cohort, token } = await invite('Office network intake');
    const address = '192.0.2.40';
    for (let i = 0; i < 8; i++) {
      const made = await createAccountAndJoin(server(), { clientAddress: address }, token, {
        name: `Learner ${String(i)}`,
        email: `learner${String(i)}@example.org`,
        password: 'a long learner password',
      });
      expect(made.ok, `learner ${String(i)}`).toBe(true);
      if (made.ok) expect(hasSession(made.response)).toBe(true);
    }
    expect(await membersOf(t.connection.db, cohort.id)).toHaveLength(8);
    // The joins did not use up the address's five sign-ins a minute.
    const signIn = await t.auth.handler(signInRequest('learner0@example.org', 'a long learner password', address));
    expect(signIn.status).toBe(200);
  }, 180_000);

  it('an email that has an account joins only with its own password; a wrong one makes nothing', async () => {
    const { cohort, token } = await invite('Second intake');
    await createAccount(t.auth, {
      email: 'sam@example.org',
      name: 'Sam',
      password: 'sams own password',
      role: 'learner',
    });
    const wrong = await createAccountAndJoin(server(), { clientAddress: '192.0.2.41' }, token, {
      name: 'Not Sam',
      email: 'SAM@example.org',
      password: 'a guessed password',
    });
    expect(wrong).toEqual({ ok: false, reason: 'not-created' });
    expect(await membersOf(t.connection.db, cohort.id)).toEqual([]);
    const right = await createAccountAndJoin(server(), { clientAddress: '192.0.2.41' }, token, {
      name: 'Sam',
      email: 'sam@example.org',
      password: 'sams own password',
    });
    expect(right).toMatchObject({ ok: true, joined: true });
    if (right.ok) expect(hasSession(right.response)).toBe(true);
    expect((await membersOf(t.connection.db, cohort.id)).map((m) => m.email)).toEqual(['sam@example.org']);
  }, 120_000);

  it('a trainer who types their own details into the join form is signed in but not added as a learner', async () => {
    const { cohort, token } = await invite('Trainer tries the link');
    const made = await createAccountAndJoin(server(), { clientAddress: '192.0.2.44' }, token, {
      name: 'Tess Trainer',
      email: 'tess@example.org',
      password: 'trainer-password-1',
    });
    expect(made).toMatchObject({ ok: true, joined: false });
    expect(await membersOf(t.connection.db, cohort.id)).toEqual([]);
  }, 120_000);

  it('guessing passwords through the join form uses the sign-in limit', async () => {
    const { token } = await invite('Third intake');
    await createAccount(t.auth, {
      email: 'kim@example.org',
      name: 'Kim',
      password: 'kims own password',
      role: 'learner',
    });
    const outcomes = [];
    for (let i = 0; i < 6; i++)
      outcomes.push(
        await createAccountAndJoin(server(), { clientAddress: '192.0.2.42' }, token, {
          name: 'Kim',
          email: 'kim@example.org',
          password: `guess number ${String(i)}`,
        }),
      );
    expect(outcomes.slice(0, 5).every((o) => !o.ok && o.reason === 'not-created')).toBe(true);
    expect(outcomes[5]).toMatchObject({ ok: false, reason: 'too-many' });
  }, 120_000);

  it('past the limit, nothing is created and the answer says how long to wait', async () => {
    const { cohort, token } = await invite('Fourth intake');
    const limiter = slidingWindowLimiter({ limit: 3, windowMs: JOIN_LIMIT.windowMs });
    const outcomes = [];
    for (let i = 0; i < 4; i++)
      outcomes.push(
        await createAccountAndJoin(
          server(),
          { clientAddress: '192.0.2.43' },
          token,
          { name: `Bot ${String(i)}`, email: `bot${String(i)}@example.org`, password: 'a long bot password' },
          limiter,
        ),
      );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false]);
    expect(outcomes[3]).toMatchObject({ ok: false, reason: 'too-many' });
    const fourth = await t.connection.db
      .selectFrom('user')
      .select('id')
      .where('email', '=', 'bot3@example.org')
      .executeTakeFirst();
    expect(fourth).toBeUndefined();
    expect(await membersOf(t.connection.db, cohort.id)).toHaveLength(3);
  }, 120_000);
});
