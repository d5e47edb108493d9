import { describe, expect, it } from 'vitest';
import { seededOrder } from '../../src/course/shuffle.ts';

describe('sort items shuffled per learner', () => {
  it('is the same order for the same learner and exercise every time (a reload changes nothing)', () => {
    expect(seededOrder(6, '12345:mi-1-2-sort')).toEqual(seededOrder(6, '12345:mi-1-2-sort'));
  });

  it('covers every item exactly once', () => {
    for (const seed of ['1:a', '2:a', '99:hr-3-4-steps']) {
      expect([...seededOrder(7, seed)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it('differs between learners, and never shows the authored order', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, learner) => seededOrder(5, `${learner}:x`).join(',')));
    expect(orders.size).toBeGreaterThan(5);
    expect(orders.has('0,1,2,3,4')).toBe(false);
    expect(seededOrder(2, 'any')).toEqual([1, 0]);
  });
});
