import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './helpers.ts';

/**
 * Issue 6's whole journey through the browser only, no seeding: a trainer signs in, makes a cohort,
 * invites, assigns a role-play in assessed mode; a learner joins with the link and completes it;
 * the trainer sees the band and the transcript and downloads the CSV; a second learner cannot open
 * the first one's attempt.
 */

const SCENARIO = 'hr-phone-after-lapse';
const script = parse(readFileSync(`modules/harm-reduction/scenarios/${SCENARIO}.yaml`, 'utf8')) as {
  title: string;
  persona: { name: string };
  benchmarks: { exemplarPath: string[] };
  nodes: { options?: { id: string; text: string }[] }[];
};
const replyText = (id: string): string =>
  script.nodes.flatMap((node) => node.options ?? []).find((option) => option.id === id)?.text ?? id;
const PASSWORD = 'a quiet walk by the canal';
const tess = (
  JSON.parse(readFileSync('test-results/e2e-accounts.json', 'utf8')) as {
    trainers: { email: string; password: string }[];
  }
).trainers.find((account) => account.email === 'tess@example.org');

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function joinAs(page: Page, inviteUrl: string, name: string, email: string): Promise<void> {
  await page.goto(inviteUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Type the password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page).toHaveURL(/\/account\/\?joined=1$/);
}

