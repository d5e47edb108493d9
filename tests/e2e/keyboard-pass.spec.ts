import { expect, test } from '@playwright/test';

/**
 * Issue 15, item 1: a keyboard user finishes a lesson (its checks, its sort and "Mark lesson complete")
 * in one forward pass of Tab: every control is in the Tab order when the page loads, and checking an
 * answer moves focus to the feedback instead of dropping it to the page.
 */
test('one forward pass of Tab answers every check and the sort, then marks the lesson complete', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/modules/orientation/walking-and-talking/');
  await expect(page.locator('al-lesson-complete button[data-role="mark"]')).toBeVisible();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const input = el as HTMLInputElement | null;
      return {
        tag: el?.tagName ?? 'NONE',
        type: input?.type ?? '',
        text: el?.textContent.trim() ?? '',
        correct: el?.closest('.option')?.getAttribute('data-correct') ?? '',
        checked: Boolean(input?.checked),
        answer: el?.closest('.sort-item')?.getAttribute('data-answer') ?? '',
        value: (el as HTMLSelectElement | null)?.value ?? '',
        result: Boolean(el?.classList.contains('exercise-result')),
      };
    });
  let checks = 0;
  let sorts = 0;
  let results = 0;
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const at = await focused();
    expect(at.tag, 'focus never drops to the page').not.toBe('BODY');
    if (at.result) results++;
    if (at.type === 'radio' && !at.checked) {
      // Into a radio group: arrow to the right answer (arrows select as they move), or Space if it is this one.
      if (at.correct === 'true') await page.keyboard.press('Space');
      else
        for (let step = 0; step < 6 && (await focused()).correct !== 'true'; step++)
          await page.keyboard.press('ArrowDown');
    } else if (at.type === 'checkbox' && at.correct === 'true' && !at.checked) {
      await page.keyboard.press('Space');
    } else if (at.tag === 'SELECT' && at.answer) {
      for (let step = 0; step < 12 && (await focused()).value !== at.answer; step++)
        await page.keyboard.press('ArrowDown');
    } else if (at.tag === 'BUTTON' && at.text === 'Check answer') {
      await page.keyboard.press('Enter');
      checks++;
      expect((await focused()).result, 'focus moves to the feedback after checking').toBe(true);
    } else if (at.tag === 'BUTTON' && at.text === 'Check answers') {
      await page.keyboard.press('Enter');
      sorts++;
      expect((await focused()).result).toBe(true);
    } else if (at.tag === 'BUTTON' && at.text === 'Mark lesson complete') {
      await page.keyboard.press('Enter');
      break;
    }
  }
  expect(checks).toBe(await page.locator('al-knowledge-check').count());
  expect(sorts).toBe(await page.locator('al-sort-exercise').count());
  expect(results).toBe(0); // tabbing on from a result goes forward, never back onto it
  await expect(page.locator('al-lesson-complete')).toContainText('You have completed this lesson');
});
