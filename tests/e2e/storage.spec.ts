import { expect, test } from '@playwright/test';
import { answerSorts } from './helpers.ts';

test('damaged saved progress is set aside with a notice, never a blank page', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('alongside:progress:v2', '{"version":2,"lessons":{');
      sessionStorage.setItem('seeded', 'yes');
    }
  });
  await page.goto('/');
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('We couldn’t read the progress saved in this browser');
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute(
    'aria-valuetext',
    /^0 of \d+ lessons done$/,
  );
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('alongside:progress:backup:'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(backups).toEqual(['{"version":2,"lessons":{']);
  await notice.getByRole('button', { name: 'OK, got it' }).click();
  await expect(notice).toBeHidden();

  await page.reload();
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute(
    'aria-valuetext',
    /^0 of/,
  );
  await expect(page.getByRole('alert')).toBeHidden();
});

test('progress made in one tab shows up in another', async ({ page, context }) => {
  await page.goto('/');
  const other = await context.newPage();
  await other.goto('/modules/orientation/walking-and-talking/');
  const complete = other.locator('al-lesson-complete');
  await complete.scrollIntoViewIfNeeded();
  for (const check of await other.locator('al-knowledge-check').all()) {
    await check.scrollIntoViewIfNeeded();
    await check.locator('input').first().check();
    await check.getByRole('button', { name: 'Check answer' }).click();
  }
  await answerSorts(other);
  await complete.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute(
    'aria-valuetext',
    /^1 of/,
  );
});
