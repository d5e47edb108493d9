import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/** Issue 13, items 6, 7 and 11: reflection practice and checking your own practice, by keyboard, coded on the device. */

test('reflection practice by keyboard: a typed reflection is read at once, announced, and counted in the record', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') sent.push(request.url());
  });
  await page.goto('/practice/reflections/');
  const box = page.getByLabel('Your reflection');
  await expect(page.getByText('Don’t type names or details of real people.')).toBeVisible();
  // Empty: a clear message, focus stays in the box.
  await box.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check my reflection' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Type your reply first: the box is empty.')).toBeVisible();
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.type('You want things to be different, and part of you is not sure you can manage it.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const feedback = page.locator('[data-role="feedback"]');
  await expect(feedback).toHaveAttribute('aria-live', 'polite');
  await expect(feedback).toContainText(/This reads as a (simple|complex) reflection/);
  await expect(page.getByRole('heading', { name: 'Two model reflections' })).toBeVisible();
  await expect(page.locator('[data-role="model-list"] li')).toHaveCount(2);
  await expect(page.locator('[data-role="stats"]')).toContainText('1 typed, 1 read as reflections');
  await expectNoAxeViolations(page);

  // A question is read as a question, and the running R:Q counts it.
  await page.getByRole('button', { name: 'Next statement' }).press('Enter');
  await expect(page.getByRole('heading', { name: /Statement 2 of/ })).toBeFocused();
  await box.fill('What would you like to do about it?');
  await page.getByRole('button', { name: 'Check my reflection' }).press('Enter');
  await expect(feedback).toContainText('This reads as an open question');
  await expect(feedback).toContainText('Try saying it as a statement');
  await expect(page.locator('[data-role="stats"]')).toContainText('R:Q 1.0 (fair)');
  expect(sent).toEqual([]);

  await page.goto('/progress/');
  await expect(page.locator('al-practice-record')).toContainText('2 typed, 1 read as reflections, 1 as questions');
});

test('check your own practice: each line is coded, with counts, R:Q and %CR against the MITI thresholds', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/practice/check-your-practice/');
  const box = page.getByLabel('Your turns, one per line');
  await page.getByRole('button', { name: 'Code my turns' }).click();
  await expect(page.getByText('Type or paste at least one turn first: the box is empty.')).toBeVisible();
  await box.fill(
    [
      'What brings you in today?',
      'Mm-hmm.',
      'So the drinking has crept up since the job went.',
      'You’re worried about what it is doing to the kids.',
      'Have you had a drink today?',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Code my turns' }).click();
  const result = page.locator('al-check-practice [data-role="result"]');
  await expect(page.getByRole('heading', { name: '5 turns coded' })).toBeFocused();
  await expect(result).toContainText('Questions: 2 (1 open)');
  await expect(result).toContainText('Reflections: 2');
  await expect(result).toContainText('R:Q 1.0: fair');
  await expect(result.locator('.coded-turns li')).toHaveCount(5);
  await expectNoAxeViolations(page);
});
