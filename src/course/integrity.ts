import type { z } from 'astro/zod';
import { glossaryTermSchema } from '../schemas/glossary.ts';
import { lessonSchema } from '../schemas/lesson.ts';
import { moduleSchema } from '../schemas/module.ts';
import { referenceSchema } from '../schemas/reference.ts';
import { answerLengthProblems } from './answer-length-rules.ts';
import { knowledgeChecks, type CheckOptions } from './check-options.ts';
import { LESSON_MINUTES } from './course-time.ts';
import { lessonIdFromPath, lessonParts } from './lesson-parts.ts';
import { moneyProblems } from './money-words.ts';
import type { CourseSources } from './sources.ts';
import { closest } from './suggest.ts';

/** One thing wrong with the course content: where, what, and how to fix it. */
export interface ContentProblem {
  file: string;
  message: string;
  hint: string;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}: ${problem.message}\n  How to fix: ${problem.hint}`;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field = issue.path.length ? issue.path.join('.') : '(the file)';
  let value: unknown = data;
  for (const part of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[part];
  if (issue.code === 'invalid_type' && value === undefined) return `field \`${field}\` is missing`;
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((key) => `\`${key}\``).join(', ')}`;
  return `field \`${field}\` is invalid: ${issue.message}`;
}

function schemaProblems(file: string, schema: z.ZodType, data: unknown, hint: string): ContentProblem[] {
  const result = schema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ file, message: describeIssue(issue, data), hint }));
}

const didYouMean = (value: string, known: Iterable<string>): string => {
  const guess = closest(value, known);
  return guess ? ` Did you mean “${guess}”?` : '';
};

