import { beforeEach, describe, expect, it } from 'vitest';
import { syncAttemptBody } from '../../src/server/api/sync-schema.ts';
import {
  applyOutcome,
  assignmentStatusOf,
  BACKOFF_CAP_MS,
  CAP_MESSAGE,
  retryAfterSeconds,
  TIMES_MESSAGE,
  CHANGED_MESSAGE,
  backoffMs,
  createOutboxStore,
  dueItems,
  emptyOutbox,
  enqueue,
  NETWORK_MESSAGE,
  nextDueAt,
  OTHER_ACCOUNT_MESSAGE,
  sendableBy,
  OUTBOX_STORE,
  queueAttempt,
  reconcile,
  SIGN_IN_MESSAGE,
  syncBodyOf,
  syncStatusOf,
  type OutboxData,
} from '../../src/stores/outbox.ts';
import type { Attempt } from '../../src/stores/roleplays.ts';
import { dismissStorageNotices, storageNotices, useStorageEngine } from '../../src/stores/versioned.ts';

const ASSIGNMENT = '2b7c3f0e-8d1a-4c2b-9f3e-5a6b7c8d9e0f';
const NOW = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number): Date => new Date(NOW.getTime() + ms);

function attempt(id: string, assignmentId?: string): Attempt {
  return {
    id,
    ...(assignmentId ? { assignmentId } : {}),
    scenarioId: 'mib-benefits-form-kitchen-table',
    mode: 'assessed',
    startedAt: '2026-12-01T09:50:00.000Z',
    finishedAt: '2026-12-01T09:58:00.000Z',
    endingId: 'E1',
    outcome: 'good',
    band: 'proficient',
    scores: {} as Attempt['scores'],
    transcript: [
      { nodeId: 'N1', optionId: 'N1-A', attempt: 1, kept: true, codes: ['CR'], stance: 'tap', markers: ['goal'] },
      { nodeId: 'N2', optionId: 'N2-A', attempt: 1, kept: true, codes: ['SR'], stance: 'tap' },
    ],
    ruptures: [],
  };
}

const A1 = 'a1a1a1a1-1111-4111-8111-111111111111';
const A2 = 'a2a2a2a2-2222-4222-8222-222222222222';
const queued = (...ids: string[]): OutboxData =>
  ids.reduce((data, id) => enqueue(data, attempt(id, ASSIGNMENT), NOW), emptyOutbox());
const itemOf = (data: OutboxData, id = A1) => data.items.find((item) => item.attemptId === id);

describe('only assigned attempts are ever queued (the data-sharing rule)', () => {
  it('leaves out an attempt nobody assigned, and queues an assigned one', () => {
    expect(enqueue(emptyOutbox(), attempt(A1), NOW).items).toEqual([]);
    expect(syncBodyOf(attempt(A1))).toBeUndefined();
    const data = enqueue(emptyOutbox(), attempt(A1, ASSIGNMENT), NOW);
    expect(data.items).toHaveLength(1);
    expect(itemOf(data)).toMatchObject({ attemptId: A1, assignmentId: ASSIGNMENT, tries: 0, state: 'pending' });
  });

  it('never lists an item without an assignment as due, even if one was written into storage', () => {
    const data = queued(A1);
    const tampered: OutboxData = {
      ...data,
      items: data.items.map((item) => ({ ...item, body: { ...item.body, assignmentId: '' } })),
    };
    expect(dueItems(tampered, NOW)).toEqual([]);
  });

  it('the body carries only the fields the server accepts, no scores or notes', () => {
    const body = syncBodyOf(attempt(A1, ASSIGNMENT));
    expect(syncAttemptBody.safeParse(body).success).toBe(true);
    expect(Object.keys(body?.attempt ?? {}).sort()).toEqual(
      ['finishedAt', 'id', 'mode', 'scenarioId', 'startedAt', 'transcript'].sort(),
    );
    expect(JSON.stringify(body)).not.toContain('proficient');
    // A reply without markers has no markers key at all (the server's schema is strict).
    expect(body?.attempt.transcript[1]).not.toHaveProperty('markers');
  });
});

describe('enqueue is idempotent by attempt id', () => {
  it('queues the same attempt once, and not again after it was sent', () => {
    const once = queued(A1);
    expect(enqueue(once, attempt(A1, ASSIGNMENT), later(5)).items).toHaveLength(1);
    const sent = applyOutcome(once, A1, { status: 201, body: { band: 'proficient' } }, NOW);
    expect(enqueue(sent, attempt(A1, ASSIGNMENT), later(5))).toBe(sent);
  });

  it('reconcile queues assigned attempts the outbox lost, and nothing else', () => {
    const data = reconcile(emptyOutbox(), [attempt(A1, ASSIGNMENT), attempt(A2)], NOW);
    expect(data.items.map((item) => item.attemptId)).toEqual([A1]);
    expect(reconcile(data, [attempt(A1, ASSIGNMENT)], NOW)).toBe(data);
  });
});

