/**
 * Limits on POST /api/attempts (issue 14, item 1): at most `perMinute` syncs a minute for each
 * signed-in account, and at most `attemptsPerAssignment` stored attempts per learner and assignment
 * (the cap itself is enforced where the attempt is stored: src/server/repo/attempts.ts).
 */
import { slidingWindowLimiter, type RateLimiter } from './rate-window.ts';

export interface SyncSettings {
  /** Syncs one signed-in account may send in any 60 s. */
  perMinute: number;
  /** Attempts stored per learner and assignment; more are refused with 409. */
  attemptsPerAssignment: number;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { perMinute: 30, attemptsPerAssignment: 20 };

/** What POST /api/attempts needs to apply the limits: the settings and this process's limiter. */
export interface SyncLimits extends SyncSettings {
  limiter: RateLimiter;
}

export function syncLimits(settings: SyncSettings = DEFAULT_SYNC_SETTINGS, now?: () => number): SyncLimits {
  return {
    ...settings,
    limiter: slidingWindowLimiter({ limit: settings.perMinute, windowMs: 60_000, ...(now ? { now } : {}) }),
  };
}
