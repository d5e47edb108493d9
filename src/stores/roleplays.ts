import type { WritableAtom } from 'nanostores';
import { savedChoices } from '../engine/saved-choices.ts';
import type { Run, TypedReply } from '../engine/run.ts';
import { practiceStats, scoreRun, summarise, type Band, type ScoreSummary } from '../engine/scoring.ts';
import { isTimely } from '../engine/state.ts';
import type { Scenario } from '../schemas/scenario.ts';
import { versionedAtom } from './versioned.ts';
import { isRecord } from './guards.ts';

/** A finished role-play, kept for the learner record and (for assigned ones) for syncing later. */
export interface Attempt {
  /** UUID: the idempotency key when an assigned attempt is synced to a trainer. */
  id: string;
  /** Set only when a trainer assigned this role-play: such attempts (and only those) are sent to the trainer. */
  assignmentId?: string;
  scenarioId: string;
  /** The content hash of the version played (absent on attempts saved before versions were hashed). */
  scenarioHash?: string;
  mode: 'practice' | 'assessed';
  startedAt: string;
  finishedAt: string;
  endingId: string;
  outcome: string;
  band: Band;
  scores: ScoreSummary;
  /** Every reply chosen, in order, including ones taken back in practice mode. */
  transcript: {
    nodeId: string;
    optionId: string;
    attempt: number;
    kept: boolean;
    codes: string[];
    stance: string;
    markers?: string[];
    /** A typed reply: the words, how they were read, and any correction or flag (issue 13). */
    typed?: TypedReply;
  }[];
  /** Each rupture met: whether the learner repaired it, and within one reply (a timely repair). */
  ruptures?: { type: string; source: string; repaired: boolean; timely: boolean }[];
  /** Practice mode: share of nodes where the first try was the ★, and how many replies were retried. */
  firstTryMatch?: number;
  retries?: number;
}

/** A role-play in progress: the persisted XState snapshot, so it resumes after a reload. */
export interface Session {
  attemptId: string;
  startedAt: string;
  /** The version being played: a saved place on another version starts again. */
  scenarioHash?: string;
  /** Seeds the shuffled order of replies for this attempt. */
  seed: number;
  snapshot: unknown;
  /** True while practice feedback for the last reply is on screen. */
  showingFeedback: boolean;
  /** The learner chose to type their replies (in assessed mode, for the rest of the attempt). */
  typing?: true;
  /** Practice: the learner accepted the reading of their typed reply, so its ★ reply is on screen. */
  typedAccepted?: true;
}

interface AttemptsData {
  version: 1;
  attempts: Attempt[];
}

interface SessionsData {
  version: 1;
  sessions: Record<string, Session>;
}

const readAttempts = (raw: unknown): AttemptsData | undefined =>
  isRecord(raw) &&
  raw['version'] === 1 &&
  Array.isArray(raw['attempts']) &&
  raw['attempts'].every((a) => isRecord(a) && typeof a['id'] === 'string' && typeof a['scenarioId'] === 'string')
    ? (raw as unknown as AttemptsData)
    : undefined;

const readSessions = (raw: unknown): SessionsData | undefined =>
  isRecord(raw) && raw['version'] === 1 && isRecord(raw['sessions']) ? (raw as unknown as SessionsData) : undefined;

let attempts: WritableAtom<AttemptsData> | undefined;
let sessions: WritableAtom<SessionsData> | undefined;

export function attemptsStore(): WritableAtom<AttemptsData> {
  attempts ??= versionedAtom<AttemptsData>({
    name: 'alongside:attempts',
    version: 1,
    initial: () => ({ version: 1, attempts: [] }),
    read: readAttempts,
  });
  return attempts;
}

export function sessionsStore(): WritableAtom<SessionsData> {
  sessions ??= versionedAtom<SessionsData>({
    name: 'alongside:roleplay-sessions',
    version: 1,
    initial: () => ({ version: 1, sessions: {} }),
    read: readSessions,
  });
  return sessions;
}

export const sessionKey = (scenarioId: string, mode: string): string => `${scenarioId}:${mode}`;

/** Assigned role-plays keep their place apart from self-started ones, one place per assignment. */
export const assignedSessionKey = (scenarioId: string, assignmentId: string): string =>
  `${scenarioId}:assignment:${assignmentId}`;

export function saveSession(key: string, session: Session | undefined): void {
  const store = sessionsStore();
  const current = store.get();
  const rest = Object.fromEntries(Object.entries(current.sessions).filter(([k]) => k !== key));
  store.set({ ...current, sessions: session ? { ...rest, [key]: session } : rest });
}

/** The record of a finished run, as it is kept and (for assigned role-plays) later synced. */
export function buildAttempt(
  scenario: Scenario,
  run: Run,
  session: Pick<Session, 'attemptId' | 'startedAt' | 'scenarioHash'>,
): Attempt {
  const scores = scoreRun(scenario, run);
  return {
    id: session.attemptId,
    scenarioId: scenario.id,
    ...(session.scenarioHash ? { scenarioHash: session.scenarioHash } : {}),
    mode: run.mode,
    startedAt: session.startedAt,
    finishedAt: new Date().toISOString(),
    endingId: run.nodeId,
    outcome: scenario.endings.find((ending) => ending.id === run.nodeId)?.outcome ?? 'partial',
    band: scores.band,
    scores: summarise(scores),
    transcript: savedChoices(run),
    ruptures: run.ruptures.map((episode) => ({
      type: episode.type,
      source: episode.source,
      repaired: episode.repairedAt !== undefined,
      timely: isTimely(episode),
    })),
    ...(run.mode === 'practice' ? practiceStats(run) : {}),
  };
}

/** Adds a finished attempt once; the UUID makes a repeated save harmless. */
export function recordAttempt(attempt: Attempt): void {
  const store = attemptsStore();
  const current = store.get();
  if (current.attempts.some((existing) => existing.id === attempt.id)) return;
  store.set({ ...current, attempts: [...current.attempts, attempt] });
}

/** The attempt with the reading of one typed turn (its transcript index) flagged as wrong. */
export function withTypedFlag(attempt: Attempt, index: number): Attempt {
  return {
    ...attempt,
    transcript: attempt.transcript.map((turn, i) =>
      i === index && turn.typed ? { ...turn, typed: { ...turn.typed, flagged: true as const } } : turn,
    ),
  };
}

/**
 * The learner flags how a typed turn was read as wrong (assessed end report, issue 13). The score
 * stays as coded; the flag is kept with the attempt, and a trainer sees it beside the turn.
 */
export function flagTypedTurn(attemptId: string, index: number): Attempt | undefined {
  const store = attemptsStore();
  const current = store.get();
  let updated: Attempt | undefined;
  const attempts = current.attempts.map((attempt) => {
    if (attempt.id !== attemptId || !attempt.transcript[index]?.typed) return attempt;
    updated = withTypedFlag(attempt, index);
    return updated;
  });
  if (updated) store.set({ ...current, attempts });
  return updated;
}

const BAND_RANK: Record<Band, number> = { beginning: 0, developing: 1, proficient: 2 };

export function bestBand(all: readonly Attempt[], scenarioId: string): Band | undefined {
  return all
    .filter((attempt) => attempt.scenarioId === scenarioId)
    .reduce<Band | undefined>(
      (best, attempt) => (!best || BAND_RANK[attempt.band] > BAND_RANK[best] ? attempt.band : best),
      undefined,
    );
}
