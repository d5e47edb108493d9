import type { AstroGlobal } from 'astro';
import type { Role } from './auth.ts';
import { getServer, type Server } from './runtime.ts';
import { viewerOf, type Viewer } from './session.ts';

/** A same-site path to return to after signing in; anything else falls back to the account page. */
export function safeNext(next: string | null | undefined, fallback = '/account/'): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : fallback;
}

export type PageAccess = { ok: true; server: Server; viewer: Viewer } | { ok: false; response: Response };

/**
 * For on-demand pages: the signed-in person with one of the roles, or a redirect to sign in, or a
 * 403 page for the wrong role. Pages return `access.response` when `ok` is false.
 */
export async function pageAccess(astro: AstroGlobal, roles?: Role[]): Promise<PageAccess> {
  const server = await getServer();
  const viewer = await viewerOf(server.auth, astro.request.headers);
  if (!viewer) {
    const next = encodeURIComponent(astro.url.pathname + astro.url.search);
    return { ok: false, response: astro.redirect(`/sign-in/?next=${next}`, 303) };
  }
  if (roles && !roles.includes(viewer.role))
    return {
      ok: false,
      response: new Response('This page is for trainers. Your account is a learner account.', {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      }),
    };
  return { ok: true, server, viewer };
}
