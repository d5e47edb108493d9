import { describe, expect, it } from 'vitest';
import { checkScenario, formatScenarioProblem } from '../../src/engine/checks.ts';
import { scoreChecklist } from '../../src/engine/checklist.ts';
import { playPath, type Turn } from '../../src/engine/run.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { scenarioSchema, type Checklist } from '../../src/schemas/scenario.ts';
import { minimalRaw } from './scenario-helpers.ts';

// The lay-responder order with its accepted variants (SAMHSA toolkit): check first or call first;
// naloxone once there is no response; breathing support after naloxone; a second dose is optional here.
const overdose: Checklist = {
  title: 'Responding to an opioid overdose',
  steps: [
    { id: 'check-response', label: 'Check for a response', after: [], critical: true },
    { id: 'call-help', label: 'Call emergency services', after: [], critical: true },
    { id: 'naloxone', label: 'Give naloxone', after: ['check-response'], critical: true },
    { id: 'breathing', label: 'Support breathing', after: ['naloxone'], critical: true },
    { id: 'second-dose', label: 'Second dose after 2–3 minutes', after: ['naloxone'], critical: false },
  ],
};
const turns = (...actions: string[]): Turn[] => actions.map((action) => ({ action }) as Turn);
const result = (...actions: string[]) => {
  const scored = scoreChecklist(overdose, turns(...actions));
  return { safe: scored.safe, unsafe: scored.unsafe, steps: scored.steps.map((step) => `${step.id}:${step.status}`) };
};

describe('checklist scenes: ordered steps with accepted variants (issue 12)', () => {
  it('accepts checking first and calling first, in either order, then naloxone and breathing', () => {
    expect(result('check-response', 'call-help', 'naloxone', 'breathing').safe).toBe(true);
    expect(result('call-help', 'check-response', 'naloxone', 'breathing').safe).toBe(true);
    expect(result('check-response', 'naloxone', 'call-help', 'breathing')).toEqual({
      safe: true,
      unsafe: 0,
      steps: ['check-response:done', 'call-help:done', 'naloxone:done', 'breathing:done', 'second-dose:missed'],
    });
  });

  it('a step before the step it must follow is out of order, and the response is not safe', () => {
    expect(result('naloxone', 'check-response', 'call-help', 'breathing')).toEqual({
      safe: false,
      unsafe: 0,
      steps: ['check-response:done', 'call-help:done', 'naloxone:out-of-order', 'breathing:done', 'second-dose:missed'],
    });
  });

  it('a missed critical step or any unsafe action makes it unsafe; the first time a step is done is the one that counts', () => {
    expect(result('check-response', 'call-help', 'naloxone').steps).toContain('breathing:missed');
    expect(result('check-response', 'call-help', 'naloxone').safe).toBe(false);
    expect(result('check-response', 'unsafe', 'call-help', 'naloxone', 'breathing')).toMatchObject({
      safe: false,
      unsafe: 1,
    });
    expect(result('breathing', 'check-response', 'call-help', 'naloxone', 'breathing').steps).toContain(
      'breathing:out-of-order',
    );
  });
});

describe('a checklist in a scenario', () => {
  const withChecklist = (edit?: (raw: Raw) => void) => {
    const raw = minimalRaw() as Raw;
    raw['checklist'] = {
      title: 'Sorting the post safely',
      steps: [
        { id: 'open-together', label: 'Open it together' },
        { id: 'agree-next', label: 'Agree a next step', critical: false },
      ],
    };
    const n1 = raw.nodes[0]?.options ?? [];
    const c = n1.find((option) => option.id === 'N1-C');
    if (c) c['action'] = 'open-together';
    const b = n1.find((option) => option.id === 'N1-B');
    if (b) b['action'] = 'unsafe';
    edit?.(raw);
    return raw;
  };
  type Raw = Record<string, unknown> & { nodes: { options?: Record<string, unknown>[] }[] };

  it('scores actions beside the MI scores: they are left out of the MI counts, and an unsafe one caps the band', () => {
    const scenario = scenarioSchema.parse(withChecklist());
    const acted = scoreRun(scenario, playPath(scenario, ['N1-C', 'N2-B']));
    expect(acted.counts.N).toBe(1); // N1-C was an action, so only N2-B is MI behaviour
    expect(acted.checklist?.safe).toBe(true);
    const unsafe = scoreRun(scenario, playPath(scenario, ['N1-B', 'N2-B']));
    expect(unsafe.checklist).toMatchObject({ safe: false, unsafe: 1 });
    expect(unsafe.band).not.toBe('proficient');
  });

  it('names the step, reply and fix when a checklist is written wrong', () => {
    const messages = (edit: (raw: Raw) => void) =>
      checkScenario('fixture.yaml', withChecklist(edit))
        .problems.map(formatScenarioProblem)
        .filter((text) => /step|action|checklist/.test(text));
    expect(
      messages((raw) => {
        (raw['checklist'] as Checklist).steps.push(
          { id: 'a', label: 'First thing', after: ['b'], critical: true },
          { id: 'b', label: 'Second thing', after: ['a', 'nowhere'], critical: true },
        );
        const n2 = raw.nodes[1]?.options?.[0];
        if (n2) n2['action'] = 'fly';
      }),
    ).toMatchInlineSnapshot(`
      [
        "fixture.yaml (field checklist.steps): step b must come after “nowhere”, which is not a step of the checklist
        How to fix: Use step ids from the checklist: open-together, agree-next, a, b.",
        "fixture.yaml (field checklist.steps): the steps can never be done in order: a must follow b must follow a
        How to fix: Remove one of these \`after\` entries.",
        "fixture.yaml (node N2, reply N2-A, field action): has action “fly”, which is not a step of the checklist
        How to fix: Use “unsafe” or one of: open-together, agree-next, a, b.",
      ]
    `);
    // A step that no path carries out could never be practised.
    expect(messages(() => undefined)).toMatchInlineSnapshot(`
      [
        "fixture.yaml (field checklist.steps): no path carries out step agree-next (“Agree a next step”)
        How to fix: Give a reply \`action: agree-next\` on some path, or remove the step.",
      ]
    `);
    expect(
      messages((raw) => {
        delete raw['checklist'];
      }),
    ).toMatchInlineSnapshot(`
      [
        "fixture.yaml (node N1, reply N1-B, field action): has action “unsafe”, but the scenario has no checklist
        How to fix: Add a \`checklist\` with the steps, or remove the action.",
        "fixture.yaml (node N1, reply N1-C, field action): has action “open-together”, but the scenario has no checklist
        How to fix: Add a \`checklist\` with the steps, or remove the action.",
      ]
    `);
  });
});
