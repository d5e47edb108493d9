import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './helpers.ts';

const KITCHEN = 'mib-benefits-form-kitchen-table';
const script = parse(readFileSync(`modules/motivational-interviewing/scenarios/${KITCHEN}.yaml`, 'utf8')) as {
  nodes: { options?: { id: string; text: string }[] }[];
};
const replyText = (id: string): string =>
  script.nodes.flatMap((node) => node.options ?? []).find((option) => option.id === id)?.text ?? id;

/** Plays the kitchen-table role-play in assessed mode, choosing replies by their script text. */
async function playAssessed(page: Page, path: string[]): Promise<void> {
  await page.goto(`/roleplays/${KITCHEN}/?mode=assessed`);
  for (const id of path) await page.getByRole('button', { name: replyText(id), exact: true }).click();
  await expect(page.getByRole('heading', { name: /How it went:/ })).toBeFocused();
}

test('the record shows each attempt with its transcript, the trend of bands, and prints for supervision', async ({
  page,
}) => {
  await playAssessed(page, ['N1-B', 'N2-B', 'N3-D', 'N4-A', 'N5-C']); // developing
  await playAssessed(page, ['N1-D', 'N2-RK-A', 'RK1-B', 'N3-B', 'N4-C', 'N5-D', 'N6-A']); // proficient

  await page.goto('/progress/');
  const results = page.getByRole('table', { name: /Every role-play you have finished/ });
  await expect(results.getByRole('row')).toHaveCount(3);
  await expect(results.getByRole('row').nth(1)).toContainText('proficient');
  const trends = page.getByRole('table', { name: 'Bands over attempts, oldest first' });
  await expect(trends).toContainText('1. developing (assessed');
  await expect(trends).toContainText('2. proficient (assessed');
  await expect(page.getByRole('img', { name: /Up from developing to proficient over 2 attempts/ })).toBeVisible();
  await expect(page.getByText('You have not taken the self-check yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Print: the summary keeps results and adds a notes box; the import and download controls stay off paper.
  await page.evaluate(() => {
    window.print = () => {
      document.body.setAttribute('data-printed', 'yes');
    };
  });
  await page.getByRole('button', { name: 'Print a summary for supervision' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Notes from supervision' })).toBeVisible();
  await expect(page.getByText(/^Supervision summary, printed /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download my record' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(results).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The older attempt's annotated transcript: every exchange, each reply labelled, and the ending.
  await results
    .getByRole('row')
    .nth(2)
    .getByRole('link', { name: /^Transcript/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/roleplays/${KITCHEN}/transcript/\\?attempt=`));
  await expect(page.getByRole('status').filter({ hasText: '5 exchanges with Denise.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'About this attempt' })).toContainText('developing');
  const conversation = page.getByRole('list', { name: 'The conversation, turn by turn' });
  await expect(conversation.getByRole('listitem').first()).toContainText('Do I put the wine down here?');
  await expect(conversation).toContainText(`You: “${replyText('N1-B')}”`);
  await expect(conversation.getByRole('list', { name: 'How a coder would label this reply' }).first()).toContainText(
    'Simple reflection',
  );
  await expect(conversation).toContainText(`The strongest reply here: “${replyText('N1-D')}”`);
  await expect(page.getByRole('heading', { name: 'How it ended' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A link to an attempt that is not on this device explains why and leads back.
  await page.goto(`/roleplays/${KITCHEN}/transcript/?attempt=not-here`);
  await expect(page.getByRole('status').filter({ hasText: 'This attempt is not saved on this device.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to my record' })).toBeVisible();
});

test('a practice transcript shows a reply that was taken back beside the one kept', async ({ page }) => {
  await page.goto(`/roleplays/${KITCHEN}/`);
  await page.getByRole('button', { name: replyText('N1-C'), exact: true }).click();
  await page.getByRole('button', { name: 'Try another reply' }).click();
  for (const id of ['N1-D', 'N2-RK-A', 'RK1-B', 'N3-B', 'N4-C', 'N5-D', 'N6-A']) {
    await page.getByRole('button', { name: replyText(id), exact: true }).click();
    await page.getByRole('button', { name: /Continue|See how it went/ }).click();
  }
  await page.goto('/progress/');
  await page.getByRole('link', { name: /^Transcript/ }).click();
  const first = page.getByRole('list', { name: 'The conversation, turn by turn' }).getByRole('listitem').first();
  await expect(first).toContainText(`You (taken back): “${replyText('N1-C')}”`);
  await expect(first).toContainText(`You: “${replyText('N1-D')}” (a second try, not scored)`);
});

test('the certificate lists what is left, then shows the learner’s name, modules, hours and date', async ({ page }) => {
  // A fixed clock, so the test holds on any day it runs. The lessons are marked done on 20 November and the role-plays
  // below finish "today", 24 November: the certificate must show the day the last requirement was met, not the first.
  // Timers still run; only the date is pinned (noon UTC, the same calendar day in every time zone within ±11 h).
  await page.clock.setFixedTime(new Date('2026-11-24T12:00:00.000Z'));
  await page.goto('/certificate/');
  await expect(page.getByRole('status').filter({ hasText: 'Not earned yet.' })).toBeVisible();
  const left = page.getByRole('region', { name: 'Still to do' });
  await expect(left.getByRole('listitem')).toHaveCount(5);
  await expect(left.getByRole('listitem').first()).toHaveText(
    'Start here: walking and talking: 1 lesson to finish, next Walking and talking: how this course works.',
  );
  await expect(left).toContainText(/Harm Reduction: 6 lessons to finish, next .+; finish one of its role-plays\./);
  await left.getByRole('link', { name: 'finish one of its role-plays' }).first().click();
  await expect(page).toHaveURL(/\/roleplays\/\?module=motivational-interviewing$/);
  await page.goto('/certificate/');
  await expectNoAxeViolations(page);

  // Every lesson done (as the lesson pages would record it) and one role-play finished in each module.
  await page.evaluate(() => {
    const course = JSON.parse(document.getElementById('certificate-course')?.textContent ?? '{}') as {
      lessons: { id: string; checkIds: string[] }[];
    };
    const at = '2026-11-20T09:00:00.000Z';
    const check = { answer: [0], correct: true, attempts: 1, firstTryCorrect: true, answeredAt: at };
    localStorage.setItem(
      'alongside:progress:v2',
      JSON.stringify({
        version: 2,
        lessons: Object.fromEntries(course.lessons.map((lesson) => [lesson.id, { markedAt: at }])),
        checks: Object.fromEntries(course.lessons.flatMap((lesson) => lesson.checkIds.map((id) => [id, check]))),
      }),
    );
  });
  for (const id of [
    'mib-bus-ride-med-review',
    'ch-car-ride-flat-viewing',
    'hr-phone-after-lapse',
    'rs-peer-checkin-car-park',
  ]) {
    await page.goto(`/roleplays/${id}/?mode=assessed`);
    await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
    for (let guard = 0; guard < 10 && (await page.locator('button.reply').count()) > 0; guard++)
      await page.locator('button.reply').first().click();
    await expect(page.getByRole('heading', { name: /How it went:/ })).toBeVisible();
  }

  await page.goto('/certificate/');
  await expect(page.getByRole('status').filter({ hasText: 'You have earned your certificate.' })).toBeVisible();
  await page.getByRole('button', { name: 'Show my certificate' }).click();
  await expect(page.getByText('Type your name first')).toBeVisible();
  await expect(page.getByLabel(/Your name, as it should appear/)).toBeFocused();
  await page.getByLabel(/Your name, as it should appear/).fill('  Sam   <b>Rivera</b> ');
  await page.keyboard.press('Enter');
  const certificate = page.getByRole('article', { name: 'Certificate of completion' });
  await expect(certificate).toBeFocused();
  // Typed text is shown as text, never as markup.
  await expect(certificate.locator('.awarded-to')).toHaveText('Sam <b>Rivera</b>');
  await expect(certificate).toContainText('Motivational Interviewing Basics');
  await expect(certificate).toContainText('Resilience & Self-Care');
  await expect(certificate).toContainText(/About \d+(\.5)? hours of learning/);
  await expect(certificate).toContainText(/Completed on (24 November 2026|November 24, 2026)/);
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByRole('article', { name: 'Certificate of completion' })).toContainText('Sam <b>Rivera</b>');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.getByRole('article', { name: 'Certificate of completion' })).toBeVisible();
});
