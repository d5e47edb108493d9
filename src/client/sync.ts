import {
  applyOutcome,
  dueItems,
  nextDueAt,
  outboxStore,
  reconcile,
  retryAfterSeconds,
  sendableBy,
  type OutboxItem,
  type SendOutcome,
  type SendTrigger,
} from '../stores/outbox.ts';
import { isRecord } from '../stores/guards.ts';
import { attemptsStore } from '../stores/roleplays.ts';

/**
 * Sends assigned attempts from the outbox to the server: now (on page load), again when the next
 * back-off is due, and as soon as the browser is back online. Only items with an assignment are
 * ever sent (the outbox refuses the rest); each try's result goes through the pure applyOutcome.
 */

const REQUEST_TIMEOUT_MS = 20_000;
let running: Promise<void> | undefined;
let again: SendTrigger | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

async function send(item: OutboxItem): Promise<SendOutcome> {
  try {
    const response = await fetch('/api/attempts', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(item.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'), new Date());
    return { status: response.status, body, ...(retryAfter === undefined ? {} : { retryAfter }) };
  } catch {
    return { network: true };
  }
}

function schedule(): void {
  clearTimeout(timer);
  const due = nextDueAt(outboxStore().get());
  if (!due) return;
  const wait = Math.max(0, Date.parse(due) - Date.now());
  timer = setTimeout(() => void flushOutbox('timer'), wait);
}

/** The signed-in account's id; null when signed out; undefined when the server could not be asked. */
export async function signedInAs(): Promise<string | null | undefined> {
  try {
    const response = await fetch('/api/auth/get-session', { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    const user = isRecord(body) && isRecord(body['user']) ? body['user'] : undefined;
    return typeof user?.['id'] === 'string' ? user['id'] : null;
  } catch {
    return undefined;
  }
}

async function run(trigger: SendTrigger): Promise<void> {
  const store = outboxStore();
  const due = dueItems(store.get(), new Date(), trigger);
  if (!due.length) return;
  const viewer = due.some((item) => item.learnerId) ? await signedInAs() : undefined;
  for (const item of due) {
    const outcome = sendableBy(item, viewer) ? await send(item) : { otherAccount: true as const };
    store.set(applyOutcome(store.get(), item.attemptId, outcome, new Date()));
    // Without a connection the rest would fail the same way: wait for `online` or the timer. After a
    // 429 the account may send nothing until Retry-After (applyOutcome holds the rest until then).
    if ('network' in outcome || ('status' in outcome && outcome.status === 429)) break;
  }
}

/** Sends what is due now; a call while a flush is running queues one more pass after it. */
export function flushOutbox(trigger: SendTrigger = 'timer'): Promise<void> {
  if (running) {
    again = again === 'load' || trigger === 'load' ? 'load' : trigger;
    return running;
  }
  running = run(trigger)
    .catch(() => undefined)
    .finally(() => {
      running = undefined;
      const next = again;
      again = undefined;
      if (next) void flushOutbox(next);
      else schedule();
    });
  return running;
}

/** Starts syncing on this page (once): queues any assigned attempt the outbox lost, then sends. */
export function startSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const store = outboxStore();
  const reconciled = reconcile(store.get(), attemptsStore().get().attempts, new Date());
  if (reconciled !== store.get()) store.set(reconciled);
  window.addEventListener('online', () => void flushOutbox('online'));
  void flushOutbox('load');
}
