import type { z } from 'zod';

/** One problem with a form, tied to the field it is about (or to the whole form). */
export interface FieldError {
  field?: string;
  message: string;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * Reads a submitted form into a plain object and checks it against a strict schema. Files and
 * repeated fields are refused; unknown fields fail the strict schema. One message per field, the
 * first the schema found, in the order the fields appear on the page.
 */
export function parseForm<T>(form: FormData, schema: z.ZodType<T>, order: readonly string[]): FormResult<T> {
  const raw: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key in raw)
      return { ok: false, errors: [{ message: 'The form was not sent as expected. Reload the page and try again.' }] };
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const byField = new Map<string, string>();
  const general: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = typeof issue.path[0] === 'string' && order.includes(issue.path[0]) ? issue.path[0] : undefined;
    if (field) {
      if (!byField.has(field)) byField.set(field, issue.message);
    } else if (general.length === 0) {
      general.push({ message: 'The form was not sent as expected. Reload the page and try again.' });
    }
  }
  return {
    ok: false,
    errors: [
      ...general,
      ...order.flatMap((field) => {
        const message = byField.get(field);
        return message ? [{ field, message }] : [];
      }),
    ],
  };
}

/** The message for one field, for the page to show beside it. */
export const errorFor = (errors: readonly FieldError[], field: string): string | undefined =>
  errors.find((error) => error.field === field)?.message;
