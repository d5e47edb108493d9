import type { WritableAtom } from 'nanostores';
import { isRecord } from './guards.ts';
import { versionedAtom } from './versioned.ts';

/**
 * Reflection practice on this device (issue 13, item 6): per session, how many replies were typed and
 * how many read as questions, reflections and complex reflections, for the running R:Q and %CR. The
 * typed words themselves are not kept.
 */
export interface PracticeSession {
  startedAt: string;
  tries: number;
  Q: number;
  R: number;
  CR: number;
}

export interface ReflectionPracticeData {
  version: 1;
  sessions: Record<string, PracticeSession>;
}

const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function readPractice(raw: unknown): ReflectionPracticeData | undefined {
  if (!isRecord(raw) || raw['version'] !== 1 || !isRecord(raw['sessions'])) return undefined;
  const ok = Object.values(raw['sessions']).every(
    (s) => isRecord(s) && typeof s['startedAt'] === 'string' && ['tries', 'Q', 'R', 'CR'].every((k) => isCount(s[k])),
  );
  return ok ? (raw as unknown as ReflectionPracticeData) : undefined;
}

let singleton: WritableAtom<ReflectionPracticeData> | undefined;
export function reflectionPracticeStore(): WritableAtom<ReflectionPracticeData> {
  singleton ??= versionedAtom<ReflectionPracticeData>({
    name: 'alongside:reflection-practice',
    version: 1,
    initial: () => ({ version: 1, sessions: {} }),
    read: readPractice,
  });
  return singleton;
}

export function countTry(
  store: WritableAtom<ReflectionPracticeData>,
  sessionId: string,
  counts: { Q: number; R: number; CR: number },
  now = new Date(),
): PracticeSession {
  const current = store.get();
  const before = current.sessions[sessionId] ?? { startedAt: now.toISOString(), tries: 0, Q: 0, R: 0, CR: 0 };
  const next = {
    ...before,
    tries: before.tries + 1,
    Q: before.Q + counts.Q,
    R: before.R + counts.R,
    CR: before.CR + counts.CR,
  };
  store.set({ ...current, sessions: { ...current.sessions, [sessionId]: next } });
  return next;
}