describe('on a shared device, a result is only sent while the account that did it is signed in', () => {
  const mine = enqueue(emptyOutbox(), attempt(A1, ASSIGNMENT), NOW, 'learner-1');

  it('sendable by its own account, by anyone when the owner is unknown, and left to the server when signed out', () => {
    const item = mine.items[0];
    if (!item) throw new Error('not queued');
    expect(sendableBy(item, 'learner-1')).toBe(true);
    expect(sendableBy(item, 'learner-2')).toBe(false);
    // Signed out (null) or the session could not be checked (undefined): the server answers 401 or decides.
    expect(sendableBy(item, null)).toBe(true);
    expect(sendableBy(item, undefined)).toBe(true);
    const unknownOwner = queued(A2).items[0];
    if (!unknownOwner) throw new Error('not queued');
    expect(sendableBy(unknownOwner, 'learner-2')).toBe(true);
  });

  it('another account signed in: waits, says why, backs off, and is checked again on the next page load', () => {
    const data = applyOutcome(mine, A1, { otherAccount: true }, NOW, () => 1);
    expect(itemOf(data)).toMatchObject({ state: 'pending', waiting: 'sign-in', lastError: OTHER_ACCOUNT_MESSAGE });
    expect(dueItems(data, later(1))).toEqual([]);
    expect(dueItems(data, later(1), 'load')).toHaveLength(1);
    expect(data.sent).toEqual({});
  });

  it('“My assignments” of another account on the device does not show this result, waiting or sent', () => {
    expect(assignmentStatusOf(mine, ASSIGNMENT, 'learner-2')).toBeUndefined();
    expect(assignmentStatusOf(mine, ASSIGNMENT, 'learner-1')).toEqual({ kind: 'sending' });
    const sent = applyOutcome(mine, A1, { status: 201, body: { band: 'proficient' } }, NOW);
    expect(sent.sent[A1]?.learnerId).toBe('learner-1');
    expect(assignmentStatusOf(sent, ASSIGNMENT, 'learner-2')).toBeUndefined();
    expect(assignmentStatusOf(sent, ASSIGNMENT, 'learner-1')).toMatchObject({ kind: 'sent', band: 'proficient' });
  });
});

