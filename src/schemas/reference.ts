import { z } from 'astro/zod';

/** One bibliography entry in content/references.yaml (APA 7). */
export const referenceSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case kebab-case, e.g. miller-rollnick-2013')
      .describe('Stable citation key used by <Cite keys> and lesson frontmatter.'),
    author: z.string().min(2).describe('Author part of the in-text citation, e.g. "Miller & Rollnick".'),
    year: z.string().min(2).describe('Year part of the in-text citation, e.g. "2013" or "n.d.".'),
    apa: z.string().min(20).describe('The full APA 7 reference; *asterisks* mark italics.'),
    url: z.url().optional().describe('DOI or stable link, when there is one.'),
    verify: z
      .string()
      .optional()
      .describe(
        'Open verification note for content authors, kept until the item is checked against its source. Never shown to learners; `npm run verify-notes` lists them.',
      ),
  })
  .strict();

export type Reference = z.infer<typeof referenceSchema>;
