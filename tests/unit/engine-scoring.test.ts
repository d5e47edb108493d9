import { describe, expect, it } from 'vitest';
import { parseCondition, evaluate } from '../../src/engine/condition.ts';
import { frac, roundHalfUp } from '../../src/engine/fraction.ts';
import { choose, playPath, retry, startRun } from '../../src/engine/run.ts';
import {
  bandAndEnding,
  bandFor,
  countTurns,
  globals,
  pctLevel,
  rollUp,
  rqLevel,
  scoreRun,
  scoredTurns,
} from '../../src/engine/scoring.ts';
import type { RuptureEpisode } from '../../src/engine/state.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { loadScenario, minimalRaw, realScenarioFiles } from './scenario-helpers.ts';

const minimal = scenarioSchema.parse(minimalRaw());
const toFixed = (value: number): number => Math.round(value * 1000) / 1000;

describe('benchmarks from the curriculum reproduce exactly', () => {
  for (const file of realScenarioFiles()) {
    const scenario = loadScenario(file);
    it(`${scenario.id}: exemplar path`, () => {
      const scores = scoreRun(scenario, playPath(scenario, scenario.benchmarks.exemplarPath));
      const { expected } = scenario.benchmarks;
      expect(scores.band).toBe(expected.band);
      expect(scores.relational).toBe(expected.relational);
      expect(scores.technical).toBe(expected.technical);
      expect(toFixed(scores.partnership)).toBe(expected.partnership);
    });
  }

  it('Denise’s mixed path: R:Q 1.0, %CR 0%, Relational 3.9, Technical 2.3, developing, E2', () => {
    const scenario = loadScenario('modules/motivational-interviewing/scenarios/mib-benefits-form-kitchen-table.yaml');
    const run = playPath(scenario, ['N1-B', 'N2-B', 'N3-D', 'N4-A', 'N5-C']);
    const scores = scoreRun(scenario, run);
    expect([run.nodeId, scores.rq, scores.pctCR, scores.relational, scores.technical, scores.band]).toEqual([
      'E2',
      1,
      0,
      3.9,
      2.3,
      'developing',
    ]);
  });
});

describe('summary metrics and their edge cases', () => {
  it('Q = 0: R ≥ 2 is good, R = 1 fair, R = 0 low; R:Q itself is none', () => {
    expect([rqLevel(2, 0), rqLevel(1, 0), rqLevel(0, 0)]).toEqual(['good', 'fair', 'low']);
    const run = playPath(minimal, ['N1-A', 'N2-B']);
    expect(scoreRun(minimal, run).rq).toBeNull();
  });

  it('R = 0 makes %CR 0% and low', () => {
    expect(pctLevel(0, 0)).toBe('low');
    const run = playPath(minimal, ['N1-C', 'N2-A']);
    const scores = scoreRun(minimal, run);
    expect([scores.R, scores.pctCR, scores.levels.pctCR]).toEqual([0, 0, 'low']);
  });

  it('thresholds are inclusive at exactly fair and good', () => {
    expect([rqLevel(1, 1), rqLevel(2, 1), rqLevel(199, 100)]).toEqual(['fair', 'good', 'fair']);
    expect([pctLevel(2, 5), pctLevel(1, 2), pctLevel(39, 100)]).toEqual(['fair', 'good', 'low']);
    const levels = (relational: number, technical: number) =>
      bandFor(
        {
          rq: 'good',
          pctCR: 'good',
          relational: relational >= 4 ? 'good' : relational >= 3.5 ? 'fair' : 'low',
          technical: technical >= 4 ? 'good' : technical >= 3 ? 'fair' : 'low',
        },
        0,
        false,
        false,
      );
    expect(levels(3.5, 3)).toBe('developing');
    expect(levels(4, 3)).toBe('proficient');
    expect(levels(3.4, 4)).toBe('developing'); // three good, but one low
    expect(levels(3.4, 2.9)).toBe('beginning'); // two low, and Relational below fair
  });

  it('rounds half-up in decimal, so 3.35 becomes 3.4 and 3.25 becomes 3.3', () => {
    expect(roundHalfUp(frac(67, 20), 1)).toBe(3.4);
    expect(roundHalfUp(frac(13, 4), 1)).toBe(3.3);
    expect(roundHalfUp(frac(3349, 1000), 1)).toBe(3.3);
  });

  it('a Relational of exactly 4.45 rounds to 4.5, where floating point would give 4.4', () => {
    // N = 5: 3 partnering, 2 expert, SEEK + AUTO = 4, 2 simple and 3 complex reflections, bond unchanged.
    const counts = countTurns([]);
    Object.assign(counts, { N: 5, p: 3, n: 0, e: 2 });
    Object.assign(counts.codes, { SEEK: 2, AUTO: 2, SR: 2, CR: 3 });
    const g = globals({ counts, ctMax: 1, deltaBond: 0, ruptures: [], activeAtEnd: false });
    expect([g.partnership.n / g.partnership.d, g.empathy.n / g.empathy.d]).toEqual([4.3, 4.6]);
    const floating = (3 + 1.5 * (1 / 5) + 1 + (1.5 + 2.5 + 3 / 5)) / 2;
    expect(Math.round(floating * 10) / 10).toBe(4.4);
    expect(
      roundHalfUp(
        frac(g.partnership.n * g.empathy.d + g.empathy.n * g.partnership.d, 2 * g.partnership.d * g.empathy.d),
        1,
      ),
    ).toBe(4.5);
  });
});

