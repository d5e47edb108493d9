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

test('trainer assigns, learner completes, trainer sees band, transcript and CSV; another learner is kept out', async ({
  browser,
}) => {
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
});
