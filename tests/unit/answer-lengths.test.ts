import { describe, expect, it } from 'vitest';
import { answerLengthProblems, type LocatedCheck } from '../../src/course/answer-length-rules.ts';
import { knowledgeChecks } from '../../src/course/check-options.ts';
import { formatProblem } from '../../src/course/integrity.ts';

const say = (n: number, word = 'word'): string => Array.from({ length: n }, () => word).join(' ');

const check = (id: string, lengths: number[], right: number, file = 'modules/x/01-a.mdx'): LocatedCheck => ({
  id,
  file,
  multiple: false,
  options: lengths.map((n, index) => ({ text: say(n), correct: index === right })),
});

describe('knowledge-check length rules', () => {
  it('reads the options of a <KnowledgeCheck> from MDX, quotes and all', () => {
    const body = `<KnowledgeCheck
  id="k-1"
  question="Which?"
  options={[
    { text: "“Say \\"more\\",” you say.", correct: false, why: "x" },
    { text: "Listen first.", correct: true, why: "y" },
  ]}
/>`;
    expect(knowledgeChecks(body)).toEqual([
      {
        id: 'k-1',
        multiple: false,
        options: [
          { text: '“Say "more",” you say.', correct: false },
          { text: 'Listen first.', correct: true },
        ],
      },
    ]);
  });

  it('passes a course where length does not point to the answer', () => {
    const checks = [check('a', [10, 12, 11, 9], 2), check('b', [10, 12, 11, 9], 2), check('c', [14, 12, 11], 0)];
    expect(answerLengthProblems(checks)).toEqual([]);
  });

  it('fails a course where the right answer is longest in more than 40% of checks, naming them', () => {
    const checks = [check('a', [10, 12, 11], 1), check('b', [12, 11, 10], 0), check('c', [9, 14, 10], 2)];
    expect(answerLengthProblems(checks).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "modules/: the right answer is the longest option in 2 of 3 single-answer knowledge checks (the limit is 40%, so length does not give the answer away): modules/x/01-a.mdx (a), modules/x/01-a.mdx (b)
        How to fix: In some of these checks, shorten the right answer or write a fuller, plausible wrong one.",
      ]
    `);
  });

  it('a tie for longest counts as longest (a learner tapping the longest could pick it)', () => {
    const checks = [check('a', [12, 12, 11], 1), check('b', [9, 14, 10], 0), check('c', [9, 14, 10], 0)];
    expect(answerLengthProblems(checks)).toEqual([]);
    const tied = [check('a', [12, 12, 11], 1), check('b', [14, 14, 10], 0), check('c', [9, 14, 10], 0)];
    expect(answerLengthProblems(tied)).toHaveLength(1);
  });

  it('fails a check whose right answer is the only long option, even when the course rate is fine', () => {
    const checks = [
      check('short-wrongs', [6, 19, 8, 7], 1, 'modules/x/02-b.mdx'),
      ...['b', 'c', 'd', 'e'].map((id) => check(id, [12, 10, 11], 1)),
    ];
    expect(answerLengthProblems(checks).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "modules/x/02-b.mdx: knowledge check “short-wrongs”: the right answer is the only long option (words: 6, ★19, 8, 7), so it can be spotted without reading
        How to fix: Write at least one wrong option within 1.5× the length of the right one: a plausible, well-meant mistake rather than an obvious one.",
      ]
    `);
    // 1.5× the longest wrong option is still allowed; one word more is not.
    expect(answerLengthProblems([check('edge', [12, 18, 8], 1), check('f', [14, 10], 1)])).toHaveLength(2);
    expect(answerLengthProblems([check('edge', [12, 18, 8], 1), check('g', [14, 10, 9], 0)])).toHaveLength(1);
  });

  it('a single-answer check needs at least three options; one with several answers does not', () => {
    const pair = check('pair', [10, 12], 0);
    expect(answerLengthProblems([pair, check('b', [9, 12, 10], 1)]).map((p) => p.message)).toEqual([
      'knowledge check “pair” offers 2 option(s); a single-answer check needs 3 or 4',
      expect.stringContaining('the right answer is the longest option in 1 of 2'),
    ]);
    expect(answerLengthProblems([{ ...pair, multiple: true }])).toEqual([]);
  });
});
