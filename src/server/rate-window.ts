/**
 * Sliding-window rate limits kept in this process's memory, shared by the attempt sync limit
 * (src/server/sync-limits.ts, per account) and the join form (src/server/learner/join-account.ts,
 * per client address).
 */

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request for `key` if it is allowed; a refused request is not counted. */
  take: (key: string) => LimitDecision;
  /** How many keys it holds now (for tests: it forgets keys that have been quiet for a window). */
  size: () => number;
}

/**
 * A sliding-window limiter kept IN MEMORY, PER PROCESS: each key keeps the times of its last
 * `limit` allowed requests, and a request is allowed when fewer than `limit` fall in the last
 * `windowMs`. Refused requests are not recorded, so a device that waits out Retry-After gets in.
 * With several app instances each counts on its own (the real ceiling is `limit` × instances), and
 * a restart forgets the counts; both are acceptable for a guard against a runaway device, and the
 * per-assignment cap in the database holds across processes regardless.
 * `now` is a monotonic clock in ms (performance.now by default, so a wall-clock change neither
 * locks anyone out nor lets anyone in); tests inject their own.
 */
export function slidingWindowLimiter(options: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const { limit, windowMs } = options;
  const now = options.now ?? (() => performance.now());
  const hits = new Map<string, number[]>();
  let sweptAt = now();
  /** Drops keys with nothing left in the window, at most once a window, so quiet accounts cost nothing. */
  const sweep = (at: number): void => {
    if (at - sweptAt < windowMs) return;
    sweptAt = at;
    for (const [key, times] of hits) if ((times.at(-1) ?? -Infinity) <= at - windowMs) hits.delete(key);
  };
  return {
    take(key) {
      const at = now();
      sweep(at);
      const times = (hits.get(key) ?? []).filter((time) => time > at - windowMs && time <= at);
      if (times.length < limit) {
        times.push(at);
        hits.set(key, times);
        return { allowed: true };
      }
      hits.set(key, times);
      const oldest = times[0] ?? at;
      const wait = Math.ceil((oldest + windowMs - at) / 1000);
      return { allowed: false, retryAfterSeconds: Math.min(Math.max(1, wait), Math.ceil(windowMs / 1000)) };
    },
    size: () => hits.size,
  };
}
