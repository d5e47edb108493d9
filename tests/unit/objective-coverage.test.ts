import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/course/integrity.ts';
import { exercisePractises, objectiveCoverage } from '../../src/course/objective-coverage.ts';
import { readCourseSources } from '../../src/course/sources.ts';

const root = fileURLToPath(new URL('../fixtures/objectives-course/', import.meta.url));

describe('every lesson objective is practised by something (issue 12, item 5)', () => {
  it('lists each objective with what practises it, and fails on one that nothing practises', () => {
    const { rows, problems } = objectiveCoverage(readCourseSources(root), [
      {
        file: 'modules/x/scenarios/fx.yaml',
        id: 'fx-roleplay',
        practises: ['motivational-interviewing/two-objectives#3'],
      },
      { file: 'modules/x/scenarios/fx.yaml', id: 'fx-roleplay', practises: ['motivational-interviewing/nowhere#1'] },
    ]);
    expect(rows.map((row) => [row.number, row.practisedBy.map((by) => by.id)])).toEqual([
      [1, []],
      [2, ['fx-reflect']],
      [3, ['fx-roleplay']],
    ]);
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/01-two-objectives.mdx: KnowledgeCheck “fx-check” says practises="4", but the lesson has objectives 1–3
        How to fix: Use the number of an objective in this lesson’s frontmatter (1 is the first).",
        "modules/x/scenarios/fx.yaml: practises “motivational-interviewing/nowhere#1”, which is not an objective of any lesson
        How to fix: Write <module>/<lesson-slug>#<objective number>, e.g. harm-reduction/responding-to-opioid-overdose#2.",
        "modules/motivational-interviewing/01-two-objectives.mdx: objective 1 (“Name the four processes of MI.”) is practised by no exercise or role-play
        How to fix: Add practises="1" to an exercise that practises it, write one that does, or list motivational-interviewing/two-objectives#1 in a role-play's practises.",
      ]
    `);
  });

  it('reads the objective numbers each exercise names, in document order', () => {
    expect(
      exercisePractises('<SortExercise id="b" practises="1 3" prompt="x" />\n<Reflection id="a" prompt="y" />'),
    ).toEqual([
      { kind: 'SortExercise', id: 'b', numbers: ['1', '3'] },
      { kind: 'Reflection', id: 'a', numbers: [] },
    ]);
  });
});
