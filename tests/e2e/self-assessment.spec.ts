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