test('trainer assigns, learner completes, trainer sees band, transcript and CSV; another learner is kept out, then types theirs', async ({
  browser,
}) => {
  // Two learners play through a built server; the second types every reply (the coder loads then).
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  // The trainer: sign in, create a cohort, an invite and an assessed assignment.
  const trainer = await newPage(browser);
  await trainer.goto('/sign-in/');
  await trainer.getByLabel('Email address').fill(tess?.email ?? '');
  await trainer.getByLabel('Password').fill(tess?.password ?? '');
  await trainer.getByRole('button', { name: 'Sign in' }).click();
  await trainer.getByLabel('Cohort name').fill(`Journey ${stamp}`);
  await trainer.getByRole('button', { name: 'Create cohort' }).click();
  const cohortUrl = new URL(trainer.url()).pathname;
  await trainer.locator('#invites').getByRole('button', { name: 'Create an invite link' }).click();
  const inviteUrl = await trainer.locator('#invites').getByRole('textbox', { name: 'Invite link' }).inputValue();
  const assign = trainer.locator('#assign');
  await assign.getByRole('checkbox', { name: new RegExp(script.title) }).check();
  await assign.getByRole('radio', { name: /^Assessed/ }).check();
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign.getByRole('status')).toContainText('Role-play assigned.');

  // The learner, whose name has markup in it: join, see the assignment, be told, play, send.
  const name = `Kai <b>${stamp}</b>`;
  const learner = await newPage(browser);
  await joinAs(learner, inviteUrl, name, `kai-${stamp}@example.org`);
  const card = learner.locator('[data-assignment]').filter({ hasText: script.title });
  await expect(card.locator('[data-role="state"]')).toHaveText('Not started');
  await card.getByRole('link', { name: `Start ${script.title}` }).click();
  const gate = learner.getByRole('region', { name: 'A role-play from your trainer' });
  await expect(gate).toContainText('assessed mode');
  await expect(gate).toContainText('will be sent to your trainer');
  await gate.getByRole('button', { name: 'Start the role-play' }).click();
  for (const id of script.benchmarks.exemplarPath)
    await learner.getByRole('button', { name: replyText(id), exact: true }).click();
  await expect(learner.getByRole('heading', { name: 'How it went: proficient' })).toBeFocused();
  await expect(learner.locator('.rp-sync[role="status"]')).toHaveText('Sent to your trainer (band: proficient).');

  // The trainer sees it: matrix cell in words, the learner's annotated transcript, the CSV row.
  await trainer.goto(cohortUrl);
  const row = trainer.getByRole('table', { name: /Results by learner/ }).getByRole('row', { name: /Kai/ });
  await expect(row.getByRole('rowheader')).toHaveText(name);
  await expect(row.getByRole('cell').first()).toContainText('Done');
  await expect(row.getByRole('cell').first()).toContainText('Band: Proficient');
  await expect(trainer.locator('main b')).toHaveCount(0);
  await row.getByRole('link', { name }).click();
  const learnerPage = trainer.url();
  const conversation = trainer.getByRole('list', { name: new RegExp(`The conversation with ${script.persona.name}`) });
  await expect(conversation).toContainText(replyText(script.benchmarks.exemplarPath[0] ?? ''));
  await expect(trainer.getByRole('heading', { name: 'How it ended' })).toBeVisible();
  await expectNoAxeViolations(trainer);
  const csv = await (await trainer.request.get(`${cohortUrl}export.csv`)).text();
  const lines = csv.trimEnd().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`Kai <b>${stamp}</b>`);
  expect(lines[1]).toContain(`kai-${stamp}@example.org`);
  expect(lines[1]).toMatch(/,The Monday Call,assessed,,Done,no,1,proficient,/);

  // The attempt's id, as the learner's own device knows it.
  const attemptId = await learner.evaluate(
    (id) =>
      (
        JSON.parse(localStorage.getItem('alongside:attempts:v1') ?? '{}') as {
          attempts?: { id: string; scenarioId: string }[];
        }
      ).attempts?.find((attempt) => attempt.scenarioId === id)?.id,
    SCENARIO,
  );
  expect(attemptId).toMatch(/^[0-9a-f-]{36}$/);
  expect((await learner.request.get(`/api/attempts/${attemptId ?? ''}`)).status()).toBe(200);

  // A second learner in the same cohort cannot open the first one's attempt, by API or by page.
  const other = await newPage(browser);
  await joinAs(other, inviteUrl, 'Noor Second', `noor-${stamp}@example.org`);
  expect((await other.request.get(`/api/attempts/${attemptId ?? ''}`)).status()).toBe(404);
  const page = await other.request.get(learnerPage);
  expect(page.status()).toBe(403);
  expect(await page.text()).not.toContain(replyText(script.benchmarks.exemplarPath[0] ?? ''));
  expect((await other.request.get(`${cohortUrl}export.csv`)).status()).toBe(403);

  // The second learner plays the same assignment in their own words: the typed words go to the
  // trainer (escaped), with how each was read and the learner's flag on a misreading.
  const noorCard = other.locator('[data-assignment]').filter({ hasText: script.title });
  await noorCard.getByRole('link', { name: `Start ${script.title}` }).click();
  await other
    .getByRole('region', { name: 'A role-play from your trainer' })
    .getByRole('button', { name: 'Start the role-play' })
    .click();
  await other.getByRole('button', { name: 'Type my own reply' }).click();
  const first = `It sounds like this week has knocked you back <i>${stamp}</i>.`;
  const words = [
    first,
    'What happened on the night it went wrong?',
    'Part of you feels you have let everyone down, and part of you still wants this.',
    'Are you having thoughts of ending your life?',
    'You want to keep going with the plan, in your own way.',
    'What would help you most this week?',
    'So you are going to ring the service tomorrow and tell them about the lapse.',
  ];
  const box = other.getByLabel('Your own reply');
  const report = other.getByRole('heading', { name: /How it went/ });
  for (let turn = 0; turn < 12; turn++) {
    await expect(box.or(report).or(other.locator('button.reply').first())).toBeVisible({ timeout: 15_000 });
    if (await report.isVisible()) break;
    const before = (await other.getByRole('log', { name: 'Conversation' }).textContent()) ?? '';
    if (await box.isVisible()) {
      await box.fill(words[turn % words.length] ?? first);
      await other.getByRole('button', { name: 'Send my reply' }).click();
    } else await other.locator('button.reply').first().click();
    await expect
      .poll(
        async () =>
          (await report.isVisible()) ||
          ((await other.getByRole('log', { name: 'Conversation' }).textContent()) ?? '') !== before,
        { timeout: 15_000 },
      )
      .toBe(true);
  }
  await expect(report).toBeVisible({ timeout: 15_000 });
  await expect(other.locator('.rp-sync[role="status"]')).toContainText('Sent to your trainer');
  const firstTurn = other.locator('.replay > li').first();
  await firstTurn.getByRole('button', { name: 'Flag this reading as wrong' }).click();
  await expect(firstTurn).toContainText('You flagged this reading as wrong.');

  await trainer.goto(cohortUrl);
  await trainer
    .getByRole('table', { name: /Results by learner/ })
    .getByRole('row', { name: /Noor Second/ })
    .getByRole('link', { name: 'Noor Second' })
    .click();
  const typedConversation = trainer.getByRole('list', {
    name: new RegExp(`The conversation with ${script.persona.name}`),
  });
  await expect(typedConversation).toContainText(first);
  await expect(trainer.locator('main i')).toHaveCount(0);
  await expect(typedConversation.locator('.typed-reading').first()).toContainText(/^Typed\. This reads as /);
  // The flag arrives with the attempt sent again.
  await expect
    .poll(
      async () => {
        await trainer.reload();
        return trainer.locator('.typed-flag').count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expectNoAxeViolations(trainer);
});
