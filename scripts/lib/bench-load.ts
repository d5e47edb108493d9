/**
 * Concurrent page loads for the server benchmark (scripts/bench-server.ts): one GET, repeated by
 * many connections at once with a signed-in cookie and gzip accepted as a browser would, timed per
 * response. Latency percentiles come from autocannon's own histogram (each response's wait under
 * the given concurrency), so p99 is what the slowest of the trainers loading at once would see.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  path: string;
  connections: number;
  requests: number;
  ok: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

export async function concurrentLoads(
  base: string,
  path: string,
  cookie: string,
  options: { connections: number; amount: number },
): Promise<LoadResult> {
  const first = performance.now();
  let last = first;
  const instance = autocannon({
    url: `${base}${path}`,
    connections: options.connections,
    amount: options.amount,
    timeout: 120,
    headers: { cookie, 'accept-encoding': 'gzip' },
  });
  instance.on('response', () => {
    last = performance.now();
  });
  const result = await instance;
  const ok = Object.entries(result.statusCodeStats)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, stats]) => sum + Number(stats.count), 0);
  return {
    path,
    connections: options.connections,
    requests: options.amount,
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    perSecond: ok / ((last - first) / 1000),
  };
}

/** Sequential page loads, for the time one load takes when nothing else runs. */
export async function sequentialLoads(url: string, cookie: string, times: number): Promise<number[]> {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response: Response = await fetch(url, { headers: { cookie, 'accept-encoding': 'gzip' } });
    await response.arrayBuffer();
    spent.push(performance.now() - started);
  }
  return spent;
}

export interface PagedWeight {
  pages: number;
  largest: number;
  /** Attempt sections found across every page (id="attempt-…"), each counted once. */
  attempts: number;
}

/**
 * Follows a page's rel="next" links from the first page to the last, weighing each page's HTML: how
 * a trainer reads a learner's whole record when it is paged (one page when it is not).
 */
export async function pagedWeight(base: string, path: string, cookie: string, limit = 500): Promise<PagedWeight> {
  const seen = new Set<string>();
  let next: string | undefined = path;
  let pages = 0;
  let largest = 0;
  while (next && pages < limit) {
    const response: Response = await fetch(new URL(next, base), { headers: { cookie } });
    const html: string = await response.text();
    if (response.status !== 200) throw new Error(`GET ${next} answered ${String(response.status)}`);
    pages += 1;
    largest = Math.max(largest, Buffer.byteLength(html));
    for (const match of html.matchAll(/<section[^>]*\sid="attempt-([^"]+)"/g)) seen.add(match[1] ?? '');
    next =
      /<a[^>]*\srel="next"[^>]*\shref="([^"]+)"/.exec(html)?.[1] ??
      /<a[^>]*\shref="([^"]+)"[^>]*\srel="next"/.exec(html)?.[1];
    next = next?.replace(/&amp;/g, '&');
  }
  return { pages, largest, attempts: seen.size };
}
