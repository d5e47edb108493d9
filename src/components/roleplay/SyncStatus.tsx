import { useSyncExternalStore } from 'react';
import { outboxStore, syncStatusOf } from '../../stores/outbox.ts';

/**
 * Where sending an assigned attempt to the trainer stands, in a polite live region: saved on this
 * device and sending, sent, or why it is waiting (or, refused for good, why it stays on the device).
 * The attempt is in the learner's record either way: nothing is deleted because the server refused it.
 */
export function SyncStatus({ attemptId }: { attemptId: string }) {
  const store = outboxStore();
  const data = useSyncExternalStore(
    (notify) => store.listen(notify),
    () => store.get(),
  );
  const status = syncStatusOf(data, attemptId) ?? { kind: 'sending' as const };
  return (
    <p className="rp-sync" role="status" data-kind={status.kind}>
      {status.kind === 'sending' && 'Saved on this device. Sending to your trainer…'}
      {status.kind === 'sent' && `Sent to your trainer${status.band ? ` (band: ${status.band})` : ''}.`}
      {status.kind === 'waiting' && (
        <>
          Saved on this device, not sent yet. {status.message}
          {status.reason === 'sign-in' && (
            <>
              {' '}
              <a href="/sign-in/?next=%2Faccount%2F">Sign in</a>
            </>
          )}
        </>
      )}
      {status.kind === 'failed' && status.refusal && (
        <>
          Saved on this device, not sent: {status.message} It stays in <a href="/progress/">your record</a>.
        </>
      )}
      {status.kind === 'failed' && !status.refusal && (
        <>
          Saved on this device, but your trainer did not accept it: {status.message} It stays in{' '}
          <a href="/progress/">your record</a> on this device; ask your trainer what to do.
        </>
      )}
    </p>
  );
}
