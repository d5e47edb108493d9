import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { courseIntegrity } from '../../src/course/integration.ts';
import { checkCourse, formatProblem } from '../../src/course/integrity.ts';
import { readCourseSources } from '../../src/course/sources.ts';

const fixtureRoot = fileURLToPath(new URL('../fixtures/broken-course/', import.meta.url));

describe('broken content fails with messages that name the file, the key and the fix', () => {
  const problems = checkCourse(readCourseSources(fixtureRoot)).map(formatProblem);

  it('names a missing frontmatter field', () => {
    expect(problems.filter((p) => p.includes('01-missing-title'))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/01-missing-title.mdx: field \`title\` is missing
        How to fix: Lesson frontmatter needs title, order, minutes, summary, objectives and references (see README, “Add a lesson”).",
      ]
    `);
  });

  it('names an unknown reference key and suggests the likely one', () => {
    expect(problems.filter((p) => p.includes('02-unknown-reference'))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/02-unknown-reference.mdx: cites unknown reference key “miller-rolnick-2013” in <Cite keys>. Did you mean “miller-rollnick-2013”?
        How to fix: Add an entry with key: miller-rolnick-2013 to content/references.yaml, or correct the key.",
      ]
    `);
  });

  it('names an unknown glossary term', () => {
    expect(problems.filter((p) => p.includes('03-unknown-term'))).toMatchInlineSnapshot(`
      [
        "modules/motivational-interviewing/03-unknown-term.mdx: uses unknown glossary term “change-tlak” in <Term id>.
        How to fix: Add a term with id: change-tlak to content/glossary.yaml, or correct the id.",
      ]
    `);
  });

  it('reports nothing else about the fixture', () => {
    expect(problems).toHaveLength(3);
  });

  it('stops a build, but only warns in dev', () => {
    const hook = courseIntegrity().hooks['astro:config:setup'] as (options: unknown) => void;
    const logged: string[] = [];
    const logger = { error: (message: string) => logged.push(message), info: () => undefined };
    const config = { root: new URL('../fixtures/broken-course/', import.meta.url) };
    expect(() => {
      hook({ config, command: 'build', logger });
    }).toThrow(/Course content has 3 problem\(s\)/);
    expect(() => {
      hook({ config, command: 'dev', logger });
    }).not.toThrow();
    expect(logged[0]).toContain('unknown glossary term “change-tlak”');
  });
});
