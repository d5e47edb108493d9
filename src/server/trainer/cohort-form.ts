import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createCohort, type Cohort } from '../repo/cohorts.ts';
import { parseForm, type FormResult, type FormValues } from '../forms.ts';

export const COHORT_NAME_MAX = 80;

/** "Create a cohort" on /trainer/. */
export const createCohortForm = z.strictObject({
  intent: z.literal('create-cohort', {
    error: 'This form was not sent from the trainer page. Reload it and try again.',
  }),
  name: z
    .string({ error: 'Give the cohort a name.' })
    .trim()
    .min(1, 'Give the cohort a name, for example “New starters, March”.')
    .max(COHORT_NAME_MAX, `Keep the name to ${String(COHORT_NAME_MAX)} characters or fewer.`),
});

export async function createCohortAction(
  db: Kysely<Database>,
  trainerId: string,
  values: FormValues,
): Promise<FormResult<Cohort>> {
  const parsed = parseForm(createCohortForm, values);
  if (!parsed.ok) return parsed;
  return { ok: true, data: await createCohort(db, trainerId, parsed.data.name) };
}
