import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { keyStrings, leak, recordResponses } from './answer-key.ts';

const PHARMACY = 'mib-pharmacy-queue';

test('practice mode fetches the key only once the first feedback is due, then shows it', async ({ page }) => {
  const { seen, settle } = recordResponses(page);
  await page.goto(`/roleplays/${PHARMACY}/?mode=practice`);
  const replies = page.locator('button.reply');
  await expect(replies.first()).toBeVisible();
  await settle();
  expect(leak(seen, keyStrings(PHARMACY))).toBeUndefined();
  expect(seen.filter((response) => response.url.includes('key.json'))).toEqual([]);
  await replies.first().click();
  await expect(page.getByRole('button', { name: /Try another reply/ })).toBeVisible();
  await settle();
  expect(seen.some((response) => response.url.includes(`/roleplays/${PHARMACY}/key.json`))).toBe(true);
});

test('an attempt saved on the first-wave role-play still shows, word for word, after the rewrite', async ({ page }) => {
  // Saved by the code and role-play of main at ca0717a, before the rewrite (tests/fixtures/attempts/README.md).
  const attempt = JSON.parse(readFileSync('tests/fixtures/attempts/first-wave-mib-pharmacy-queue.json', 'utf8')) as {
    id: string;
  };
  await page.goto('/progress/');
  await page.evaluate((saved) => {
    localStorage.setItem('alongside:attempts:v1', JSON.stringify({ version: 1, attempts: [saved] }));
  }, attempt);
  await page.goto('/progress/');
  await expect(page.getByText('Waiting at the Pharmacy').first()).toBeVisible();
  await page.goto(`/roleplays/${PHARMACY}/transcript/?attempt=${attempt.id}`);
  await expect(page.getByText('You played an earlier version of this role-play')).toBeVisible();
  // The reply as it read then, not as the rewrite words it.
  await expect(page.getByText("You've tried before and it didn't stick", { exact: false })).toBeVisible();
  await expect(page.getByText(/proficient/).first()).toBeVisible();
});

test('a role-play in progress on a changed version starts again with a one-line notice', async ({ page }) => {
  await page.goto(`/roleplays/${PHARMACY}/?mode=assessed`);
  await expect(page.locator('button.reply').first()).toBeVisible();
  await page.locator('button.reply').first().click();
  // The saved place now claims an older version, as one saved before the rewrite would.
  await page.evaluate(() => {
    const name = 'alongside:roleplay-sessions:v1';
    const data = JSON.parse(localStorage.getItem(name) ?? '{}') as {
      sessions: Record<string, { scenarioHash?: string }>;
    };
    for (const session of Object.values(data.sessions)) delete session.scenarioHash;
    localStorage.setItem(name, JSON.stringify(data));
  });
  await page.reload();
  await expect(page.locator('.rp-restarted')).toHaveText(
    'This role-play has changed since you started it, so it starts again from the beginning; your finished attempts are kept.',
  );
  await expect(page.locator('button.reply').first()).toBeVisible();
});

test('the practice report shows the scored first try beside the retried reply', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`/roleplays/${PHARMACY}/?mode=practice`);
  const replies = page.locator('button.reply');
  const firstTry = (await replies.first().textContent()) ?? '';
  await replies.first().click();
  await page.getByRole('button', { name: 'Try another reply' }).click();
  const retry = (await replies.nth(1).textContent()) ?? '';
  await replies.nth(1).click();
  const report = page.getByRole('heading', { name: /How it went:/ });
  for (let turn = 0; turn < 12 && !(await report.isVisible()); turn++) {
    const done = page.getByRole('button', { name: 'See how it went' });
    const next = page.getByRole('button', { name: 'Continue' });
    // The report may still be loading from the last click: it counts as a way on too.
    await expect(done.or(next).or(replies.first()).or(report)).toBeVisible();
    if (await report.isVisible()) break;
    if (await done.isVisible()) await done.click();
    else if (await next.isVisible()) await next.click();
    else await replies.first().click();
  }
  await expect(report).toBeVisible();
  const turn = page.locator('.replay li').first();
  await expect(turn.locator('.scored-first')).toContainText(`Scored, your first try: “${firstTry}”`);
  await expect(turn).toContainText(`Your retry (not scored): “${retry}”`);
});
