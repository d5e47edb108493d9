import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { lessonIdFromPath } from './course/lesson-parts.ts';
import { glossaryTermSchema } from './schemas/glossary.ts';
import { instrumentSchema } from './schemas/instrument.ts';
import { lessonSchema } from './schemas/lesson.ts';
import { moduleSchema } from './schemas/module.ts';
import { referenceSchema } from './schemas/reference.ts';

// Cross-file rules (unknown citation keys, unknown terms, duplicate exercise ids) are
// checked before this runs, by the course-integrity integration in src/course/.

const modules = defineCollection({
  loader: glob({
    pattern: '*/module.yaml',
    base: './modules',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: moduleSchema,
});

const lessons = defineCollection({
  loader: glob({
    pattern: '*/[0-9]*.mdx',
    base: './modules',
    generateId: ({ entry }) => {
      const [folder = '', fileName = ''] = entry.split('/');
      return lessonIdFromPath(folder, fileName);
    },
  }),
  schema: lessonSchema,
});

const references = defineCollection({
  loader: file('content/references.yaml', {
    parser: (text) => (parse(text) as { key: string }[]).map((entry) => ({ id: entry.key, ...entry })),
  }),
  schema: referenceSchema.extend({ id: z.string() }),
});

const glossary = defineCollection({
  loader: file('content/glossary.yaml'),
  schema: glossaryTermSchema,
});

const instruments = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/instruments' }),
  schema: instrumentSchema,
});

export const collections = { modules, lessons, references, glossary, instruments };
