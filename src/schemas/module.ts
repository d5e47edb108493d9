import { z } from 'astro/zod';

/** The four course modules, plus the orientation that opens the course. */
export const MODULE_IDS = [
  'orientation',
  'motivational-interviewing',
  'collaborative-helping',
  'harm-reduction',
  'resilience-self-care',
] as const;

/**
 * A module's `module.yaml`: what the module is and what a learner will be able to do after it.
 * It types no length: a module's minutes and lesson count are computed from its lessons
 * (src/course/course-time.ts), so a typed `minutes` is refused as an unknown field.
 */
export const moduleSchema = z
  .object({
    id: z.enum(MODULE_IDS).describe('Stable id; must equal the folder name under modules/.'),
    title: z.string().min(3).describe('Learner-facing title, e.g. "Motivational Interviewing Basics".'),
    order: z.number().int().min(0).describe('Position in the course; 0 is the orientation.'),
    kind: z
      .enum(['orientation', 'module'])
      .default('module')
      .describe('"orientation" is the short course opener shown above the module cards.'),
    summary: z.string().min(20).max(300).describe('One or two sentences for the module card.'),
    outcomes: z
      .array(z.string().min(10))
      .min(1)
      .describe('What a learner can do after the module, each starting with a measurable verb.'),
    support: z
      .object({
        eap: z
          .string()
          .min(10)
          .describe('Where to find the Employee Assistance Programme; agencies put their number here.'),
      })
      .strict()
      .optional()
      .describe(
        'Support shown at the foot of every lesson in the module (Resilience & Self-Care), with the crisis and emergency numbers from content/local-numbers.yaml.',
      ),
  })
  .strict();

export type CourseModule = z.infer<typeof moduleSchema>;
