import { defineMiddleware } from 'astro:middleware';
import { compressed } from './server/compress.ts';
import { problem } from './server/http.ts';
import { originAllowed } from './server/origin.ts';
import { getServer } from './server/runtime.ts';

/**
 * Server-mode guard for on-demand routes: reject cross-site state-changing requests before any
 * handler runs, and gzip what the handlers answer.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const server = await getServer();
  const allowed = [server.config.auth.baseURL, ...server.config.auth.trustedOrigins];
  if (!originAllowed(context.request, allowed))
    return problem(403, 'This request did not come from Alongside itself, so it was refused.');
  return compressed(context.request, await next());
});
