/**
 * Lighthouse (mobile preset) on the built site, as `npm run bench` reports it: the four category
 * scores and LCP, TBT and CLS, the median of several runs per page. Uses Debian's Chromium (or
 * CHROMIUM_PATH) with the same flags as the e2e suite.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';

export interface LighthouseRow {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  runs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function measureLighthouse(
  base: string,
  pages: readonly (readonly [string, string])[],
  runs = 3,
): Promise<LighthouseRow[]> {
  const { executablePath, args } = chromiumLaunchOptions();
  const chrome = await chromeLauncher.launch({
    ...(executablePath ? { chromePath: executablePath } : {}),
    chromeFlags: ['--headless=new', ...args],
  });
  try {
    const rows: LighthouseRow[] = [];
    for (const [page, path] of pages) {
      const samples: Omit<LighthouseRow, 'page' | 'url' | 'runs'>[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(base + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          formFactor: 'mobile',
          screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${path}: ${lhr.runtimeError.message}`);
        const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const audit = (id: string): number => lhr.audits[id]?.numericValue ?? 0;
        samples.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcpMs: audit('largest-contentful-paint'),
          tbtMs: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
        });
      }
      const pick = (key: keyof (typeof samples)[number]): number => median(samples.map((sample) => sample[key]));
      rows.push({
        page,
        url: path,
        performance: pick('performance'),
        accessibility: pick('accessibility'),
        bestPractices: pick('bestPractices'),
        seo: pick('seo'),
        lcpMs: pick('lcpMs'),
        tbtMs: pick('tbtMs'),
        cls: pick('cls'),
        runs,
      });
    }
    return rows;
  } finally {
    chrome.kill();
  }
}
