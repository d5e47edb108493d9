import type { WritableAtom } from 'nanostores';
import { isRecord } from './guards.ts';
import type { Attempt } from './roleplays.ts';
import { versionedAtom } from './versioned.ts';

/**
 * The outbox: finished attempts of role-plays a trainer assigned, waiting to be sent to that
 * trainer. Only assigned attempts ever enter it (the course's data-sharing rule: everything else
 * stays on the device). The attempt's UUID is the idempotency key, so sending twice is harmless.
 * Everything here is pure except the store itself; src/client/sync.ts does the sending.
 */

/** Exactly what POST /api/attempts accepts (src/server/api/sync-schema.ts): no scores, no extra fields. */
export interface SyncBody {
  assignmentId: string;
  attempt: {
    id: string;
    scenarioId: string;
    mode: 'practice' | 'assessed';
    startedAt: string;
    finishedAt: string;
    transcript: Attempt['transcript'];
    scenarioHash?: string;
  };
}

/**
 * Why an item is still waiting, so the page can say what will happen next. 'changed': the server
 * does not have the version of the role-play it was played on (CONTENT_VERSION), so it is kept and
 * only tried again when a page loads (after an update the server may have that version again).
 */
export type Waiting = 'sign-in' | 'network' | 'server' | 'changed';

export interface OutboxItem {
  attemptId: string;
  assignmentId: string;
  /**
   * The account signed in when the role-play was started, when known. On a shared device the
   * result is only ever sent while that same account is signed in, never under someone else's.
   */
  learnerId?: string;
  body: SyncBody;
  tries: number;
  /** ISO time before which the item is not sent again (back-off). */
  nextTryAt: string;
  lastError?: string;
  waiting?: Waiting;
  /** Why the server refused it for good, when it said (the per-assignment cap, or the device's times). */
  refusal?: Refusal;
  state: 'pending' | 'failed';
}

/** Final refusals the device words itself: `cap` (the assignment has enough attempts), `times` (the clock). */
export type Refusal = 'cap' | 'times';

export interface SentRecord {
  assignmentId: string;
  learnerId?: string;
  sentAt: string;
  band: string;
}

export interface OutboxData {
  version: 1;
  items: OutboxItem[];
  sent: Record<string, SentRecord>;
}

export const OUTBOX_STORE = 'alongside:outbox';

export const emptyOutbox = (): OutboxData => ({ version: 1, items: [], sent: {} });

/** The body for an assigned attempt, or undefined for an attempt nobody assigned (it is never sent). */
export function syncBodyOf(attempt: Attempt): SyncBody | undefined {
  if (!attempt.assignmentId) return undefined;
  return {
    assignmentId: attempt.assignmentId,
    attempt: {
      id: attempt.id,
      scenarioId: attempt.scenarioId,
      mode: attempt.mode,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      // Typed words travel with an assigned result, as the gate before the first reply says (issue 13).
      transcript: attempt.transcript.map(({ nodeId, optionId, attempt: n, kept, codes, stance, markers, typed }) => ({
        nodeId,
        optionId,
        attempt: n,
        kept,
        codes,
        stance,
        ...(markers ? { markers } : {}),
        ...(typed ? { typed } : {}),
      })),
      ...(attempt.scenarioHash ? { scenarioHash: attempt.scenarioHash } : {}),
    },
  };
}

/** Adds an assigned attempt once (by its UUID); attempts without an assignment are left out. */
export function enqueue(data: OutboxData, attempt: Attempt, now: Date, learnerId?: string): OutboxData {
  const body = syncBodyOf(attempt);
  if (!body) return data;
  if (data.sent[attempt.id] || data.items.some((item) => item.attemptId === attempt.id)) return data;
  const item: OutboxItem = {
    attemptId: attempt.id,
    assignmentId: body.assignmentId,
    body,
    ...(learnerId ? { learnerId } : {}),
    tries: 0,
    nextTryAt: now.toISOString(),
    state: 'pending',
  };
  return { ...data, items: [...data.items, item] };
}

/**
 * Sends an attempt again after the learner changed what may change (a flag on a typed turn): its old
 * entry, queued or sent, gives way to the new body. The server stores each UUID once and takes only
 * the flags from a repeat.
 */
