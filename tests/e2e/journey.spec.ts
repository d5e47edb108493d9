import { expect, test } from '@playwright/test';
import { answerCheckByKeyboard, answerSorts } from './helpers.ts';

test('a new hire works through the first MI lesson, and progress survives a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Start here', level: 2, exact: true })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute('aria-valuenow', '0');

  await page.getByRole('link', { name: 'Motivational Interviewing Basics' }).click();
  await expect(page.getByRole('heading', { name: 'Motivational Interviewing Basics', level: 1 })).toBeVisible();
  const lessonLinks = page.getByRole('region', { name: 'Lessons' }).getByRole('link');
  await expect(lessonLinks).toHaveCount(6);
  const firstTitle = (await lessonLinks.first().textContent()) ?? '';
  const secondTitle = (await lessonLinks.nth(1).textContent()) ?? '';
  await lessonLinks.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
  await expect(page.getByRole('heading', { name: /By the end of this lesson/ })).toBeVisible();

  // Marking before answering the checks does not count the lesson as done yet.
  const progress = page.locator('al-lesson-complete');
  await progress.scrollIntoViewIfNeeded();
  await progress.getByRole('button', { name: 'Mark lesson complete' }).click();
  await expect(progress).toContainText('It will count as done once you have answered');

  const checks = page.locator('al-knowledge-check');
  const checkCount = await checks.count();
  expect(checkCount).toBeGreaterThan(0);
  for (let i = 0; i < checkCount; i++) {
    const check = checks.nth(i);
    await check.scrollIntoViewIfNeeded();
    await answerCheckByKeyboard(page, check);
    // Every option's explanation is shown after answering.
    await expect(check.locator('.why:visible')).toHaveCount(await check.locator('.option').count());
  }
  await answerSorts(page);
  await expect(progress).toContainText('You have completed this lesson');

  await page.reload();
  // The check's script loads as it nears the screen; on a busy machine that can take a while.
  const firstCheck = page.locator('al-knowledge-check').first();
  await firstCheck.scrollIntoViewIfNeeded();
  await expect(firstCheck.getByRole('status')).toContainText('That’s right', { timeout: 15_000 });
  await page.locator('al-lesson-complete').scrollIntoViewIfNeeded();
  await expect(page.locator('al-lesson-complete')).toContainText('You have completed this lesson');

  await page.getByRole('link', { name: 'Motivational Interviewing Basics' }).click();
  await expect(page.locator('al-lesson-status').first()).toHaveText('Done');
  await expect(page.getByRole('progressbar', { name: /Motivational Interviewing Basics/ })).toHaveAttribute(
    'aria-valuetext',
    '1 of 6 lessons done',
  );

  await page.goto('/');
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute(
    'aria-valuetext',
    /^1 of \d+ lessons done$/,
  );
  const continueCard = page.locator('al-continue');
  await expect(continueCard.getByRole('heading')).toHaveText('Up next');
  await expect(continueCard.getByRole('link')).toHaveText(secondTitle);
});

test('a retry clears the answer, and the explanations come back after checking again', async ({ page }) => {
  await page.goto('/modules/motivational-interviewing/open-questions-and-affirmations/');
  const check = page.locator('al-knowledge-check').first();
  await check.scrollIntoViewIfNeeded();
  const wrong = check.locator('.option[data-correct="false"] input').first();
  await wrong.check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByRole('status')).toContainText('Not quite');
  await expect(check.locator('.option[data-verdict="wrong"]')).toHaveCount(1);
  await check.getByRole('button', { name: 'Try again' }).click();
  await expect(check.locator('.why:visible')).toHaveCount(0);
  await expect(check.locator('input:checked')).toHaveCount(0);
  await check.locator('.option[data-correct="true"] input').first().check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByRole('status')).toContainText('That’s right');
});

test('a sort exercise works with the keyboard alone and explains each item', async ({ page }) => {
  await page.goto('/modules/motivational-interviewing/four-processes-on-the-move/');
  const sort = page.locator('al-sort-exercise').first();
  await sort.scrollIntoViewIfNeeded();
  // Its script loads on scroll and then puts the items in this learner's order: wait for that.
  await expect(sort.locator('.sort-items[data-order="learner"]')).toHaveCount(1);
  const items = sort.locator('.sort-item');
  const count = await items.count();
  await sort.getByRole('button', { name: 'Check answers' }).click();
  await expect(sort.getByRole('status')).toContainText(`Choose a group for every item first (${count} left)`);
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    const answer = Number(await item.getAttribute('data-answer'));
    await item.locator('select').focus();
    for (let step = 0; step <= answer; step++) await page.keyboard.press('ArrowDown');
  }
  await sort.getByRole('button', { name: 'Check answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(sort.getByRole('status')).toContainText(`All ${count} right`);
  await expect(sort.locator('.why:visible')).toHaveCount(count);
});

test('a private reflection is kept on this device across reloads', async ({ page }) => {
  await page.goto('/modules/motivational-interviewing/open-questions-and-affirmations/');
  const reflection = page.locator('al-reflection').first();
  await reflection.scrollIntoViewIfNeeded();
  await expect(reflection).toContainText('saved in this browser on this device only');
  await reflection.getByRole('textbox').fill('What has been hardest about the tablets this week?');
  await reflection.getByRole('button', { name: 'Save note' }).click();
  await expect(reflection.getByRole('status')).toContainText('Saved on this device');
  await expect(reflection.locator('details')).toBeVisible();
  await page.reload();
  const again = page.locator('al-reflection').first();
  await again.scrollIntoViewIfNeeded();
  await expect(again.getByRole('textbox')).toHaveValue('What has been hardest about the tablets this week?');
});

test('glossary terms open a definition with the keyboard', async ({ page }) => {
  await page.goto('/modules/motivational-interviewing/mi-spirit-and-the-righting-reflex/');
  const term = page.locator('button.term').first();
  await term.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('.term-popover:popover-open');
  await expect(popover).toBeVisible();
  await expect(popover.getByRole('link', { name: 'In the glossary' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
});
