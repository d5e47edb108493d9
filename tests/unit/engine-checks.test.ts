import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkScenario, formatScenarioProblem } from '../../src/engine/checks.ts';
import { minimalRaw, root } from './scenario-helpers.ts';

type Raw = Record<string, unknown> & { nodes: Record<string, unknown>[] };
const FILE = 'modules/motivational-interviewing/scenarios/fixture.yaml';

/** The minimal fixture, changed by `edit`, checked, and its messages formatted. */
function problemsAfter(edit: (raw: Raw) => void): string[] {
  const raw = minimalRaw() as Raw;
  edit(raw);
  return checkScenario(FILE, raw).problems.map(formatScenarioProblem);
}

const options = (raw: Raw, node: number): Record<string, unknown>[] =>
  raw.nodes[node]?.['options'] as Record<string, unknown>[];
const option = (raw: Raw, node: number, index: number): Record<string, unknown> => options(raw, node)[index] ?? {};

describe('scenario checks', () => {
  it('accept the valid fixture and report its paths', () => {
    const result = checkScenario(FILE, minimalRaw());
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatchObject({
      paths: 7,
      endings: { E1: 1, E2: 5, E3: 1 },
      bestBand: 'proficient',
      worstBand: 'beginning',
    });
  });

  it('dangling next', () => {
    expect(problemsAfter((raw) => (option(raw, 0, 2)['next'] = 'N9'))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N1, reply N1-C, field next): points to “N9”, which is not a node or ending in this scenario
        How to fix: Use one of: N1, N2, R, E1, E2, E3.",
      ]
    `);
  });

  it('unreachable node', () => {
    expect(
      problemsAfter((raw) => {
        raw.nodes.push({
          id: 'N7',
          context: 'Nobody comes here.',
          clientLine: 'Hello?',
          options: [
            {
              id: 'N7-A',
              exemplar: true,
              text: 'Hi.',
              codes: ['NC'],
              stance: 'neutral',
              feedback: 'Small talk.',
              next: 'E2',
            },
          ],
        });
      }),
    ).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N7): node N7 can never be reached
        How to fix: Point a reply’s \`next\` (or a router) at it, or remove it.",
      ]
    `);
  });

  it('no reachable ending (a loop)', () => {
    expect(problemsAfter((raw) => (option(raw, 1, 0)['next'] = 'N1'))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (reply N1-A): the path N1-A, N2-A, N1-A, N2-A, N1-A, N2-A, N1-A never reaches an ending: it is still going after 7 choices (and 80 more path(s) like it)
        How to fix: Make every path reach an ending within 7 choices (check routers, showIf and next), or raise \`maxChoices\` (at most 12) if the scene needs it.",
      ]
    `);
  });

  it('conditional list without else', () => {
    expect(problemsAfter((raw) => (option(raw, 0, 0)['next'] = [{ if: 'bond >= 1', to: 'N2' }])))
      .toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N1, reply N1-A, field next): is a conditional list that does not end with \`else\`
        How to fix: Add \`{ else: <node> }\` as the last entry so every state has somewhere to go.",
      ]
    `);
  });

  it('duplicate option id', () => {
    expect(problemsAfter((raw) => (option(raw, 0, 2)['id'] = 'N1-B'))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N1, reply N1-B, field id): the reply id N1-B is used twice
        How to fix: Reply ids must be unique in a scenario, e.g. N3-A, N3-B.",
      ]
    `);
  });

  it('unknown code', () => {
    expect(problemsAfter((raw) => (option(raw, 0, 2)['codes'] = ['ASK']))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N1, reply N1-C, field codes): “ASK” is not a known code
        How to fix: Use codes from curriculum C1.5: GI, PERS, PWP, OQ, CQ, SR, CR, AF, SEEK, AUTO, CON, NC.",
      ]
    `);
  });

  it('two exemplars in a node', () => {
    expect(problemsAfter((raw) => (option(raw, 0, 2)['exemplar'] = true))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N1, field exemplar): has 2 exemplar replies; it needs exactly one
        How to fix: Mark the single best reply (the ★) with \`exemplar: true\`.",
      ]
    `);
  });

  it('malformed condition', () => {
    expect(problemsAfter((raw) => (option(raw, 1, 2)['showIf'] = 'rupture >= confrontation'))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N2, reply N2-C, field showIf): cannot read the condition “rupture >= confrontation”: rupture can only be compared with = or !=, not “>=”
        How to fix: Write conditions like “bond >= 3 and CT >= 4”, “rupture = withdrawal” or “flag permission”.",
      ]
    `);
  });

  it('a benchmark that the engine does not reproduce', () => {
    expect(
      problemsAfter(
        (raw) => ((raw['benchmarks'] as { expected: Record<string, unknown> }).expected['relational'] = 4.7),
      ),
    ).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (field benchmarks.expected): the engine computes a different result for the exemplar path: Relational is 4.8, not 4.7
        How to fix: Fix the scenario or the benchmark so they agree (the benchmark is a regression test).",
      ]
    `);
  });

  it('an exemplar path that is not proficient, and a wrong ctMax', () => {
    const messages = problemsAfter((raw) => {
      option(raw, 1, 1)['codes'] = ['PERS'];
      option(raw, 1, 1)['stance'] = 'expert';
      option(raw, 1, 1)['effects'] = { bond: 1, CT: 2 };
    });
    expect(messages.some((m) => m.includes('ctMax is 2, but the exemplar path gains 3 change talk'))).toBe(true);
    expect(messages.some((m) => /the exemplar path scores (developing|beginning), not proficient/.test(m))).toBe(true);
  });

  it('a missing field names the node and field', () => {
    expect(problemsAfter((raw) => delete raw.nodes[0]?.['clientLine'])).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/scenarios/fixture.yaml (node N1, field nodes.0.clientLine): is missing
        How to fix: Follow the scenario format in curriculum C1 (see README, “Add a role-play”).",
      ]
    `);
  });
});

describe('the scenario CLI', { timeout: 180_000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['src/cli/scenario.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

  it('check passes on the real scenarios and fails with messages on a broken file', () => {
    const ok = cli('check');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/All \d+ scenario file\(s\) pass\./);
    const broken = cli('check', 'tests/fixtures/scenarios/broken-dangling.yaml');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('(node N1, reply N1-C, field next): points to “N9”');
  });

  it('play --json prints one JSON object with the ending and every score', () => {
    const result = cli('play', 'tests/fixtures/scenarios/minimal.yaml', '--choose', 'N1-A,N2-B', '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      ending: { id: string; outcome: string };
      scores: { band: string; relational: number };
      transcript: unknown[];
    };
    expect(json.ending).toMatchObject({ id: 'E1', outcome: 'engaged' });
    expect(json.scores).toMatchObject({ band: 'proficient', relational: 4.8 });
    expect(json.transcript).toHaveLength(5);
  });

  it('play prints a readable transcript and scores', () => {
    const result = cli('play', 'tests/fixtures/scenarios/minimal.yaml', '--choose', 'N1-B,N2-C', '--mode', 'practice');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Sam: I can’t face them.'.replace('’', "'"));
    expect(result.stdout).toContain('Band:');
  });

  it('play exits 1 on an unknown or unavailable reply', () => {
    const unknown = cli('play', 'tests/fixtures/scenarios/minimal.yaml', '--choose', 'N1-A,N2-Z');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Cannot play N2-Z: there is no reply N2-Z in fixture-minimal.');
    const hidden = cli('play', 'tests/fixtures/scenarios/minimal.yaml', '--choose', 'N1-A,N2-C');
    expect(hidden.status).toBe(1);
    expect(hidden.stderr).toContain('reply N2-C is not available at N2 in this state (its showIf does not hold)');
  });
});
