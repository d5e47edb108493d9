import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/auth.ts';
import { changePassword, errorCode, signIn, signOut } from '../../src/server/learner/auth-calls.ts';
import { inviteStatus, joinCohort, registerLearner, viewInvite } from '../../src/server/learner/join.ts';
import { assignmentHref, myAssignments } from '../../src/server/learner/my-assignments.ts';
import { createAssignments, recordStart } from '../../src/server/repo/assignments.ts';
import { storeAttempt } from '../../src/server/repo/attempts.ts';
import { createCohort, createInvite, membersOf, revokeInvite } from '../../src/server/repo/cohorts.ts';
import type { Server } from '../../src/server/runtime.ts';
import { DATABASES, freshDatabase, serverOf, type TestDatabase } from './harness.ts';

const SCENARIOS = [{ id: 'mib-benefits-form-kitchen-table', title: 'The Form on the Kitchen Table' }];
const DAY = 86_400_000;

describe.each(DATABASES)('learner join and account on %s', (kind) => {
  let t: TestDatabase;
  let trainer: { id: string };
  let otherTrainer: { id: string };
  const db = () => t.connection.db;
  const server = (): Server => serverOf(t);
  const cookieOf = (response: Response): string => (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';

  beforeAll(async () => {
    t = await freshDatabase(kind);
    trainer = await createAccount(t.auth, {
      email: 'tess@example.org',
      name: 'Tess Trainer',
      password: 'trainer-password-1',
      role: 'trainer',
    });
    otherTrainer = await createAccount(t.auth, {
      email: 'omar@example.org',
      name: 'Omar Other',
      password: 'trainer-password-2',
      role: 'trainer',
    });
  });
  afterAll(async () => {
    await t.dispose();
  });

  async function cohortWithInvite(name = 'Spring intake') {
    const cohort = await createCohort(db(), trainer.id, name);
    const invite = await createInvite(db(), cohort.id, trainer.id);
    return { cohort, invite };
  }

  describe('invite links', () => {
    it('a valid link names the cohort and the trainer', async () => {
      const { cohort, invite } = await cohortWithInvite();
      expect(await viewInvite(db(), invite.token)).toMatchObject({
        ok: true,
        cohort: { id: cohort.id, name: 'Spring intake' },
        trainerName: 'Tess Trainer',
      });
    });

    it('an unknown or malformed token is unknown (404); nothing is looked up for a malformed one', async () => {
      expect(await viewInvite(db(), 'a'.repeat(32))).toEqual({ ok: false, reason: 'unknown' });
      expect(await viewInvite(db(), "'; DROP TABLE invite; --")).toEqual({ ok: false, reason: 'unknown' });
      expect(inviteStatus('unknown')).toBe(404);
    });

    it('an expired link is expired (410) from the moment it runs out', async () => {
      const { invite } = await cohortWithInvite();
      const expires = new Date(invite.expires_at);
      expect((await viewInvite(db(), invite.token, new Date(expires.getTime() - 1000))).ok).toBe(true);
      expect(await viewInvite(db(), invite.token, expires)).toEqual({ ok: false, reason: 'expired' });
      expect(inviteStatus('expired')).toBe(410);
    });

    it('a revoked link is revoked (410)', async () => {
      const { invite } = await cohortWithInvite();
      expect(await revokeInvite(db(), trainer.id, invite.token)).toBe(true);
      expect(await viewInvite(db(), invite.token)).toEqual({ ok: false, reason: 'revoked' });
      expect(inviteStatus('revoked')).toBe(410);
    });
  });

  describe('a new learner joins through a link', () => {
    it('creates a learner account with a working password and adds it to the cohort', async () => {
      const { cohort, invite } = await cohortWithInvite();
      const outcome = await registerLearner({ db: db(), auth: t.auth }, invite.token, {
        name: 'Lee Learner',
        email: 'Lee@Example.org',
        password: 'learner-password-1',
      });
      expect(outcome).toMatchObject({ ok: true, user: { email: 'lee@example.org' }, cohort: { id: cohort.id } });
      const row = await db().selectFrom('user').selectAll().where('email', '=', 'lee@example.org').executeTakeFirst();
      expect(row?.role).toBe('learner');
      expect((await membersOf(db(), cohort.id)).map((member) => member.email)).toEqual(['lee@example.org']);
      const response = await signIn(server(), { clientAddress: '10.1.0.1' }, 'lee@example.org', 'learner-password-1');
      expect(response.status).toBe(200);
      expect(cookieOf(response)).toMatch(/session_token=/);
    });

    it('an email that already has an account is not made again, and joins nothing', async () => {
      const { cohort, invite } = await cohortWithInvite();
      await createAccount(t.auth, {
        email: 'sam@example.org',
        name: 'Sam',
        password: 'sam-password-1',
        role: 'learner',
      });
      const outcome = await registerLearner({ db: db(), auth: t.auth }, invite.token, {
        name: 'Someone Else',
        email: 'SAM@example.org',
        password: 'another-password',
      });
      expect(outcome).toEqual({ ok: false, reason: 'account-exists' });
      expect(await membersOf(db(), cohort.id)).toEqual([]);
      // The original password still works: nothing was overwritten.
      expect((await signIn(server(), { clientAddress: '10.1.0.2' }, 'sam@example.org', 'sam-password-1')).status).toBe(
        200,
      );
    });

    it('an expired or revoked link creates no account at all', async () => {
      const { invite } = await cohortWithInvite();
      const late = new Date(Date.parse(invite.expires_at) + DAY);
      expect(
        await registerLearner(
          { db: db(), auth: t.auth },
          invite.token,
          { name: 'Late', email: 'late@example.org', password: 'late-password-1' },
          late,
        ),
      ).toEqual({ ok: false, reason: 'expired' });
      await revokeInvite(db(), trainer.id, invite.token);
      expect(
        await registerLearner({ db: db(), auth: t.auth }, invite.token, {
          name: 'Late',
          email: 'late@example.org',
          password: 'late-password-1',
        }),
      ).toEqual({ ok: false, reason: 'revoked' });
      expect(await db().selectFrom('user').select('id').where('email', '=', 'late@example.org').execute()).toEqual([]);
    });
  });

  describe('a signed-in learner joins another cohort', () => {
    it('adds the membership once, however often the button is pressed', async () => {
      const learner = await createAccount(t.auth, {
        email: 'kai@example.org',
        name: 'Kai',
        password: 'kai-password-1',
        role: 'learner',
      });
      const { cohort, invite } = await cohortWithInvite('Autumn intake');
      const first = await joinCohort(db(), { id: learner.id, role: 'learner' }, invite.token);
      expect(first).toMatchObject({
        ok: true,
        added: true,
        cohort: { name: 'Autumn intake' },
        trainerName: 'Tess Trainer',
      });
      const second = await joinCohort(db(), { id: learner.id, role: 'learner' }, invite.token);
      expect(second).toMatchObject({ ok: true, added: false });
      expect(await membersOf(db(), cohort.id)).toHaveLength(1);
    });

    it('a trainer account is not added to a cohort as a learner', async () => {
      const { cohort, invite } = await cohortWithInvite();
      expect(await joinCohort(db(), { id: otherTrainer.id, role: 'trainer' }, invite.token)).toEqual({
        ok: false,
        reason: 'not-a-learner',
      });
      expect(await membersOf(db(), cohort.id)).toEqual([]);
    });

    it('an expired, revoked or unknown link adds nobody', async () => {
      const learner = await createAccount(t.auth, {
        email: 'ray@example.org',
        name: 'Ray',
        password: 'ray-password-1',
        role: 'learner',
      });
      const { cohort, invite } = await cohortWithInvite();
      const late = new Date(Date.parse(invite.expires_at) + 1);
      expect(await joinCohort(db(), { id: learner.id, role: 'learner' }, invite.token, late)).toEqual({
        ok: false,
        reason: 'expired',
      });
      await revokeInvite(db(), trainer.id, invite.token);
      expect(await joinCohort(db(), { id: learner.id, role: 'learner' }, invite.token)).toEqual({
        ok: false,
        reason: 'revoked',
      });
      expect(await joinCohort(db(), { id: learner.id, role: 'learner' }, 'b'.repeat(32))).toEqual({
        ok: false,
        reason: 'unknown',
      });
      expect(await membersOf(db(), cohort.id)).toEqual([]);
    });
  });

  describe('my assignments', () => {
    it('lists only the learner’s own cohorts’ assignments, with what the server has received', async () => {
      const learner = await createAccount(t.auth, {
        email: 'ada@example.org',
        name: 'Ada',
        password: 'ada-password-1',
        role: 'learner',
      });
      const { cohort, invite } = await cohortWithInvite('Ada’s cohort');
      await joinCohort(db(), { id: learner.id, role: 'learner' }, invite.token);
      const now = new Date();
      const [past] = await createAssignments(db(), {
        cohortId: cohort.id,
        createdBy: trainer.id,
        scenarioIds: ['mib-benefits-form-kitchen-table'],
        mode: 'assessed',
        dueAt: new Date(now.getTime() - DAY).toISOString(),
        note: 'Try it before Friday’s supervision.',
      });
      const [future] = await createAssignments(db(), {
        cohortId: cohort.id,
        createdBy: trainer.id,
        scenarioIds: ['unknown-scenario'],
        mode: 'practice',
        dueAt: new Date(now.getTime() + DAY).toISOString(),
        note: null,
      });
      // Another trainer's cohort that Ada is not in: never listed.
      const elsewhere = await createCohort(db(), otherTrainer.id, 'Not Ada’s');
      await createAssignments(db(), {
        cohortId: elsewhere.id,
        createdBy: otherTrainer.id,
        scenarioIds: ['mib-benefits-form-kitchen-table'],
        mode: 'assessed',
        dueAt: null,
        note: null,
      });
      if (!past || !future) throw new Error('assignments not created');

      let cards = await myAssignments(db(), learner.id, SCENARIOS, now);
      expect(cards.map((card) => card.id).sort()).toEqual([past.id, future.id].sort());
      const first = cards.find((card) => card.id === past.id);
      expect(first).toMatchObject({
        title: 'The Form on the Kitchen Table',
        cohort: 'Ada’s cohort',
        trainer: 'Tess Trainer',
        mode: 'assessed',
        note: 'Try it before Friday’s supervision.',
        state: 'not-started',
        overdue: true,
        action: 'Start',
        href: `/roleplays/mib-benefits-form-kitchen-table/?mode=assessed&assignment=${past.id}`,
      });
      expect(first?.dueText).toMatch(/\d{4}/);
      expect(cards.find((card) => card.id === future.id)).toMatchObject({
        title: 'unknown-scenario',
        overdue: false,
        state: 'not-started',
      });

      await recordStart(db(), past.id, learner.id);
      cards = await myAssignments(db(), learner.id, SCENARIOS, now);
      expect(cards.find((card) => card.id === past.id)).toMatchObject({ state: 'in-progress', action: 'Open' });

      await storeAttempt(db(), {
        id: randomUUID(),
        assignment_id: past.id,
        learner_id: learner.id,
        scenario_id: 'mib-benefits-form-kitchen-table',
        mode: 'assessed',
        band: 'developing',
        outcome: 'partial',
        ending_id: 'E2',
        started_at: now.toISOString(),
        finished_at: now.toISOString(),
        received_at: now.toISOString(),
        scores: '{}',
        transcript: '[]',
      });
      cards = await myAssignments(db(), learner.id, SCENARIOS, now);
      // Sent work is never overdue, and shows the band the server computed.
      expect(cards.find((card) => card.id === past.id)).toMatchObject({
        state: 'sent',
        band: 'developing',
        overdue: false,
      });
    });

    it('a learner in no cohort has no assignments', async () => {
      const loner = await createAccount(t.auth, {
        email: 'solo@example.org',
        name: 'Solo',
        password: 'solo-password-1',
        role: 'learner',
      });
      expect(await myAssignments(db(), loner.id, SCENARIOS)).toEqual([]);
    });

    it('links escape odd ids', () => {
      expect(assignmentHref('s', 'assessed', 'a&b=c')).toBe('/roleplays/s/?mode=assessed&assignment=a%26b%3Dc');
    });
  });

  describe('account actions through better-auth', () => {
    it('changes the password (wrong current password refused), then signs out', async () => {
      await createAccount(t.auth, {
        email: 'cam@example.org',
        name: 'Cam',
        password: 'cam-password-1',
        role: 'learner',
      });
      const cookie = cookieOf(
        await signIn(server(), { clientAddress: '10.2.0.1' }, 'cam@example.org', 'cam-password-1'),
      );

      const wrong = await changePassword(
        server(),
        { clientAddress: '10.2.0.1', cookie },
        'not-my-password',
        'cam-password-2',
      );
      expect(wrong.status).toBe(400);
      expect(await errorCode(wrong)).toBe('INVALID_PASSWORD');

      const changed = await changePassword(
        server(),
        { clientAddress: '10.2.0.1', cookie },
        'cam-password-1',
        'cam-password-2',
      );
      expect(changed.status).toBe(200);
      const fresh = cookieOf(changed);
      expect(fresh).toMatch(/session_token=/);
      expect((await signIn(server(), { clientAddress: '10.2.0.1' }, 'cam@example.org', 'cam-password-1')).status).toBe(
        401,
      );
      expect((await signIn(server(), { clientAddress: '10.2.0.1' }, 'cam@example.org', 'cam-password-2')).status).toBe(
        200,
      );
      // Other sessions (the one before the change) were signed out.
      expect(await t.auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();

      const out = await signOut(server(), { clientAddress: '10.2.0.1', cookie: fresh });
      expect(out.status).toBe(200);
      expect(out.headers.getSetCookie().join('\n')).toMatch(/session_token=;/);
      expect(await t.auth.api.getSession({ headers: new Headers({ cookie: fresh }) })).toBeNull();
    }, 120_000);

    it('changing the password without a session is refused', async () => {
      const response = await changePassword(server(), { clientAddress: '10.2.0.3' }, 'whatever-1', 'whatever-2');
      expect(response.status).toBe(401);
    }, 60_000);
  });
});