export function requeueAttempt(
  attempt: Attempt,
  learnerId?: string,
  store: WritableAtom<OutboxData> = outboxStore(),
): void {
  const current = store.get();
  const sent = Object.fromEntries(Object.entries(current.sent).filter(([id]) => id !== attempt.id));
  const cleared = { ...current, sent, items: current.items.filter((item) => item.attemptId !== attempt.id) };
  store.set(enqueue(cleared, attempt, new Date(), learnerId));
}

/**
 * Queues every assigned attempt in the learner's record that the outbox does not know about: an
 * attempt saved just before the tab closed, or an outbox that could not be read back. Sending one
 * again is harmless (the server stores each UUID once and answers 200).
 */
export function reconcile(data: OutboxData, attempts: readonly Attempt[], now: Date): OutboxData {
  return attempts.reduce((current, attempt) => enqueue(current, attempt, now), data);
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * How long to wait after the nth failed try (n ≥ 1): 2 s, 4 s, 8 s … capped at 5 minutes, with
 * jitter (between half and all of that), so many devices coming back online do not all retry at once.
 */
export function backoffMs(tries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, tries - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export type SendTrigger = 'timer' | 'load' | 'online';

/**
 * Items to send now. The timer sends items whose back-off has passed; a page load also retries
 * items that were waiting for the learner to sign in; coming back online also retries items that
 * failed for lack of a connection. Failed items (the server refused them) are never resent.
 */
export function dueItems(data: OutboxData, now: Date, trigger: SendTrigger = 'timer'): OutboxItem[] {
  const at = now.toISOString();
  return data.items.filter(
    (item) =>
      item.state === 'pending' &&
      Boolean(item.body.assignmentId) &&
      ((item.nextTryAt <= at && item.waiting !== 'changed') ||
        (trigger === 'load' && (item.waiting === 'sign-in' || item.waiting === 'changed')) ||
        (trigger === 'online' && item.waiting === 'network')),
  );
}

/** When the next pending item is due, to set a timer; undefined when nothing is waiting. */
export function nextDueAt(data: OutboxData): string | undefined {
  return data.items
    .filter((item) => item.state === 'pending' && item.waiting !== 'changed')
    .map((item) => item.nextTryAt)
    .sort()[0];
}

/**
 * What came of one try: an HTTP response (status and parsed JSON body), no response at all, or
 * not sent because another account is signed in on this device.
 */
export type SendOutcome =
  | { status: number; body?: unknown; /** The response's Retry-After, in seconds. */ retryAfter?: number }
  | { network: true }
  | { otherAccount: true };

/** The longest Retry-After honoured: a proxy asking for more does not park the outbox for days. */
export const RETRY_AFTER_CAP_S = 60 * 60;

/**
 * A Retry-After header in seconds (RFC 9110: a number of seconds or an HTTP date), or undefined
 * when it is missing or unreadable. Capped at an hour.
 */
export function retryAfterSeconds(header: string | null | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now.getTime()) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(RETRY_AFTER_CAP_S, Math.max(0, Math.ceil(seconds)));
}

/** Whether an item may be sent while this account is signed in (an item of unknown owner may). */
export const sendableBy = (item: OutboxItem, viewerId: string | null | undefined): boolean =>
  item.learnerId === undefined || viewerId === undefined || viewerId === null || item.learnerId === viewerId;

const serverMessage = (body: unknown): string | undefined =>
  isRecord(body) && typeof body['error'] === 'string' ? body['error'] : undefined;

/** The refusal's machine-readable reason (src/server/api/attempts.ts: rate-limited, attempt-cap, attempt-times). */
const serverCode = (body: unknown): string | undefined =>
  isRecord(body) && typeof body['code'] === 'string' ? body['code'] : undefined;

/** "in a few seconds", "in about a minute", "in about 5 minutes": when the next try is, in words. */
export function inAbout(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 20) return 'in a few seconds';
  if (seconds < 90) return 'in about a minute';
  if (seconds < 60 * 60) return `in about ${String(Math.round(seconds / 60))} minutes`;
  return 'in about an hour';
}

export const SIGN_IN_MESSAGE = 'Sign in to send it to your trainer. It is safe on this device until then.';
export const NETWORK_MESSAGE = 'No connection right now. It will be sent when you are back online.';
export const SERVER_MESSAGE = 'The server is busy or unavailable. Alongside will try again shortly.';
export const CHANGED_MESSAGE =
  'This role-play changed since you played it, so it cannot be scored the way you played it. Your attempt is kept on this device and in your record. To send your trainer a result, play the role-play again.';
export const OTHER_ACCOUNT_MESSAGE =
  'Someone else is signed in on this device. It will be sent when the person who did it signs in here again.';