/** Every check the build runs on course content. An empty list means the content is sound. */
export function checkCourse(sources: CourseSources): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const refsFile = sources.references.file;
  const glossaryFile = sources.glossary.file;

  const references = Array.isArray(sources.references.data) ? (sources.references.data as unknown[]) : [];
  if (!Array.isArray(sources.references.data)) {
    problems.push({
      file: refsFile,
      message: 'must be a list of references',
      hint: 'Start each entry with “- key: …”.',
    });
  }
  const referenceKeys = new Set<string>();
  references.forEach((entry, index) => {
    const key = (entry as { key?: unknown } | null)?.key;
    const where = typeof key === 'string' ? `reference “${key}”` : `reference #${index + 1}`;
    for (const problem of schemaProblems(
      refsFile,
      referenceSchema,
      entry,
      'Each reference needs key, author, year and apa; see the comment at the top of the file.',
    )) {
      problems.push({ ...problem, message: `${where}: ${problem.message}` });
    }
    if (typeof key === 'string') {
      if (referenceKeys.has(key))
        problems.push({
          file: refsFile,
          message: `duplicate key “${key}”`,
          hint: 'Give each reference a unique key, e.g. add a letter: smith-2020a.',
        });
      referenceKeys.add(key);
    }
  });

  const glossary = Array.isArray(sources.glossary.data) ? (sources.glossary.data as unknown[]) : [];
  const termIds = new Set<string>();
  glossary.forEach((entry, index) => {
    const parsed = glossaryTermSchema.safeParse(entry);
    const id = (entry as { id?: unknown } | null)?.id;
    const where = typeof id === 'string' ? `term “${id}”` : `term #${index + 1}`;
    for (const problem of schemaProblems(
      glossaryFile,
      glossaryTermSchema,
      entry,
      'Each term needs id, term and definition.',
    )) {
      problems.push({ ...problem, message: `${where}: ${problem.message}` });
    }
    if (typeof id === 'string') {
      if (termIds.has(id))
        problems.push({
          file: glossaryFile,
          message: `duplicate term id “${id}”`,
          hint: 'Merge the two entries or give one a different id.',
        });
      termIds.add(id);
    }
    for (const key of parsed.success ? parsed.data.references : []) {
      if (!referenceKeys.has(key)) {
        problems.push({
          file: glossaryFile,
          message: `${where} cites unknown reference key “${key}”.${didYouMean(key, referenceKeys)}`,
          hint: `Add “${key}” to ${refsFile} or correct the key.`,
        });
      }
    }
  });

  const moduleFolders = new Set<string>();
  const orientationFolders = new Set<string>();
  for (const module of sources.modules) {
    moduleFolders.add(module.folder);
    const { minutes, ...rest } = (module.data ?? {}) as Record<string, unknown>;
    if (minutes !== undefined)
      problems.push({
        file: module.file,
        message: 'types `minutes`, but a module’s length is computed from its lessons',
        hint: 'Delete the `minutes:` line. Pages add up the lessons’ own `minutes`, and count the lessons, themselves.',
      });
    problems.push(
      ...schemaProblems(
        module.file,
        moduleSchema,
        minutes === undefined ? module.data : rest,
        'module.yaml needs id, title, order, summary and outcomes.',
      ),
    );
    if (rest['kind'] === 'orientation') orientationFolders.add(module.folder);
    const id = (module.data as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id !== module.folder) {
      problems.push({
        file: module.file,
        message: `id “${id}” does not match its folder “${module.folder}”`,
        hint: `Set id: ${module.folder}, or rename the folder.`,
      });
    }
  }

  const checkOwners = new Map<string, string>();
  const checks: (CheckOptions & { file: string })[] = [];
  const lessonOrders = new Map<string, string>();
  for (const lesson of sources.lessons) {
    const { file } = lesson;
    if (!moduleFolders.has(lesson.folder)) {
      problems.push({
        file,
        message: `is in modules/${lesson.folder}/, which has no module.yaml`,
        hint: `Add modules/${lesson.folder}/module.yaml or move the lesson into an existing module.`,
      });
    }
    if (!/^\d+-[a-z0-9-]+\.mdx$/.test(lesson.fileName)) {
      problems.push({
        file,
        message: 'has a file name that is not “NN-kebab-case-title.mdx”',
        hint: 'Rename it, e.g. 03-open-questions.mdx; the number sets reading order in the folder.',
      });
    }
    problems.push(
      ...schemaProblems(
        file,
        lessonSchema,
        lesson.frontmatter,
        'Lesson frontmatter needs title, order, minutes, summary, objectives and references (see README, “Add a lesson”).',
      ),
    );
    const frontmatter = (lesson.frontmatter ?? {}) as { order?: unknown; minutes?: unknown; references?: unknown };
    const { min, max } = LESSON_MINUTES;
    if (
      typeof frontmatter.minutes === 'number' &&
      !orientationFolders.has(lesson.folder) &&
      (frontmatter.minutes < min || frontmatter.minutes > max)
    ) {
      problems.push({
        file,
        message: `takes ${String(frontmatter.minutes)} minutes; module lessons take ${String(min)}–${String(max)}`,
        hint: `Review correction 8: trim or split the lesson so that it fits, then set minutes between ${String(min)} and ${String(max)}.`,
      });
    }
    problems.push(...moneyProblems(file, lesson.text));
    const listed = Array.isArray(frontmatter.references)
      ? frontmatter.references.filter((key): key is string => typeof key === 'string')
      : [];
    if (typeof frontmatter.order === 'number') {
      const slot = `${lesson.folder}#${frontmatter.order}`;
      const other = lessonOrders.get(slot);
      if (other)
        problems.push({
          file,
          message: `has order ${frontmatter.order}, the same as ${other}`,
          hint: 'Give each lesson in a module a different order.',
        });
      lessonOrders.set(slot, file);
    }

    for (const key of listed) {
      if (!referenceKeys.has(key)) {
        problems.push({
          file,
          message: `lists unknown reference key “${key}” in frontmatter references.${didYouMean(key, referenceKeys)}`,
          hint: `Add an entry with key: ${key} to ${refsFile}, or correct the key.`,
        });
      }
    }
    const parts = lessonParts(lesson.body);
    for (const key of parts.citeKeys) {
      if (!referenceKeys.has(key)) {
        problems.push({
          file,
          message: `cites unknown reference key “${key}” in <Cite keys>.${didYouMean(key, referenceKeys)}`,
          hint: `Add an entry with key: ${key} to ${refsFile}, or correct the key.`,
        });
      } else if (!listed.includes(key)) {
        problems.push({
          file,
          message: `cites “${key}” but does not list it in frontmatter references`,
          hint: `Add “${key}” to the lesson's references list so it appears under “Where this comes from”.`,
        });
      }
    }
    for (const id of parts.moduleFactIds) {
      if (!moduleFolders.has(id)) {
        problems.push({
          file,
          message: `names unknown module “${id}” in <ModuleFacts id>.${didYouMean(id, moduleFolders)}`,
          hint: 'Use the name of a folder under modules/, e.g. motivational-interviewing.',
        });
      }
    }
    for (const id of parts.termIds) {
      if (!termIds.has(id)) {
        problems.push({
          file,
          message: `uses unknown glossary term “${id}” in <Term id>.${didYouMean(id, termIds)}`,
          hint: `Add a term with id: ${id} to ${glossaryFile}, or correct the id.`,
        });
      }
    }
    const lessonId = lessonIdFromPath(lesson.folder, lesson.fileName);
    for (const id of [...parts.checkIds, ...parts.reflectionIds]) {
      const owner = checkOwners.get(id);
      if (owner)
        problems.push({
          file,
          message: `reuses the exercise id “${id}”, already used in ${owner}`,
          hint: 'Exercise ids key saved answers; make each one unique, prefixed with the lesson code.',
        });
      checkOwners.set(id, lessonId);
    }
    checks.push(...knowledgeChecks(lesson.body).map((check) => ({ ...check, file })));
  }
  problems.push(...answerLengthProblems(checks));
  return problems;
}
