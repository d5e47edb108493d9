/**
 * Issue 14, item 1: one cookie stored 9,847 attempts in 60 s. Limits on POST /api/attempts: at most
 * 20 stored attempts per learner and assignment, at most 30 syncs a minute per signed-in account,
 * device times that can be right, and attempt UUIDs compared whatever their letter case. Each rule
 * also faces the obvious ways round it: id case variants, a second session, requests at once, other
 * assignments, a device clock far off.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ATTEMPT_CAP,
  ATTEMPT_TIMES,
  getAttempt,
  postAttempt,
  RATE_LIMITED,
  type ApiDeps,
} from '../../src/server/api/attempts.ts';
import { CLOCK_SKEW_MS } from '../../src/server/api/attempt-times.ts';
import { createAssignments } from '../../src/server/repo/assignments.ts';
import { slidingWindowLimiter } from '../../src/server/rate-window.ts';
import { DEFAULT_SYNC_SETTINGS, syncLimits } from '../../src/server/sync-limits.ts';
import { DATABASES, freshDatabase, SETTINGS, type TestDatabase } from './harness.ts';
import { attemptBody, DENISE, scenarioById, signIn, twoTenants } from './tenants.ts';

const denise = scenarioById(DENISE);
const EXEMPLAR = denise.benchmarks.exemplarPath;
const HOUR = 3_600_000;

interface Answer {
  error?: string;
  code?: string;
  status?: string;
  id?: string;
  retryAfter?: number;
  limit?: number;
  details?: { field: string; message: string }[];
}

/** A clock the test moves by hand, for the limiter. */
function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the sliding-window limiter (in memory, per process)', () => {
  it('allows 30 in a minute, refuses the 31st with the seconds until a place is free, and does not count refusals', () => {
    const clock = manualClock();
    const limiter = slidingWindowLimiter({ limit: 30, windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 30; i++) {
      expect(limiter.take('ana')).toEqual({ allowed: true });
      clock.advance(1_000); // one a second: the first was 30 s ago when the 31st comes
    }
    expect(limiter.take('ana')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    // Hammering while refused changes nothing: refused requests are not recorded.
    for (let i = 0; i < 100; i++) limiter.take('ana');
    clock.advance(29_000);
    expect(limiter.take('ana')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(limiter.take('ana')).toEqual({ allowed: true });
    expect(limiter.take('ana')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Another key has its own 30.
    expect(limiter.take('ben')).toEqual({ allowed: true });
  });

  it('a burst of 30 at one instant waits the whole minute; Retry-After is never 0 and never more than the window', () => {
    const clock = manualClock();
    const limiter = slidingWindowLimiter({ limit: 30, windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 30; i++) limiter.take('ana');
    expect(limiter.take('ana')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(59_999);
    expect(limiter.take('ana')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1);
    expect(limiter.take('ana')).toEqual({ allowed: true });
  });

  it('forgets accounts that have been quiet for a minute, so memory stays small', () => {
    const clock = manualClock();
    const limiter = slidingWindowLimiter({ limit: 30, windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 1000; i++) limiter.take(`learner-${String(i)}`);
    expect(limiter.size()).toBe(1000);
    clock.advance(60_001);
    limiter.take('someone-new');
    expect(limiter.size()).toBe(1);
  });

  it('the defaults are 30 syncs a minute and 20 attempts per assignment', () => {
    expect(DEFAULT_SYNC_SETTINGS).toEqual({ perMinute: 30, attemptsPerAssignment: 20 });
  });
});

describe.each(DATABASES)('limits on attempt syncs, on %s (issue 14, item 1)', (kind) => {
  let t: TestDatabase;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    w = await twoTenants(t);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  const request = (cookie: string, body: unknown) =>
    new Request(`${SETTINGS.baseURL}/api/attempts`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: SETTINGS.baseURL },
      body: JSON.stringify(body),
    });
  const send = async (cookie: string, body: unknown, deps: ApiDeps = w.deps) => {
    const response = await postAttempt(request(cookie, body), deps);
    return { response, status: response.status, answer: (await response.json()) as Answer };
  };
  /** Deps whose sync limiter never gets in the way, so a test sees the cap alone. */
  const unlimited = (): ApiDeps => ({ ...w.deps, sync: syncLimits({ perMinute: 100_000, attemptsPerAssignment: 20 }) });
  const freshAssignment = async () => {
    const [assignment] = await createAssignments(t.connection.db, {
      cohortId: w.cohortA.id,
      createdBy: w.trainerA.id,
      scenarioIds: [DENISE],
      mode: 'assessed',
      dueAt: null,
      note: null,
    });
    if (!assignment) throw new Error('no assignment');
    return assignment;
  };
  const storedFor = async (assignmentId: string, learnerId: string) =>
    (
      await t.connection.db
        .selectFrom('attempt')
        .select('id')
        .where('assignment_id', '=', assignmentId)
        .where('learner_id', '=', learnerId)
        .execute()
    ).map((row) => row.id);
  const storedRow = (id: string) =>
    t.connection.db.selectFrom('attempt').selectAll().where('id', '=', id).executeTakeFirst();

  describe('at most 20 stored attempts per learner and assignment', () => {
    it('the 21st new attempt → 409 with code attempt-cap and a message; re-sends of stored ones stay 200 and are not counted', async () => {
      const deps = unlimited();
      const assignment = await freshAssignment();
      const bodies = Array.from({ length: 19 }, () => attemptBody(assignment.id, denise, EXEMPLAR));
      for (const body of bodies) expect((await send(w.learner1.cookie, body, deps)).status).toBe(201);
      // A lost response: the device sends the 19th again. Still one row, and the cap still has one place.
      const again = await send(w.learner1.cookie, bodies[18], deps);
      expect(again.status).toBe(200);
      expect(again.answer.status).toBe('duplicate');
      const twentieth = attemptBody(assignment.id, denise, EXEMPLAR);
      expect((await send(w.learner1.cookie, twentieth, deps)).status).toBe(201);
      expect(await storedFor(assignment.id, w.learner1.id)).toHaveLength(20);

      const extra = attemptBody(assignment.id, denise, EXEMPLAR);
      const refused = await send(w.learner1.cookie, extra, deps);
      expect(refused.status).toBe(409);
      expect(refused.answer).toMatchObject({ code: ATTEMPT_CAP, limit: 20 });
      expect(refused.answer.error).toMatch(/already has 20 attempts of this role-play/);
      expect(refused.answer.error).toMatch(/stays on your device/);
      expect(await storedRow(extra.attempt.id)).toBeUndefined();
      expect(await storedFor(assignment.id, w.learner1.id)).toHaveLength(20);

      // At the cap, an attempt already stored is still acknowledged (the device may not have heard the first answer).
      for (const body of [bodies[0], twentieth]) {
        const repeat = await send(w.learner1.cookie, body, deps);
        expect(repeat.status).toBe(200);
        expect(repeat.answer.status).toBe('duplicate');
      }
    }, 120_000);

    it('probe: upper-case or mixed-case copies of stored ids are the same attempts, not new places', async () => {
      const deps = unlimited();
      const assignment = await freshAssignment();
      const bodies = Array.from({ length: 20 }, () => attemptBody(assignment.id, denise, EXEMPLAR));
      for (const body of bodies) expect((await send(w.learner2.cookie, body, deps)).status).toBe(201);
      const mixed = (id: string) => id.replace(/[a-f]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c));
      for (const variant of [bodies[0]?.attempt.id.toUpperCase() ?? '', mixed(bodies[1]?.attempt.id ?? '')]) {
        const body = attemptBody(assignment.id, denise, EXEMPLAR, { id: variant });
        const answer = await send(w.learner2.cookie, body, deps);
        expect(answer.status, variant).toBe(200);
        expect(answer.answer).toMatchObject({ status: 'duplicate', id: variant.toLowerCase() });
      }
      const stored = await storedFor(assignment.id, w.learner2.id);
      expect(stored).toHaveLength(20);
      expect(stored.every((id) => id === id.toLowerCase())).toBe(true);
    }, 120_000);

    it('probe: 30 new attempts at once with 15 places taken store exactly 5; the rest get 409', async () => {
      const deps = unlimited();
      const assignment = await freshAssignment();
      for (let i = 0; i < 15; i++)
        expect((await send(w.learner1.cookie, attemptBody(assignment.id, denise, EXEMPLAR), deps)).status).toBe(201);
      const burst = await Promise.all(
        Array.from({ length: 30 }, () => send(w.learner1.cookie, attemptBody(assignment.id, denise, EXEMPLAR), deps)),
      );
      const statuses = burst.map((answer) => answer.status).sort();
      expect(statuses.filter((status) => status === 201)).toHaveLength(5);
      expect(statuses.filter((status) => status === 409)).toHaveLength(25);
      expect(await storedFor(assignment.id, w.learner1.id)).toHaveLength(20);
    }, 120_000);

    it('probe: the cap is per learner and per assignment — another assignment or another learner has its own places, another cohort’s assignment stays 404', async () => {
      const deps = unlimited();
      const full = await freshAssignment();
      for (let i = 0; i < 20; i++)
        expect((await send(w.learner1.cookie, attemptBody(full.id, denise, EXEMPLAR), deps)).status).toBe(201);
      expect((await send(w.learner1.cookie, attemptBody(full.id, denise, EXEMPLAR), deps)).status).toBe(409);
      // The same role-play assigned again by the trainer: a new assignment, new places.
      const next = await freshAssignment();
      expect((await send(w.learner1.cookie, attemptBody(next.id, denise, EXEMPLAR), deps)).status).toBe(201);
      // Learner 2 is not held back by learner 1's attempts.
      expect((await send(w.learner2.cookie, attemptBody(full.id, denise, EXEMPLAR), deps)).status).toBe(201);
      // Places cannot be borrowed from an assignment of another cohort.
      expect((await send(w.learner1.cookie, attemptBody(w.assignmentB.id, denise, EXEMPLAR), deps)).status).toBe(404);
      expect(await storedFor(full.id, w.learner1.id)).toHaveLength(20);
    }, 120_000);
  });

  describe('at most 30 syncs a minute per signed-in account', () => {
    it('the 31st gets 429 with Retry-After in seconds and a JSON message; a minute later it goes through', async () => {
      const clock = manualClock();
      const deps: ApiDeps = { ...w.deps, sync: syncLimits(DEFAULT_SYNC_SETTINGS, clock.now) };
      const assignment = await freshAssignment();
      const body = attemptBody(assignment.id, denise, EXEMPLAR);
      // Re-sends count: every request costs the server a replay.
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await send(w.learner2.cookie, body, deps)).status);
      expect(statuses).toEqual([201, ...Array<number>(29).fill(200)]);
      const fresh = attemptBody(assignment.id, denise, EXEMPLAR);
      const limited = await send(w.learner2.cookie, fresh, deps);
      expect(limited.status).toBe(429);
      expect(limited.response.headers.get('retry-after')).toBe('60');
      expect(limited.response.headers.get('content-type')).toMatch(/application\/json/);
      expect(limited.answer).toMatchObject({ code: RATE_LIMITED, retryAfter: 60 });
      expect(limited.answer.error).toMatch(/Too many results sent at once/);
      expect(await storedRow(fresh.attempt.id)).toBeUndefined();

      // Per account, not per cookie: signing in again does not start a new count.
      const secondSession = await signIn(t, w.learner2.email, w.learner2.password);
      expect(secondSession).not.toBe(w.learner2.cookie);
      expect((await send(secondSession, fresh, deps)).status).toBe(429);
      // Another learner is unaffected.
      expect((await send(w.learner1.cookie, attemptBody(assignment.id, denise, EXEMPLAR), deps)).status).toBe(201);

      clock.advance(30_000);
      const halfway = await send(w.learner2.cookie, fresh, deps);
      expect(halfway.status).toBe(429);
      expect(halfway.response.headers.get('retry-after')).toBe('30');
      clock.advance(30_000);
      expect((await send(w.learner2.cookie, fresh, deps)).status).toBe(201);
    }, 120_000);

    it('probe: bad requests count too, so a flood of junk cannot hide behind 400s', async () => {
      const clock = manualClock();
      const deps: ApiDeps = { ...w.deps, sync: syncLimits(DEFAULT_SYNC_SETTINGS, clock.now) };
      const junk = await Promise.all(
        Array.from({ length: 30 }, () => postAttempt(request(w.learner1.cookie, { nonsense: true }), deps)),
      );
      expect(new Set(junk.map((response) => response.status))).toEqual(new Set([422]));
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      expect((await send(w.learner1.cookie, body, deps)).status).toBe(429);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('signed out is still 401 (the count is per account, and nobody is signed in)', async () => {
      const response = await postAttempt(
        new Request(`${SETTINGS.baseURL}/api/attempts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: SETTINGS.baseURL },
          body: JSON.stringify(attemptBody(w.assignmentA.id, denise, EXEMPLAR)),
        }),
        w.deps,
      );
      expect(response.status).toBe(401);
    });
  });

  describe('device times are checked', () => {
    const timed = (assignmentId: string, startedAt: string, finishedAt: string) => {
      const body = attemptBody(assignmentId, denise, EXEMPLAR);
      return { ...body, attempt: { ...body.attempt, startedAt, finishedAt } };
    };
    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

    it.each([
      [
        'finishedAt more than a day ahead',
        iso(-HOUR),
        iso(CLOCK_SKEW_MS + HOUR),
        'attempt.finishedAt',
        /ahead of the server's clock/,
      ],
      ['both a year ahead', iso(365 * 24 * HOUR), iso(365 * 24 * HOUR + HOUR), 'attempt.startedAt', /ahead/],
      [
        'finished before it started',
        '2026-11-23T10:12:00.000Z',
        '2026-11-23T10:00:00.000Z',
        'attempt.finishedAt',
        /before startedAt/,
      ],
      [
        'started before 2020',
        '2019-12-31T23:59:59.000Z',
        '2026-11-23T10:00:00.000Z',
        'attempt.startedAt',
        /before 2020/,
      ],
      [
        'the epoch (a clock never set)',
        '1970-01-01T00:00:00.000Z',
        '1970-01-01T00:10:00.000Z',
        'attempt.startedAt',
        /before 2020/,
      ],
    ])('%s → 422 naming the field, nothing stored', async (_, startedAt, finishedAt, field, message) => {
      const body = timed(w.assignmentB.id, startedAt, finishedAt);
      const { status, answer } = await send(w.learner3.cookie, body);
      expect(status).toBe(422);
      expect(answer.code).toBe(ATTEMPT_TIMES);
      expect(answer.error).toContain(field);
      expect(answer.error).toMatch(message);
      expect(answer.details?.map((detail) => detail.field)).toContain(field);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it.each([
      ['an impossible date', '2026-02-30T10:00:00.000Z'],
      ['a time with an offset instead of UTC', '2026-11-23T10:00:00+02:00'],
      ['not a time at all', 'yesterday'],
    ])('%s → 422 naming attempt.startedAt', async (_, startedAt) => {
      const body = timed(w.assignmentB.id, startedAt, '2026-11-23T10:12:00.000Z');
      const { status, answer } = await send(w.learner3.cookie, body);
      expect(status).toBe(422);
      expect(answer.details?.map((detail) => detail.field)).toContain('attempt.startedAt');
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('a device clock a few hours fast is within the allowance; equal start and end is fine; times are stored in one form', async () => {
      const ahead = timed(w.assignmentB.id, iso(2 * HOUR), iso(3 * HOUR));
      expect((await send(w.learner3.cookie, ahead)).status).toBe(201);
      const instant = timed(w.assignmentB.id, '2026-11-23T10:00:00Z', '2026-11-23T10:00:00Z');
      expect((await send(w.learner3.cookie, instant)).status).toBe(201);
      expect(await storedRow(instant.attempt.id)).toMatchObject({
        started_at: '2026-11-23T10:00:00.000Z',
        finished_at: '2026-11-23T10:00:00.000Z',
      });
    });
  });

  describe('attempt UUIDs are compared lowercase', () => {
    it('an upper-case id is stored lowercase; the lowercase one is then a duplicate; either reads it back', async () => {
      const id = randomUUID();
      const upper = attemptBody(w.assignmentB.id, denise, EXEMPLAR, { id: id.toUpperCase() });
      const first = await send(w.learner3.cookie, upper);
      expect(first.status).toBe(201);
      expect(first.answer.id).toBe(id);
      expect(await storedRow(id.toUpperCase())).toBeUndefined();
      expect(await storedRow(id)).toMatchObject({ learner_id: w.learner3.id });
      const lower = await send(w.learner3.cookie, attemptBody(w.assignmentB.id, denise, EXEMPLAR, { id }));
      expect(lower.status).toBe(200);
      expect(lower.answer.status).toBe('duplicate');
      const rows = await t.connection.db
        .selectFrom('attempt')
        .select('id')
        .where('id', 'in', [id, id.toUpperCase()])
        .execute();
      expect(rows).toHaveLength(1);
      for (const asked of [id, id.toUpperCase()]) {
        const read = await getAttempt(
          new Request(`${SETTINGS.baseURL}/api/attempts/${asked}`, { headers: { cookie: w.learner3.cookie } }),
          w.deps,
          asked,
        );
        expect(read.status, asked).toBe(200);
      }
    });

    it('probe: another learner cannot take over an attempt by sending its id in upper case (409, untouched)', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      expect((await send(w.learner1.cookie, body, unlimited())).status).toBe(201);
      const original = await storedRow(body.attempt.id);
      const theirs = attemptBody(w.assignmentA.id, denise, EXEMPLAR, { id: body.attempt.id.toUpperCase() });
      const answer = await send(w.learner2.cookie, theirs, unlimited());
      expect(answer.status).toBe(409);
      expect(answer.answer.code).toBeUndefined();
      expect(await storedRow(body.attempt.id)).toEqual(original);
    });

    it('an assignment id in upper case finds the assignment', async () => {
      const body = attemptBody(w.assignmentB.id.toUpperCase(), denise, EXEMPLAR);
      expect((await send(w.learner3.cookie, body)).status).toBe(201);
      expect(await storedRow(body.attempt.id)).toMatchObject({ assignment_id: w.assignmentB.id });
    });
  });
});