describe('ruptures in scoring (C2.5)', () => {
  const counts = countTurns(scoredTurns(playPath(minimal, ['N1-A', 'N2-B'])));
  const base = { counts, ctMax: 2, deltaBond: 1 };
  const episode = (source: RuptureEpisode['source'], repaired: boolean): RuptureEpisode => ({
    type: 'withdrawal',
    source,
    nodeId: 'N1',
    openedAtTurn: source === 'scripted' ? -1 : 0,
    escalations: [],
    ...(repaired ? { repairedAt: { nodeId: 'N2', optionId: 'N2-C', turn: 1 } } : {}),
  });
  const partnership = (ruptures: RuptureEpisode[], activeAtEnd: boolean): number => {
    const { partnership: p } = globals({ ...base, ruptures, activeAtEnd });
    return p.n / p.d;
  };

  it('a repaired scripted rupture earns +0.5 Partnership; a repaired learner-caused one earns nothing', () => {
    expect(partnership([], false)).toBe(4.5);
    expect(partnership([episode('scripted', true)], false)).toBe(5);
    expect(partnership([episode('learner', true)], false)).toBe(4.5);
  });

  it('a rupture still active at the end costs Partnership and Empathy and caps the band', () => {
    expect(partnership([episode('learner', false)], true)).toBe(4);
    const { empathy } = globals({ ...base, ruptures: [episode('learner', false)], activeAtEnd: true });
    const { empathy: clean } = globals({ ...base, ruptures: [], activeAtEnd: false });
    expect(empathy.n / empathy.d).toBe(clean.n / clean.d - 0.5);
    expect(bandFor({ rq: 'good', pctCR: 'good', relational: 'good', technical: 'good' }, 0, true, false)).toBe(
      'developing',
    );
  });

  it('one non-adherent reply is forgiven only if the rupture it caused was repaired', () => {
    const repaired = playPath(minimal, ['N1-B', 'N2-C']);
    const scores = scoreRun(minimal, repaired);
    expect(scores.NA).toBe(1);
    expect(repaired.state.rupture).toBe('repaired');
    expect(repaired.ruptures[0]).toMatchObject({
      source: 'learner',
      optionId: 'N1-B',
      repairedAt: { optionId: 'N2-C' },
    });
    expect(bandFor({ rq: 'good', pctCR: 'good', relational: 'good', technical: 'good' }, 1, false, true)).toBe(
      'proficient',
    );
    expect(bandFor({ rq: 'good', pctCR: 'good', relational: 'good', technical: 'good' }, 1, false, false)).toBe(
      'developing',
    );
  });
});

