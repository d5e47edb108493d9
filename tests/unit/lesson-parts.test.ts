import { describe, expect, it } from 'vitest';
import { lessonIdFromPath, lessonParts } from '../../src/course/lesson-parts.ts';

describe('lessonParts', () => {
  it('finds citations, terms and exercises in document order', () => {
    const body = `Intro <Cite keys="a-2000 b-2001" /> and <Term id="reflection">reflections</Term>.
<SortExercise id="s-1" prompt="x" categories={["A"]} items={[]} />
<KnowledgeCheck
  id="k-2"
  question="q"
  options={[]}
/>
<Reflection id="r-1" prompt="p" />
Again <Cite keys="a-2000" />. MI (<ModuleFacts id="motivational-interviewing" />).`;
    expect(lessonParts(body)).toEqual({
      citeKeys: ['a-2000', 'b-2001'],
      termIds: ['reflection'],
      checkIds: ['s-1', 'k-2'],
      reflectionIds: ['r-1'],
      moduleFactIds: ['motivational-interviewing'],
    });
  });

  it('drops the number prefix from lesson ids', () => {
    expect(lessonIdFromPath('motivational-interviewing', '03-open-questions.mdx')).toBe(
      'motivational-interviewing/open-questions',
    );
  });
});
