import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './helpers.ts';

const ID = 'hr-hostel-overdose';
const script = parse(readFileSync(`modules/harm-reduction/scenarios/${ID}.yaml`, 'utf8')) as {
  nodes: { options?: { id: string; text: string }[] }[];
  benchmarks: { exemplarPath: string[]; fixtures: { name: string; path: string[] }[] };
};
const replyText = (id: string): string =>
  script.nodes.flatMap((node) => node.options ?? []).find((option) => option.id === id)?.text ?? id;

/** Tabs from the "Your reply" heading to the reply with this text and presses Enter: no mouse. */
async function replyByKeyboard(page: Page, id: string): Promise<void> {
  await page.getByRole('heading', { name: 'Your reply' }).focus();
  const wanted = replyText(id);
  for (let presses = 0; presses < 6; presses++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(() => document.activeElement?.textContent ?? '')).trim();
    if (focused === wanted) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`reply ${id} was not reached by Tab`);
}

test('the overdose role-play, by keyboard only: a content note, the steps in a safe order, then the conversation', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/roleplays/${ID}/`);
  await expect(page.getByRole('complementary', { name: 'Content note' })).toContainText(
    'talks about suicide and overdose',
  );
  await expect(page.getByRole('complementary', { name: 'Content note' })).toContainText('check your local number');
  await expect(page.getByRole('link', { name: 'Lesson 3.4' }).first()).toBeVisible();
  await expect(page.locator('.persona')).toContainText('objective 2: Sequence the lay-responder steps');
  await expect(page.getByRole('heading', { name: 'Your reply' })).toBeVisible();
  await expectNoAxeViolations(page);
  const path = script.benchmarks.exemplarPath;
  for (const [index, id] of path.entries()) {
    await replyByKeyboard(page, id);
    await expect(page.getByRole('heading', { name: 'How that reply landed' })).toBeFocused();
    if (index === 0) await expectNoAxeViolations(page);
    const next = page.getByRole('button', { name: /Continue|See how it went/ });
    await next.focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: /How it went: proficient/ })).toBeFocused();
  const checklist = page.getByRole('region', { name: /Responding to an opioid overdose/ });
  await expect(checklist.getByRole('heading')).toHaveText('Responding to an opioid overdose: safe');
  await expect(checklist.getByRole('listitem')).toHaveCount(7);
  await expect(checklist.getByRole('listitem').first()).toContainText('done, in a safe order');
  await expectNoAxeViolations(page);
});

test('assessed: giving naloxone before calling is an accepted order; an unsafe choice is named and costs the band', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const play = async (path: string[]) => {
    await page.goto(`/roleplays/${ID}/?mode=assessed`);
    for (const id of path) await page.getByRole('button', { name: replyText(id), exact: true }).click();
    await expect(page.getByRole('heading', { name: /How it went:/ })).toBeFocused();
    return page.getByRole('region', { name: /Responding to an opioid overdose/ });
  };
  const fixture = (name: RegExp) => {
    const found = script.benchmarks.fixtures.find((candidate) => name.test(candidate.name));
    if (!found) throw new Error(`no fixture like ${String(name)}`);
    return found.path;
  };
  const naloxoneFirst = await play(fixture(/naloxone first/i));
  await expect(naloxoneFirst.getByRole('heading')).toHaveText('Responding to an opioid overdose: safe');
  await expect(page.getByRole('heading', { name: /How it went: proficient/ })).toBeVisible();
  const cold = await play(fixture(/cold water/i));
  await expect(cold.getByRole('heading')).toHaveText('Responding to an opioid overdose: not yet safe');
  await expect(cold).toContainText('One choice could have put the person in danger');
  await expect(page.getByRole('heading', { name: /How it went: proficient/ })).toHaveCount(0);
  // A safe response that moves past his hopeless line: the report names the line he said.
  await play(fixture(/risk check skipped/i));
  await expect(page.locator('.rp-report .notice').first()).toContainText('Risk check missed');
  await expect(page.locator('.rp-report .notice').first()).toContainText('Wes: “');
  await expect(page.locator('.rp-report .notice').first()).toContainText('let me go');
  await expect(page.getByRole('heading', { name: /How it went: proficient/ })).toHaveCount(0);
});