describe('back-off', () => {
  it('doubles from 2 s with jitter between half and all of the step', () => {
    expect(backoffMs(1, () => 0)).toBe(1_000);
    expect(backoffMs(1, () => 1)).toBe(2_000);
    expect(backoffMs(2, () => 1)).toBe(4_000);
    expect(backoffMs(3, () => 1)).toBe(8_000);
    expect(backoffMs(4, () => 0.5)).toBe(12_000);
  });

  it('never waits longer than 5 minutes, however many tries failed', () => {
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(1000, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(30, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});

describe('applying a response', () => {
  it('201 and 200 (a repeat) both mark the attempt as sent with the band the server computed', () => {
    for (const status of [201, 200]) {
      const data = applyOutcome(
        queued(A1),
        A1,
        { status, body: { id: A1, status: 'stored', band: 'developing' } },
        NOW,
      );
      expect(data.items).toEqual([]);
      expect(data.sent[A1]).toEqual({ assignmentId: ASSIGNMENT, sentAt: NOW.toISOString(), band: 'developing' });
      expect(syncStatusOf(data, A1)).toEqual({ kind: 'sent', band: 'developing', sentAt: NOW.toISOString() });
    }
  });

  it('no connection: stays pending, backs off, and is due again once back online', () => {
    const data = applyOutcome(queued(A1), A1, { network: true }, NOW, () => 1);
    expect(itemOf(data)).toMatchObject({ state: 'pending', tries: 1, waiting: 'network' });
    expect(itemOf(data)?.nextTryAt).toBe(later(2_000).toISOString());
    expect(dueItems(data, later(1_000))).toEqual([]);
    expect(dueItems(data, later(2_000))).toHaveLength(1);
    // The `online` event does not wait for the back-off.
    expect(dueItems(data, later(1), 'online')).toHaveLength(1);
    expect(syncStatusOf(data, A1)).toEqual({ kind: 'waiting', reason: 'network', message: NETWORK_MESSAGE });
    expect(NETWORK_MESSAGE).toMatch(/back online/);
  });

  it('408, 429 and 5xx: pending with a growing back-off', () => {
    for (const status of [408, 429, 500, 502, 503]) {
      let data = applyOutcome(queued(A1), A1, { status }, NOW, () => 1);
      expect(itemOf(data)).toMatchObject({ state: 'pending', tries: 1, waiting: 'server' });
      data = applyOutcome(data, A1, { status }, NOW, () => 1);
      expect(itemOf(data)?.nextTryAt).toBe(later(4_000).toISOString());
      expect(dueItems(data, later(1), 'online')).toEqual([]);
    }
  });

  it('429 with Retry-After: waits exactly that long, says so in words, and holds the other waiting items too', () => {
    const body = { error: 'Too many results sent at once.', code: 'rate-limited' };
    const data = applyOutcome(queued(A1, A2), A1, { status: 429, body, retryAfter: 45 }, NOW, () => 1);
    expect(itemOf(data)).toMatchObject({ state: 'pending', waiting: 'server', nextTryAt: later(45_000).toISOString() });
    expect(itemOf(data)?.lastError).toBe('Too many results sent at once — Alongside will try again in about a minute.');
    // The limit is the account's: A2 would only be refused, so it waits as long, untried.
    expect(itemOf(data, A2)).toMatchObject({ tries: 0, nextTryAt: later(45_000).toISOString() });
    expect(dueItems(data, later(44_000), 'online')).toEqual([]);
    expect(dueItems(data, later(45_000)).map((item) => item.attemptId)).toEqual([A1, A2]);
    // Nothing was dropped, and a "0" cannot make it spin.
    expect(data.items).toHaveLength(2);
    const zero = applyOutcome(queued(A1), A1, { status: 429, retryAfter: 0 }, NOW, () => 1);
    expect(itemOf(zero)?.nextTryAt).toBe(later(1_000).toISOString());
  });

  it('Retry-After is read as seconds or an HTTP date, and capped at an hour', () => {
    expect(retryAfterSeconds('30', NOW)).toBe(30);
    expect(retryAfterSeconds(new Date(NOW.getTime() + 90_000).toUTCString(), NOW)).toBe(90);
    expect(retryAfterSeconds('999999', NOW)).toBe(3600);
    expect(retryAfterSeconds('soon', NOW)).toBeUndefined();
    expect(retryAfterSeconds(null, NOW)).toBeUndefined();
  });

  it('the per-assignment cap and impossible times: kept on the device, explained in the device’s words, not retried', () => {
    for (const [status, code, message] of [
      [409, 'attempt-cap', CAP_MESSAGE],
      [422, 'attempt-times', TIMES_MESSAGE],
    ] as const) {
      const data = applyOutcome(queued(A1), A1, { status, body: { error: 'server words', code } }, NOW, () => 1);
      expect(itemOf(data)).toMatchObject({ state: 'failed', lastError: message });
      expect(syncStatusOf(data, A1)).toMatchObject({ kind: 'failed', message });
      expect(dueItems(data, later(BACKOFF_CAP_MS * 10), 'load')).toEqual([]);
      expect(data.items).toHaveLength(1);
    }
  });

  it('401: waits for sign-in, says so, and is retried on the next page load', () => {
    const data = applyOutcome(queued(A1), A1, { status: 401, body: { error: 'Sign in first.' } }, NOW, () => 1);
    expect(itemOf(data)).toMatchObject({ state: 'pending', waiting: 'sign-in', lastError: SIGN_IN_MESSAGE });
    expect(dueItems(data, later(1))).toEqual([]);
    expect(dueItems(data, later(1), 'load')).toHaveLength(1);
  });

  it('409 CONTENT_VERSION: kept and explained, not failed; no timer, tried again on the next page load', () => {
    const body = { error: 'This role-play changed since you played it.', code: 'CONTENT_VERSION' };
    const data = applyOutcome(queued(A1, A2), A1, { status: 409, body }, NOW, () => 1);
    expect(itemOf(data)).toMatchObject({ state: 'pending', waiting: 'changed', lastError: CHANGED_MESSAGE });
    expect(CHANGED_MESSAGE).toMatch(/^This role-play changed since you played it/);
    expect(syncStatusOf(data, A1)).toEqual({ kind: 'waiting', message: CHANGED_MESSAGE, reason: 'changed' });
    // Sending it again on a timer cannot help until the server has that version: only A2 is due.
    expect(dueItems(data, later(BACKOFF_CAP_MS * 10)).map((item) => item.attemptId)).toEqual([A2]);
    expect(dueItems(data, later(BACKOFF_CAP_MS * 10), 'online').map((item) => item.attemptId)).toEqual([A2]);
    expect(nextDueAt({ ...data, items: data.items.filter((item) => item.attemptId === A1) })).toBeUndefined();
    expect(dueItems(data, NOW, 'load').map((item) => item.attemptId)).toContain(A1);
    // Accepted later (the server has the version again): sent, as any other.
    const sent = applyOutcome(data, A1, { status: 201, body: { band: 'developing' } }, later(1));
    expect(syncStatusOf(sent, A1)).toMatchObject({ kind: 'sent', band: 'developing' });
  });

  it('another 4xx: failed with the server’s message, never retried, and the attempt is not dropped', () => {
    for (const status of [404, 409, 422]) {
      const data = applyOutcome(
        queued(A1, A2),
        A1,
        { status, body: { error: 'Your trainer assigned this role-play in assessed mode.' } },
        NOW,
      );
      expect(itemOf(data)).toMatchObject({
        state: 'failed',
        lastError: 'Your trainer assigned this role-play in assessed mode.',
      });
      expect(itemOf(data)).not.toHaveProperty('waiting');
      expect(dueItems(data, later(BACKOFF_CAP_MS * 10), 'online').map((item) => item.attemptId)).toEqual([A2]);
      expect(syncStatusOf(data, A1)).toEqual({
        kind: 'failed',
        message: 'Your trainer assigned this role-play in assessed mode.',
      });
    }
  });

  it('a 4xx without a message still explains itself', () => {
    const data = applyOutcome(queued(A1), A1, { status: 413 }, NOW);
    expect(itemOf(data)?.lastError).toBe('The server refused it (HTTP 413).');
  });

  it('a response for an attempt that is not queued changes nothing', () => {
    const data = queued(A1);
    expect(applyOutcome(data, A2, { status: 201 }, NOW)).toBe(data);
  });
});

describe('status for the pages', () => {
  it('a queued attempt that has not been tried yet is “sending”', () => {
    expect(syncStatusOf(queued(A1), A1)).toEqual({ kind: 'sending' });
    expect(syncStatusOf(emptyOutbox(), A1)).toBeUndefined();
  });

  it('an assignment shows its latest attempt: waiting beats an older one already sent', () => {
    let data = applyOutcome(queued(A1), A1, { status: 201, body: { band: 'beginning' } }, NOW);
    expect(assignmentStatusOf(data, ASSIGNMENT)).toMatchObject({ kind: 'sent', band: 'beginning' });
    data = applyOutcome(enqueue(data, attempt(A2, ASSIGNMENT), NOW), A2, { network: true }, NOW);
    expect(assignmentStatusOf(data, ASSIGNMENT)).toMatchObject({ kind: 'waiting' });
    expect(assignmentStatusOf(data, 'another-assignment')).toBeUndefined();
  });

  it('nextDueAt names the earliest pending retry, ignoring failed items', () => {
    let data = applyOutcome(queued(A1, A2), A1, { network: true }, NOW, () => 1);
    data = applyOutcome(data, A2, { status: 422 }, NOW);
    expect(nextDueAt(data)).toBe(later(2_000).toISOString());
    expect(nextDueAt(emptyOutbox())).toBeUndefined();
  });
});

describe('the outbox store', () => {
  let storage: Record<string, string>;
  beforeEach(() => {
    storage = {};
    useStorageEngine(storage, { addEventListener() {}, removeEventListener() {} });
    dismissStorageNotices();
  });

  it('persists queued attempts under alongside:outbox:v1 and reads them back', () => {
    const store = createOutboxStore();
    queueAttempt(attempt(A1, ASSIGNMENT), 'learner-1', store);
    queueAttempt(attempt(A2), 'learner-1', store);
    const saved = JSON.parse(storage[`${OUTBOX_STORE}:v1`] ?? '{}') as OutboxData;
    expect(saved.items.map((item) => [item.attemptId, item.learnerId])).toEqual([[A1, 'learner-1']]);
    expect(
      createOutboxStore()
        .get()
        .items.map((item) => item.attemptId),
    ).toEqual([A1]);
  });

  it('a damaged outbox is set aside with a notice, and the record can queue its attempts again', () => {
    storage[`${OUTBOX_STORE}:v1`] = JSON.stringify({ version: 1, items: [{ nope: true }], sent: {} });
    const store = createOutboxStore();
    expect(store.get().items).toEqual([]);
    expect(storageNotices.get()[0]?.message).toMatch(/assigned role-play results waiting to be sent/);
    store.set(reconcile(store.get(), [attempt(A1, ASSIGNMENT)], NOW));
    expect(store.get().items).toHaveLength(1);
  });
});
