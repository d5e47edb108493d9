/**
 * The CSRF guard on the running server (src/middleware.ts): a state-changing request from another
 * site is refused before any handler runs, on the sync API and on sign-in alike. No browser needed.
 */
import { expect, test } from '@playwright/test';

const EVIL = 'https://evil.example.com';
const attempt = { assignmentId: '00000000-0000-4000-8000-000000000000', attempt: {} };

test('another site cannot send attempts or sign in; the site itself can try', async ({ request, baseURL }) => {
  const crossSite = await request.post('/api/attempts', { data: attempt, headers: { origin: EVIL } });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toEqual({
    error: 'This request did not come from Alongside itself, so it was refused.',
  });

  const noOrigin = await request.post('/api/attempts', { data: attempt, headers: { 'sec-fetch-site': 'cross-site' } });
  expect(noOrigin.status()).toBe(403);

  const start = await request.post('/api/assignments/00000000-0000-4000-8000-000000000000/start', {
    headers: { origin: EVIL },
  });
  expect(start.status()).toBe(403);

  const signIn = { email: 'tess@example.org', password: 'not the password' };
  const crossSiteSignIn = await request.post('/api/auth/sign-in/email', { data: signIn, headers: { origin: EVIL } });
  expect(crossSiteSignIn.status()).toBe(403);

  // From the site itself the same requests reach their handlers: signed out, and a wrong password.
  const own = { origin: baseURL ?? '' };
  expect((await request.post('/api/attempts', { data: attempt, headers: own })).status()).toBe(401);
  expect((await request.post('/api/auth/sign-in/email', { data: signIn, headers: own })).status()).toBe(401);
});
