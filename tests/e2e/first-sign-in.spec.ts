import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/**
 * Issue 15, item 3: a new trainer made with `npm run admin -- create-trainer` signs in with the
 * one-time password and is taken straight to choosing their own; after that, sign-in goes to the
 * workspace. The sign-in page looks like the account pages (full-size fields, a labelled form).
 */

test.describe.configure({ timeout: 120_000 });

function newTrainer(email: string): string {
  const out = execFileSync(process.execPath, ['src/cli/admin.ts', 'create-trainer', email, '--name', 'Nia New'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      ALONGSIDE_SQLITE_FILE: resolve('test-results/e2e-server/alongside.db'),
      BETTER_AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-0123456789',
    },
  });
  const password = /One-time password: (\S+)/.exec(out)?.[1];
  if (!password) throw new Error(`no one-time password in: ${out}`);
  return password;
}

test('the first sign-in with a one-time password leads straight to choosing a new one', async ({ page }) => {
  const email = `nia.${String(Date.now())}@example.org`;
  const oneTime = newTrainer(email);
  const chosen = 'a kettle, two maps and a bicycle';

  await page.goto('/sign-in/');
  const field = page.getByLabel('Email address');
  // Styled like the account forms: full-size, easy-to-tap fields.
  expect((await field.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page);

  // A mistake first: the error summary names the field and keeps the email.
  await field.fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter your password.');
  await expect(page.getByLabel('Email address')).toHaveValue(email);

  await page.getByLabel('Password').fill(oneTime);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account\/#password-heading$/);
  const headings = page.getByRole('heading', { level: 2 });
  await expect(headings.first()).toHaveText('Choose your own password');
  await expectNoAxeViolations(page);

  // Going to the workspace first is allowed, and it reminds them.
  await page.goto('/trainer/');
  await expect(page.getByRole('status').filter({ hasText: 'still using the one-time password' })).toBeVisible();
  await page.getByRole('link', { name: 'Choose your own password' }).click();

  await page.getByLabel('One-time password').fill(oneTime);
  await page.getByLabel('New password', { exact: true }).fill(chosen);
  await page.getByLabel('Type the new password again').fill(chosen);
  await page.getByRole('button', { name: 'Save my password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toHaveCount(0);

  // Signed out and in again with the chosen password: straight to the workspace, no reminder.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/sign-in/');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(chosen);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/trainer\/$/);
  await expect(page.getByText('still using the one-time password')).toHaveCount(0);
});
