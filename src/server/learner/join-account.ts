import { slidingWindowLimiter, type RateLimiter } from '../rate-window.ts';
import type { Server } from '../runtime.ts';
import { signIn, type Caller } from './auth-calls.ts';
import { joinCohort, registerLearner, type InviteProblem } from './join.ts';

/**
 * Accounts made through invite links, per client address: a class of 40 joining from one office
 * network within five minutes fits easily; a script making hundreds of accounts is stopped.
 */
export const JOIN_LIMIT = { max: 60, windowMs: 10 * 60_000 };
const joinsByAddress = slidingWindowLimiter({ limit: JOIN_LIMIT.max, windowMs: JOIN_LIMIT.windowMs });

export type CreateOutcome =
  /** Signed in (the response carries the session cookie); `joined` false for a non-learner account. */
  | { ok: true; response: Response; joined: boolean }
  | { ok: false; reason: InviteProblem }
  /** No account was made and nobody was signed in (the same answer whether or not the email is known). */
  | { ok: false; reason: 'not-created' }
  | { ok: false; reason: 'too-many'; retryAfter: number };

/**
 * The join form's "Create account and join". A new email gets a learner account, the membership
 * and a session; that automatic sign-in goes straight to better-auth's API, so it does not use up
 * the address's sign-in limit (a class joining from one network would otherwise be locked out).
 * An email that already has an account is signed in only with its own password, through the
 * counted sign-in, and then joins: so the form is no way round the sign-in limit, and a wrong
 * password gets the same answer as any other failure.
 */
export async function createAccountAndJoin(
  server: Server,
  caller: Caller,
  token: string,
  input: { name: string; email: string; password: string },
  limiter: RateLimiter = joinsByAddress,
): Promise<CreateOutcome> {
  const allowed = limiter.take(caller.clientAddress);
  if (!allowed.allowed) return { ok: false, reason: 'too-many', retryAfter: allowed.retryAfterSeconds };
  const { db } = server.connection;
  const registered = await registerLearner({ db, auth: server.auth }, token, input);
  if (registered.ok) {
    const response = await signInUncounted(server, caller, registered.user.email, input.password);
    return { ok: true, response, joined: true };
  }
  if (registered.reason !== 'account-exists') return { ok: false, reason: registered.reason };
  const response = await signIn(server, caller, input.email.trim().toLowerCase(), input.password);
  if (response.status === 429)
    return { ok: false, reason: 'too-many', retryAfter: Number(response.headers.get('x-retry-after') ?? 60) || 60 };
  if (!response.ok) return { ok: false, reason: 'not-created' };
  // better-auth's answer names who signed in, role included (an additional field of the user).
  const { user } = (await response.clone().json()) as { user: { id: string; role?: string } };
  const role = user.role === 'trainer' || user.role === 'admin' ? user.role : 'learner';
  const joined = await joinCohort(db, { id: user.id, role }, token);
  return { ok: true, response, joined: joined.ok };
}

function signInUncounted(server: Server, caller: Caller, email: string, password: string): Promise<Response> {
  const headers = new Headers({ [server.config.auth.ipHeader]: caller.clientAddress });
  return server.auth.api.signInEmail({ body: { email, password }, headers, asResponse: true });
}
