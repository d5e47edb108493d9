import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './helpers.ts';

const URL = '/roleplays/mib-benefits-form-kitchen-table/';

// Reply order is shuffled per attempt, so tests that need a particular path pick replies by their text.
const script = parse(
  readFileSync('modules/motivational-interviewing/scenarios/mib-benefits-form-kitchen-table.yaml', 'utf8'),
) as {
  nodes: { options?: { id: string; text: string }[] }[];
};
const replyText = (id: string): string =>
  script.nodes.flatMap((node) => node.options ?? []).find((option) => option.id === id)?.text ?? id;

async function logText(page: Page): Promise<string> {
  return (await page.getByRole('log', { name: 'Conversation' }).textContent()) ?? '';
}

test('a learner plays a role-play to the end by keyboard only, with feedback after every reply', async ({ page }) => {
  await page.goto(URL);
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText('Do I put the wine down here?');
  let replies = 0;
  for (let guard = 0; guard < 8; guard++) {
    // Tab from the page start until a reply button has focus, then press Enter.
    await page.getByRole('heading', { name: 'Your reply' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('button.reply:focus')).toHaveCount(1);
    await page.keyboard.press('Enter');
    replies++;
    const feedback = page.getByRole('heading', { name: 'How that reply landed' });
    await expect(feedback).toBeFocused();
    await expect(page.locator('.rp-feedback .chip').first()).toBeVisible();
    const next = page.getByRole('button', { name: /Continue|See how it went/ });
    const last = (await next.textContent()) === 'See how it went';
    await next.focus();
    await page.keyboard.press('Enter');
    if (last) break;
    await expect(page.getByRole('heading', { name: 'Your reply' })).toBeFocused();
  }
  const report = page.getByRole('heading', { name: /How it went: (proficient|developing|beginning)/ });
  await expect(report).toBeFocused();
  expect(replies).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('table', { name: /Your scores/ })).toContainText('Reflections to questions');
  await expect(page.getByRole('heading', { name: 'Turn by turn' })).toBeVisible();

  // The attempt is kept for the learner record, and the index shows the best band.
  await page.goto('/roleplays/');
  await expect(page.locator('al-best-band[data-scenario="mib-benefits-form-kitchen-table"]')).toContainText(
    /Best: (proficient|developing|beginning)/,
  );
});

test('“Try another reply” takes the reply back and restores the person’s state', async ({ page }) => {
  await page.goto(URL);
  const bondBefore = await page.locator('.meter').first().textContent();
  await page.locator('button.reply').first().click();
  await page.getByRole('button', { name: 'Try another reply' }).click();
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeFocused();
  await expect(page.locator('.rp-learner')).toHaveCount(0);
  await expect(page.locator('.meter').first()).toHaveText(bondBefore ?? '');
});

test('a role-play resumes after a reload at the same point with the same conversation', async ({ page }) => {
  await page.goto(URL);
  for (const id of ['N1-B', 'N2-B']) {
    await page.getByRole('button', { name: replyText(id), exact: true }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  const before = await logText(page);
  const order = await page.locator('button.reply').allTextContents();
  await page.reload();
  await expect(page.getByText('Welcome back. You are where you left off.')).toBeVisible();
  expect(await logText(page)).toBe(before);
  expect(await page.locator('button.reply').allTextContents()).toEqual(order);
});

test('assessed mode shows no feedback or meters until the end report', async ({ page }) => {
  await page.goto(`${URL}?mode=assessed`);
  await expect(page.getByText('Assessed mode: no feedback until the end.')).toBeVisible();
  await expect(page.locator('.meters')).toHaveCount(0);
  const report = page.getByRole('heading', { name: /How it went/ });
  for (let guard = 0; guard < 8; guard++) {
    // After the last reply the replies go at once; the report follows once they are scored.
    await expect(page.locator('button.reply').first().or(report)).toBeVisible();
    if (await report.isVisible()) break;
    await page.locator('button.reply').first().click();
    await expect(page.getByRole('heading', { name: 'How that reply landed' })).toHaveCount(0);
    await expect(page.locator('.meters')).toHaveCount(0);
  }
  await expect(page.getByRole('heading', { name: /How it went/ })).toBeFocused();
  await expect(page.getByRole('table', { name: /Your scores \(assessed\)/ })).toBeVisible();
});

test('axe: the player has no WCAG 2.2 A/AA violations during play and in the end report', async ({ page }) => {
  await page.goto(URL);
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator('button.reply').first().click();
  await expect(page.getByRole('heading', { name: 'How that reply landed' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${URL}?mode=assessed`);
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  for (let guard = 0; guard < 8 && (await page.locator('button.reply').count()) > 0; guard++)
    await page.locator('button.reply').first().click();
  await expect(page.getByRole('heading', { name: /How it went/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the role-play is usable on a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(URL);
  await page.locator('button.reply').first().click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('a module page links to its role-plays, and the index filters by module', async ({ page }) => {
  await page.goto('/modules/motivational-interviewing/');
  const roleplays = page.getByRole('region', { name: 'Role-plays' });
  await expect(roleplays.getByRole('link')).toHaveCount(4);
  await roleplays.getByRole('link', { name: 'The Form on the Kitchen Table' }).click();
  await expect(page.getByRole('heading', { name: 'The Form on the Kitchen Table', level: 1 })).toBeVisible();

  await page.goto('/roleplays/?module=harm-reduction');
  await expect(page.getByRole('heading', { name: 'Motivational Interviewing Basics' })).toBeHidden();
  await page.getByLabel('Show role-plays from').selectOption('motivational-interviewing');
  await expect(page.getByRole('link', { name: 'Waiting at the Pharmacy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Harm Reduction' })).toBeHidden();
});

test('a saved place that no longer fits the role-play starts again with a clear notice, not a blank page', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', 'yes');
    const snapshot = {
      status: 'active',
      value: 'N99',
      context: { run: { scenarioId: 'mib-benefits-form-kitchen-table', nodeId: 'N99', history: [], checkpoints: [] } },
    };
    localStorage.setItem(
      'alongside:roleplay-sessions:v1',
      JSON.stringify({
        version: 1,
        sessions: {
          'mib-benefits-form-kitchen-table:practice': {
            attemptId: 'x',
            startedAt: new Date().toISOString(),
            seed: 1,
            showingFeedback: false,
            snapshot,
          },
        },
      }),
    );
  });
  await page.goto(URL);
  await expect(page.getByText('This role-play has changed since you started it')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await page.locator('button.reply').first().click();
  await expect(page.getByText('This role-play has changed since you started it')).toBeHidden();
  await page.reload();
  await expect(page.getByText('Welcome back. You are where you left off.')).toBeVisible();
});

test('if the browser refuses to save, the role-play carries on and says how to keep the result', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(`${URL}?mode=assessed`);
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This browser would not save your latest changes');
  for (let guard = 0; guard < 8 && (await page.locator('button.reply').count()) > 0; guard++)
    await page.locator('button.reply').first().click();
  await expect(page.getByRole('heading', { name: /How it went/ })).toBeVisible();
});
