import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { expectNoAxeViolations } from './helpers.ts';

// Every page the build lists in its sitemap, as paths on the test server.
const sitemaps = readdirSync('dist/client').filter((name) => /^sitemap-\d+\.xml$/.test(name));
const paths = sitemaps.flatMap((name) =>
  [...readFileSync(`dist/client/${name}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (match) => new URL(match[1] ?? '').pathname,
  ),
);

test('the sitemap lists the course pages', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/glossary/');
  expect(paths.filter((path) => path.startsWith('/modules/motivational-interviewing/')).length).toBeGreaterThanOrEqual(
    7,
  );
});

for (const path of paths) {
  test(`axe: ${path} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test('axe: a lesson with answered checks, open explanations and a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/modules/motivational-interviewing/hearing-change/');
  for (const check of await page.locator('al-knowledge-check').all()) {
    await check.scrollIntoViewIfNeeded();
    await check.locator('input').first().check();
    await check.getByRole('button', { name: 'Check answer' }).click();
  }
  const sort = page.locator('al-sort-exercise').first();
  await sort.scrollIntoViewIfNeeded();
  // Its script loads on scroll and then puts the items in this learner's order: wait for that.
  await expect(sort.locator('.sort-items[data-order="learner"]')).toHaveCount(1);
  for (const select of await sort.locator('select').all()) await select.selectOption({ index: 1 });
  await sort.getByRole('button', { name: 'Check answers' }).click();
  await page.locator('al-lesson-complete').scrollIntoViewIfNeeded();
  await expect(sort.getByRole('status')).toContainText('right');
  await expectNoAxeViolations(page);
  // Nothing scrolls sideways on a 320 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
