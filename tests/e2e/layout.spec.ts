import { expect, test } from '@playwright/test';

test('the skip link is the first thing a keyboard user reaches, and it moves focus to the content', async ({
  page,
}) => {
  await page.goto('/modules/motivational-interviewing/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('focus is visible on links and buttons', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).toBe('solid');
});

test('a printed lesson leaves out navigation and controls but keeps the lesson and its sources', async ({ page }) => {
  await page.goto('/modules/motivational-interviewing/reflections-and-summaries/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.lesson-nav')).toBeHidden();
  await expect(page.locator('al-lesson-complete')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Where this comes from' })).toBeVisible();
  // Explanations are printed so a paper copy still teaches.
  await expect(page.locator('al-knowledge-check .why').first()).toBeVisible();
});

test('an unknown address shows a helpful not-found page', async ({ page }) => {
  const response = await page.goto('/modules/no-such-module/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
  await expect(page.getByRole('link', { name: 'Back to the course' })).toBeVisible();
});

test('Resilience lessons show support lines, and the map canvas keeps a private, printable map', async ({ page }) => {
  await page.goto('/modules/resilience-self-care/costs-and-rewards-of-caring/');
  await expect(page.getByText('Support for you')).toBeVisible();
  await expect(page.getByText('Employee Assistance Programme (EAP)').last()).toBeVisible();

  await page.goto('/modules/collaborative-helping/the-collaborative-helping-map/');
  const canvas = page.locator('al-map-canvas');
  await canvas.scrollIntoViewIfNeeded();
  await canvas.getByLabel('Vision (hopes)').fill('A calm house; finishing the nursing course');
  await expect(canvas.getByRole('status')).toHaveText('Saved on this device.');
  await page.reload();
  await page.locator('al-map-canvas').scrollIntoViewIfNeeded();
  await expect(page.locator('al-map-canvas').getByLabel('Vision (hopes)')).toHaveValue(
    'A calm house; finishing the nursing course',
  );
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-print-for="vision"]')).toHaveText('A calm house; finishing the nursing course');
});
