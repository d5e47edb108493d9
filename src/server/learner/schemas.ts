import { z } from 'zod';
import { checkName } from '../../schemas/profile.ts';

/**
 * The learner forms' schemas: joining through an invite, and changing a password. Messages say
 * what to do, in the words a person filling the form would use.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${String(PASSWORD_MIN)} characters for your password.`)
  .max(PASSWORD_MAX, `Use ${String(PASSWORD_MAX)} characters or fewer for your password.`);

const confirmation = z
  .string()
  .min(1, 'Type your password again to confirm it.')
  .max(PASSWORD_MAX + 1);

const MISMATCH = 'The two passwords are different. Type the same password in both boxes.';

/** An invite link's token: what createInvite makes (base64url), checked before any database query. */
export const inviteToken = z.string().regex(/^[\w-]{16,64}$/);

export const createAccountForm = z
  .object({
    intent: z.literal('create'),
    // The one rule for names (src/schemas/profile.ts), so the form and the API agree.
    name: z.string().transform((value, ctx) => {
      const checked = checkName(value);
      if (checked.ok) return checked.name;
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'Enter your email address.')
      .max(254, 'Use an email address of 254 characters or fewer.')
      .regex(EMAIL, 'Enter an email address in the form name@example.org.'),
    password: newPassword,
    confirm: confirmation,
  })
  .strict()
  .refine((form) => form.password === form.confirm, { path: ['confirm'], message: MISMATCH });

export const joinExistingForm = z.object({ intent: z.literal('join') }).strict();

export const joinForm = z.discriminatedUnion('intent', [createAccountForm, joinExistingForm]);
export type JoinForm = z.infer<typeof joinForm>;
export const JOIN_FIELDS = ['name', 'email', 'password', 'confirm'] as const;

export const changePasswordForm = z
  .object({
    intent: z.literal('change-password'),
    current: z
      .string()
      .min(1, 'Enter your current password.')
      .max(PASSWORD_MAX + 1),
    password: newPassword,
    confirm: confirmation,
  })
  .strict()
  .refine((form) => form.password === form.confirm, { path: ['confirm'], message: MISMATCH })
  .refine((form) => form.password !== form.current, {
    path: ['password'],
    message: 'Choose a new password that is different from your current one.',
  });

export const signOutForm = z.object({ intent: z.literal('sign-out') }).strict();

export const accountForm = z.discriminatedUnion('intent', [changePasswordForm, signOutForm]);
export type AccountForm = z.infer<typeof accountForm>;
export const PASSWORD_FIELDS = ['current', 'password', 'confirm'] as const;
