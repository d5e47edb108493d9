import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

test('a learner takes the self-check by keyboard, leaves half-way, resumes after a reload and sees results', async ({
  page,
}) => {
  await page.goto('/self-assessment/');
  const groups = page.locator('.self-check fieldset');
  await expect(groups).toHaveCount(14);
  await expect(page.getByText('stay in this browser on this device')).toBeVisible();

  // Answer the first seven with the keyboard: focus the group's first option, then arrow to "4 Often".
  for (let i = 0; i < 7; i++) {
    await groups.nth(i).locator('input').first().focus();
    await page.keyboard.press('Space');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByRole('status').first()).toHaveText('7 of 14 answered');
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.getByText('Please answer every statement first: 7 left, starting with number 8.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('status').first()).toHaveText('7 of 14 answered');
  await expect(groups.nth(0).getByLabel('4 Often')).toBeChecked();

  for (let i = 7; i < 14; i++) {
    await groups.nth(i).locator('input').first().focus();
    await page.keyboard.press('Space');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('button', { name: 'See my results' }).focus();
  await page.keyboard.press('Enter');

  const heading = page.getByRole('heading', { name: 'Your results' });
  await expect(heading).toBeFocused();
  const table = page.getByRole('table', { name: /Your self-ratings by area/ });
  // Every item at 4: plain items score 4, reverse items (6 − 4) score 2.
  await expect(table.getByRole('row', { name: /Goals/ })).toContainText('4.0');
  await expect(table.getByRole('row', { name: /Bond/ })).toContainText('3.3');
  await expect(table.getByRole('row', { name: /Bond/ })).toContainText('Developing');
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('table', { name: /history/ }).getByRole('row')).toHaveCount(2);
});

async function answerAll(page: import('@playwright/test').Page, label: string): Promise<void> {
  const groups = page.locator('.self-check fieldset');
  for (let i = 0; i < 14; i++) await groups.nth(i).getByLabel(label).check();
  await page.getByRole('button', { name: 'See my results' }).click();
}

test('with no role-play results yet, the comparison says what to do next instead of an empty chart', async ({
  page,
}) => {
  await page.goto('/self-assessment/');
  await answerAll(page, '3 Sometimes');
  await expect(page.getByText('There are no role-play results on this device yet.')).toBeVisible();
  await expect(page.locator('.gap-chart')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Play a role-play in assessed mode' })).toHaveAttribute(
    'href',
    '/roleplays/',
  );
});

test('with one role-play attempt stored, the learner sees self-view and demonstrated skill side by side', async ({
  page,
}) => {
  // Play a whole role-play in assessed mode (always the first reply on screen), so a real attempt is stored.
  await page.goto('/roleplays/mib-pharmacy-queue/?mode=assessed');
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  for (let guard = 0; guard < 8 && (await page.locator('button.reply').count()) > 0; guard++)
    await page.locator('button.reply').first().click();
  await expect(page.getByRole('heading', { name: /How it went/ })).toBeVisible();

  await page.goto('/self-assessment/');
  await answerAll(page, '5 Always');
  await expect(page.getByText('Based on 1 assessed role-play (early evidence).')).toBeVisible();
  await expect(page.locator('.gap-chart')).toBeVisible();
  const table = page.getByRole('table', { name: 'Your rating and your role-play score for each area' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(
    table
      .getByRole('row', { name: /On tap/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText(/^\d\.\d$/);
  await expect(page.getByText(/The biggest difference is in|tell a similar story/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expect(
    page.getByRole('table', { name: /Your self-ratings by area/ }).getByRole('row', { name: /Goals/ }),
  ).toContainText(/Practise: Lesson 2\.5/);

  // The learner record carries the same comparison and the dated self-check history.
  const overall = /Overall practice index: (\d\.\d)/.exec(
    (await page.getByText('Overall practice index').textContent()) ?? '',
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/progress/');
  const history = page.getByRole('table', { name: 'Your self-check history, newest first' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1).getByRole('cell').last()).toHaveText(overall?.[1] ?? 'missing');
  await expect(page.getByRole('table', { name: 'Your rating and your role-play score for each area' })).toBeVisible();
  await expectNoAxeViolations(page);
});
