import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/**
 * Reads one value from an actor and re-renders only when that value changes (XState's own
 * `useSelector`, in a few lines instead of a dependency). The selector must return the same value
 * for the same snapshot: a field, or a primitive worked out from it.
 */
export function useSelector<TActor extends AnyActorRef, T>(
  actor: TActor,
  selector: (snapshot: SnapshotFrom<TActor>) => T,
): T {
  const subscribe = useCallback(
    (notify: () => void) => {
      const subscription = actor.subscribe(notify);
      return () => {
        subscription.unsubscribe();
      };
    },
    [actor],
  );
  return useSyncExternalStore(subscribe, () => selector(actor.getSnapshot() as SnapshotFrom<TActor>));
}

/**
 * Starts the actor on the first connect and stops it on the last disconnect. React StrictMode
 * disconnects and reconnects every effect once on mount, and a stopped actor cannot start again,
 * so the stop waits for a task and a reconnect in the meantime cancels it.
 */
export function whileConnected(actor: AnyActorRef): () => () => void {
  let stopping: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(stopping);
    actor.start();
    return () => {
      stopping = setTimeout(() => {
        actor.stop();
      });
    };
  };
}

/** An actor made once per mount (its side effects wait for `start`), running while mounted. */
export function useActorOnce<TActor extends AnyActorRef>(create: () => TActor): TActor {
  const [actor] = useState(create);
  const [connect] = useState(() => whileConnected(actor));
  useEffect(connect, [connect]);
  return actor;
}
