import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  aboutHours,
  aboutMinutes,
  LESSON_MINUTES,
  lessonCount,
  lessonSpan,
  moduleFacts,
  totalMinutes,
} from '../../src/course/course-time.ts';
import { checkCourse, formatProblem } from '../../src/course/integrity.ts';
import { lessonSchema } from '../../src/schemas/lesson.ts';
import { readCourseSources, type CourseSources } from '../../src/course/sources.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = readCourseSources(root);

describe('course time, computed from the lessons', () => {
  it('sums and words module and course lengths', () => {
    expect(totalMinutes([{ minutes: 25 }, { minutes: 30 }])).toBe(55);
    expect(aboutMinutes(155)).toBe('about 155 minutes');
    expect(aboutHours(650)).toBe('about 11 hours');
    expect(aboutHours(590)).toBe('about 10 hours');
    expect(aboutHours(620)).toBe('about 10 and a half hours');
    expect(aboutHours(60)).toBe('about 1 hour');
    expect(aboutHours(20)).toBe('about half an hour');
    expect(lessonCount(1)).toBe('one lesson');
    expect(lessonCount(7)).toBe('seven lessons');
    expect(lessonCount(14)).toBe('14 lessons');
    expect(moduleFacts({ lessons: [1, 2, 3, 4, 5, 6], minutes: 155 })).toBe('six lessons, about 155 minutes');
    expect(lessonSpan([{ minutes: 20 }, { minutes: 30 }, { minutes: 25 }])).toBe('20 to 30 minutes');
    expect(lessonSpan([{ minutes: 25 }, { minutes: 25 }])).toBe('25 minutes');
  });

  it('types no module length in any module.yaml', () => {
    for (const module of sources.modules) expect(module.data, module.file).not.toHaveProperty('minutes');
  });

  it('keeps every module lesson at 20–30 minutes (review correction 8)', () => {
    const outside = sources.lessons
      .filter((lesson) => lesson.folder !== 'orientation')
      .map((lesson) => ({ file: lesson.file, minutes: lessonSchema.parse(lesson.frontmatter).minutes }))
      .filter(({ minutes }) => minutes < LESSON_MINUTES.min || minutes > LESSON_MINUTES.max);
    expect(outside).toEqual([]);
  });

  it('lets the orientation print module lengths and lesson counts only through <ModuleFacts> and <CourseLength>', () => {
    const orientation = sources.lessons.find((lesson) => lesson.folder === 'orientation');
    const body = orientation?.body ?? '';
    for (const module of sources.modules.filter((m) => m.folder !== 'orientation'))
      expect(body, module.folder).toContain(`<ModuleFacts id="${module.folder}" />`);
    expect(body).toContain('<CourseLength />');
    expect(body).not.toMatch(/\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) lessons\b/i);
    expect(body).not.toMatch(/\b(?:ten|eleven|twelve|\d+) hours\b/i);
    // The only typed time left is the course-level home-visit simulation, which is not a lesson.
    expect(body.match(/about \d+ minutes/g)).toEqual(['about 30 minutes']);
  });
});

/** A one-module course in memory, for the checks that guard computed lengths. */
function course(moduleData: Record<string, unknown>, lessonMinutes: number, body = ''): CourseSources {
  const frontmatter = {
    title: 'A lesson',
    order: 1,
    minutes: lessonMinutes,
    summary: 'A summary long enough.',
    objectives: ['Name the parts of a thing.'],
    references: [],
  };
  return {
    root: '/x',
    modules: [
      {
        file: 'modules/harm-reduction/module.yaml',
        folder: 'harm-reduction',
        data: {
          id: 'harm-reduction',
          title: 'Harm Reduction',
          order: 3,
          summary: 'A summary of twenty characters or more.',
          outcomes: ['Explain the thing well.'],
          ...moduleData,
        },
      },
    ],
    lessons: [
      {
        file: 'modules/harm-reduction/01-a.mdx',
        folder: 'harm-reduction',
        fileName: '01-a.mdx',
        frontmatter,
        body,
        text: `---\n---\n${body}`,
      },
    ],
    references: { file: 'content/references.yaml', data: [] },
    glossary: { file: 'content/glossary.yaml', data: [] },
  };
}

describe('the checks behind computed lengths', () => {
  it('refuses a typed module minutes, with the fix', () => {
    expect(checkCourse(course({ minutes: 120 }, 25)).map(formatProblem)).toEqual([
      'modules/harm-reduction/module.yaml: types `minutes`, but a module’s length is computed from its lessons\n  How to fix: Delete the `minutes:` line. Pages add up the lessons’ own `minutes`, and count the lessons, themselves.',
    ]);
  });

  it('refuses a module lesson outside 20–30 minutes', () => {
    expect(checkCourse(course({}, 35)).map(formatProblem)).toEqual([
      'modules/harm-reduction/01-a.mdx: takes 35 minutes; module lessons take 20–30\n  How to fix: Review correction 8: trim or split the lesson so that it fits, then set minutes between 20 and 30.',
    ]);
    expect(checkCourse(course({ kind: 'orientation' }, 15))).toEqual([]);
  });

  it('refuses <ModuleFacts> for a module that does not exist', () => {
    expect(checkCourse(course({}, 25, 'MI (<ModuleFacts id="harm-reductoin" />).')).map(formatProblem)).toEqual([
      'modules/harm-reduction/01-a.mdx: names unknown module “harm-reductoin” in <ModuleFacts id>. Did you mean “harm-reduction”?\n  How to fix: Use the name of a folder under modules/, e.g. motivational-interviewing.',
    ]);
  });
});
