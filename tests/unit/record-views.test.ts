import { describe, expect, it } from 'vitest';
import type { Band } from '../../src/engine/scoring.ts';
import { certificateStatus, type CertificateCourse } from '../../src/record/certificate.ts';
import { bandTrends } from '../../src/record/trend.ts';
import { emptyProgress, type Progress } from '../../src/stores/progress.ts';
import type { Attempt } from '../../src/stores/roleplays.ts';

const attempt = (id: string, scenarioId: string, band: Band, finishedAt: string): Attempt =>
  ({ id, scenarioId, band, finishedAt, mode: 'assessed' }) as Attempt;

describe('band trend per role-play', () => {
  it('orders each role-play’s attempts oldest first and reads the change in words', () => {
    const trends = bandTrends([
      attempt('c', 'kitchen', 'proficient', '2026-11-20T10:00:00Z'),
      attempt('a', 'kitchen', 'beginning', '2026-11-01T10:00:00Z'),
      attempt('x', 'bus', 'developing', '2026-11-05T10:00:00Z'),
      attempt('b', 'kitchen', 'developing', '2026-11-10T10:00:00Z'),
    ]);
    expect(trends.map((trend) => trend.scenarioId)).toEqual(['kitchen', 'bus']);
    expect(trends[0]?.points.map((point) => point.band)).toEqual(['beginning', 'developing', 'proficient']);
    expect(trends[0]?.reading).toBe('Up from beginning to proficient over 3 attempts.');
    expect(trends[1]?.reading).toMatch(/^One attempt so far: developing\./);
  });

  it('says when a learner is steady, has slipped back, or went down overall', () => {
    const read = (...bands: Band[]) =>
      bandTrends(bands.map((band, index) => attempt(String(index), 's', band, `2026-11-0${String(index + 1)}`)))[0]
        ?.reading;
    expect(read('developing', 'developing')).toBe('Steady at developing over 2 attempts.');
    expect(read('developing', 'proficient', 'developing')).toBe(
      'Back at developing over 3 attempts, after reaching proficient.',
    );
    expect(read('proficient', 'beginning')).toMatch(/^From proficient to beginning over 2 attempts, with proficient/);
  });
});

const course: CertificateCourse = {
  lessons: [
    { id: 'mi/one', moduleId: 'mi', title: 'One', url: '/one/', checkIds: ['check-1'] },
    { id: 'hr/two', moduleId: 'hr', title: 'Two', url: '/two/', checkIds: [] },
  ],
  modules: [
    { id: 'orientation', title: 'Start here', minutes: 15, roleplays: [] },
    { id: 'mi', title: 'MI', minutes: 165, roleplays: ['kitchen'] },
    { id: 'hr', title: 'Harm reduction', minutes: 120, roleplays: ['bridge', 'call'] },
  ],
};

const allLessonsDone = (): Progress => ({
  ...emptyProgress(),
  lessons: { 'mi/one': { markedAt: '2026-11-02T09:00:00Z' }, 'hr/two': { markedAt: '2026-11-04T09:00:00Z' } },
  checks: {
    'check-1': { answer: [0], correct: false, attempts: 1, firstTryCorrect: false, answeredAt: '2026-11-03T09:00:00Z' },
  },
});

describe('certificate of completion', () => {
  it('lists what is left: lessons not done and modules with no finished role-play', () => {
    const status = certificateStatus(course, emptyProgress(), [attempt('a', 'kitchen', 'beginning', '2026-11-01')]);
    expect(status.eligible).toBe(false);
    expect(status.lessonsLeft.map((lesson) => lesson.id)).toEqual(['mi/one', 'hr/two']);
    expect(status.roleplaysLeft).toEqual([{ id: 'hr', title: 'Harm reduction' }]);
    expect(status.completedOn).toBeUndefined();
  });

  it('is earned when every lesson is done and one role-play per module is finished, dated when the last was met', () => {
    const status = certificateStatus(course, allLessonsDone(), [
      attempt('a', 'kitchen', 'beginning', '2026-11-01T08:00:00Z'),
      attempt('b', 'call', 'developing', '2026-11-06T08:00:00Z'),
      attempt('c', 'bridge', 'proficient', '2026-11-09T08:00:00Z'),
    ]);
    expect(status).toMatchObject({ eligible: true, lessonsLeft: [], roleplaysLeft: [] });
    // Harm reduction's first finished role-play (6 Nov) came after the last lesson (4 Nov).
    expect(status.completedOn).toBe('2026-11-06T08:00:00Z');
    expect(status.modules).toEqual(['Start here', 'MI', 'Harm reduction']);
    expect(status.hours).toBe(5); // 300 minutes
  });

  it('does not count a lesson marked complete whose checks are still unanswered', () => {
    const progress = allLessonsDone();
    delete progress.checks['check-1'];
    const status = certificateStatus(course, progress, [
      attempt('a', 'kitchen', 'beginning', '2026-11-01'),
      attempt('b', 'call', 'beginning', '2026-11-01'),
    ]);
    expect(status.eligible).toBe(false);
    expect(status.lessonsLeft.map((lesson) => lesson.id)).toEqual(['mi/one']);
  });
});
