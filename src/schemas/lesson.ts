import { z } from 'astro/zod';

/** A lesson's MDX frontmatter. The body uses the course components (see README). */
export const lessonSchema = z
  .object({
    title: z.string().min(3).describe('Learner-facing lesson title.'),
    order: z.number().int().positive().describe('1-based position within its module.'),
    minutes: z.number().int().min(5).max(45).describe('Estimated minutes; lessons are 20–30, the orientation 15.'),
    summary: z.string().min(20).max(200).describe('One sentence for lesson lists and the page description.'),
    objectives: z
      .array(z.string().min(10))
      .min(1)
      .describe('Measurable learning objectives, each starting with a verb ("Name…", "Classify…").'),
    contentNote: z
      .array(z.enum(['suicide', 'overdose']))
      .optional()
      .describe('Hard topics the lesson deals with; a short note with the local crisis numbers opens the page.'),
    references: z
      .array(z.string())
      .default([])
      .describe('Keys from content/references.yaml; every key cited in the body must be listed here.'),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
