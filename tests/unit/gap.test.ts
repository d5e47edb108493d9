import { describe, expect, it } from 'vitest';
import { crBand, gapFor, naBand, observedFromAttempts, permissionBand, rqBand } from '../../src/assessment/gap.ts';
import type { Attempt } from '../../src/stores/roleplays.ts';

const attempt = (overrides: Partial<Attempt> = {}): Attempt => ({
  id: 'a1',
  scenarioId: 'mib-benefits-form-kitchen-table',
  mode: 'assessed',
  startedAt: '2026-11-23T10:00:00.000Z',
  finishedAt: '2026-11-23T10:10:00.000Z',
  endingId: 'E1',
  outcome: 'engaged',
  band: 'proficient',
  scores: {
    rq: 4,
    pctCR: 100,
    SI: 1,
    AD: 1,
    NA: 0,
    partnership: 4.75,
    empathy: 5,
    cct: 5,
    sst: 5,
    relational: 4.9,
    technical: 5,
  },
  transcript: [
    {
      nodeId: 'N1',
      optionId: 'N1-A',
      attempt: 1,
      kept: true,
      codes: ['CR'],
      stance: 'partnering',
      markers: ['goal-own-words'],
    },
    {
      nodeId: 'N2',
      optionId: 'N2-A',
      attempt: 1,
      kept: true,
      codes: ['GI'],
      stance: 'neutral',
      markers: ['info-with-permission', 'menu'],
    },
    {
      nodeId: 'N3',
      optionId: 'N3-A',
      attempt: 1,
      kept: true,
      codes: ['AUTO', 'OQ'],
      stance: 'partnering',
      markers: ['next-step'],
    },
  ],
  ruptures: [],
  ...overrides,
});

describe('converting role-play metrics to 1–5 (Part B 2.5)', () => {
  it('uses the curriculum’s bands', () => {
    expect([crBand(19), crBand(20), crBand(39), crBand(40), crBand(50)]).toEqual([1, 2, 3, 4, 5]);
    expect([permissionBand(0), permissionBand(59), permissionBand(80)]).toEqual([1, 3, 5]);
    expect([rqBand(0.49, 0), rqBand(0.5, 0), rqBand(1, 0), rqBand(1.99, 0), rqBand(2, 0)]).toEqual([1, 2, 3, 4, 5]);
    expect([rqBand(null, 2), rqBand(null, 1), rqBand(null, 0)]).toEqual([5, 3, 1]);
    expect([naBand(0), naBand(1), naBand(3), naBand(7)]).toEqual([5, 4, 2, 1]);
  });

  it('maps an attempt to each subscale: Empathy and %CR → bond, Partnership, R:Q and NA → on tap', () => {
    const { mode, attempts, observed } = observedFromAttempts([attempt()]);
    expect([mode, attempts]).toEqual(['assessed', 1]);
    expect(observed.bond.value).toBe(5); // (5 + band(100%) 5) / 2
    expect(observed['on-tap'].value).toBe(4.9); // (4.75 + 5 + 5) / 3 = 4.92
    expect(observed.goals.value).toBe(3.7); // goal in own words + next step, no closing reflection: 1 + 4·2/3
    expect(observed.tasks.value).toBe(5); // menu + next step = 5; permission rate 100% = 5
    expect(observed['rupture-repair']).toEqual({ value: null, evidence: 0 }); // no rupture met, no evidence
  });

  it('scores repair markers when a rupture was met and repaired on time', () => {
    const withRepair = attempt({
      ruptures: [{ type: 'confrontation', source: 'learner', repaired: true, timely: true }],
      transcript: [
        {
          nodeId: 'N2D',
          optionId: 'N2D-A',
          attempt: 1,
          kept: true,
          codes: ['CR', 'SEEK'],
          stance: 'partnering',
          markers: ['attend', 'own-part'],
        },
      ],
    });
    expect(observedFromAttempts([withRepair]).observed['rupture-repair'].value).toBe(4.2); // 1 + 4·4/5
  });

  it('prefers assessed attempts, and falls back to practice ones', () => {
    const practice = attempt({ id: 'p', mode: 'practice', scores: { ...attempt().scores, empathy: 1, pctCR: 0 } });
    expect(observedFromAttempts([practice, attempt()]).observed.bond.value).toBe(5);
    expect(observedFromAttempts([practice]).mode).toBe('practice');
    expect(observedFromAttempts([]).mode).toBe('none');
  });
});

describe('gap readings', () => {
  it('names aligned, blind spot and hidden strength at ±0.5, and suggests supervision at 1.5', () => {
    expect(gapFor(4, 3.6).reading).toBe('aligned');
    expect(gapFor(4, 3.5)).toMatchObject({ gap: 0.5, reading: 'blind-spot', raiseInSupervision: false });
    expect(gapFor(2, 3.5)).toMatchObject({ gap: -1.5, reading: 'hidden-strength', raiseInSupervision: true });
  });
});
