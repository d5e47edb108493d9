import { describe, expect, it } from 'vitest';
import { choose, playPath, retry, startRun } from '../../src/engine/run.ts';
import { isTimely } from '../../src/engine/state.ts';
import { buildAttempt } from '../../src/stores/roleplays.ts';
import { loadScenario } from './scenario-helpers.ts';

const denise = loadScenario('modules/motivational-interviewing/scenarios/mib-benefits-form-kitchen-table.yaml');
const jamal = loadScenario('modules/collaborative-helping/scenarios/ch-car-ride-flat-viewing.yaml');

describe('timely repair (C2.5, C8.8)', () => {
  it('counts a repair on the very next reply after a learner-caused rupture, and not a later one', () => {
    expect(isTimely(playPath(denise, ['N1-A', 'N2D-C']).ruptures[0] ?? ({} as never))).toBe(true);
    const late = playPath(denise, ['N1-A', 'N2D-B', 'N3-A']).ruptures[0];
    expect(late?.repairedAt).toBeDefined();
    expect(late && isTimely(late)).toBe(false);
  });

  it('counts a repair of a scripted rupture on the first reply after it appeared', () => {
    const [episode] = playPath(jamal, ['N1-B', 'N2-D', 'N3-C']).ruptures;
    expect(episode).toMatchObject({ source: 'scripted', nodeId: 'N3', repairedAt: { optionId: 'N3-C' } });
    expect(episode && isTimely(episode)).toBe(true);
  });
});

describe('the attempt record', () => {
  it('keeps the summary scores, every reply with its markers, and rupture outcomes', () => {
    const run = playPath(denise, ['N1-A', 'N2D-C', 'N3-B', 'N4-C', 'N5-D']);
    const attempt = buildAttempt(denise, run, { attemptId: 'id-1', startedAt: '2026-11-23T10:00:00.000Z' });
    expect(attempt).toMatchObject({ id: 'id-1', mode: 'assessed', endingId: run.nodeId, band: 'proficient' });
    expect(Object.keys(attempt.scores).sort()).toEqual([
      'AD',
      'NA',
      'SI',
      'cct',
      'empathy',
      'partnership',
      'pctCR',
      'relational',
      'rq',
      'sst',
      'technical',
    ]);
    expect(attempt.transcript[1]).toMatchObject({ optionId: 'N2D-C', markers: ['attend', 'own-part'] });
    expect(attempt.ruptures).toEqual([{ type: 'confrontation', source: 'learner', repaired: true, timely: true }]);
    expect(attempt.firstTryMatch).toBeUndefined();
  });

  it('adds first-try match and retries in practice mode', () => {
    let run = choose(denise, startRun(denise, 'practice'), 'N1-C');
    run = retry(run);
    run = denise.benchmarks.exemplarPath.reduce((current, id) => choose(denise, current, id), run);
    const attempt = buildAttempt(denise, run, { attemptId: 'id-2', startedAt: '2026-11-23T10:00:00.000Z' });
    expect(attempt).toMatchObject({ mode: 'practice', retries: 1 });
    // N1's first try was N1-C; the other six (the risk check and its branch among them) were the ★.
    expect(attempt.firstTryMatch).toBe(6 / 7);
  });
});
