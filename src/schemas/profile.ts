/**
 * The one rule for profile fields, wherever they enter: better-auth's update-user and sign-up
 * (src/server/auth.ts hooks), the join form, and `npm run admin -- create-trainer --name`.
 * Plain TypeScript without zod, so a browser island may import it too.
 *
 * A display name is a string, trimmed, 1–80 characters (code points), plain text: no control
 * characters (U+0000–U+001F, U+007F–U+009F), no line or paragraph separators (U+2028, U+2029),
 * no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
 * and no byte-order mark (U+FEFF). Everything else a person's name may hold is kept as typed.
 * The only field a person may change is `name`; `image` and every other field are refused.
 */

export const NAME_MAX = 80;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this rule refuses
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

export const NAME_MESSAGES = {
  type: 'Your name must be text.',
  empty: 'Enter your name, as your trainer knows you.',
  long: `Use ${String(NAME_MAX)} characters or fewer for your name.`,
  plain: 'Use letters, spaces and ordinary punctuation in your name (no control or direction characters).',
} as const;

/** Checks a display name; gives the trimmed name, or a message a person can act on. */
export function checkName(value: unknown): NameCheck {
  if (typeof value !== 'string') return { ok: false, message: NAME_MESSAGES.type };
  // Measure before trimming too, so a huge string is refused without more work.
  if (value.length > NAME_MAX * 4) return { ok: false, message: NAME_MESSAGES.long };
  const name = value.trim();
  if (name.length === 0) return { ok: false, message: NAME_MESSAGES.empty };
  if (Array.from(name).length > NAME_MAX) return { ok: false, message: NAME_MESSAGES.long };
  if (NOT_PLAIN.test(name)) return { ok: false, message: NAME_MESSAGES.plain };
  return { ok: true, name };
}

export type ProfileCheck = { ok: true; name: string } | { ok: false; field: string; message: string };

/** Checks a profile change as a client sends it: an object holding `name` and nothing else. */
export function checkProfileUpdate(body: unknown): ProfileCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, field: 'body', message: 'Send the change as a JSON object, for example {"name": "Sam"}.' };
  for (const field of Object.keys(body)) {
    if (field === 'image') return { ok: false, field, message: 'The profile picture (image) cannot be set.' };
    if (field !== 'name') return { ok: false, field, message: `The field "${field.slice(0, 40)}" cannot be changed.` };
  }
  if (!('name' in body)) return { ok: false, field: 'name', message: 'Send the new name in the "name" field.' };
  const name = checkName(body.name);
  return name.ok ? name : { ok: false, field: 'name', message: `name: ${name.message}` };
}
