/**
 * The answer for a cohort or learner that is not this trainer's: the same 404 as for one that does
 * not exist, so nobody can tell another trainer's ids from made-up ones.
 */

/** For pages: an empty 404, which Astro answers with the site's own "page not found" page. */
export const notFoundPage = (): Response => new Response(null, { status: 404 });

/** For the CSV download (an endpoint, which Astro does not reroute): a 404 that says what to do. */
export const notFound = (): Response =>
  new Response('There is no such cohort in your workspace. Go to /trainer/ and choose one of your cohorts.', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
