import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './helpers.ts';

const SCENE_1 = 'sim-home-visit-1-kitchen-table';
const scene1 = parse(readFileSync(`modules/motivational-interviewing/scenarios/${SCENE_1}.yaml`, 'utf8')) as {
  nodes: { options?: { id: string; text: string }[] }[];
  benchmarks: { exemplarPath: string[] };
};
const replyText = (id: string): string =>
  scene1.nodes.flatMap((node) => node.options ?? []).find((option) => option.id === id)?.text ?? id;

test('the home-visit simulation: from the home page, resumed after a reload mid-scene, scored per scene', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByRole('link', { name: 'Go to the simulation' }).click();
  await expect(page.getByRole('heading', { name: 'A home visit with Pat', level: 1 })).toBeVisible();
  const scenes = page.locator('[data-scene]');
  await expect(scenes).toHaveCount(4);
  await expect(scenes.first().locator('[data-role="status"]')).toHaveText('Up next · Not started');
  await expect(scenes.nth(1).locator('[data-role="status"]')).toHaveText('Not started');
  await expect(page.getByRole('status').filter({ hasText: 'scenes done' })).toContainText('0 of 4 scenes done');
  await expectNoAxeViolations(page);

  // Two replies into scene 1, then a reload: the conversation is where it was.
  await page.getByRole('link', { name: 'Play scene 1 (practice)' }).click();
  const [first, second] = scene1.benchmarks.exemplarPath;
  for (const id of [first, second]) {
    await page.getByRole('button', { name: replyText(id ?? ''), exact: true }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  const log = page.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText(replyText(second ?? ''));
  const before = await log.textContent();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(log).toContainText(replyText(second ?? ''));
  expect(await log.textContent()).toBe(before);
  await expect(page.getByRole('navigation', { name: /The simulation.s scenes/ })).toContainText('scene 2');

  await page.goto('/simulations/home-visit/');
  await expect(scenes.first().locator('[data-role="status"]')).toHaveText(/^Up next · In progress/);

  // Scene 1 played through in assessed mode: its result shows for its skill area.
  await page.goto(`/roleplays/${SCENE_1}/?mode=assessed`);
  for (const id of scene1.benchmarks.exemplarPath)
    await page.getByRole('button', { name: replyText(id), exact: true }).click();
  await expect(page.getByRole('heading', { name: /How it went: proficient/ })).toBeVisible();
  await page.goto('/simulations/home-visit/');
  await expect(scenes.first().locator('[data-role="status"]')).toHaveText('Done: proficient (assessed)');
  await expect(scenes.nth(1).locator('[data-role="status"]')).toHaveText('Up next · Not started');
  await expect(page.getByRole('status').filter({ hasText: 'scenes done' })).toContainText('1 of 4 scenes done');
  await page.goto('/progress/');
  await expect(page.getByRole('heading', { name: 'Simulation: A home visit with Pat' })).toBeVisible();
  await expect(page.locator('.simulation-record [data-scene]').first()).toContainText('Done: proficient');
});
