import type { z } from 'zod';

/**
 * HTML forms, validated like every other input: FormData becomes a plain object (one string per
 * field; the fields named in `lists` become arrays, as checkbox groups need; an unticked group is
 * absent, as the browser sends it), then a strict zod
 * schema parses it. Errors come back per field, in words a person can act on.
 */
export type FormValues = Record<string, string | string[]>;

/** Field name → the first message for it; `form` holds errors that belong to no single field. */
export type FieldErrors = Partial<Record<string, string>>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function formValues(form: FormData, lists: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const name of new Set(form.keys())) {
    // A file upload is never expected: its name stands in, and the schema rejects it as text it does not know.
    const all = form.getAll(name).map((entry) => (typeof entry === 'string' ? entry : `[file ${entry.name}]`));
    values[name] = lists.includes(name) ? all : (all.at(-1) ?? '');
  }
  return values;
}

export const UNEXPECTED_FIELD = 'This form sent a field it does not expect. Reload the page and try again.';

export function parseForm<T>(schema: z.ZodType<T>, values: FormValues): FormResult<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    // Unknown fields are a form nobody on this site would send: one message for the whole form.
    if (issue.code === 'unrecognized_keys') errors['form'] ??= UNEXPECTED_FIELD;
    else errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The value of a text field to show again after a failed submission. */
export const textOf = (values: FormValues | undefined, name: string): string => {
  const value = values?.[name];
  return typeof value === 'string' ? value : '';
};

/** The values of a checkbox group to tick again after a failed submission. */
export const listOf = (values: FormValues | undefined, name: string): string[] => {
  const value = values?.[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
};
