import type { APIRoute } from 'astro';
import { withClientIp } from '../../../server/client-ip.ts';
import { getServer } from '../../../server/runtime.ts';

export const prerender = false;

/** better-auth's own endpoints (sign-in, sign-out, session), rate-limited per client address. */
export const ALL: APIRoute = async ({ request, clientAddress }) => {
  const server = await getServer();
  return server.auth.handler(withClientIp(request, clientAddress, server.config.auth.ipHeader));
};
