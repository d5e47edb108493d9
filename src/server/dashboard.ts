import type { ScoreSummary } from '../engine/scoring.ts';
import type { Member } from './repo/cohorts.ts';
import type { Assignment } from './repo/assignments.ts';
import type { StoredAttempt } from './repo/attempts.ts';

export type CellStatus = 'not-started' | 'in-progress' | 'done';

export interface Cell {
  assignmentId: string;
  status: CellStatus;
  overdue: boolean;
  attempts: number;
  /** The newest attempt the server has for this learner and assignment. */
  latest?: { id: string; band: string; finishedAt: string; scores: ScoreSummary };
}

export interface MatrixRow {
  learner: Member;
  cells: Cell[];
}

export const STATUS_WORDS: Record<CellStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** The cohort × assignment matrix: one row per learner, one cell per assignment. */
export function buildMatrix(
  members: readonly Member[],
  assignments: readonly Assignment[],
  attempts: readonly StoredAttempt[],
  starts: readonly { assignment_id: string; learner_id: string }[],
  now = new Date(),
): MatrixRow[] {
  const key = (assignmentId: string, learnerId: string): string => `${assignmentId}\u0000${learnerId}`;
  const byCell = new Map<string, StoredAttempt[]>();
  for (const attempt of attempts) {
    const list = byCell.get(key(attempt.assignment_id, attempt.learner_id)) ?? [];
    list.push(attempt);
    byCell.set(key(attempt.assignment_id, attempt.learner_id), list);
  }
  const started = new Set(starts.map((start) => key(start.assignment_id, start.learner_id)));
  const nowIso = now.toISOString();
  return members.map((learner) => ({
    learner,
    cells: assignments.map((assignment): Cell => {
      const own = byCell.get(key(assignment.id, learner.id)) ?? [];
      const newest = own.reduce<StoredAttempt | undefined>(
        (top, attempt) => (!top || attempt.finished_at > top.finished_at ? attempt : top),
        undefined,
      );
      const status: CellStatus = newest
        ? 'done'
        : started.has(key(assignment.id, learner.id))
          ? 'in-progress'
          : 'not-started';
      return {
        assignmentId: assignment.id,
        status,
        overdue: status !== 'done' && assignment.due_at !== null && assignment.due_at < nowIso,
        attempts: own.length,
        ...(newest
          ? {
              latest: {
                id: newest.id,
                band: newest.band,
                finishedAt: newest.finished_at,
                scores: JSON.parse(newest.scores) as ScoreSummary,
              },
            }
          : {}),
      };
    }),
  }));
}
