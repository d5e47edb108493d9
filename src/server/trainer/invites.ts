import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cohortOfTrainer, createInvite, invitesOf, revokeInvite, type Invite } from '../repo/cohorts.ts';
import { parseForm, type FormResult, type FormValues } from '../forms.ts';

type Db = Kysely<Database>;

export type InviteStatus = 'active' | 'expired' | 'revoked';

export const INVITE_STATUS_WORDS: Record<InviteStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function inviteStatus(invite: Pick<Invite, 'expires_at' | 'revoked_at'>, now = new Date()): InviteStatus {
  if (invite.revoked_at) return 'revoked';
  return invite.expires_at <= now.toISOString() ? 'expired' : 'active';
}

/** The link a learner opens to join: the site's public address, so it works when pasted anywhere. */
export const inviteUrl = (baseURL: string, token: string): string =>
  `${baseURL.replace(/\/$/, '')}/join/${encodeURIComponent(token)}/`;

export interface InviteView extends Invite {
  status: InviteStatus;
  url: string;
}

export async function inviteViews(db: Db, cohortId: string, baseURL: string, now = new Date()): Promise<InviteView[]> {
  return (await invitesOf(db, cohortId)).map((invite) => ({
    ...invite,
    status: inviteStatus(invite, now),
    url: inviteUrl(baseURL, invite.token),
  }));
}

/** A new invite link for one of this trainer's cohorts; undefined when the cohort is not theirs. */
export async function createInviteFor(db: Db, trainerId: string, cohortId: string): Promise<Invite | undefined> {
  if (!(await cohortOfTrainer(db, trainerId, cohortId))) return undefined;
  return createInvite(db, cohortId, trainerId);
}

export const createInviteForm = z.strictObject({ intent: z.literal('create-invite') });

export const revokeInviteForm = z.strictObject({
  intent: z.literal('revoke-invite'),
  token: z
    .string({ error: 'Choose which invite link to revoke.' })
    .regex(/^[\w-]{16,64}$/, 'That invite link is not one of this cohort’s. Reload the page and try again.'),
});

/**
 * Revokes an invite of this cohort, only when the cohort is this trainer's: `revokeInvite` checks the
 * trainer, and the token must also belong to the cohort whose page sent the form.
 */
export async function revokeInviteAction(
  db: Db,
  trainerId: string,
  cohortId: string,
  values: FormValues,
): Promise<FormResult<{ token: string }> | { ok: false; notFound: true }> {
  const parsed = parseForm(revokeInviteForm, values);
  if (!parsed.ok) return parsed;
  if (!(await cohortOfTrainer(db, trainerId, cohortId))) return { ok: false, notFound: true };
  const ofCohort = (await invitesOf(db, cohortId)).some((invite) => invite.token === parsed.data.token);
  if (!ofCohort || !(await revokeInvite(db, trainerId, parsed.data.token)))
    return {
      ok: false,
      errors: { token: 'That invite link is not one of this cohort’s. Reload the page and try again.' },
    };
  return { ok: true, data: { token: parsed.data.token } };
}
