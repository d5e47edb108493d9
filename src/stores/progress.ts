import type { WritableAtom } from 'nanostores';
import { versionedAtom } from './versioned.ts';
import { isRecord } from './guards.ts';

/** A learner's answer to one knowledge check or sort exercise. */
export interface CheckRecord {
  /** Chosen option indexes (knowledge check) or chosen category index per item (sort; -1 = none). */
  answer: number[];
  correct: boolean;
  attempts: number;
  /** First attempts are what completion analytics count, as the curriculum asks. */
  firstTryCorrect: boolean;
  answeredAt: string;
}

export interface Progress {
  version: 2;
  /** Lessons the learner has marked complete. */
  lessons: Record<string, { markedAt: string }>;
  checks: Record<string, CheckRecord>;
  /** The lesson the learner last did something in, for "continue where you left off". */
  lastActivity?: { lessonId: string; at: string };
}

export const PROGRESS_STORE = 'alongside:progress';

export const emptyProgress = (): Progress => ({ version: 2, lessons: {}, checks: {} });

const isIso = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

function isCheckRecord(value: unknown): value is CheckRecord {
  return (
    isRecord(value) &&
    Array.isArray(value['answer']) &&
    value['answer'].every((n) => Number.isInteger(n)) &&
    typeof value['correct'] === 'boolean' &&
    Number.isInteger(value['attempts']) &&
    typeof value['firstTryCorrect'] === 'boolean' &&
    isIso(value['answeredAt'])
  );
}

/** Accepts exactly the version-2 shape; anything else is treated as damaged. */
export function readProgress(raw: unknown): Progress | undefined {
  if (!isRecord(raw) || raw['version'] !== 2 || !isRecord(raw['lessons']) || !isRecord(raw['checks'])) return undefined;
  const lessons = raw['lessons'];
  const checks = raw['checks'];
  if (!Object.values(lessons).every((entry) => isRecord(entry) && isIso(entry['markedAt']))) return undefined;
  if (!Object.values(checks).every(isCheckRecord)) return undefined;
  const last = raw['lastActivity'];
  if (last !== undefined && !(isRecord(last) && typeof last['lessonId'] === 'string' && isIso(last['at'])))
    return undefined;
  return raw as unknown as Progress;
}

/**
 * Version 1 (the first prototype) kept `completed: string[]` and `quiz: {id: boolean}`
 * with no timestamps or answers; we keep every completion and result, dated at migration.
 */
export function migrateProgressV1(old: unknown): Progress {
  if (!isRecord(old) || !Array.isArray(old['completed']) || !isRecord(old['quiz'])) {
    throw new Error('version 1 data needs completed and quiz');
  }
  const now = new Date().toISOString();
  const progress = emptyProgress();
  for (const lessonId of old['completed']) {
    if (typeof lessonId === 'string') progress.lessons[lessonId] = { markedAt: now };
  }
  for (const [id, correct] of Object.entries(old['quiz'])) {
    if (typeof correct === 'boolean') {
      progress.checks[id] = { answer: [], correct, attempts: 1, firstTryCorrect: correct, answeredAt: now };
    }
  }
  return progress;
}

export function createProgressStore(): WritableAtom<Progress> {
  return versionedAtom<Progress>({
    name: PROGRESS_STORE,
    version: 2,
    initial: emptyProgress,
    read: readProgress,
    migrations: { 1: migrateProgressV1 },
  });
}

let singleton: WritableAtom<Progress> | undefined;
/** The page's progress store, created on first use so that importing this file has no side effects. */
export function progressStore(): WritableAtom<Progress> {
  singleton ??= createProgressStore();
  return singleton;
}

const touch = (progress: Progress, lessonId: string | undefined, at: string): Progress =>
  lessonId ? { ...progress, lastActivity: { lessonId, at } } : progress;

export function recordCheck(
  store: WritableAtom<Progress>,
  checkId: string,
  answer: number[],
  correct: boolean,
  lessonId?: string,
): void {
  const progress = store.get();
  const previous = progress.checks[checkId];
  const at = new Date().toISOString();
  const record: CheckRecord = {
    answer,
    correct,
    attempts: (previous?.attempts ?? 0) + 1,
    firstTryCorrect: previous ? previous.firstTryCorrect : correct,
    answeredAt: at,
  };
  store.set(touch({ ...progress, checks: { ...progress.checks, [checkId]: record } }, lessonId, at));
}

export function markLesson(store: WritableAtom<Progress>, lessonId: string, done: boolean): void {
  const progress = store.get();
  const at = new Date().toISOString();
  const lessons = done
    ? { ...progress.lessons, [lessonId]: { markedAt: at } }
    : Object.fromEntries(Object.entries(progress.lessons).filter(([id]) => id !== lessonId));
  store.set(touch({ ...progress, lessons }, lessonId, at));
}

export function noteActivity(store: WritableAtom<Progress>, lessonId: string): void {
  store.set(touch(store.get(), lessonId, new Date().toISOString()));
}
