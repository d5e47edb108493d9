import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/engine/annotated.ts';
import { checkScenario, formatScenarioProblem } from '../../src/engine/checks.ts';
import { feedbackForLast, RISK_UNASKED } from '../../src/engine/feedback.ts';
import { playPath } from '../../src/engine/run.ts';
import { countTurns, questionCounts, riskChecks, rollUp, scoredTurns, scoreRun } from '../../src/engine/scoring.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { loadScenario } from './scenario-helpers.ts';

const FILE = 'tests/fixtures/scenarios/risk-check.yaml';
const robin = loadScenario(FILE);
const scored = (path: string[]) => {
  const run = playPath(robin, path);
  const s = scoreRun(robin, run);
  return { run, s, summary: [s.Q, s.R, s.levels.rq, s.pctCR, s.relational, s.technical, s.band, run.nodeId] };
};

describe('the risk-check rule on hand-scored paths (issue 12)', () => {
  it('asked at the hopeless line: the two risk questions are not counted in R:Q, and the path is proficient', () => {
    // N1-A (CQ, risk check), RK1-A (CQ, risk check), N2-A (CR). Q = 2 − 2 risk questions = 0, R = 1: fair.
    // Partnership 3 + 1.5 × SI 1 = 4.5; empathy 1.5 + 2.5 × ⅓ + depth 1 + bond +3 → 0.5 = 3.83; Relational 4.2.
    // CCT 1 + 4 × 2/2 = 5; SST 3 + 1 softened = 4; Technical 4.5. Three good, none low: proficient.
    const { s, summary } = scored(['N1-A', 'RK1-A', 'N2-A']);
    expect(summary).toEqual([0, 1, 'fair', 100, 4.2, 4.5, 'proficient', 'E1']);
    expect(s.riskChecks).toEqual([{ nodeId: 'N1', visit: 1, status: 'asked' }]);
    expect(s.counts.codes.CQ).toBe(2);
    // Counted as questions, the same replies would give R:Q 0.5 (low) and no proficient band.
    expect(questionCounts({ ...s.counts, riskCQ: 0 }).Q).toBe(2);
  });

  it('skipped: every indicator is good, but a missed risk check caps the band at developing', () => {
    // N1-B (CR), N2-A (CR): R = 2, Q = 0 → good; %CR 100; Relational (4.5 + 5) / 2 = 4.8; Technical 5.
    const { s, summary } = scored(['N1-B', 'N2-A']);
    expect(summary).toEqual([0, 2, 'good', 100, 4.8, 5, 'developing', 'E1']);
    expect(Object.values(s.levels)).toEqual(['good', 'good', 'good', 'good']);
    expect(s.riskChecks).toEqual([{ nodeId: 'N1', visit: 1, status: 'missed' }]);
  });

  it('asked late: the check counts, is reported as late, and the risk question is still not a question for R:Q', () => {
    // N1-B (CR), N2-C (CQ, risk check): Q = 0, R = 1 → fair; empathy 1.5 + 1.25 + 1 + 0.5 = 4.25; Relational 4.4.
    const { s, summary } = scored(['N1-B', 'N2-C']);
    expect(summary).toEqual([0, 1, 'fair', 100, 4.4, 4.5, 'proficient', 'E1']);
    expect(s.riskChecks).toEqual([{ nodeId: 'N1', visit: 1, status: 'late' }]);
  });

  it('asking is not enough: a reply that leaves the person less safe (marked risk-unsafe) also keeps it from proficient', () => {
    const raw = loadScenario(FILE) as unknown as {
      nodes: { id: string; options?: { id: string; markers?: string[] }[] }[];
    };
    const rk1 = raw.nodes.find((node) => node.id === 'RK1')?.options?.find((option) => option.id === 'RK1-A');
    if (rk1) rk1.markers = ['risk-check', 'risk-unsafe'];
    const lapsed = scenarioSchema.parse(raw);
    const s = scoreRun(lapsed, playPath(lapsed, ['N1-A', 'RK1-A', 'N2-A']));
    expect(s.riskChecks).toEqual([{ nodeId: 'N1', visit: 1, status: 'asked' }]);
    expect(s.riskLapses).toEqual([{ nodeId: 'RK1', visit: 2 }]);
    expect(s.band).toBe('developing');
    expect(scored(['N1-A', 'RK1-A', 'N2-A']).s.riskLapses).toEqual([]);
  });

  it('a risk question before any hopeless line is an ordinary question', () => {
    const turns = scoredTurns(playPath(robin, ['N1-A', 'RK1-A', 'N2-A'])).map((turn) => ({
      ...turn,
      talk: turn.talk.filter((tag) => tag !== 'risk-cue'),
    }));
    expect(questionCounts(countTurns(turns)).Q).toBe(2);
    expect(riskChecks(turns)).toEqual([]);
  });

  it('a module with a missed check is not proficient, and the roll-up leaves risk questions out of R:Q', () => {
    const asked = scored(['N1-A', 'RK1-A', 'N2-A']).s;
    const skipped = scored(['N1-B', 'N2-A']).s;
    expect(rollUp([{ scores: asked, outcome: 'engaged' }]).band).toBe('proficient');
    const both = rollUp([
      { scores: asked, outcome: 'engaged' },
      { scores: skipped, outcome: 'engaged' },
    ]);
    expect(both.rq).toBeNull(); // Q = 0 once the three risk questions are left out
    expect(both.band).toBe('developing');
  });

  it('practice feedback names the missed check first, and the transcript marks each hopeless line', () => {
    const practice = playPath(robin, ['N1-B'], 'practice');
    expect(feedbackForLast(robin, practice)?.nudge).toEqual({ kind: 'risk-unasked', text: RISK_UNASKED });
    expect(feedbackForLast(robin, playPath(robin, ['N1-A'], 'practice'))?.nudge?.kind).not.toBe('risk-unasked');
    const exchanges = (path: string[]) => annotate(robin, playPath(robin, path)).exchanges.map((e) => e.risk);
    expect(exchanges(['N1-B', 'N2-A'])).toEqual(['missed', undefined]);
    expect(exchanges(['N1-B', 'N2-C'])).toEqual(['late', undefined]);
    expect(exchanges(['N1-A', 'RK1-A', 'N2-A'])).toEqual(['asked', undefined, undefined]);
  });
});

