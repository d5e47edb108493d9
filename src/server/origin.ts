const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every state-changing request: the browser's Origin header must be this site (or
 * a configured trusted origin). Without an Origin header, only a same-origin Fetch Metadata header
 * is accepted. Forms and fetches from the course itself always pass; another site's never do.
 */
export function originAllowed(request: Request, allowed: readonly string[]): boolean {
  if (SAFE.has(request.method)) return true;
  const origin = request.headers.get('origin');
  if (origin) return origin === new URL(request.url).origin || allowed.includes(origin);
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
