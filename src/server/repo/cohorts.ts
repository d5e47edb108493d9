import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;
const now = (): string => new Date().toISOString();

export interface Cohort {
  id: string;
  trainer_id: string;
  name: string;
  created_at: string;
}

export async function createCohort(db: Db, trainerId: string, name: string): Promise<Cohort> {
  const cohort = { id: randomUUID(), trainer_id: trainerId, name, created_at: now() };
  await db.insertInto('cohort').values(cohort).execute();
  return cohort;
}

export function cohortsOfTrainer(db: Db, trainerId: string): Promise<(Cohort & { learners: number })[]> {
  return db
    .selectFrom('cohort')
    .leftJoin('cohort_member', 'cohort_member.cohort_id', 'cohort.id')
    .select(['cohort.id', 'cohort.trainer_id', 'cohort.name', 'cohort.created_at'])
    .select((eb) => eb.fn.count<string | number>('cohort_member.learner_id').as('learners'))
    .where('cohort.trainer_id', '=', trainerId)
    .groupBy(['cohort.id', 'cohort.trainer_id', 'cohort.name', 'cohort.created_at'])
    .orderBy('cohort.created_at', 'desc')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, learners: Number(row.learners) })));
}

/** The cohort only if this trainer owns it: every trainer route goes through here (tenant isolation). */
export function cohortOfTrainer(db: Db, trainerId: string, cohortId: string): Promise<Cohort | undefined> {
  return db
    .selectFrom('cohort')
    .selectAll()
    .where('id', '=', cohortId)
    .where('trainer_id', '=', trainerId)
    .executeTakeFirst();
}

export interface Member {
  id: string;
  name: string;
  email: string;
  joined_at: string;
}

export function membersOf(db: Db, cohortId: string): Promise<Member[]> {
  return db
    .selectFrom('cohort_member')
    .innerJoin('user', 'user.id', 'cohort_member.learner_id')
    .select(['user.id', 'user.name', 'user.email', 'cohort_member.joined_at'])
    .where('cohort_member.cohort_id', '=', cohortId)
    .orderBy('user.name')
    .execute();
}

export async function isMember(db: Db, cohortId: string, learnerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('cohort_member')
    .select('learner_id')
    .where('cohort_id', '=', cohortId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addMember(db: Db, cohortId: string, learnerId: string): Promise<void> {
  await db
    .insertInto('cohort_member')
    .values({ cohort_id: cohortId, learner_id: learnerId, joined_at: now() })
    .onConflict((oc) => oc.columns(['cohort_id', 'learner_id']).doNothing())
    .execute();
}

export interface Invite {
  token: string;
  cohort_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export const INVITE_DAYS = 14;

export async function createInvite(db: Db, cohortId: string, createdBy: string, days = INVITE_DAYS): Promise<Invite> {
  const created = new Date();
  const invite = {
    token: randomBytes(24).toString('base64url'),
    cohort_id: cohortId,
    created_by: createdBy,
    created_at: created.toISOString(),
    expires_at: new Date(created.getTime() + days * 86_400_000).toISOString(),
    revoked_at: null,
  };
  await db.insertInto('invite').values(invite).execute();
  return invite;
}

export function invitesOf(db: Db, cohortId: string): Promise<Invite[]> {
  return db
    .selectFrom('invite')
    .select(['token', 'cohort_id', 'created_at', 'expires_at', 'revoked_at'])
    .where('cohort_id', '=', cohortId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes an invite of one of this trainer's cohorts; false when there is no such invite for them. */
export async function revokeInvite(db: Db, trainerId: string, token: string): Promise<boolean> {
  const owned = await db
    .selectFrom('invite')
    .innerJoin('cohort', 'cohort.id', 'invite.cohort_id')
    .select('invite.token')
    .where('invite.token', '=', token)
    .where('cohort.trainer_id', '=', trainerId)
    .executeTakeFirst();
  if (!owned) return false;
  await db.updateTable('invite').set({ revoked_at: now() }).where('token', '=', token).execute();
  return true;
}

export type InviteCheck =
  | { ok: true; invite: Invite; cohort: Cohort; trainerName: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

/** Whether an invite link can be used now, and for which cohort. */
export async function checkInvite(db: Db, token: string, at = new Date()): Promise<InviteCheck> {
  const row = await db
    .selectFrom('invite')
    .innerJoin('cohort', 'cohort.id', 'invite.cohort_id')
    .innerJoin('user', 'user.id', 'cohort.trainer_id')
    .select([
      'invite.token',
      'invite.cohort_id',
      'invite.created_at',
      'invite.expires_at',
      'invite.revoked_at',
      'cohort.name',
      'cohort.trainer_id',
      'cohort.created_at as cohort_created_at',
      'user.name as trainer_name',
    ])
    .where('invite.token', '=', token)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (row.expires_at <= at.toISOString()) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    invite: {
      token: row.token,
      cohort_id: row.cohort_id,
      created_at: row.created_at,
      expires_at: row.expires_at,
      revoked_at: row.revoked_at,
    },
    cohort: { id: row.cohort_id, trainer_id: row.trainer_id, name: row.name, created_at: row.cohort_created_at },
    trainerName: row.trainer_name,
  };
}
