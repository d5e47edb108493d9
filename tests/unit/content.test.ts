import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCourse, formatProblem } from '../../src/course/integrity.ts';
import { lessonParts, proseWords } from '../../src/course/lesson-parts.ts';
import { readCourseSources } from '../../src/course/sources.ts';
import { glossaryTermSchema } from '../../src/schemas/glossary.ts';
import { lessonSchema } from '../../src/schemas/lesson.ts';
import { moduleSchema } from '../../src/schemas/module.ts';
import { referenceSchema } from '../../src/schemas/reference.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = readCourseSources(root);

describe('the real course content', () => {
  it('passes every cross-file check the build runs', () => {
    expect(checkCourse(sources).map(formatProblem)).toEqual([]);
  });

  it('parses through the real schemas', () => {
    expect(sources.modules.map((m) => m.folder)).toEqual([
      'collaborative-helping',
      'harm-reduction',
      'motivational-interviewing',
      'orientation',
      'resilience-self-care',
    ]);
    for (const module of sources.modules) expect(moduleSchema.parse(module.data).id).toBe(module.folder);
    for (const lesson of sources.lessons)
      expect(lessonSchema.parse(lesson.frontmatter).objectives.length).toBeGreaterThan(0);
    const references = referenceSchema.array().parse(sources.references.data);
    const glossary = glossaryTermSchema.array().parse(sources.glossary.data);
    expect(references.length).toBeGreaterThan(20);
    expect(glossary.length).toBeGreaterThan(30);
  });

  it('has at least as many lessons in each module as the curriculum lists', () => {
    // Curriculum: orientation 1; MI 1.1–1.6; Collaborative Helping 2.1–2.6 plus the thread practice;
    // Harm Reduction 3.1–3.6; Resilience & Self-Care 4.1–4.6.
    const expected: Record<string, number> = {
      orientation: 1,
      'motivational-interviewing': 6,
      'collaborative-helping': 7,
      'harm-reduction': 6,
      'resilience-self-care': 6,
    };
    for (const [folder, count] of Object.entries(expected)) {
      expect(sources.lessons.filter((l) => l.folder === folder).length, folder).toBeGreaterThanOrEqual(count);
    }
  });

  describe.each(sources.lessons.map((lesson) => [lesson.file, lesson] as const))('%s', (_file, lesson) => {
    const parts = lessonParts(lesson.body);
    const data = lessonSchema.parse(lesson.frontmatter);

    it('is 700–1,400 words of prose', () => {
      const words = proseWords(lesson.body);
      expect(words).toBeGreaterThanOrEqual(700);
      expect(words).toBeLessThanOrEqual(1400);
    });

    it('has objectives, an interactive element, a field moment and citations', () => {
      expect(data.objectives.length).toBeGreaterThanOrEqual(2);
      expect(parts.checkIds.length + parts.reflectionIds.length).toBeGreaterThan(0);
      expect(lesson.body).toMatch(/<FieldMoment\b/);
      expect(parts.citeKeys.length).toBeGreaterThan(0);
    });
  });
});
