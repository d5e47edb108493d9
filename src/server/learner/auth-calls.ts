import { withClientIp } from '../client-ip.ts';
import type { Server } from '../runtime.ts';

/**
 * Server-side calls to better-auth's own endpoints from the no-JavaScript forms, so its rules
 * (password hashing and length, sign-in rate limit per address, session cookies) apply unchanged.
 * The browser's request has already passed the origin check in src/middleware.ts.
 */

/** Who is asking: the browser's session cookie and address (better-auth rate-limits per address). */
export interface Caller {
  clientAddress: string;
  cookie?: string | null;
}

function callAuth(server: Server, caller: Caller, path: string, body: unknown): Promise<Response> {
  const { baseURL, ipHeader } = server.config.auth;
  const headers = new Headers({ 'content-type': 'application/json', origin: baseURL });
  if (caller.cookie) headers.set('cookie', caller.cookie);
  const request = new Request(new URL(`/api/auth${path}`, baseURL), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return server.auth.handler(withClientIp(request, caller.clientAddress, ipHeader));
}

export function signIn(server: Server, caller: Caller, email: string, password: string): Promise<Response> {
  return callAuth(server, caller, '/sign-in/email', { email, password });
}

export function signOut(server: Server, caller: Caller): Promise<Response> {
  return callAuth(server, caller, '/sign-out', {});
}

/** Changes the password and signs out every other device (a new session cookie comes back). */
export function changePassword(
  server: Server,
  caller: Caller,
  currentPassword: string,
  newPassword: string,
): Promise<Response> {
  return callAuth(server, caller, '/change-password', { currentPassword, newPassword, revokeOtherSessions: true });
}

/** better-auth's error code from a failed call (for example INVALID_PASSWORD), if any. */
export async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
      ? body.code
      : undefined;
  } catch {
    return undefined;
  }
}

/** A 303 redirect (Post/Redirect/Get) carrying any cookies better-auth set or cleared. */
export function seeOther(location: string, from?: Response): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of from?.headers.getSetCookie() ?? []) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}