describe('risk-check authoring checks', () => {
  const raw = () => loadScenario(FILE) as unknown as Record<string, unknown> & { nodes: Record<string, unknown>[] };
  const messages = (edit: (scenario: ReturnType<typeof raw>) => void): string[] => {
    const scenario = raw();
    edit(scenario);
    return checkScenario('fixture.yaml', scenario)
      .problems.map(formatScenarioProblem)
      .filter((text) => /risk-c/.test(text));
  };

  it('the fixture passes every check but the surface-cue and typed-reply probes (three nodes cannot hide a ★)', () => {
    const problems = checkScenario(FILE, raw()).problems.map(formatScenarioProblem);
    expect(problems.filter((text) => !/a learner who picks|the ★ is the longest|typing /.test(text))).toEqual([]);
  });

  it('name the node, reply and fix when a rule is broken', () => {
    expect(
      messages((s) => {
        const n1 = s.nodes[0] as { options: { markers?: string[] }[] };
        for (const option of n1.options) delete option.markers;
      }),
    ).toMatchInlineSnapshot(`
      [
        "fixture.yaml (node N1, field options): the line is tagged risk-cue, but no reply that is always shown asks about suicidal thoughts
        How to fix: Add a reply that asks directly and kindly (e.g. “Are you having thoughts of suicide?”), with \`markers: [risk-check]\` and no showIf.",
      ]
    `);
    expect(
      messages((s) => {
        const n2 = s.nodes[2] as { options: { id: string; codes: string[] }[] };
        const late = n2.options.find((option) => option.id === 'N2-C');
        if (late) late.codes = ['SR'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "fixture.yaml (node N2, reply N2-C, field codes): is marked risk-check but is not coded as a question (OQ or CQ)
        How to fix: A risk check asks: code it CQ (or OQ), or remove the risk-check marker.",
      ]
    `);
    expect(
      messages((s) => {
        (s.nodes[0] as { talk: string[] }).talk = ['ST'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "fixture.yaml (node N2, reply N2-C, field markers): is marked risk-check but is reached before any risk-cue line (path N1-B, N2-C)
        How to fix: Tag the hopeless line it answers with \`talk: [risk-cue]\`, or remove the marker.",
      ]
    `);
  });
});
