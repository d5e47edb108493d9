import type { z } from 'zod';

/**
 * HTML forms, validated like every other input: FormData becomes a plain object (one string per
 * field; the fields named in `lists` become arrays, as checkbox groups need; an unticked group is
 * absent, as the browser sends it), then a strict zod schema parses it. Errors come back per field,
 * in words a person can act on. Used by the trainer, join and account pages.
 */
export type FormValues = Record<string, string | string[]>;

/** Field name → the first message for it; `form` holds errors that belong to no single field. */
export type FieldErrors = Partial<Record<string, string>>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export const UNEXPECTED_FIELD = 'This form sent a field it does not expect. Reload the page and try again.';

/** A field no schema knows: a form carrying a file (which no form here asks for) fails as unexpected. */
const FILE_FIELD = '(file)';

/** The form's fields as strings (the `lists` fields as arrays). */
export function formValues(form: FormData, lists: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const name of new Set(form.keys())) {
    const all = form.getAll(name);
    const texts = all.filter((entry): entry is string => typeof entry === 'string');
    if (texts.length !== all.length) values[FILE_FIELD] = name;
    values[name] = lists.includes(name) ? texts : (texts.at(-1) ?? '');
  }
  return values;
}

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

/** One problem for an error summary, tied to its field (or to the whole form). */
export interface FieldError {
  field?: string;
  message: string;
}

/**
 * Errors in the order the fields appear on the page, for an error summary: a whole-form problem
 * first; a message about a field the page does not show counts as a whole-form problem.
 */
export function errorsInOrder(errors: FieldErrors, order: readonly string[]): FieldError[] {
  const general = Object.keys(errors).some((field) => !order.includes(field));
  return [
    ...(general ? [{ message: errors['form'] ?? UNEXPECTED_FIELD }] : []),
    ...order.flatMap((field) => {
      const message = errors[field];
      return message ? [{ field, message }] : [];
    }),
  ];
}

/** The message for one field, for the page to show beside it. */
export const errorFor = (errors: readonly FieldError[], field: string): string | undefined =>
  errors.find((error) => error.field === field)?.message;

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
