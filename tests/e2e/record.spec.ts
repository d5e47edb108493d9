import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { answerSorts, expectNoAxeViolations } from './helpers.ts';

test('a learner downloads their record, clears the browser, imports it, and everything is back', async ({ page }) => {
  // Make some real progress: finish the orientation lesson and one assessed role-play.
  await page.goto('/modules/orientation/walking-and-talking/');
  for (const check of await page.locator('al-knowledge-check').all()) {
    await check.scrollIntoViewIfNeeded();
    await check.locator('.option[data-correct="true"] input').first().check();
    await check.getByRole('button', { name: 'Check answer' }).click();
  }
  await answerSorts(page);
  const complete = page.locator('al-lesson-complete');
  await complete.scrollIntoViewIfNeeded();
  await complete.getByRole('button', { name: 'Mark lesson complete' }).click();
  await page.goto('/roleplays/mib-bus-ride-med-review/?mode=assessed');
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  for (let guard = 0; guard < 8 && (await page.locator('button.reply').count()) > 0; guard++)
    await page.locator('button.reply').first().click();
  // The attempt is recorded once the replies are scored (the key loads after the last reply).
  await expect(page.getByRole('heading', { name: /How it went:/ })).toBeVisible();

  await page.goto('/progress/');
  await expect(page.getByRole('table', { name: /Every role-play you have finished/ }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute(
    'aria-valuetext',
    /^1 of \d+ lessons done$/,
  );
  await expectNoAxeViolations(page);
  // On a 320 px phone the results table scrolls inside its own region; the page never scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my record' }).click();
  const file = await (await download).path();
  const saved = readFileSync(file, 'utf8');
  expect(JSON.parse(saved)).toMatchObject({ format: 'alongside-learner-record', version: 1 });

  await page.evaluate(() => {
    localStorage.clear();
  });
  await page.reload();
  await expect(page.getByText('No role-plays yet.')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute(
    'aria-valuetext',
    /^0 of/,
  );

  await page
    .getByLabel('Import a record:')
    .setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from('{"oops": ') });
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();

  await page.getByLabel('Import a record:').setInputFiles(file);
  await expect(page.getByText(/Imported\. New here: 1 completed lesson\(s\), 1 role-play result\(s\)/)).toBeVisible();
  await expect(page.getByRole('table', { name: /Every role-play you have finished/ }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('progressbar', { name: 'Whole course: progress' })).toHaveAttribute(
    'aria-valuetext',
    /^1 of/,
  );
});
