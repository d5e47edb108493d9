import { joinScenario, type PlayScenario, type ScenarioKey } from '../engine/play-data.ts';
import type { Scenario } from '../schemas/scenario.ts';

export class KeyLoadError extends Error {}

const loaded = new Map<string, Promise<Scenario>>();

/**
 * Fetches the key of the role-play being played and joins it to the play part. The hash in the
 * address keeps a cached key of another version out; a key of another version is refused.
 */
export function loadKey(play: PlayScenario): Promise<Scenario> {
  const id = `${play.id}@${play.hash}`;
  let pending = loaded.get(id);
  if (!pending) {
    pending = (async () => {
      let response: Response;
      try {
        response = await fetch(`/roleplays/${encodeURIComponent(play.id)}/key.json?v=${play.hash}`, {
          headers: { accept: 'application/json' },
        });
      } catch {
        throw new KeyLoadError('The feedback could not be loaded: check your connection, then try again.');
      }
      if (!response.ok)
        throw new KeyLoadError(`The feedback could not be loaded (error ${String(response.status)}): try again.`);
      const key = (await response.json()) as ScenarioKey;
      if (key.hash !== play.hash)
        throw new KeyLoadError('This role-play has been updated since the page loaded: reload the page to carry on.');
      return joinScenario(play, key);
    })();
    pending.catch(() => loaded.delete(id));
    loaded.set(id, pending);
  }
  return pending;
}
