import { describe, expect, it } from 'vitest';
import {
  buildRecord,
  MAX_RECORD_BYTES,
  mergeRecords,
  parseRecord,
  type LearnerRecord,
} from '../../src/record/record.ts';
import { emptyProgress } from '../../src/stores/progress.ts';
import type { Attempt } from '../../src/stores/roleplays.ts';

const at = (minute: number): string => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
const attempt = (id: string, finishedAt: string, band: Attempt['band'] = 'developing'): Attempt => ({
  id,
  scenarioId: 'mib-pharmacy-queue',
  mode: 'assessed',
  startedAt: at(0),
  finishedAt,
  endingId: 'E2',
  outcome: 'partial',
  band,
  scores: {
    rq: 1,
    pctCR: 50,
    SI: 0.5,
    AD: 1,
    NA: 0,
    partnership: 4,
    empathy: 3.5,
    cct: 3,
    sst: 3,
    relational: 3.8,
    technical: 3,
  },
  transcript: [],
});

const deviceA = () => ({
  progress: {
    ...emptyProgress(),
    lessons: { 'mi/one': { markedAt: at(1) } },
    checks: { c1: { answer: [0], correct: false, attempts: 1, firstTryCorrect: false, answeredAt: at(1) } },
  },
  reflections: { version: 1 as const, entries: { r1: { text: 'old note', savedAt: at(1) } } },
  attempts: [attempt('a1', at(2))],
  selfAssessment: { version: 1 as const, history: [] },
});

const deviceB = (): LearnerRecord =>
  buildRecord({
    progress: {
      ...emptyProgress(),
      lessons: { 'mi/two': { markedAt: at(5) } },
      checks: { c1: { answer: [2], correct: true, attempts: 2, firstTryCorrect: false, answeredAt: at(6) } },
    },
    reflections: {
      version: 1,
      entries: { r1: { text: 'newer note', savedAt: at(7) }, r2: { text: 'second', savedAt: at(7) } },
    },
    attempts: [attempt('b1', at(8), 'proficient')],
    selfAssessment: {
      version: 1,
      history: [
        {
          id: 's1',
          instrumentId: 'alliance-self-assessment',
          instrumentVersion: 1,
          completedAt: at(9),
          answers: {},
          subscales: { bond: 3 },
          overall: 3,
        },
      ],
    },
  });

describe('learner record export and import', () => {
  it('round-trips through JSON', () => {
    const record = buildRecord(deviceA());
    const parsed = parseRecord(JSON.stringify(record));
    expect(parsed).toEqual({ ok: true, record });
  });

  it.each([
    [
      'damaged JSON',
      '{"format": "alongside-learner-record", ',
      'This file could not be read: it is damaged or is not an Alongside record. Nothing was changed.',
    ],
    [
      'another file',
      JSON.stringify({ name: 'my shopping list' }),
      'This is not an Alongside learner record. Choose a file saved with “Download my record”. Nothing was changed.',
    ],
    [
      'a newer version',
      JSON.stringify({ ...buildRecord(deviceA()), version: 2 }),
      'This record was saved by a newer version of Alongside. Update this device’s course, then try again. Nothing was changed.',
    ],
    [
      'a damaged part',
      JSON.stringify({ ...buildRecord(deviceA()), attempts: [{ id: 1 }] }),
      'Part of this record is damaged (role-play results), so nothing was imported. Try downloading it again on the other device.',
    ],
  ])('rejects %s with a clear message', (_label, text, message) => {
    expect(parseRecord(text)).toEqual({ ok: false, error: message });
  });

  it('rejects an oversized file before reading it', () => {
    const result = parseRecord('{}', MAX_RECORD_BYTES + 1);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/too large to be an Alongside record/);
  });

  it('merges by id: both devices’ records are kept and the newer copy wins', () => {
    const merged = mergeRecords(deviceA(), deviceB());
    expect(Object.keys(merged.progress.lessons).sort()).toEqual(['mi/one', 'mi/two']);
    expect(merged.progress.checks['c1']?.correct).toBe(true);
    expect(merged.reflections.entries['r1']?.text).toBe('newer note');
    expect(merged.reflections.entries['r2']?.text).toBe('second');
    expect(merged.attempts.map((a) => a.id)).toEqual(['a1', 'b1']);
    expect(merged.selfAssessment.history.map((h) => h.id)).toEqual(['s1']);
    expect(merged.added).toEqual({ lessons: 1, attempts: 1, notes: 1, selfChecks: 1 });
  });

  it('never replaces something local with an older imported copy', () => {
    const local = {
      ...deviceA(),
      reflections: { version: 1 as const, entries: { r1: { text: 'newest, made here', savedAt: at(30) } } },
    };
    expect(mergeRecords(local, deviceB()).reflections.entries['r1']?.text).toBe('newest, made here');
  });
});