describe('practice mode', () => {
  it('scores the first attempt at each node, not the reply kept after a retry', () => {
    let run = startRun(minimal, 'practice');
    run = choose(minimal, run, 'N1-B');
    run = retry(run);
    expect(run.state).toEqual(startRun(minimal, 'practice').state);
    expect(run.ruptures).toEqual([]);
    run = choose(minimal, run, 'N1-A');
    run = choose(minimal, run, 'N2-B');
    expect(scoredTurns(run).map((turn) => turn.optionId)).toEqual(['N1-B', 'N2-B']);
    expect(scoreRun(minimal, run).NA).toBe(1);
    expect(run.nodeId).toBe('E1');
  });

  it('assessed mode allows no retries', () => {
    const run = choose(minimal, startRun(minimal, 'assessed'), 'N1-A');
    expect(() => retry(run)).toThrow('there is no reply to take back');
  });
});

describe('conditions', () => {
  const state = { bond: 2, CT: 4, ST: 0, open: 1, rupture: 'withdrawal' as const, flags: ['permission'] };
  it.each([
    ['bond >= 2 and CT >= 4', true],
    ['bond > 2 or rupture = withdrawal', true],
    ['bond <= 0 or ST >= 4', false],
    ['flag permission and not flag workerTookOver', true],
    ['(bond = 2 or CT = 0) and open != 1', false],
    ['rupture != none', true],
  ])('%s → %s', (source, expected) => {
    expect(evaluate(parseCondition(source), state)).toBe(expected);
  });

  it('“and” binds tighter than “or”', () => {
    expect(evaluate(parseCondition('bond = 9 and CT = 9 or open = 1'), state)).toBe(true);
    expect(evaluate(parseCondition('bond = 9 and (CT = 9 or open = 1)'), state)).toBe(false);
  });
});

describe('module roll-up (C2.8)', () => {
  // The module's own three role-plays (the simulation's scene is rolled up with its simulation).
  const files = realScenarioFiles().filter((file) => file.includes('motivational-interviewing'));
  const scenarios = files.map(loadScenario).filter((scenario) => !scenario.simulation);

  it('pools code counts instead of averaging ratios', () => {
    const results = scenarios.map((scenario) => {
      const run = playPath(scenario, scenario.benchmarks.exemplarPath);
      return { scores: scoreRun(scenario, run), outcome: 'engaged' };
    });
    const rolled = rollUp(results);
    const R = results.reduce((sum, { scores }) => sum + scores.R, 0);
    const Q = results.reduce((sum, { scores }) => sum + scores.Q, 0);
    expect(rolled.rq).toBe(R / Q);
    const averageOfRatios = results.reduce((sum, { scores }) => sum + (scores.rq ?? 0), 0) / results.length;
    expect(rolled.rq).not.toBe(averageOfRatios);
    expect(rolled.counts.N).toBe(results.reduce((sum, { scores }) => sum + scores.counts.N, 0));
    expect(rolled.band).toBe('proficient');
    expect(rolled.outcomes).toEqual({ engaged: 3 });
    expect(rolled.repairRate).toBeNull();
  });

  it('weights globals by the number of replies, reports the repair rate, and is not proficient with an active rupture', () => {
    const denise = loadScenario('modules/motivational-interviewing/scenarios/mib-benefits-form-kitchen-table.yaml');
    const active = playPath(denise, ['N1-A', 'N2D-B', 'N3-B', 'N4-C', 'N5-D']);
    const repaired = playPath(denise, ['N1-A', 'N2D-C', 'N3-B', 'N4-C', 'N5-D']);
    const a = scoreRun(denise, active);
    const b = scoreRun(denise, repaired);
    expect(a.activeRuptureAtEnd).toBe(true);
    const rolled = rollUp([
      { scores: a, outcome: 'partial' },
      { scores: b, outcome: 'partial' },
    ]);
    expect(rolled.partnership).toBeCloseTo(
      (a.partnership * a.counts.N + b.partnership * b.counts.N) / (a.counts.N + b.counts.N),
      6,
    );
    expect(rolled.repairRate).toBe(0.5);
    expect(rolled.band).not.toBe('proficient');
  });
});

describe('band and ending in words', () => {
  it('explains a proficient band beside a partial ending, and an engaged ending beside a weaker band', () => {
    expect(bandAndEnding('proficient', 'partial')).toMatch(
      /band rates your replies; the ending is where the conversation got to.*further to go/,
    );
    expect(bandAndEnding('developing', 'engaged')).toMatch(/not count as proficient/);
    expect(bandAndEnding('proficient', 'engaged')).toBe(
      'The band rates your replies; the ending is where the conversation got to.',
    );
  });
});
