import { z } from 'astro/zod';

/** One term in content/glossary.yaml, marked in lessons with <Term id="...">. */
export const glossaryTermSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. righting-reflex')
      .describe('Stable id used by <Term id>.'),
    term: z.string().min(2).describe('The term as it is displayed in the glossary.'),
    definition: z.string().min(20).describe('A short, plain definition in our own words.'),
    references: z
      .array(z.string())
      .default([])
      .describe('Keys from content/references.yaml that support the definition.'),
  })
  .strict();

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