export const rateLimitMessage = (waitMs: number): string =>
  `Too many results sent at once — Alongside will try again ${inAbout(waitMs)}.`;
export const CAP_MESSAGE =
  'Your trainer already has enough attempts of this role-play from you, so this one stays on this device.';
export const TIMES_MESSAGE =
  "The date or time on this device looked wrong when you did this role-play, so it cannot be sent. Check the device's date and time for next time.";

/**
 * Applies the result of sending one item. 201/200: sent (the band the server computed is kept).
 * 401: waits for sign-in. 408, 429, 5xx or no response: waits and retries with back-off, or after
 * the server's Retry-After when it gave one (a 429 holds every other waiting item as long too: the
 * limit is the account's, so they would only be refused). 409 with code CONTENT_VERSION: kept,
 * waiting until a page loads (CHANGED_MESSAGE). Any other 4xx: failed with the server's message
 * (or, for the per-assignment cap and impossible times, this device's own words) and not retried.
 * Nothing is ever deleted because the server refused it: the item stays in the outbox and the
 * attempt in the learner's record whatever happens here.
 */
export function applyOutcome(
  data: OutboxData,
  attemptId: string,
  outcome: SendOutcome,
  now: Date,
  random: () => number = Math.random,
): OutboxData {
  const item = data.items.find((candidate) => candidate.attemptId === attemptId);
  if (!item) return data;
  const others = data.items.filter((candidate) => candidate !== item);
  if ('status' in outcome && (outcome.status === 200 || outcome.status === 201)) {
    const band = isRecord(outcome.body) && typeof outcome.body['band'] === 'string' ? outcome.body['band'] : '';
    return {
      ...data,
      items: others,
      sent: {
        ...data.sent,
        [attemptId]: {
          assignmentId: item.assignmentId,
          ...(item.learnerId ? { learnerId: item.learnerId } : {}),
          sentAt: now.toISOString(),
          band,
        },
      },
    };
  }
  const tries = item.tries + 1;
  const retryLater = (
    waiting: Waiting,
    lastError: string | ((waitMs: number) => string),
    waitMs = backoffMs(tries, random),
  ) => {
    const nextTryAt = new Date(now.getTime() + waitMs).toISOString();
    const message = typeof lastError === 'string' ? lastError : lastError(waitMs);
    const waitingItem: OutboxItem = { ...item, tries, state: 'pending', waiting, lastError: message, nextTryAt };
    delete waitingItem.refusal;
    return {
      data: { ...data, items: data.items.map((candidate) => (candidate === item ? waitingItem : candidate)) },
      nextTryAt,
      message,
    };
  };
  if ('otherAccount' in outcome) return retryLater('sign-in', OTHER_ACCOUNT_MESSAGE).data;
  if ('network' in outcome) return retryLater('network', NETWORK_MESSAGE).data;
  const { status } = outcome;
  const code = serverCode(outcome.body);
  const retryAfterMs = outcome.retryAfter === undefined ? undefined : outcome.retryAfter * 1000;
  if (status === 401) return retryLater('sign-in', SIGN_IN_MESSAGE).data;
  if (status === 429) {
    // The server's own wait when it named one (at least a second, so a "0" cannot spin); else back-off.
    const later = retryLater(
      'server',
      rateLimitMessage,
      retryAfterMs === undefined ? undefined : Math.max(1_000, retryAfterMs),
    );
    return holdWaiting(later.data, attemptId, later.nextTryAt, later.message);
  }
  if (status === 408 || status >= 500)
    return retryLater('server', SERVER_MESSAGE, Math.max(retryAfterMs ?? 0, backoffMs(tries, random))).data;
  // Played on a version the server does not have (src/server/api/score-attempt.ts): kept, not failed.
  if (status === 409 && code === 'CONTENT_VERSION') return retryLater('changed', CHANGED_MESSAGE).data;
  const refusal: Refusal | undefined =
    status === 409 && code === 'attempt-cap' ? 'cap' : status === 422 && code === 'attempt-times' ? 'times' : undefined;
  const reason =
    refusal === 'cap'
      ? CAP_MESSAGE
      : refusal === 'times'
        ? TIMES_MESSAGE
        : (serverMessage(outcome.body) ?? `The server refused it (HTTP ${String(status)}).`);
  return {
    ...data,
    items: data.items.map((candidate) => {
      if (candidate !== item) return candidate;
      const failed: OutboxItem = {
        ...item,
        tries,
        state: 'failed',
        lastError: reason,
        ...(refusal ? { refusal } : {}),
      };
      delete failed.waiting;
      if (!refusal) delete failed.refusal;
      return failed;
    }),
  };
}

