import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './helpers.ts';

/**
 * The learner side of server mode: join through an invite, see "My assignments", do an assigned
 * role-play after being told what is sent, and see it reach the trainer (also after being offline).
 * The trainer's set-up comes from tests/e2e/seed.ts (the trainer pages have their own tests).
 */

interface Seed {
  inviteUrl: string;
  expiredInviteUrl: string;
  revokedInviteUrl: string;
  assignmentId: string;
  scenarioId: string;
  cohortName: string;
}

const seed = (...args: string[]): Seed =>
  JSON.parse(
    execFileSync(process.execPath, ['tests/e2e/seed.ts', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as Seed;

const SCENARIO = 'mib-benefits-form-kitchen-table';
const script = parse(readFileSync(`modules/motivational-interviewing/scenarios/${SCENARIO}.yaml`, 'utf8')) as {
  nodes: { options?: { id: string; text: string }[] }[];
};
const replyText = (id: string): string =>
  script.nodes.flatMap((node) => node.options ?? []).find((option) => option.id === id)?.text ?? id;
const PATH = ['N1-D', 'N2-RK-A', 'RK1-B', 'N3-B', 'N4-C', 'N5-D', 'N6-A'];
const PASSWORD = 'a calm kettle on tuesday';

const uniqueEmail = (who: string): string =>
  `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;

async function join(page: Page, invite: Seed, email: string, name = 'Lee Learner'): Promise<void> {
  await page.goto(invite.inviteUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page).toHaveURL(/\/account\/\?joined=1$/);
}

async function reply(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: replyText(id), exact: true }).click();
}

test('a learner joins through an invite, does the assigned role-play, and the result reaches the trainer', async ({
  page,
}) => {
  const invite = seed();
  await page.goto(invite.inviteUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Join ${invite.cohortName}`);
  const sharing = page.getByRole('region', { name: 'What Tess Trainer will see' });
  await expect(sharing).toContainText('The results of role-plays Tess Trainer assigns to you');
  await expect(sharing).toContainText('role-plays you practise on your own, your private notes');
  await expect(page.getByText(/At least 10 characters/)).toBeVisible();
  await expectNoAxeViolations(page);

  // A mistyped confirmation: the problem is announced, focused, and tied to the field.
  const email = uniqueEmail('lee');
  await page.getByLabel('Your name').fill('Lee Learner');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(`${PASSWORD}!`);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('The two passwords are different');
  const confirm = page.getByLabel('Type the password again');
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(confirm).toHaveAccessibleDescription(/The two passwords are different/);
  await expect(page.getByLabel('Choose a password')).not.toHaveAttribute('aria-invalid', 'true');
  // What was typed is kept, except the passwords.
  await expect(page.getByLabel('Your name')).toHaveValue('Lee Learner');
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  await expect(page.getByLabel('Choose a password')).toHaveValue('');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /The two passwords are different/ }).click();
  await expect(confirm).toBeFocused();

  await page.getByLabel('Choose a password').fill(PASSWORD);
  await confirm.fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page).toHaveURL(/\/account\/\?joined=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'You have joined' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Signed in as' })).toContainText(email);
  const card = page.locator(`[data-assignment="${invite.assignmentId}"]`);
  await expect(card.getByRole('heading')).toHaveText('The Form on the Kitchen Table');
  await expect(card).toContainText(`${invite.cohortName} · assigned by Tess Trainer`);
  await expect(card).toContainText('Assessed');
  await expect(card).toContainText('Note from Tess Trainer: Have a go before our supervision on Friday.');
  await expect(card.locator('[data-role="state"]')).toHaveText('Not started');
  await expect(card.getByText('Overdue')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await card.getByRole('link', { name: 'Start The Form on the Kitchen Table' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/roleplays/${SCENARIO}/\\?mode=assessed&assignment=${invite.assignmentId}$`),
  );
  const gate = page.getByRole('region', { name: 'A role-play from your trainer' });
  await expect(gate).toContainText(`Assigned by Tess Trainer (${invite.cohortName}) · assessed mode · due`);
  await expect(gate).toContainText('Note from Tess Trainer: Have a go before our supervision on Friday.');
  await expect(gate).toContainText(
    'When you finish, your replies and scores for this role-play will be sent to your trainer, including the words of any reply you type yourself. Nothing else on this device is shared.',
  );
  // No reply can be chosen before the learner has been told.
  await expect(page.locator('button.reply')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await gate.getByRole('button', { name: 'Start the role-play' }).click();
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeFocused();
  await expect(page.getByText('Assigned by Tess Trainer')).toBeVisible();
  await expect(page.getByRole('link', { name: /Switch to/ })).toHaveCount(0);
  for (const id of PATH) await reply(page, id);
  const report = page.getByRole('heading', { name: /How it went: (proficient|developing|beginning)/ });
  await expect(report).toBeFocused();
  const band = (/How it went: (\w+)/.exec((await report.textContent()) ?? '') ?? [])[1] ?? '';
  await expect(page.locator('.rp-sync[role="status"]')).toHaveText(`Sent to your trainer (band: ${band}).`);

  // The server has it: My assignments says so after a fresh load.
  await page.goto('/account/');
  await expect(card.locator('[data-role="state"]')).toHaveText(`Sent to your trainer · band: ${band}`);
  await expect(card).toHaveAttribute('data-state', 'sent');
});

test('offline at the end: the result is saved on this device and sent once back online', async ({ page, context }) => {
  const invite = seed('--mode', 'practice');
  await join(page, invite, uniqueEmail('offline'));
  // An address with the wrong mode still opens the trainer's mode.
  await page.goto(`/roleplays/${SCENARIO}/?mode=assessed&assignment=${invite.assignmentId}`);
  await expect(page.getByRole('region', { name: 'A role-play from your trainer' })).toContainText('practice mode');
  await expect(page).toHaveURL(/mode=practice/);
  await page.getByRole('button', { name: 'Start the role-play' }).click();
  for (const id of PATH.slice(0, -1)) {
    await reply(page, id);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  // A reload mid-way resumes the assigned role-play without asking again.
  await page.reload();
  await expect(page.getByText('Welcome back. You are where you left off.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the role-play' })).toHaveCount(0);

  await context.setOffline(true);
  await reply(page, PATH[PATH.length - 1] ?? '');
  await page.getByRole('button', { name: 'See how it went' }).click();
  const status = page.locator('.rp-sync[role="status"]');
  await expect(status).toContainText('Saved on this device, not sent yet. No connection right now.');
  await expectNoAxeViolations(page);

  await context.setOffline(false);
  await expect(status).toContainText(/Sent to your trainer \(band: \w+\)\./, { timeout: 15_000 });
  await page.goto('/account/');
  await expect(page.locator(`[data-assignment="${invite.assignmentId}"] [data-role="state"]`)).toHaveText(
    /Sent to your trainer · band: \w+/,
  );
});

test('My assignments shows a result saved on this device until the server takes it', async ({ page }) => {
  // Retries back off (2 s, 4 s, 8 s … with jitter), so the send after the outage can take a while.
  test.setTimeout(90_000);
  const invite = seed();
  await join(page, invite, uniqueEmail('busy'));
  // The server is overloaded for a while: every send gets a 503.
  await page.route('**/api/attempts', (route) => route.fulfill({ status: 503, body: '{"error":"busy"}' }));
  await page.goto(`/roleplays/${SCENARIO}/?mode=assessed&assignment=${invite.assignmentId}`);
  await page.getByRole('button', { name: 'Start the role-play' }).click();
  for (const id of PATH) await reply(page, id);
  await expect(page.locator('.rp-sync[role="status"]')).toContainText('The server is busy or unavailable.');

  await page.goto('/account/');
  const state = page.locator(`[data-assignment="${invite.assignmentId}"] [data-role="state"]`);
  await expect(state).toContainText('Saved on this device — not yet sent.');
  await expect(page.locator(`[data-assignment="${invite.assignmentId}"]`).getByRole('link')).toHaveAccessibleName(
    'Open The Form on the Kitchen Table',
  );

  // The server is back: the next try sends it, and the page says so.
  await page.unroute('**/api/attempts');
  await expect(state).toHaveText(/Sent to your trainer · band: \w+/, { timeout: 45_000 });
  await page.reload();
  await expect(state).toHaveText(/Sent to your trainer · band: \w+/);
});

test('signed out: /account/ asks to sign in, and an assigned role-play offers sign-in or practice', async ({
  page,
}) => {
  const invite = seed();
  await page.goto('/account/');
  await expect(page).toHaveURL(/\/sign-in\/\?next=%2Faccount%2F$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');

  const assigned = `/roleplays/${SCENARIO}/?mode=assessed&assignment=${invite.assignmentId}`;
  await page.goto(assigned);
  const gate = page.getByRole('region', { name: 'Sign in to do this assignment' });
  await expect(gate).toBeVisible();
  await expect(gate.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
    'href',
    `/sign-in/?next=${encodeURIComponent(assigned)}`,
  );
  await expect(page.locator('button.reply')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await gate.getByRole('link', { name: 'Practise without sending' }).click();
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Switch to practice mode' })).toBeVisible();
});

test('invite links: dead links explain themselves; existing accounts sign in first; a learner joins a second cohort', async ({
  page,
}) => {
  const first = seed();
  for (const [url, status, title] of [
    [first.expiredInviteUrl, 410, 'This invite link has expired'],
    [first.revokedInviteUrl, 410, 'This invite link has been withdrawn'],
    ['/join/no-such-invite-token-here/', 404, 'This invite link does not work'],
  ] as const) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Ask your trainer for a new link.')).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveCount(0);
  }
  await expectNoAxeViolations(page);

  const email = uniqueEmail('two');
  await join(page, first, email, 'Two Cohorts');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);

  // Signed out with an email that already has an account: told to sign in first, and brought back.
  const second = seed('--note', '');
  await page.goto(second.inviteUrl);
  await page.getByLabel('Your name').fill('Two Cohorts');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Choose a password').fill('another password 1');
  await page.getByLabel('Type the password again').fill('another password 1');
  await page.getByRole('button', { name: 'Create account and join' }).click();
  const summary = page.getByRole('alert');
  // The same answer whether or not the email is known: nothing says an account exists.
  await expect(summary).toContainText('We could not create an account with these details.');
  await expect(summary).not.toContainText('already an account');
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link', { name: 'Sign in with that email address' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${second.inviteUrl}$`));

  // Signed in: one button joins.
  await expect(page.getByText('You are signed in as Two Cohorts')).toBeVisible();
  await page.getByRole('button', { name: `Join ${second.cohortName}` }).click();
  await expect(page).toHaveURL(/\/account\/\?joined=1$/);
  await expect(page.locator(`[data-assignment="${first.assignmentId}"]`)).toContainText(first.cohortName);
  await expect(page.locator(`[data-assignment="${second.assignmentId}"]`)).toContainText(second.cohortName);
  await page.goto(second.inviteUrl);
  await expect(page.getByRole('status')).toContainText(`You are already in ${second.cohortName}.`);
  await expect(page.getByRole('button', { name: /^Join / })).toHaveCount(0);

  // Someone else's assignment (or a made-up id) is not theirs to open.
  await page.goto(`/roleplays/${SCENARIO}/?mode=assessed&assignment=00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole('heading', { name: 'This assignment isn’t yours or no longer exists' })).toBeVisible();
  await expect(page.locator('button.reply')).toHaveCount(0);
});

test('a learner changes their password on /account/, with clear errors', async ({ page }) => {
  const invite = seed('--no-assignment');
  const email = uniqueEmail('pw');
  await join(page, invite, email);
  await expect(page.getByRole('region', { name: 'My assignments' })).toContainText(
    'No assignments yet. When your trainer assigns you a role-play, it appears here.',
  );
  const form = page.getByRole('form', { name: 'Change your password' });
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await form.getByLabel('Type the new password again').fill('a brand new passphrase');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/That is not your current password/);
  await expectNoAxeViolations(page);

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('Type the new password again').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed.');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/sign-in/');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account\/$/);
});

test('the join page, the account page and the gate fit a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const invite = seed(
    '--note',
    'A long note without spaces: supercalifragilisticexpialidocious-and-then-some-more-words',
  );
  const fits = async (): Promise<void> => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  };
  await page.goto(invite.inviteUrl);
  await fits();
  await join(page, invite, uniqueEmail('phone'));
  await fits();
  await page.goto(`/roleplays/${SCENARIO}/?mode=assessed&assignment=${invite.assignmentId}`);
  await expect(page.getByRole('button', { name: 'Start the role-play' })).toBeVisible();
  await fits();
});

test('a trainer’s account page links to the workspace, and an invite link is not for them', async ({ page }) => {
  const accounts = JSON.parse(readFileSync('test-results/e2e-accounts.json', 'utf8')) as {
    trainers: { email: string; password: string }[];
  };
  const omar = accounts.trainers.find((trainer) => trainer.email === 'omar@example.org');
  if (!omar) throw new Error('the e2e server did not create omar@example.org');
  await page.goto('/sign-in/');
  await page.getByLabel('Email address').fill(omar.email);
  await page.getByLabel('Password').fill(omar.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto('/account/');
  await expect(page.getByRole('region', { name: 'Signed in as' })).toContainText('Trainer');
  await expect(page.getByRole('link', { name: 'Go to your trainer workspace' })).toHaveAttribute('href', '/trainer/');
  await expect(page.getByRole('heading', { name: 'My assignments' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const invite = seed();
  await page.goto(invite.inviteUrl);
  await expect(page.getByText('You are signed in with a trainer account. Invite links are for learners')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Join / })).toHaveCount(0);
  await expect(page.getByLabel('Your name')).toHaveCount(0);
});

test('a shared device never sends one learner’s result under another learner’s account', async ({ page }) => {
  test.setTimeout(120_000);
  const invite = seed();
  const ana = uniqueEmail('ana');
  await join(page, invite, ana, 'Ana First');
  // Ana finishes while the server is down, then signs out.
  await page.route('**/api/attempts', (route) => route.fulfill({ status: 503, body: '{"error":"busy"}' }));
  await page.goto(`/roleplays/${SCENARIO}/?mode=assessed&assignment=${invite.assignmentId}`);
  await page.getByRole('button', { name: 'Start the role-play' }).click();
  for (const id of PATH) await reply(page, id);
  await expect(page.locator('.rp-sync[role="status"]')).toContainText('The server is busy or unavailable.');
  await page.goto('/account/');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Ben joins the same cohort on the same browser; the server is back.
  await page.unroute('**/api/attempts');
  const sends: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/attempts')) sends.push(request.url());
  });
  await join(page, invite, uniqueEmail('ben'), 'Ben Second');
  const state = page.locator(`[data-assignment="${invite.assignmentId}"] [data-role="state"]`);
  await expect(state).toHaveText('Not started');
  // When Ana's retry comes due it is held back, not sent as Ben's.
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            (JSON.parse(localStorage.getItem('alongside:outbox:v1') ?? '{}') as { items?: { lastError?: string }[] })
              .items?.[0]?.lastError ?? '',
        ),
      { timeout: 60_000 },
    )
    .toContain('Someone else is signed in on this device.');
  expect(sends).toEqual([]);
  await page.reload();
  // data-local is set once the page has compared the server's state with this device's outbox.
  const card = page.locator(`[data-assignment="${invite.assignmentId}"]`);
  await expect(card).toHaveAttribute('data-local', '');
  await expect(state).toHaveText('Not started');

  // Ana signs in again on this device: her result goes, as hers.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/sign-in/?next=%2Faccount%2F');
  await page.getByLabel('Email address').fill(ana);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(state).toHaveText(/Sent to your trainer · band: \w+/);
  await page.reload();
  await expect(card).toHaveAttribute('data-state', 'sent');
});
