import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Answers a knowledge check correctly using only the keyboard, as a learner without a mouse would. */
export async function answerCheckByKeyboard(page: Page, check: Locator): Promise<void> {
  const options = check.locator('.option');
  const count = await options.count();
  const correct: boolean[] = [];
  for (let i = 0; i < count; i++) correct.push((await options.nth(i).getAttribute('data-correct')) === 'true');
  const multiple = (await check.getAttribute('data-multiple')) === 'true';
  await check.locator('input').first().focus();
  if (multiple) {
    for (let i = 0; i < count; i++) {
      if (correct[i]) await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
    }
  } else {
    await page.keyboard.press('Space');
    for (let i = 0; i < correct.indexOf(true); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
  }
  await expect(check.getByRole('button', { name: 'Check answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(check.getByRole('status')).toContainText('That’s right');
}

/** Sorts every sort exercise on the page into its best-fit groups and checks it, as a learner would. */
export async function answerSorts(page: Page): Promise<void> {
  for (const sort of await page.locator('al-sort-exercise').all()) {
    await sort.scrollIntoViewIfNeeded();
    await expect(sort.locator('.sort-items[data-order="learner"]')).toHaveCount(1);
    for (const item of await sort.locator('.sort-item').all())
      await item.locator('select').selectOption((await item.getAttribute('data-answer')) ?? '');
    await sort.getByRole('button', { name: 'Check answers' }).click();
    await expect(sort.getByRole('status')).toContainText('right');
  }
}
