import type { Kysely } from 'kysely';
import { AccountExistsError, createAccount, type Auth, type Role } from '../auth.ts';
import type { Database } from '../db/schema.ts';
import { addMember, checkInvite, isMember, type Cohort } from '../repo/cohorts.ts';
import { inviteToken } from './schemas.ts';

type Db = Kysely<Database>;

export type InviteProblem = 'unknown' | 'expired' | 'revoked';

/** What a join link page shows: the cohort and trainer, or why the link cannot be used. */
export type InviteView = { ok: true; cohort: Cohort; trainerName: string } | { ok: false; reason: InviteProblem };

/** Checks an invite token from the address bar; a token of the wrong shape is simply unknown. */
export async function viewInvite(db: Db, token: string, at = new Date()): Promise<InviteView> {
  if (!inviteToken.safeParse(token).success) return { ok: false, reason: 'unknown' };
  const check = await checkInvite(db, token, at);
  return check.ok ? { ok: true, cohort: check.cohort, trainerName: check.trainerName } : check;
}

/** HTTP status for an invite that cannot be used: never existed (404), or no longer usable (410). */
export const inviteStatus = (reason: InviteProblem): number => (reason === 'unknown' ? 404 : 410);

export type JoinOutcome =
  | { ok: true; cohort: Cohort; trainerName: string; added: boolean }
  | { ok: false; reason: InviteProblem | 'not-a-learner' };

/**
 * Adds a signed-in learner to the invite's cohort, once (joining twice changes nothing). Trainer
 * and admin accounts are not added: invites are for learners, whose results a trainer will see.
 */
export async function joinCohort(
  db: Db,
  person: { id: string; role: Role },
  token: string,
  at = new Date(),
): Promise<JoinOutcome> {
  const invite = await viewInvite(db, token, at);
  if (!invite.ok) return invite;
  if (person.role !== 'learner') return { ok: false, reason: 'not-a-learner' };
  const already = await isMember(db, invite.cohort.id, person.id);
  if (!already) await addMember(db, invite.cohort.id, person.id);
  return { ok: true, cohort: invite.cohort, trainerName: invite.trainerName, added: !already };
}

export type RegisterOutcome =
  | { ok: true; user: { id: string; email: string; name: string }; cohort: Cohort }
  | { ok: false; reason: InviteProblem | 'account-exists' };

/**
 * A new learner account from an invite: the invite is checked first (nothing is created for a
 * dead link), then the account (password hashed by better-auth), then the membership.
 */
export async function registerLearner(
  deps: { db: Db; auth: Auth },
  token: string,
  input: { name: string; email: string; password: string },
  at = new Date(),
): Promise<RegisterOutcome> {
  const invite = await viewInvite(deps.db, token, at);
  if (!invite.ok) return invite;
  let user: { id: string; email: string; name: string };
  try {
    user = await createAccount(deps.auth, { ...input, role: 'learner' });
  } catch (error) {
    if (error instanceof AccountExistsError) return { ok: false, reason: 'account-exists' };
    throw error;
  }
  await addMember(deps.db, invite.cohort.id, user.id);
  return { ok: true, user, cohort: invite.cohort };
}
