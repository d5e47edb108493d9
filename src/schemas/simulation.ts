import { z } from 'zod';

/** content/simulations/<id>.yaml: a course-level simulation whose scenes are role-plays (issue 12, item 4). */
export const simulationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use kebab-case, e.g. home-visit'),
    title: z.string().min(3),
    minutes: z.number().int().min(10).max(90).describe('About how long the whole simulation takes.'),
    summary: z.string().min(20),
    intro: z.string().min(20).describe('Who the person is and why you are visiting, shown before scene 1.'),
  })
  .strict();

export type Simulation = z.infer<typeof simulationSchema>;
