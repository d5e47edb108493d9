/**
 * Page weight for `npm run bench`, measured two ways on the built site:
 * - in Chromium: every response of a real page load (and, for the lesson, after answering a
 *   knowledge check), summed as gzipped JS, gzipped CSS, and total bytes (raw and gzipped);
 * - from the built output: the scripts and stylesheets a page's HTML references, following static
 *   imports, gzipped; what any visitor downloads before interacting.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';

export interface PageWeight {
  page: string;
  path: string;
  when: string;
  jsGz: number;
  cssGz: number;
  totalRaw: number;
  totalGz: number;
}

export interface Sizes {
  jsGz: number;
  cssGz: number;
  totalRaw: number;
  totalGz: number;
}

async function measure(page: Page, url: string, act?: (page: Page) => Promise<void>): Promise<[Sizes, Sizes]> {
  const seen = new Map<string, { type: string; raw: number; gz: number }>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    pending.push(
      response.body().then(
        (body) => void seen.set(response.url(), { type, raw: body.length, gz: gzipSync(body).length }),
        () => undefined,
      ),
    );
  });
  const total = (): Sizes => {
    const all = [...seen.values()];
    const sum = (list: typeof all, key: 'raw' | 'gz'): number => list.reduce((s, entry) => s + entry[key], 0);
    return {
      jsGz: sum(
        all.filter((entry) => entry.type === 'script'),
        'gz',
      ),
      cssGz: sum(
        all.filter((entry) => entry.type === 'stylesheet'),
        'gz',
      ),
      totalRaw: sum(all, 'raw'),
      totalGz: sum(all, 'gz'),
    };
  };
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  const before = total();
  if (!act) return [before, before];
  await act(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return [before, total()];
}

/** Gzipped JS a page at any address loads (used for the ink comparison page). */
export async function measureUrlJs(url: string): Promise<number> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const [loaded] = await measure(page, url);
    return loaded.jsGz;
  } finally {
    await browser.close();
  }
}

/** Page weight of one page for a signed-in person (cookie as `name=value`), e.g. the trainer dashboard. */
export async function measureSignedIn(url: string, cookie: string): Promise<Sizes> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name = '', ...rest] = cookie.split('=');
    await context.addCookies([{ name, value: rest.join('='), url }]);
    const [loaded] = await measure(await context.newPage(), url);
    return loaded;
  } finally {
    await browser.close();
  }
}

export const LESSON = '/modules/motivational-interviewing/mi-spirit-and-the-righting-reflex/';
export const PAGES: readonly (readonly [string, string])[] = [
  ['home', '/'],
  ['role-play', '/roleplays/mib-benefits-form-kitchen-table/'],
  ['my record (/progress/)', '/progress/'],
  ['self-check', '/self-assessment/'],
  ['annotated transcript', '/roleplays/mib-benefits-form-kitchen-table/transcript/'],
  ['certificate', '/certificate/'],
];

/** Page weight of a real load in Chromium for each page (the lesson also after a check is answered). */
export async function measurePageWeights(base: string, extra: readonly (readonly [string, string])[] = []) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const results: PageWeight[] = [];
    const fresh = async (): Promise<Page> =>
      (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const [before, afterCheck] = await measure(await fresh(), base + LESSON, async (page) => {
      const check = page.locator('al-knowledge-check').first();
      await check.scrollIntoViewIfNeeded();
      await check.locator('input').first().check();
      await check.getByRole('button', { name: 'Check answer' }).click();
    });
    results.push(
      { page: 'lesson', path: LESSON, when: 'before interaction (no island loaded)', ...before },
      { page: 'lesson', path: LESSON, when: 'after answering a knowledge check', ...afterCheck },
    );
    // Checking your own practice: the coder and its weights load only once the learner types (issue 13).
    const PRACTICE = '/practice/check-your-practice/';
    const [practice, afterTyping] = await measure(await fresh(), base + PRACTICE, async (page) => {
      await page.getByLabel('Your turns, one per line').fill('You want things to be different for the kids.');
      await page.getByRole('button', { name: 'Code my turns' }).click();
      await page.locator('.coded-turns li').first().waitFor();
    });
    results.push(
      { page: 'check your practice', path: PRACTICE, when: 'loaded', ...practice },
      { page: 'check your practice', path: PRACTICE, when: 'after the first typed reply', ...afterTyping },
    );
    // A role-play: the reply box, the coder and the key load only once the learner types a reply.
    const ROLEPLAY = PAGES[1]?.[1] ?? '/roleplays/';
    const [, afterTyped] = await measure(await fresh(), base + ROLEPLAY, async (page) => {
      await page.getByRole('button', { name: 'Type my own reply' }).click();
      await page
        .getByLabel('Your own reply')
        .fill('It switches your head off, and you are not sure it belongs on the form.');
      await page.getByRole('button', { name: 'Send my reply' }).click();
      await page.getByRole('heading', { name: 'How that reply landed' }).waitFor();
    });
    results.push({
      page: 'role-play',
      path: ROLEPLAY,
      when: 'after the first typed reply (practice feedback shown)',
      ...afterTyped,
    });
    for (const [name, path] of [...PAGES, ...extra]) {
      const [loaded] = await measure(await fresh(), base + path);
      results.push({ page: name, path, when: 'loaded', ...loaded });
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** Starts the static server on dist/client and measures every page in Chromium. */
export async function measurePageJs(port = 4390): Promise<PageWeight[]> {
  if (!existsSync('dist/client/index.html')) throw new Error('Run `npm run build` first: pages are measured on dist/.');
  const server = spawn(process.execPath, ['tests/e2e/serve-dist.ts', String(port)], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return await measurePageWeights(`http://127.0.0.1:${String(port)}`);
  } finally {
    server.kill();
  }
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;

/** A script and everything it imports statically, as files under dist/client. */
function scriptClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(STATIC_IMPORT)) {
    const target = match[1] ?? '';
    scriptClosure(target.startsWith('/') ? join('dist/client', target) : normalize(join(dirname(file), target)), seen);
  }
  return seen;
}

/** What a page's built HTML makes every visitor download before interacting (gzipped). */
export function builtWeight(path: string): { jsGz: number; cssGz: number; htmlGz: number } {
  const htmlFile = join('dist/client', path, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const local = (url: string): string => join('dist/client', url.split('?')[0] ?? url);
  const scripts = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
    scriptClosure(local(match[1] ?? ''), scripts);
  // Islands that hydrate on load (client:only / client:load) fetch their component and renderer at once.
  for (const match of html.matchAll(/<astro-island[^>]*client="(?:only|load)"[^>]*>/g)) {
    for (const attr of match[0].matchAll(/(?:component|renderer)-url="([^"]+)"/g))
      scriptClosure(local(attr[1] ?? ''), scripts);
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] ?? '')
    .join('');
  const gz = (text: string | Buffer): number => (text.length ? gzipSync(text).length : 0);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) =>
    readFileSync(local(match[1] ?? '')),
  );
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '').join('');
  return {
    jsGz: [...scripts].reduce((sum, file) => sum + gz(readFileSync(file)), 0) + gz(inline),
    cssGz: css.reduce((sum, body) => sum + gz(body), 0) + gz(inlineCss),
    htmlGz: gz(html),
  };
}
