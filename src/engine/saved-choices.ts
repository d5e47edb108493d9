import type { Run } from './run.ts';

/**
 * The replies of a run as an attempt keeps them (on the device, in a sync body, on the server): ids,
 * whether each was kept, and the labels the engine gave it. One shape everywhere, so a replay matches.
 */
export function savedChoices(run: Run) {
  return run.history.map(({ nodeId, optionId, attempt, kept, codes, stance, markers, typed }) => ({
    nodeId,
    optionId,
    attempt,
    kept,
    codes,
    stance,
    markers,
    ...(typed ? { typed } : {}),
  }));
}
