import { describe, expect, it } from 'vitest';
import { continueTarget, countDone, lessonStatus, type LessonRef } from '../../src/course/completion.ts';
import { emptyProgress, type Progress } from '../../src/stores/progress.ts';

const lesson = (id: string, checkIds: string[] = []): LessonRef => ({
  id,
  moduleId: id.split('/')[0] ?? '',
  title: id,
  url: `/${id}/`,
  checkIds,
});
const lessons = [lesson('o/start'), lesson('mi/one', ['c1', 'c2']), lesson('mi/two', ['c3']), lesson('mi/three')];
const at = '2026-11-23T10:00:00.000Z';
const answered = (...ids: string[]): Progress['checks'] =>
  Object.fromEntries(
    ids.map((id) => [id, { answer: [0], correct: true, attempts: 1, firstTryCorrect: true, answeredAt: at }]),
  );

describe('lesson completion', () => {
  it('needs both the mark and every check answered', () => {
    const [, one] = lessons as [LessonRef, LessonRef];
    expect(lessonStatus(emptyProgress(), one)).toBe('not-started');
    expect(lessonStatus({ ...emptyProgress(), checks: answered('c1') }, one)).toBe('started');
    expect(
      lessonStatus({ ...emptyProgress(), lessons: { 'mi/one': { markedAt: at } }, checks: answered('c1') }, one),
    ).toBe('awaiting-checks');
    expect(
      lessonStatus({ ...emptyProgress(), lessons: { 'mi/one': { markedAt: at } }, checks: answered('c1', 'c2') }, one),
    ).toBe('done');
  });

  it('a wrong answer still counts as answered', () => {
    const progress: Progress = {
      ...emptyProgress(),
      lessons: { 'mi/two': { markedAt: at } },
      checks: { c3: { answer: [1], correct: false, attempts: 1, firstTryCorrect: false, answeredAt: at } },
    };
    expect(lessonStatus(progress, lessons[2] as LessonRef)).toBe('done');
  });

  it('counts done lessons', () => {
    const progress = { ...emptyProgress(), lessons: { 'o/start': { markedAt: at }, 'mi/one': { markedAt: at } } };
    expect(countDone(progress, lessons)).toEqual({ done: 1, total: 4 });
  });
});

describe('continue where you left off', () => {
  it('starts a new learner at the first lesson', () => {
    expect(continueTarget(emptyProgress(), lessons)).toEqual({ kind: 'start', lesson: lessons[0] });
  });

  it('resumes an unfinished lesson the learner was working in', () => {
    const progress = { ...emptyProgress(), checks: answered('c1'), lastActivity: { lessonId: 'mi/one', at } };
    expect(continueTarget(progress, lessons)).toMatchObject({ kind: 'resume', lesson: { id: 'mi/one' } });
  });

  it('moves on to the next unfinished lesson after a finished one, wrapping round to gaps', () => {
    const progress: Progress = {
      ...emptyProgress(),
      lessons: { 'mi/two': { markedAt: at }, 'mi/three': { markedAt: at } },
      checks: answered('c3'),
      lastActivity: { lessonId: 'mi/two', at },
    };
    expect(continueTarget(progress, lessons)).toMatchObject({ kind: 'next', lesson: { id: 'o/start' } });
  });

  it('says when everything is finished', () => {
    const progress: Progress = {
      ...emptyProgress(),
      lessons: Object.fromEntries(lessons.map((l) => [l.id, { markedAt: at }])),
      checks: answered('c1', 'c2', 'c3'),
      lastActivity: { lessonId: 'mi/three', at },
    };
    expect(continueTarget(progress, lessons)).toEqual({ kind: 'finished' });
  });
});
