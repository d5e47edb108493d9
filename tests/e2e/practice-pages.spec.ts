import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers.ts';

/** Issue 13, items 7 and 11: checking your own practice, coded on the device. */

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
