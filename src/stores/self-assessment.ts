import type { WritableAtom } from 'nanostores';
import { versionedAtom } from './versioned.ts';
import { isRecord } from './guards.ts';

/** One finished self-check, kept as dated history (retakes never overwrite earlier results). */
export interface SelfAssessmentResult {
  id: string;
  instrumentId: string;
  instrumentVersion: number;
  completedAt: string;
  answers: Record<string, number>;
  subscales: Record<string, number | null>;
  overall: number | null;
}

export interface SelfAssessmentData {
  version: 1;
  /** Answers so far, so a learner who leaves half-way can resume. */
  inProgress?: { instrumentId: string; instrumentVersion: number; startedAt: string; answers: Record<string, number> };
  history: SelfAssessmentResult[];
}

export function readSelfAssessment(raw: unknown): SelfAssessmentData | undefined {
  if (!isRecord(raw) || raw['version'] !== 1 || !Array.isArray(raw['history'])) return undefined;
  const progress = raw['inProgress'];
  if (progress !== undefined && !(isRecord(progress) && isRecord(progress['answers']))) return undefined;
  const historyOk = raw['history'].every(
    (entry) =>
      isRecord(entry) &&
      typeof entry['id'] === 'string' &&
      typeof entry['completedAt'] === 'string' &&
      isRecord(entry['subscales']),
  );
  return historyOk ? (raw as unknown as SelfAssessmentData) : undefined;
}

let singleton: WritableAtom<SelfAssessmentData> | undefined;
export function selfAssessmentStore(): WritableAtom<SelfAssessmentData> {
  singleton ??= versionedAtom<SelfAssessmentData>({
    name: 'alongside:self-assessment',
    version: 1,
    initial: () => ({ version: 1, history: [] }),
    read: readSelfAssessment,
  });
  return singleton;
}

export function answer(
  store: WritableAtom<SelfAssessmentData>,
  instrumentId: string,
  instrumentVersion: number,
  itemId: string,
  value: number,
): void {
  const data = store.get();
  const current =
    data.inProgress &&
    data.inProgress.instrumentId === instrumentId &&
    data.inProgress.instrumentVersion === instrumentVersion
      ? data.inProgress
      : { instrumentId, instrumentVersion, startedAt: new Date().toISOString(), answers: {} };
  store.set({ ...data, inProgress: { ...current, answers: { ...current.answers, [itemId]: value } } });
}

export function finish(
  store: WritableAtom<SelfAssessmentData>,
  result: Omit<SelfAssessmentResult, 'id' | 'completedAt'>,
): SelfAssessmentResult {
  const entry: SelfAssessmentResult = { ...result, id: crypto.randomUUID(), completedAt: new Date().toISOString() };
  store.set({ version: 1, history: [...store.get().history, entry] });
  return entry;
}
