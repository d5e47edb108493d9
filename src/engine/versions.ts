import type { Scenario } from '../schemas/scenario.ts';
import { replayChoices, type Retype, type SavedChoice } from './annotated.ts';
import type { Mode, Run } from './run.ts';

/**
 * Which version of a role-play a saved attempt was played on (issue 11, item 5). An attempt saved
 * since versions were hashed names its hash. One saved before names none: it is matched to the
 * newest version on which its replies replay and carry the codes and stance saved with them, or
 * failing that the newest on which they replay at all. The labels only choose a version: scores
 * always come from replaying on it.
 */
export interface Version {
  hash: string;
  scenario: Scenario;
  /** Served before attempts recorded a hash: only these are tried first for an attempt without one. */
  legacy?: boolean;
  /** When a legacy version went live (ISO time): an attempt finished before then was not played on it. */
  servedFrom?: string;
}

export interface LabelledChoice extends SavedChoice {
  codes?: readonly string[] | undefined;
  stance?: string | undefined;
}

export type VersionReplay = { ok: true; version: Version; run: Run } | { ok: false; reason: string };

const sameLabels = (run: Run, choices: readonly LabelledChoice[]): boolean =>
  run.history.every((turn, index) => {
    const saved = choices[index];
    if (!saved) return false;
    const codesMatch = saved.codes === undefined || saved.codes.join('+') === turn.codes.join('+');
    return codesMatch && (saved.stance === undefined || saved.stance === turn.stance);
  });

/** `versions` current first, then older ones newest first. */
export function replayOnVersion(
  versions: readonly Version[],
  mode: Mode,
  choices: readonly LabelledChoice[],
  hash?: string,
  finishedAt?: string,
  retype?: Retype,
): VersionReplay {
  const named = hash === undefined ? undefined : versions.find((version) => version.hash === hash);
  // Without a hash: the legacy versions live when the attempt finished, newest first, then the other legacy ones.
  const live = (version: Version): boolean =>
    finishedAt === undefined || version.servedFrom === undefined || version.servedFrom <= finishedAt;
  const legacyAll = versions.filter((version) => version.legacy);
  const legacy = [...legacyAll.filter(live), ...legacyAll.filter((version) => !live(version))];
  const candidates = named ? [named] : hash === undefined && legacy.length ? [...legacy, ...versions] : versions;
  let firstReason: string | undefined;
  let newestReason: string | undefined;
  let firstPlayable: { version: Version; run: Run } | undefined;
  for (const version of candidates) {
    const replay = replayChoices(version.scenario, mode, choices, retype);
    if (replay.ok && sameLabels(replay.run, choices)) return { ok: true, version, run: replay.run };
    if (replay.ok) firstPlayable ??= { version, run: replay.run };
    firstReason ??= replay.ok ? undefined : replay.reason;
    // Why the replies do not play on the newest version is what an author or learner can act on.
    if (!replay.ok && version === versions[0]) newestReason = replay.reason;
  }
  // Labels that fit no version (edited on the device, say) do not decide: the newest version the replies play on does.
  if (firstPlayable) return { ok: true, ...firstPlayable };
  return {
    ok: false,
    reason:
      newestReason ??
      firstReason ??
      'This role-play has been rewritten since the attempt was saved, and no kept version matches its replies, so the conversation cannot be shown word for word.',
  };
}
