import { describe, expect, it } from 'vitest';
import { checkScenario, formatScenarioProblem } from '../../src/engine/checks.ts';
import {
  echo,
  playStrategy,
  probeScenario,
  randomProficientShare,
  secondPerson,
  words,
} from '../../src/engine/probes.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { loadScenario, minimalRaw } from './scenario-helpers.ts';

const FILE = 'tests/fixtures/scenarios/gamed-by-length.yaml';
const gamed = loadScenario(FILE);
const minimal = scenarioSchema.parse(minimalRaw());

describe('surface-cue probes', () => {
  it('catch a scenario that always-the-longest, always-the-first and the same id letter game, with pinned messages', () => {
    const { problems } = checkScenario(FILE, gamed);
    expect(problems.map(formatScenarioProblem)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/scenarios/gamed-by-length.yaml (field nodes): a learner who picks always the longest reply scores proficient and reaches the engaged ending E1 (path N1-A, N2-A)
        How to fix: Make the ★ shorter than another reply at some of these nodes, or give a weaker reply more words.",
        "tests/fixtures/scenarios/gamed-by-length.yaml (field nodes): a learner who picks always the first reply in the file scores proficient and reaches the engaged ending E1 (path N1-A, N2-A)
        How to fix: Move the ★ away from the first place in the list at some of these nodes.",
        "tests/fixtures/scenarios/gamed-by-length.yaml (field nodes): a learner who picks always the reply whose id ends in the same letter scores proficient and reaches the engaged ending E1 (path N1-A, N2-A)
        How to fix: Reletter the reply ids at some of these nodes so the ★ does not share one letter (ids are shown to the page).",
        "tests/fixtures/scenarios/gamed-by-length.yaml (field nodes): the ★ is the longest visible reply at 2 of 2 choice points (100%; the limit is 40%)
        How to fix: Shorten some ★ replies, or write a longer, kind-sounding weaker reply beside them.",
        "tests/fixtures/scenarios/gamed-by-length.yaml (field nodes): the ★ replies average 8.5 words against 6.3 for the others (more than 25% apart)
        How to fix: Bring the lengths closer: shorter ★ replies or fuller weaker ones, so length gives nothing away.",
      ]
    `);
  });

  it('pass a scenario whose replies give nothing away, and report its figures', () => {
    expect(checkScenario('minimal.yaml', minimalRaw()).problems).toEqual([]);
    const summary = probeScenario(minimal);
    expect(summary).toMatchObject({ choicePoints: 2, starLongest: 0, starMeanWords: 8.5, otherMeanWords: 10 });
    const longest = summary.strategies.find((outcome) => outcome.strategy === 'longest');
    expect(longest).toMatchObject({ path: ['N1-C', 'N2-A'], band: 'beginning', outcome: 'partial' });
  });

  it('follow every tie, so the order of equally long replies cannot hide a gamed path', () => {
    const raw = minimalRaw() as { nodes: { options?: { id: string; text: string }[] }[] };
    // N1-C is made exactly as long as the ★ (8 words): the probe must try both.
    const n1c = raw.nodes[0]?.options?.find((option) => option.id === 'N1-C');
    if (n1c) n1c.text = 'How many letters are in the pile, roughly?';
    const n2a = raw.nodes[1]?.options?.find((option) => option.id === 'N2-A');
    if (n2a) n2a.text = 'Shall we?';
    const outcome = playStrategy(scenarioSchema.parse(raw), 'longest');
    expect(outcome).toMatchObject({ path: ['N1-A', 'N2-B'], band: 'proficient', outcome: 'engaged' });
  });

  it('catch ★ replies that share an id letter, as every ★ did in the first wave (the page carries the ids)', () => {
    const firstWave = loadScenario('content/scenario-archive/mib-pharmacy-queue@2026-11-23T1707-8075244.yaml');
    const stars = firstWave.nodes.flatMap((node) =>
      node.type === 'client' ? node.options.filter((option) => option.exemplar).map((option) => option.id) : [],
    );
    expect(stars.every((id) => id.endsWith('-A'))).toBe(true);
    expect(playStrategy(firstWave, 'same-letter')).toMatchObject({ band: 'proficient', outcome: 'engaged' });
    // Today's version and the minimal fixture spread the ★ over the letters: the same strategy gets nowhere.
    const today = loadScenario('modules/motivational-interviewing/scenarios/mib-pharmacy-queue.yaml');
    expect(playStrategy(today, 'same-letter').band).not.toBe('proficient');
    expect(playStrategy(minimal, 'same-letter').band).not.toBe('proficient');
  });

  it('count words, “you” words and echoes the way a learner would see them', () => {
    expect(words('You’re not sure, you say?')).toEqual(['you’re', 'not', 'sure', 'you', 'say']);
    expect(secondPerson('You’re tired and your week has been long; yourself first.')).toBe(3);
    expect(echo('The letters feel like bad news', 'Those letters are all bad news to me')).toBe(3);
    expect(echo('And so it is', 'and so it is')).toBe(0); // function words alone are not an echo
  });

  it('give the exact share of uniformly random paths that score proficient', () => {
    // Only N1-A then N2-B (1/3 × 1/3, since N2-C is hidden without a rupture) is proficient.
    expect(randomProficientShare(minimal)).toBeCloseTo(1 / 9 + (1 / 3) * (1 / 3) * 0.5, 5);
  });
});
