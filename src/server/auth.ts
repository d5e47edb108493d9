import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { checkName, checkProfileUpdate } from '../schemas/profile.ts';
import type { Connection } from './db/connect.ts';

export type Role = 'learner' | 'trainer' | 'admin';

export interface AuthSettings {
  secret: string;
  /** The public address of the site, e.g. https://alongside.example.org. */
  baseURL: string;
  /** Other origins allowed to send state-changing requests (besides baseURL). */
  trustedOrigins: string[];
  production: boolean;
  /** Header holding the client's address, set by our server code or a trusted proxy (never the client). */
  ipHeader: string;
  /** Sign-in attempts allowed per address per minute. */
  signInPerMinute?: number;
}

/** better-auth's options for this app; also used to create its tables (see db/migrate.ts). */
export function authOptions(connection: Connection, settings: AuthSettings): BetterAuthOptions {
  return {
    appName: 'Alongside',
    database: { db: connection.db, type: connection.kind },
    secret: settings.secret,
    baseURL: settings.baseURL,
    basePath: '/api/auth',
    trustedOrigins: [settings.baseURL, ...settings.trustedOrigins],
    // Accounts are made by `npm run admin` (trainers) and invite links (learners), never by open sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'learner', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: settings.signInPerMinute ?? 5 } },
    },
    advanced: {
      useSecureCookies: settings.production,
      ipAddress: { ipAddressHeaders: [settings.ipHeader] },
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    },
    telemetry: { enabled: false },
    // One rule for names wherever they enter (src/schemas/profile.ts); `image` is never set.
    hooks: { before: profileGuard },
    databaseHooks: {
      user: {
        create: { before: (user) => Promise.resolve(guardStored(user)) },
        update: { before: (user) => Promise.resolve(guardStored(user)) },
      },
    },
  };
}

/** 400 with a JSON body naming the field (`message` as better-auth answers, `error` as our API does). */
const refuse = (field: string, message: string): APIError =>
  new APIError('BAD_REQUEST', { message, error: message, field, code: 'INVALID_PROFILE' });

/** Checks profile fields before better-auth's update-user and sign-up endpoints run. */
const profileGuard = createAuthMiddleware(async (ctx) => {
  if (ctx.path === '/update-user') {
    const checked = checkProfileUpdate(ctx.body);
    if (!checked.ok) throw refuse(checked.field, checked.message);
    return Promise.resolve({ context: { body: { name: checked.name } } });
  }
  if (ctx.path === '/sign-up/email') {
    const body: unknown = ctx.body;
    const name = checkName(typeof body === 'object' && body !== null && 'name' in body ? body.name : undefined);
    if (!name.ok) throw refuse('name', `name: ${name.message}`);
    if (typeof body === 'object' && body !== null && 'image' in body)
      throw refuse('image', 'The profile picture (image) cannot be set.');
  }
  return Promise.resolve();
});

/** The last guard, for every write of a user row: a name only as the rule allows, never an image. */
function guardStored<T extends Record<string, unknown>>(user: T): { data: T } {
  if ('image' in user && user['image'] !== undefined && user['image'] !== null)
    throw refuse('image', 'The profile picture (image) cannot be set.');
  if (!('name' in user) || user['name'] === undefined) return { data: user };
  const name = checkName(user['name']);
  if (!name.ok) throw refuse('name', `name: ${name.message}`);
  return { data: { ...user, name: name.name } };
}

export function createAuth(connection: Connection, settings: AuthSettings) {
  return betterAuth(authOptions(connection, settings));
}

export type Auth = ReturnType<typeof createAuth>;

/** Creates an account with a password directly (no sign-up endpoint): trainers by the admin CLI, learners by invite. */
export async function createAccount(
  auth: Auth,
  account: { email: string; name: string; password: string; role: Role },
): Promise<{ id: string; email: string; name: string }> {
  const context = await auth.$context;
  const email = account.email.trim().toLowerCase();
  const name = checkName(account.name);
  if (!name.ok) throw new InvalidNameError(name.message);
  if (await context.internalAdapter.findUserByEmail(email)) throw new AccountExistsError(email);
  const user = await context.internalAdapter.createUser(
    {
      email,
      name: name.name,
      emailVerified: false,
      role: account.role,
    },
    { method: 'admin' },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await context.password.hash(account.password),
  });
  return { id: user.id, email: user.email, name: user.name };
}

/** A name that breaks the profile rule (src/schemas/profile.ts); the message says what to change. */
export class InvalidNameError extends Error {}

export class AccountExistsError extends Error {
  constructor(email: string) {
    super(`An account for ${email} already exists.`);
  }
}

/**
 * Gives an account a new password and signs it out everywhere (every session is deleted), for
 * `npm run admin -- reset-password`. Throws NoAccountError when nobody has that email.
 */
export async function resetPassword(auth: Auth, email: string, password: string): Promise<{ id: string }> {
  const context = await auth.$context;
  const found = await context.internalAdapter.findUserByEmail(email.trim().toLowerCase(), { includeAccounts: true });
  if (!found) throw new NoAccountError(email);
  const hash = await context.password.hash(password);
  if (found.accounts.some((account) => account.providerId === 'credential'))
    await context.internalAdapter.updatePassword(found.user.id, hash);
  else
    await context.internalAdapter.linkAccount({
      userId: found.user.id,
      providerId: 'credential',
      accountId: found.user.id,
      password: hash,
    });
  await context.internalAdapter.deleteUserSessions(found.user.id);
  return { id: found.user.id };
}

export class NoAccountError extends Error {
  constructor(email: string) {
    super(
      `There is no account for ${email.trim().toLowerCase()}. Check the spelling, or create it with create-trainer.`,
    );
  }
}
