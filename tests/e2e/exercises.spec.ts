import { expect, test } from '@playwright/test';

const LESSON = '/modules/motivational-interviewing/four-processes-on-the-move/';

test('sort items show in this learner’s own order, never the authored one, the same after a reload', async ({
  page,
}) => {
  await page.goto(LESSON);
  const sort = page.locator('al-sort-exercise').first();
  // The exercise's script loads when it scrolls into view, then puts the items in this learner's order.
  const order = async (): Promise<string[]> => {
    await sort.scrollIntoViewIfNeeded();
    await expect(sort.locator('.sort-items[data-order="learner"]')).toHaveCount(1);
    return sort
      .locator('.sort-item')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['index'] ?? ''));
  };
  const first = await order();
  expect(first.length).toBeGreaterThan(1);
  expect(first).not.toEqual([...first].sort((a, b) => Number(a) - Number(b)));
  await page.reload();
  expect(await order()).toEqual(first);
  // Another learner (another browser's seed) gets another order.
  const seen = new Set<string>([first.join()]);
  for (const seed of ['1', '2', '3', '4']) {
    await page.evaluate((value) => {
      localStorage.setItem('alongside:learner-seed', value);
    }, seed);
    await page.reload();
    seen.add((await order()).join());
  }
  expect(seen.size).toBeGreaterThan(1);
});

test('“Try again” on a sort keeps the items that were right and clears the rest', async ({ page }) => {
  await page.goto(LESSON);
  const sort = page.locator('al-sort-exercise').first();
  await sort.scrollIntoViewIfNeeded();
  await expect(sort.locator('.sort-items[data-order="learner"]')).toHaveCount(1);
  const items = sort.locator('.sort-item');
  const count = await items.count();
  // The first item on screen gets its right group; every other item gets a wrong one.
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const answer = Number(await item.getAttribute('data-answer'));
    const options = await item.locator('select option').count();
    const wrong = (answer + 1) % (options - 1);
    await item.locator('select').selectOption(String(i === 0 ? answer : wrong));
  }
  await sort.getByRole('button', { name: 'Check answers' }).click();
  await expect(sort.getByRole('status')).toContainText(`1 of ${count} right`);
  await sort.getByRole('button', { name: 'Try again' }).click();
  await expect(sort.getByRole('status')).toContainText(
    `The 1 you had right stay in place; sort the other ${count - 1}`,
  );
  const firstAnswer = await items.nth(0).getAttribute('data-answer');
  await expect(items.nth(0).locator('select')).toHaveValue(firstAnswer ?? '');
  for (let i = 1; i < count; i++) await expect(items.nth(i).locator('select')).toHaveValue('-1');
  await expect(items.nth(1).locator('select')).toBeFocused();
});

test('“Try again” on a several-answer check keeps the good answers that were ticked', async ({ page }) => {
  await page.goto('/modules/motivational-interviewing/mi-spirit-and-the-righting-reflex/');
  const check = page.locator('al-knowledge-check[data-multiple="true"]').first();
  await check.scrollIntoViewIfNeeded();
  await check.locator('.option[data-correct="true"] input').first().check();
  await check.locator('.option[data-correct="false"] input').first().check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByRole('status')).toContainText('Not quite');
  await check.getByRole('button', { name: 'Try again' }).click();
  await expect(check.locator('.option[data-correct="true"] input').first()).toBeChecked();
  await expect(check.locator('.option[data-correct="false"] input:checked')).toHaveCount(0);
  await expect(check.getByRole('status')).toContainText('good answer you chose stays ticked');
});

test('the overdose sequence accepts calling for help first, and still marks a myth wrong', async ({ page }) => {
  await page.goto('/modules/harm-reduction/responding-to-opioid-overdose/');
  const sort = page.locator('al-sort-exercise[data-id="hr-3-4-sequence"]');
  await sort.scrollIntoViewIfNeeded();
  await expect(sort.locator('.sort-items[data-order="learner"]')).toHaveCount(1);
  const item = (text: string) => sort.locator('.sort-item', { hasText: text }).locator('select');
  const place = async (order: [string, string][]) => {
    for (const entry of await sort.locator('.sort-item').all()) {
      const answer = (await entry.getAttribute('data-answer')) ?? '';
      await entry.locator('select').selectOption(answer);
    }
    for (const [text, label] of order) await item(text).selectOption({ label });
    await sort.getByRole('button', { name: 'Check answers' }).click();
  };
  // Calling first, checking for a response second: the order some editions of the toolkit give.
  await place([
    ['Call the emergency number', 'Step 1'],
    ['Shout their name', 'Step 2'],
  ]);
  await expect(sort.getByRole('status')).toContainText('All 12 right');
  await sort.getByRole('button', { name: 'Try again' }).click();
  // A myth put into the response is still wrong.
  await place([['Put them in a cold bath', 'Step 4']]);
  await expect(sort.getByRole('status')).toContainText('11 of 12 right');
});
