import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/**
 * The trainer workspace in the browser, against the real server (tests/e2e/start-server.ts): Tess
 * makes a cohort, invites, assigns and downloads results; Omar, another trainer, cannot see any of it.
 */

interface Account {
  email: string;
  password: string;
}

const accounts = (): { trainers: Account[] } =>
  JSON.parse(readFileSync('test-results/e2e-accounts.json', 'utf8')) as { trainers: Account[] };

function trainer(email: string): Account {
  const account = accounts().trainers.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`no e2e account for ${email}`);
  return account;
}

async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/sign-in/');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/trainer\/$/);
}

async function signedIn(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, trainer(email));
  return page;
}

const inAWeek = (): string => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

let cohortUrl = '';
let learnerUrl = '';

test('Tess creates a cohort, invites, revokes, assigns two role-plays and downloads the results', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'tess@example.org');
  await expect(page.getByRole('heading', { name: 'Trainer workspace', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  // A name is required: the form says so, tied to the field.
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the cohort a name');
  await expect(page.getByLabel('Cohort name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  const name = `Spring starters ${String(Date.now())}`;
  await page.getByLabel('Cohort name').fill(name);
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText('Cohort created');
  cohortUrl = new URL(page.url()).pathname;
  expect(cohortUrl).toMatch(/^\/trainer\/cohorts\/[0-9a-f-]{36}\/$/);

  // Invite links: create one, revoke it, create another.
  const invites = page.locator('#invites');
  await invites.getByRole('button', { name: 'Create an invite link' }).click();
  await expect(invites.getByRole('status').first()).toContainText('Invite link created');
  const field = invites.getByRole('textbox', { name: 'Invite link' });
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/join\/[\w-]{20,}\/$/);
  await expect(field).toHaveAttribute('readonly', '');
  const first = await field.inputValue();
  await invites.getByRole('button', { name: 'Copy link' }).click();
  await expect(invites.locator('al-copy-field [role="status"]')).toHaveText(/Link copied|The link is selected/);
  expect(await field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([
    0,
    first.length,
  ]);

  await invites.getByRole('button', { name: 'Revoke invite link' }).click();
  await expect(invites.getByRole('status').first()).toContainText('Invite link revoked');
  await expect(invites.getByRole('listitem').first()).toContainText('Revoked');
  await expect(invites.getByRole('textbox')).toHaveCount(0);

  await invites.getByRole('button', { name: 'Create an invite link' }).click();
  const second = await invites.getByRole('textbox', { name: 'Invite link' }).inputValue();
  expect(second).toMatch(/\/join\/[\w-]{20,}\/$/);
  expect(second).not.toBe(first);
  await expect(invites.getByRole('listitem')).toHaveCount(2);
  await expect(invites.getByRole('listitem').first()).toContainText('Active');

  // Assigning nothing is refused with a message that says what to do.
  const assign = page.locator('#assign');
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign.getByRole('alert')).toContainText('Choose at least one role-play to assign.');

  // Two role-plays, assessed (the default), due in a week.
  await expect(assign.getByRole('group', { name: 'Harm Reduction' })).toBeVisible();
  // Thirteen role-plays, and the simulation's four scenes in a group of their own.
  await expect(assign.getByRole('checkbox')).toHaveCount(17);
  await expect(assign.getByRole('group', { name: 'Home visit simulation' }).getByRole('checkbox')).toHaveCount(4);
  await assign.getByRole('checkbox', { name: /The Monday Call/ }).check();
  await assign.getByRole('checkbox', { name: /Spin Cycle/ }).check();
  await expect(assign.getByRole('radio', { name: /^Assessed/ })).toBeChecked();
  await assign.getByLabel('Due date (optional)').fill(inAWeek());
  await assign.getByLabel('Note for your learners (optional)').fill('Listen for the all-or-nothing thinking.');
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(page.locator('#assign').getByRole('status')).toContainText('2 role-plays assigned');

  const results = page.locator('#results');
  const assigned = results.getByRole('table', { name: 'Assigned role-plays' });
  await expect(assigned.getByRole('row')).toHaveCount(3);
  for (const title of ['The Monday Call', 'Spin Cycle']) {
    const row = assigned.getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText('Assessed');
    await expect(row).toContainText(/Due \d{1,2} \w{3} \d{4}/);
    await expect(row).toContainText('0 done, 0 in progress, 0 not started');
  }
  await expect(results).toContainText('No learners have joined yet');
  await expect(results).toContainText('Share an invite link');
  await expectNoAxeViolations(page);

  // Nothing scrolls sideways on a 320 px phone.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });

  const download = page.waitForEvent('download');
  await results.getByRole('link', { name: 'Download results (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^spring-starters-\d+-results\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv).toBe(
    'cohort,learner,email,role-play,mode,due,status,overdue,attempts,band,R:Q,complex reflections %,relational,technical,finished at\r\n',
  );
  await page.context().close();
});

test('forms work without JavaScript: the link is in a read-only field that selects whole', async ({ browser }) => {
  const page = await signedIn(browser, 'tess@example.org', false);
  await page.goto(cohortUrl);
  const invites = page.locator('#invites');
  await invites.getByRole('button', { name: 'Create an invite link' }).click();
  await expect(invites.getByRole('status').first()).toContainText('Invite link created');
  // Two active links now, told apart by number; the copy buttons need JavaScript, so they stay hidden.
  await expect(invites.getByRole('textbox')).toHaveCount(2);
  await expect(invites.getByRole('button', { name: /Copy link/ })).toHaveCount(0);
  await invites.getByRole('button', { name: 'Create an invite link' }).focus();
  await page.keyboard.press('Tab');
  const field = invites.getByRole('textbox', { name: 'Invite link 1' });
  await expect(field).toBeFocused();
  const value = await field.inputValue();
  expect(await field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([
    0,
    value.length,
  ]);
  await invites.getByRole('button', { name: 'Revoke invite link 1' }).click();
  await expect(invites.getByRole('status').first()).toContainText('Invite link revoked');
  await expect(invites.getByRole('textbox')).toHaveCount(1);
  await page.context().close();
});

test('with a learner’s result: the matrix in words, the learner’s annotated transcript, the CSV row', async ({
  browser,
}) => {
  const cohortId = cohortUrl.split('/')[3] ?? '';
  const name = '=1+1 Ana <img src=x onerror=alert(1)>';
  const seeded = JSON.parse(
    execFileSync(process.execPath, ['tests/e2e/seed-learner.ts', cohortId, name, `ana.${cohortId}@example.org`], {
      encoding: 'utf8',
    }),
  ) as { learnerId: string; password: string; band: string };
  const page = await signedIn(browser, 'tess@example.org');
  await page.goto(cohortUrl);
  const matrix = page.getByRole('table', { name: /Results by learner/ });
  const row = matrix.getByRole('row', { name: /Ana/ });
  // The name is shown as text: no element was made from it.
  await expect(row.getByRole('rowheader')).toHaveText(name);
  await expect(page.locator('main img')).toHaveCount(0);
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toContainText('Done');
  await expect(cells.nth(0)).toContainText(/Band: (Proficient|Developing|Beginning)/);
  await expect(cells.nth(0)).toContainText('R:Q');
  await expect(cells.nth(0)).toContainText('2 attempts');
  await expect(cells.nth(1)).toContainText('In progress');
  await expect(cells.nth(1)).not.toContainText('Overdue');
  await expectNoAxeViolations(page);

  await row.getByRole('link', { name }).click();
  learnerUrl = new URL(page.url()).pathname;
  expect(learnerUrl).toBe(`${cohortUrl}learners/${seeded.learnerId}/`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const attempts = page.getByRole('table', { name: /Attempts at assigned role-plays/ });
  await expect(attempts.getByRole('row')).toHaveCount(3);
  await expect(attempts).toContainText('The Monday Call');
  // Today's attempt, and one saved on 30 November on the version live then (no hash). Found by what they
  // say, not by position, so the test does not depend on today's date.
  const EARLIER = 'Played on an earlier version of this role-play';
  const earlier = page.locator('section.attempt', { hasText: EARLIER });
  const latest = page.locator('section.attempt').filter({ hasNotText: EARLIER });
  await expect(earlier).toHaveCount(1);
  await expect(latest).toHaveCount(1);
  await expect(latest.locator('.notice')).toHaveCount(0);
  const then = earlier.getByRole('list', { name: /The conversation with Lena/ });
  await expect(then.locator(':scope > li').first()).toContainText(
    '“Thank you for telling me. That took guts, and it tells me your recovery still matters to you.',
  );
  await expect(latest).not.toContainText('it tells me your recovery still matters');
  const conversation = latest.getByRole('list', { name: /The conversation with Lena/ });
  await expect(conversation.locator(':scope > li').first()).toContainText('Lena: “I need to tell you something');
  await expect(conversation.locator(':scope > li').first()).toContainText('Complex reflection');
  await expect(conversation.locator(':scope > li').first()).toContainText('★ The strongest reply at this point.');
  await expect(latest.getByRole('heading', { name: 'How it ended' })).toBeVisible();
  await expect(latest.locator('.attempt-facts')).toContainText('Listen for the all-or-nothing thinking.');
  await expect(page.locator('main img')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  const response = await page.request.get(`${cohortUrl}export.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await response.text()).split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(`,'=1+1 Ana <img src=x onerror=alert(1)>,ana.${cohortId}@example.org,The Monday Call,`);
  expect(lines[1]).toContain(`,Done,no,2,${seeded.band},`);
  expect(lines[2]).toContain(',Spin Cycle,assessed,');
  expect(lines[2]).toContain(',In progress,no,0,,');
  await page.context().close();

  // The learner herself is not a trainer: the workspace and the export are closed to her.
  const learnerContext = await browser.newContext();
  const ana = await learnerContext.newPage();
  await ana.goto('/sign-in/');
  await ana.getByLabel('Email address').fill(`ana.${cohortId}@example.org`);
  await ana.getByLabel('Password').fill(seeded.password);
  await ana.getByRole('button', { name: 'Sign in' }).click();
  await expect(ana).not.toHaveURL(/sign-in/);
  for (const path of ['/trainer/', cohortUrl, learnerUrl, `${cohortUrl}export.csv`]) {
    const response = await ana.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
  }
  await learnerContext.close();
});

test('Omar, another trainer, gets 404 for Tess’s cohort, learner and export, and cannot post to her cohort', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'omar@example.org');
  await expect(page.getByText('You have no cohorts yet')).toBeVisible();
  for (const path of [cohortUrl, learnerUrl, `${cohortUrl}export.csv`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    if (!path.endsWith('.csv')) await expect(page.getByRole('heading', { level: 1 })).toHaveText(/couldn’t find/);
  }
  const origin = new URL(page.url()).origin;
  const post = await page.request.post(cohortUrl, {
    form: { intent: 'create-invite' },
    headers: { origin },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(404);
  await page.context().close();

  // Tess still has exactly the invites she made.
  const tess = await signedIn(browser, 'tess@example.org');
  await tess.goto(cohortUrl);
  await expect(tess.locator('#invites').getByRole('listitem')).toHaveCount(3);
  await tess.context().close();
});
