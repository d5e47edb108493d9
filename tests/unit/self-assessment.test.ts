import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../src/assessment/score.ts';
import { instrumentSchema } from '../../src/schemas/instrument.ts';
import { answer, finish, selfAssessmentStore } from '../../src/stores/self-assessment.ts';
import { useStorageEngine } from '../../src/stores/versioned.ts';
import { root } from './scenario-helpers.ts';

const raw = parse(readFileSync(`${root}content/instruments/alliance-self-assessment.yaml`, 'utf8')) as Record<
  string,
  unknown
>;
const instrument = instrumentSchema.parse(raw);
const all = (value: number): Record<string, number> =>
  Object.fromEntries(instrument.items.map((item) => [item.id, value]));

describe('the working-alliance self-check instrument', () => {
  it('parses: 14 items over 5 subscales, 3 reverse-scored, interleaved so subscales are not grouped', () => {
    expect(instrument.items).toHaveLength(14);
    expect(instrument.subscales.map((s) => s.id)).toEqual(['bond', 'goals', 'tasks', 'rupture-repair', 'on-tap']);
    expect(instrument.items.filter((item) => item.reverse).map((item) => item.id)).toEqual(['O2', 'B3', 'R3']);
    expect(instrument.items.map((item) => item.id).slice(0, 5)).toEqual(['B1', 'G1', 'T1', 'R1', 'O1']);
  });

  it('rejects an item naming an unknown subscale, with the field and the reason', () => {
    const broken = { ...raw, items: [{ id: 'X1', subscale: 'trust', text: 'A statement long enough.' }] };
    const result = instrumentSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['items', 0, 'subscale'],
      message: 'item X1 names subscale “trust”, which is not listed under subscales',
    });
  });
});

describe('self-check scoring (Part B 2.3–2.4)', () => {
  it('reverse-scores B3, R3 and O2 as 6 − rating', () => {
    const answers = { ...all(4), B3: 1, R3: 1, O2: 1 };
    const score = scoreAnswers(instrument, answers);
    expect(score.subscales.find((s) => s.id === 'bond')?.score).toBe(4.3); // (4 + 4 + 5) / 3
    expect(score.subscales.find((s) => s.id === 'on-tap')?.score).toBe(4.3);
  });

  it('bands each subscale from its rounded mean, at the boundaries', () => {
    const band = (answers: Record<string, number>, id: string) =>
      scoreAnswers(instrument, answers).subscales.find((s) => s.id === id)?.band?.label;
    expect(band({ ...all(3), G1: 2, G2: 3 }, 'goals')).toBe('Developing'); // 2.5
    expect(band({ ...all(3), G1: 2, G2: 2 }, 'goals')).toBe('Emerging'); // 2.0
    expect(band({ ...all(3), G1: 4, G2: 3 }, 'goals')).toBe('Consistent'); // 3.5
    expect(band({ ...all(3), T1: 4, T2: 4, T3: 5 }, 'tasks')).toBe('Well-established'); // 4.33 → 4.3
    expect(band({ ...all(3), T1: 4, T2: 4, T3: 4 }, 'tasks')).toBe('Consistent'); // 4.0
  });

  it('gives the overall index as the unweighted mean of the five subscales', () => {
    const score = scoreAnswers(instrument, { ...all(3), G1: 5, G2: 5 });
    expect(score.overall).toBe(3.4); // (3 + 5 + 3 + 3 + 3) / 5
    expect(score.complete).toBe(true);
  });

  it('says “not enough answers” for a subscale with fewer than two answers', () => {
    const score = scoreAnswers(instrument, { B1: 4 });
    expect(score.subscales.find((s) => s.id === 'bond')?.score).toBeNull();
    expect(score.overall).toBeNull();
    expect(score.complete).toBe(false);
  });

  it('prompts when 12 or more items sit at the top after reverse scoring', () => {
    expect(scoreAnswers(instrument, { ...all(5), B3: 1, R3: 1, O2: 1 }).ceiling).toBe(true);
    expect(scoreAnswers(instrument, all(5)).ceiling).toBe(false); // reverse items then score 1
  });
});

describe('self-check store', () => {
  it('keeps answers in progress, then files a dated result and clears them', () => {
    useStorageEngine({}, { addEventListener() {}, removeEventListener() {} });
    const store = selfAssessmentStore();
    answer(store, instrument.id, instrument.version, 'B1', 4);
    answer(store, instrument.id, instrument.version, 'G1', 2);
    expect(store.get().inProgress?.answers).toEqual({ B1: 4, G1: 2 });
    const result = finish(store, {
      instrumentId: instrument.id,
      instrumentVersion: 1,
      answers: all(3),
      subscales: { bond: 3 },
      overall: 3,
    });
    expect(store.get().inProgress).toBeUndefined();
    expect(store.get().history).toEqual([result]);
    expect(Date.parse(result.completedAt)).not.toBeNaN();
  });
});