/**
 * After a 429 the account may send nothing until `until`: every other pending item due before then
 * waits until then too, saying why, instead of being sent (and refused) one after another. Their
 * tries are not counted: they were not sent. Items waiting for a sign-in keep waiting for that.
 */
function holdWaiting(data: OutboxData, except: string, until: string, message: string): OutboxData {
  return {
    ...data,
    items: data.items.map((candidate) =>
      candidate.attemptId === except ||
      candidate.state !== 'pending' ||
      candidate.waiting === 'sign-in' ||
      candidate.nextTryAt >= until
        ? candidate
        : { ...candidate, nextTryAt: until, waiting: 'server', lastError: message },
    ),
  };
}

export type SyncStatus =
  | { kind: 'sent'; band: string; sentAt: string }
  | { kind: 'sending' }
  | { kind: 'waiting'; message: string; reason: Waiting }
  | { kind: 'failed'; message: string; refusal?: Refusal };

/** Where one attempt stands, for the end report; undefined if it was never queued. */
export function syncStatusOf(data: OutboxData, attemptId: string): SyncStatus | undefined {
  const sent = data.sent[attemptId];
  if (sent) return { kind: 'sent', band: sent.band, sentAt: sent.sentAt };
  const item = data.items.find((candidate) => candidate.attemptId === attemptId);
  if (!item) return undefined;
  if (item.state === 'failed')
    return {
      kind: 'failed',
      message: item.lastError ?? 'The server refused it.',
      ...(item.refusal ? { refusal: item.refusal } : {}),
    };
  return item.lastError && item.waiting
    ? { kind: 'waiting', message: item.lastError, reason: item.waiting }
    : { kind: 'sending' };
}

/**
 * Where this learner's latest attempt of an assignment stands on this device, for "My
 * assignments". Attempts another account made on a shared device are not theirs to see.
 */
export function assignmentStatusOf(data: OutboxData, assignmentId: string, learnerId?: string): SyncStatus | undefined {
  const theirs = (record: { assignmentId: string; learnerId?: string }): boolean =>
    record.assignmentId === assignmentId &&
    (learnerId === undefined || record.learnerId === undefined || record.learnerId === learnerId);
  const queued = data.items.filter(theirs);
  const latest = queued[queued.length - 1];
  if (latest) return syncStatusOf(data, latest.attemptId);
  const sent = Object.entries(data.sent)
    .filter(([, record]) => theirs(record))
    .sort(([, a], [, b]) => b.sentAt.localeCompare(a.sentAt))[0];
  return sent ? { kind: 'sent', band: sent[1].band, sentAt: sent[1].sentAt } : undefined;
}

const isItem = (value: unknown): value is OutboxItem =>
  isRecord(value) &&
  typeof value['attemptId'] === 'string' &&
  typeof value['assignmentId'] === 'string' &&
  isRecord(value['body']) &&
  typeof value['tries'] === 'number' &&
  typeof value['nextTryAt'] === 'string' &&
  (value['state'] === 'pending' || value['state'] === 'failed');

const readOutbox = (raw: unknown): OutboxData | undefined =>
  isRecord(raw) &&
  raw['version'] === 1 &&
  Array.isArray(raw['items']) &&
  raw['items'].every(isItem) &&
  isRecord(raw['sent'])
    ? (raw as unknown as OutboxData)
    : undefined;

let outbox: WritableAtom<OutboxData> | undefined;

/** The outbox in localStorage under `alongside:outbox:v1`. */
export function outboxStore(): WritableAtom<OutboxData> {
  outbox ??= createOutboxStore();
  return outbox;
}

/** A fresh store object over the current storage engine (tests reopen it to check persistence). */
export function createOutboxStore(): WritableAtom<OutboxData> {
  return versionedAtom<OutboxData>({ name: OUTBOX_STORE, version: 1, initial: emptyOutbox, read: readOutbox });
}

/** Queues a finished attempt if (and only if) a trainer assigned it. */
export function queueAttempt(
  attempt: Attempt,
  learnerId?: string,
  store: WritableAtom<OutboxData> = outboxStore(),
): void {
  const current = store.get();
  const next = enqueue(current, attempt, new Date(), learnerId);
  if (next !== current) store.set(next);
}
