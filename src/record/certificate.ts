import { lessonStatus, type LessonRef } from '../course/completion.ts';
import type { Progress } from '../stores/progress.ts';
import type { Attempt } from '../stores/roleplays.ts';
import { latestAttempt, overallBand } from '../course/simulation-band.ts';

/** What the certificate page knows about the course, prepared at build time. */
export interface CertificateCourse {
  lessons: LessonRef[];
  modules: { id: string; title: string; minutes: number; roleplays: string[] }[];
  /** Course-level simulations, shown on the certificate with their overall result (not required for it). */
  simulations?: { title: string; scenes: string[] }[];
}

/** "A home visit with Pat: all 4 scenes, overall developing", from each scene's latest attempt. */
export function simulationLines(course: CertificateCourse, attempts: readonly Attempt[]): string[] {
  return (course.simulations ?? []).map(({ title, scenes }) => {
    const bands = scenes.map((id) => latestAttempt(attempts, id)?.band);
    const overall = overallBand(bands);
    const done = bands.filter(Boolean).length;
    return overall
      ? `${title} (simulation): all ${String(scenes.length)} scenes, overall ${overall}`
      : `${title} (simulation): ${String(done)} of ${String(scenes.length)} scenes done`;
  });
}

export interface CertificateStatus {
  eligible: boolean;
  lessonsLeft: LessonRef[];
  /** Modules with role-plays where the learner has not finished one yet. */
  roleplaysLeft: { id: string; title: string }[];
  /** When the last requirement was met (ISO), once eligible. */
  completedOn?: string;
  /** Modules in the course, for the certificate's list. */
  modules: string[];
  /** Estimated learning time of the whole course, to the nearest half hour. */
  hours: number;
}

const latest = (dates: readonly string[]): string | undefined =>
  dates.reduce<string | undefined>((top, date) => (!top || date > top ? date : top), undefined);

/** When a done lesson became done: marked complete and every check answered, whichever came last. */
function doneAt(progress: Progress, lesson: LessonRef): string | undefined {
  const marked = progress.lessons[lesson.id]?.markedAt;
  return marked && latest([marked, ...lesson.checkIds.map((id) => progress.checks[id]?.answeredAt ?? '')]);
}

/**
 * A certificate of completion is earned when every lesson is done and at least one role-play of
 * each module that has role-plays is finished (in either mode).
 */
export function certificateStatus(
  course: CertificateCourse,
  progress: Progress,
  attempts: readonly Attempt[],
): CertificateStatus {
  const lessonsLeft = course.lessons.filter((lesson) => lessonStatus(progress, lesson) !== 'done');
  const firstFinished = course.modules
    .filter((module) => module.roleplays.length > 0)
    .map((module) => ({
      module,
      first: attempts
        .filter((attempt) => module.roleplays.includes(attempt.scenarioId))
        .map((attempt) => attempt.finishedAt)
        .sort()[0],
    }));
  const roleplaysLeft = firstFinished
    .filter(({ first }) => first === undefined)
    .map(({ module }) => ({ id: module.id, title: module.title }));
  const eligible = lessonsLeft.length === 0 && roleplaysLeft.length === 0;
  const minutes = course.modules.reduce((sum, module) => sum + module.minutes, 0);
  const completedOn = eligible
    ? latest([
        ...course.lessons.map((lesson) => doneAt(progress, lesson) ?? ''),
        ...firstFinished.map(({ first }) => first ?? ''),
      ])
    : undefined;
  return {
    eligible,
    lessonsLeft,
    roleplaysLeft,
    ...(completedOn ? { completedOn } : {}),
    modules: course.modules.map((module) => module.title),
    hours: Math.round((minutes / 60) * 2) / 2,
  };
}
