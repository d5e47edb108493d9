import { withClientIp } from '../client-ip.ts';
import type { Server } from '../runtime.ts';

/**
 * Server-side calls to better-auth's own endpoints from the no-JavaScript forms, so its rules
 * (password hashing and length, sign-in rate limit per address, session cookies) apply unchanged.
 * The browser's request has already passed the origin check in src/middleware.ts.
 */

function authRequest(server: Server, path: string, init: { body?: unknown; cookie?: string | null }): Request {
  const { baseURL } = server.config.auth;
  const headers = new Headers({ 'content-type': 'application/json', origin: baseURL });
  if (init.cookie) headers.set('cookie', init.cookie);
  return new Request(new URL(`/api/auth${path}`, baseURL), {
    method: 'POST',
    headers,
    body: JSON.stringify(init.body ?? {}),
  });
}

export function signIn(server: Server, clientAddress: string, email: string, password: string): Promise<Response> {
  const request = authRequest(server, '/sign-in/email', { body: { email, password } });
  return server.auth.handler(withClientIp(request, clientAddress, server.config.auth.ipHeader));
}

export function signOut(server: Server, cookie: string | null): Promise<Response> {
  return server.auth.handler(authRequest(server, '/sign-out', { cookie }));
}

/** Changes the password and signs out every other device (a new session cookie comes back). */
export function changePassword(
  server: Server,
  cookie: string | null,
  currentPassword: string,
  newPassword: string,
): Promise<Response> {
  return server.auth.handler(
    authRequest(server, '/change-password', {
      cookie,
      body: { currentPassword, newPassword, revokeOtherSessions: true },
    }),
  );
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
