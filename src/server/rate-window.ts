/**
 * A sliding-window counter per key (for example per client address), kept in this process's
 * memory: with two server processes each counts on its own, so the real limit is at most twice
 * the stated one. The clock is injectable for tests.
 */
export class RateWindow {
  readonly #hits = new Map<string, number[]>();
  readonly max: number;
  readonly windowMs: number;
  readonly #now: () => number;
  /** How many keys are remembered at most; the oldest are forgotten first. */
  readonly #maxKeys: number;

  constructor(max: number, windowMs: number, now: () => number = Date.now, maxKeys = 10_000) {
    this.max = max;
    this.windowMs = windowMs;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Counts one hit for `key` if the window has room; otherwise says how many seconds to wait. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const at = this.#now();
    const recent = (this.#hits.get(key) ?? []).filter((hit) => hit > at - this.windowMs);
    if (recent.length >= this.max) {
      this.#hits.set(key, recent);
      const oldest = recent[0] ?? at;
      return { ok: false, retryAfter: Math.max(1, Math.ceil((oldest + this.windowMs - at) / 1000)) };
    }
    recent.push(at);
    this.#hits.delete(key);
    this.#hits.set(key, recent);
    this.#forgetOldest();
    return { ok: true };
  }

  #forgetOldest(): void {
    for (const key of this.#hits.keys()) {
      if (this.#hits.size <= this.#maxKeys) return;
      this.#hits.delete(key);
    }
  }
}
