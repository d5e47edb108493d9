import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorFor, errorsInOrder, formValues, parseForm, UNEXPECTED_FIELD } from '../../src/server/forms.ts';

const schema = z
  .object({ name: z.string().min(1, 'Type your name.'), email: z.email('Type an email address.') })
  .strict();
const form = (entries: [string, string | Blob][]): FormData => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe('forms shared by the trainer, join and account pages', () => {
  it('gives one message per field, and lists them in page order for the error summary', () => {
    const result = parseForm(
      schema,
      formValues(
        form([
          ['email', 'nope'],
          ['name', ''],
        ]),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorsInOrder(result.errors, ['name', 'email'])).toEqual([
      { field: 'name', message: 'Type your name.' },
      { field: 'email', message: 'Type an email address.' },
    ]);
    expect(errorFor(errorsInOrder(result.errors, ['name', 'email']), 'email')).toBe('Type an email address.');
  });

  it('refuses a form that carries a file or a field it does not expect, with one message first in the summary', () => {
    const withFile = parseForm(
      schema,
      formValues(
        form([
          ['name', 'Sam'],
          ['email', new Blob(['x'])],
        ]),
      ),
    );
    expect(withFile).toEqual({ ok: false, errors: { form: UNEXPECTED_FIELD, email: expect.any(String) as unknown } });
    const extra = parseForm(
      schema,
      formValues(
        form([
          ['name', ''],
          ['email', 'a@b.co'],
          ['role', 'admin'],
        ]),
      ),
    );
    if (extra.ok) throw new Error('an unknown field must not pass');
    expect(errorsInOrder(extra.errors, ['name', 'email'])).toEqual([
      { message: UNEXPECTED_FIELD },
      { field: 'name', message: 'Type your name.' },
    ]);
  });
});
