/**
 * Gzipped JavaScript that pages actually load, measured in Chromium against the built site (dist/):
 * every script response is gzipped and summed, before and after the interaction named.
 * Used by `npm run bench`; needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';

export interface PageJs {
  page: string;
  when: string;
  gzipBytes: number;
}

async function measure(page: Page, url: string, act?: (page: Page) => Promise<void>): Promise<[number, number]> {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then(
        (body) => void sizes.set(response.url(), gzipSync(body).length),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  const before = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  if (!act) return [before, before];
  await act(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return [before, [...sizes.values()].reduce((sum, size) => sum + size, 0)];
}

/** Gzipped JS a page at any address loads (used for the ink comparison page). */
export async function measureUrlJs(url: string): Promise<number> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const [loaded] = await measure(page, url);
    return loaded;
  } finally {
    await browser.close();
  }
}

export async function measurePageJs(port = 4390): Promise<PageJs[]> {
  if (!existsSync('dist/client/index.html'))
    throw new Error('Run `npm run build` first: page JS is measured on dist/.');
  const server = spawn(process.execPath, ['tests/e2e/serve-dist.ts', String(port)], { stdio: 'ignore' });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const base = `http://127.0.0.1:${String(port)}`;
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const results: PageJs[] = [];
    const fresh = async (): Promise<Page> =>
      (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const lesson = `${base}/modules/motivational-interviewing/mi-spirit-and-the-righting-reflex/`;
    const [before, afterCheck] = await measure(await fresh(), lesson, async (page) => {
      const check = page.locator('al-knowledge-check').first();
      await check.scrollIntoViewIfNeeded();
      await check.locator('input').first().check();
      await check.getByRole('button', { name: 'Check answer' }).click();
    });
    results.push(
      { page: 'lesson', when: 'before interaction', gzipBytes: before },
      { page: 'lesson', when: 'after answering a knowledge check', gzipBytes: afterCheck },
    );
    for (const [name, path] of [
      ['role-play', '/roleplays/mib-benefits-form-kitchen-table/'],
      ['home', '/'],
      ['my record (/progress/)', '/progress/'],
      ['self-check', '/self-assessment/'],
      ['annotated transcript', '/roleplays/mib-benefits-form-kitchen-table/transcript/?attempt=none'],
      ['certificate', '/certificate/'],
    ] as const) {
      const [loaded] = await measure(await fresh(), base + path);
      results.push({ page: name, when: 'loaded', gzipBytes: loaded });
    }
    return results;
  } finally {
    await browser.close();
    server.kill();
  }
}
