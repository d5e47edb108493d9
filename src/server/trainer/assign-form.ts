import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createAssignments, type Assignment } from '../repo/assignments.ts';
import { parseForm, type FormResult, type FormValues } from '../forms.ts';

export const NOTE_MAX = 500;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date from <input type="date"> as the end of that day in UTC; undefined when it is no real date. */
export function endOfDayUtc(day: string): string | undefined {
  if (!DAY.test(day)) return undefined;
  const end = new Date(`${day}T23:59:59.999Z`);
  return Number.isNaN(end.getTime()) || end.toISOString().slice(0, 10) !== day ? undefined : end.toISOString();
}

/**
 * "Assign role-plays" on a cohort page: one or more of the course's role-plays, a mode, an optional
 * due date (not in the past) and an optional note for the learners.
 */
export function assignForm(knownIds: readonly string[], now = new Date()) {
  const known = new Set(knownIds);
  return z.strictObject({
    intent: z.literal('assign'),
    scenario: z
      .array(z.string(), { error: 'Choose at least one role-play to assign.' })
      .min(1, 'Choose at least one role-play to assign.')
      .max(knownIds.length * 2, 'Choose each role-play once.')
      .refine(
        (ids) => ids.every((id) => known.has(id)),
        'One of the role-plays chosen is not in the course. Reload the page and choose again.',
      )
      .transform((ids) => [...new Set(ids)]),
    mode: z.enum(['assessed', 'practice'], { error: 'Choose assessed or practice mode.' }),
    due: z
      .string({ error: 'Enter a due date, or leave it empty.' })
      .trim()
      .refine(
        (day) => day === '' || endOfDayUtc(day) !== undefined,
        'Enter the due date as a date, for example 2027-03-31.',
      )
      .refine(
        (day) => day === '' || (endOfDayUtc(day) ?? '') >= now.toISOString(),
        'The due date has already passed. Choose today or a later day, or leave it empty.',
      )
      .transform((day) => (day === '' ? null : (endOfDayUtc(day) ?? null))),
    note: z
      .string({ error: 'The note must be text.' })
      .trim()
      .max(NOTE_MAX, `Keep the note to ${String(NOTE_MAX)} characters or fewer.`)
      .transform((note) => note || null),
  });
}

export type AssignInput = z.output<ReturnType<typeof assignForm>>;

/** Creates one assignment per role-play chosen; the caller has checked the cohort is this trainer's. */
export async function assignAction(
  db: Kysely<Database>,
  input: { cohortId: string; trainerId: string; knownIds: readonly string[]; now?: Date },
  values: FormValues,
): Promise<FormResult<Assignment[]>> {
  const parsed = parseForm(assignForm(input.knownIds, input.now), values);
  if (!parsed.ok) return parsed;
  const { scenario, mode, due, note } = parsed.data;
  return {
    ok: true,
    data: await createAssignments(db, {
      cohortId: input.cohortId,
      createdBy: input.trainerId,
      scenarioIds: scenario,
      mode,
      dueAt: due,
      note,
    }),
  };
}
