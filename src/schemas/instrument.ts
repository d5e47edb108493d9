import { z } from 'astro/zod';

/** A self-assessment instrument (content/instruments/*.yaml), e.g. the working-alliance practice self-check. */
export const instrumentSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Stable id; saved results are keyed by it.'),
    version: z.number().int().positive().describe('Bump when items change, so old results are read correctly.'),
    title: z.string().min(3),
    minutes: z.number().int().positive(),
    intro: z.string().min(20).describe('Why the check exists, shown before the items.'),
    instructions: z.string().min(20).describe('How to answer.'),
    privacy: z.string().min(20).describe('Where answers are kept, shown on screen.'),
    scale: z
      .array(z.object({ value: z.number().int(), label: z.string() }).strict())
      .min(2)
      .describe('Answer options, lowest first.'),
    subscales: z
      .array(
        z
          .object({
            id: z.string(),
            label: z.string(),
            nextPractice: z
              .array(z.object({ label: z.string(), href: z.string().startsWith('/') }).strict())
              .default([]),
          })
          .strict(),
      )
      .min(1),
    items: z
      .array(
        z
          .object({
            id: z.string(),
            subscale: z.string().describe('One of the subscale ids.'),
            text: z.string().min(10),
            reverse: z.boolean().default(false).describe('Scored as (max + min) − rating.'),
          })
          .strict(),
      )
      .min(1)
      .describe('In the order they are shown.'),
    bands: z
      .array(z.object({ min: z.number(), label: z.string(), meaning: z.string() }).strict())
      .min(1)
      .describe('Lowest first; a score takes the last band whose min it reaches (after rounding to one decimal).'),
    ceilingPrompt: z.string().optional(),
    retakeGuidance: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((instrument, context) => {
    const subscales = new Set(instrument.subscales.map((subscale) => subscale.id));
    instrument.items.forEach((item, index) => {
      if (!subscales.has(item.subscale)) {
        context.addIssue({
          code: 'custom',
          path: ['items', index, 'subscale'],
          message: `item ${item.id} names subscale “${item.subscale}”, which is not listed under subscales`,
        });
      }
    });
    const ids = instrument.items.map((item) => item.id);
    if (new Set(ids).size !== ids.length)
      context.addIssue({ code: 'custom', path: ['items'], message: 'item ids must be unique' });
  });

export type Instrument = z.infer<typeof instrumentSchema>;
