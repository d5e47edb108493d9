import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cohortOfTrainer } from '../repo/cohorts.ts';
import { assignAction } from './assign-form.ts';
import { formValues, parseForm, type FieldErrors, type FormValues } from '../forms.ts';
import { createInviteFor, createInviteForm, revokeInviteAction } from './invites.ts';

/** What happened after a form on a cohort page: a notice to show after the redirect, or errors to show now. */
export type CohortNotice = 'cohort-created' | 'invite-created' | 'invite-revoked' | 'assigned';

export type CohortActionResult =
  | { kind: 'done'; notice: CohortNotice; count?: number; section: string }
  | { kind: 'invalid'; form: 'invites' | 'assign'; errors: FieldErrors; values: FormValues }
  | { kind: 'not-found' };

export const NOTICE_WORDS: Record<CohortNotice, (count: number) => string> = {
  'cohort-created': () => 'Cohort created. Next, create an invite link and share it with your learners.',
  'invite-created': () => 'Invite link created. Copy it and send it to your learners; it works for 14 days.',
  'invite-revoked': () =>
    'Invite link revoked. Nobody can join with it any more; people who joined stay in the cohort.',
  assigned: (count) =>
    count === 1
      ? 'Role-play assigned. Your learners see it on their “My assignments” page.'
      : `${String(count)} role-plays assigned. Your learners see them on their “My assignments” page.`,
};

/** Reads `?done=…&n=…` after a redirect; anything unknown shows no notice. */
export function noticeFrom(params: URLSearchParams): string | undefined {
  const done = z.enum(['cohort-created', 'invite-created', 'invite-revoked', 'assigned']).safeParse(params.get('done'));
  if (!done.success) return undefined;
  const count = Math.min(99, Math.max(1, Number.parseInt(params.get('n') ?? '1', 10) || 1));
  return NOTICE_WORDS[done.data](count);
}

const intentOf = z.object({ intent: z.enum(['create-invite', 'revoke-invite', 'assign']) });

/** Runs the form a cohort page received, after checking the cohort is this trainer's (404 otherwise). */
export async function runCohortAction(
  db: Kysely<Database>,
  input: { trainerId: string; cohortId: string; knownIds: readonly string[]; now?: Date },
  form: FormData,
): Promise<CohortActionResult> {
  if (!(await cohortOfTrainer(db, input.trainerId, input.cohortId))) return { kind: 'not-found' };
  const values = formValues(form, ['scenario']);
  const intent = intentOf.safeParse(values);
  if (!intent.success)
    return {
      kind: 'invalid',
      form: 'assign',
      values,
      errors: { form: 'This form was not sent from this page. Reload the page and try again.' },
    };
  switch (intent.data.intent) {
    case 'create-invite': {
      const parsed = parseForm(createInviteForm, values);
      if (!parsed.ok) return { kind: 'invalid', form: 'invites', errors: parsed.errors, values };
      if (!(await createInviteFor(db, input.trainerId, input.cohortId))) return { kind: 'not-found' };
      return { kind: 'done', notice: 'invite-created', section: 'invites' };
    }
    case 'revoke-invite': {
      const result = await revokeInviteAction(db, input.trainerId, input.cohortId, values);
      if (result.ok) return { kind: 'done', notice: 'invite-revoked', section: 'invites' };
      if ('notFound' in result) return { kind: 'not-found' };
      return { kind: 'invalid', form: 'invites', errors: result.errors, values };
    }
    case 'assign': {
      const result = await assignAction(db, input, values);
      if (!result.ok) return { kind: 'invalid', form: 'assign', errors: result.errors, values };
      return { kind: 'done', notice: 'assigned', count: result.data.length, section: 'results' };
    }
  }
}
