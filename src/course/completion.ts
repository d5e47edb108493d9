import type { Progress } from '../stores/progress.ts';

/** What the client needs to know about a lesson to show progress: prepared at build time. */
export interface LessonRef {
  id: string;
  moduleId: string;
  title: string;
  url: string;
  /** Knowledge checks and sort exercises the learner must answer before the lesson counts as done. */
  checkIds: string[];
}

export type LessonStatus = 'done' | 'awaiting-checks' | 'started' | 'not-started';

export function unansweredChecks(progress: Progress, lesson: LessonRef): string[] {
  return lesson.checkIds.filter((id) => !progress.checks[id]);
}

/** A lesson is done when the learner has marked it complete and answered every check in it. */
export function lessonStatus(progress: Progress, lesson: LessonRef): LessonStatus {
  const marked = Boolean(progress.lessons[lesson.id]);
  const unanswered = unansweredChecks(progress, lesson).length;
  if (marked && unanswered === 0) return 'done';
  if (marked) return 'awaiting-checks';
  if (unanswered < lesson.checkIds.length || progress.lastActivity?.lessonId === lesson.id) return 'started';
  return 'not-started';
}

export function countDone(progress: Progress, lessons: LessonRef[]): { done: number; total: number } {
  return { done: lessons.filter((lesson) => lessonStatus(progress, lesson) === 'done').length, total: lessons.length };
}

export type ContinueTarget =
  | { kind: 'start'; lesson: LessonRef }
  | { kind: 'resume'; lesson: LessonRef }
  | { kind: 'next'; lesson: LessonRef }
  | { kind: 'finished' };

/**
 * "Continue where you left off": the lesson the learner was last working in if it is not done,
 * otherwise the first unfinished lesson after it in course order (wrapping to earlier gaps).
 */
export function continueTarget(progress: Progress, lessons: LessonRef[]): ContinueTarget {
  const first = lessons[0];
  if (!first) return { kind: 'finished' };
  const lastIndex = lessons.findIndex((lesson) => lesson.id === progress.lastActivity?.lessonId);
  if (lastIndex === -1) {
    const anyDone = lessons.some((lesson) => lessonStatus(progress, lesson) === 'done');
    const firstOpen = lessons.find((lesson) => lessonStatus(progress, lesson) !== 'done');
    if (!firstOpen) return { kind: 'finished' };
    return anyDone ? { kind: 'next', lesson: firstOpen } : { kind: 'start', lesson: firstOpen };
  }
  const last = lessons[lastIndex];
  if (last && lessonStatus(progress, last) !== 'done') return { kind: 'resume', lesson: last };
  const ordered = [...lessons.slice(lastIndex + 1), ...lessons.slice(0, lastIndex)];
  const next = ordered.find((lesson) => lessonStatus(progress, lesson) !== 'done');
  return next ? { kind: 'next', lesson: next } : { kind: 'finished' };
}
