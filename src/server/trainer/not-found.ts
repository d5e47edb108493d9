/**
 * The answer for a cohort, learner or invite that is not this trainer's: the same 404 as for one
 * that does not exist, so nobody can tell another trainer's ids from made-up ones.
 */
export const NOT_FOUND_TEXT =
  'There is no such cohort or learner in your workspace. Go back to /trainer/ and choose one of your cohorts.';

export const notFound = (): Response =>
  new Response(NOT_FOUND_TEXT, {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
