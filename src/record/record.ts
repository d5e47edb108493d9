import { readProgress, type Progress } from '../stores/progress.ts';
import { readReflections, type Reflections } from '../stores/reflections.ts';
import type { Attempt } from '../stores/roleplays.ts';
import { readSelfAssessment, type SelfAssessmentData } from '../stores/self-assessment.ts';
import { isRecord } from '../stores/guards.ts';

/**
 * The learner record as one versioned JSON file, so a learner can move it to another device.
 * Importing never loses what is already stored: records are merged by id, and the newer copy wins.
 */

export const RECORD_FORMAT = 'alongside-learner-record';
export const RECORD_VERSION = 1;
/** Far larger than any real record (a year of daily use is well under 1 MB); guards against the wrong file. */
export const MAX_RECORD_BYTES = 5 * 1024 * 1024;

export interface LearnerRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  exportedAt: string;
  progress: Progress;
  reflections: Reflections;
  attempts: Attempt[];
  selfAssessment: SelfAssessmentData;
}

export function buildRecord(parts: Omit<LearnerRecord, 'format' | 'version' | 'exportedAt'>): LearnerRecord {
  return { format: RECORD_FORMAT, version: RECORD_VERSION, exportedAt: new Date().toISOString(), ...parts };
}

export type ParseResult = { ok: true; record: LearnerRecord } | { ok: false; error: string };

function readAttempts(value: unknown): Attempt[] | undefined {
  return Array.isArray(value) &&
    value.every(
      (a) =>
        isRecord(a) &&
        typeof a['id'] === 'string' &&
        typeof a['scenarioId'] === 'string' &&
        typeof a['finishedAt'] === 'string' &&
        isRecord(a['scores']),
    )
    ? (value as Attempt[])
    : undefined;
}

/** Checks a file's text; every failure says what is wrong in words a learner can act on. */
export function parseRecord(text: string, bytes = new TextEncoder().encode(text).length): ParseResult {
  if (bytes > MAX_RECORD_BYTES) {
    return {
      ok: false,
      error: `This file is too large to be an Alongside record (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB). Check you chose the right file.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'This file could not be read: it is damaged or is not an Alongside record. Nothing was changed.',
    };
  }
  if (!isRecord(data) || data['format'] !== RECORD_FORMAT) {
    return {
      ok: false,
      error:
        'This is not an Alongside learner record. Choose a file saved with “Download my record”. Nothing was changed.',
    };
  }
  if (typeof data['version'] !== 'number' || data['version'] > RECORD_VERSION) {
    return {
      ok: false,
      error:
        'This record was saved by a newer version of Alongside. Update this device’s course, then try again. Nothing was changed.',
    };
  }
  const progress = readProgress(data['progress']);
  const reflections = readReflections(data['reflections']);
  const attempts = readAttempts(data['attempts']);
  const selfAssessment = readSelfAssessment(data['selfAssessment']);
  const damaged = [
    !progress && 'progress',
    !reflections && 'notes',
    !attempts && 'role-play results',
    !selfAssessment && 'self-check',
  ].filter(Boolean);
  if (!progress || !reflections || !attempts || !selfAssessment) {
    return {
      ok: false,
      error: `Part of this record is damaged (${damaged.join(', ')}), so nothing was imported. Try downloading it again on the other device.`,
    };
  }
  return {
    ok: true,
    record: {
      format: RECORD_FORMAT,
      version: RECORD_VERSION,
      exportedAt: typeof data['exportedAt'] === 'string' ? data['exportedAt'] : '',
      progress,
      reflections,
      attempts,
      selfAssessment,
    },
  };
}

const newer = (a: string | undefined, b: string | undefined): boolean => (a ?? '') > (b ?? '');

function mergeById<T>(
  local: Record<string, T>,
  incoming: Record<string, T>,
  stamp: (item: T) => string,
): Record<string, T> {
  const merged = { ...local };
  for (const [id, item] of Object.entries(incoming)) {
    const mine = merged[id];
    if (!mine || newer(stamp(item), stamp(mine))) merged[id] = item;
  }
  return merged;
}

const byId = <T extends { id: string }>(items: readonly T[]): Record<string, T> =>
  Object.fromEntries(items.map((item) => [item.id, item]));

/** Merges an imported record into what this device has: nothing local is dropped, newer copies win. */
export function mergeRecords(local: Omit<LearnerRecord, 'format' | 'version' | 'exportedAt'>, incoming: LearnerRecord) {
  const lastActivity = newer(incoming.progress.lastActivity?.at, local.progress.lastActivity?.at)
    ? incoming.progress.lastActivity
    : local.progress.lastActivity;
  const progress: Progress = {
    version: 2,
    lessons: mergeById(local.progress.lessons, incoming.progress.lessons, (lesson) => lesson.markedAt),
    checks: mergeById(local.progress.checks, incoming.progress.checks, (check) => check.answeredAt),
    ...(lastActivity ? { lastActivity } : {}),
  };
  const reflections: Reflections = {
    version: 1,
    entries: mergeById(local.reflections.entries, incoming.reflections.entries, (entry) => entry.savedAt),
  };
  const attempts = Object.values(
    mergeById(byId(local.attempts), byId(incoming.attempts), (attempt) => attempt.finishedAt),
  ).sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  const history = Object.values(
    mergeById(byId(local.selfAssessment.history), byId(incoming.selfAssessment.history), (entry) => entry.completedAt),
  ).sort((a, b) => a.completedAt.localeCompare(b.completedAt));
  const inProgress = local.selfAssessment.inProgress ?? incoming.selfAssessment.inProgress;
  const selfAssessment: SelfAssessmentData = { version: 1, history, ...(inProgress ? { inProgress } : {}) };
  const added = {
    lessons: Object.keys(progress.lessons).length - Object.keys(local.progress.lessons).length,
    attempts: attempts.length - local.attempts.length,
    notes: Object.keys(reflections.entries).length - Object.keys(local.reflections.entries).length,
    selfChecks: history.length - local.selfAssessment.history.length,
  };
  return { progress, reflections, attempts, selfAssessment, added };
}
