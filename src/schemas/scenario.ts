import { z } from 'zod';

// Plain zod (the same version Astro uses) so the engine and CLI run outside Astro.
// Field names are the contract in curriculum/03-roleplays.md, section C1.

export const MITI_CODES = ['GI', 'PERS', 'PWP', 'OQ', 'CQ', 'SR', 'CR', 'AF', 'SEEK', 'AUTO', 'CON', 'NC'] as const;
export const STANCES = ['partnering', 'neutral', 'expert'] as const;
export const RUPTURE_STATES = ['none', 'withdrawal', 'confrontation', 'repaired'] as const;
export const MARKERS = [
  'attend',
  'explore',
  'own-part',
  'permission-asked',
  'info-with-permission',
  'info-unasked',
  'menu',
  'next-step',
  'goal-own-words',
  'risk-check',
  'risk-unsafe',
] as const;
/** Topics that get a short content note before a lesson or role-play (issue 12, item 7). */
export const CONTENT_TOPICS = ['suicide', 'overdose'] as const;
export type ContentTopic = (typeof CONTENT_TOPICS)[number];
export { DEFAULT_MAX_CHOICES, maxChoicesOf, RISK_CUE, UNSAFE } from './scenario-terms.ts';
export const SETTINGS = [
  'home-visit',
  'street-outreach',
  'drop-in',
  'phone',
  'car-ride',
  'bus-ride',
  'pharmacy',
  'supervision',
  'peer-check-in',
  'community',
] as const;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'use letters, digits and dashes, e.g. N2-A');
const condition = z.string().min(3).describe('A condition such as "bond >= 3 and CT >= 4" (see C1.6).');

/** Deltas and events a reply (or a scripted onEnter) applies to the client state (C1.6). */
export const effectsSchema = z
  .object({
    bond: z.number().int().min(-5).max(5).optional(),
    CT: z.number().int().min(-10).max(10).optional(),
    ST: z.number().int().min(-10).max(10).optional(),
    open: z.number().int().min(-5).max(5).optional(),
    set: z.array(z.string().min(1)).optional().describe('Flags to set, e.g. permission.'),
    rupture: z.enum(['withdrawal', 'confrontation', 'repair']).optional(),
  })
  .strict();

/** `next`: a node id, or an ordered list of conditional branches that ends with `else`. */
export const nextSchema = z.union([
  id,
  z.array(z.union([z.object({ if: condition, to: id }).strict(), z.object({ else: id }).strict()])).min(1),
]);

export const optionSchema = z
  .object({
    id: id.describe('Authoring id, e.g. N3-B; display order is shuffled per attempt.'),
    text: z.string().min(2).describe('The learner reply, shown verbatim; stage actions in parentheses.'),
    codes: z.array(z.string()).min(1).max(2).describe('1–2 codes from the C1.5 list (checked by the graph checks).'),
    stance: z.string().describe('partnering, neutral or expert.'),
    effects: effectsSchema.default({}),
    feedback: z.string().min(2).describe('Authored feedback (35 words or fewer).'),
    next: nextSchema,
    exemplar: z.boolean().optional().describe('True for exactly one option per client node (the ★).'),
    showIf: condition.optional().describe('The option appears only while this holds (late repairs).'),
    action: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe('In a checklist scene: the checklist step this reply carries out, or "unsafe" (see checklist.ts).'),
    markers: z
      .array(z.enum(MARKERS))
      .optional()
      .describe(
        'Evidence markers for the gap view; risk-check marks a direct question about suicidal thoughts, risk-unsafe a reply that leaves a person at risk less safe (promising secrecy, putting off a plan).',
      ),
  })
  .strict();

export const variantSchema = z.union([
  z.object({ from: id, bridge: z.string().min(1) }).strict(),
  z.object({ if: condition, bridge: z.string().min(1) }).strict(),
  z.object({ if: condition, replace: z.string().min(1), talk: z.array(z.string()).optional() }).strict(),
]);

export const clientNodeSchema = z
  .object({
    id,
    type: z.literal('client'),
    context: z.string().min(2).describe('Stage direction: what the hands are doing, nonverbal cues.'),
    clientLine: z.string().min(2),
    variants: z.array(variantSchema).default([]),
    talk: z
      .array(z.string())
      .default([])
      .describe('Talk tags, e.g. CT-reason, ST-ability, request-info, risk-cue (the line sounds hopeless).'),
    onEnter: z.object({ effects: effectsSchema }).strict().optional(),
    options: z.array(optionSchema).min(1),
  })
  .strict();

export const routerNodeSchema = z
  .object({
    id,
    type: z.literal('router'),
    routes: z.array(z.union([z.object({ if: condition, to: id }).strict(), z.object({ else: id }).strict()])).min(1),
  })
  .strict();

export const endingSchema = z
  .object({
    id,
    outcome: z.enum(['engaged', 'partial', 'disengaged']),
    clientLine: z.string().min(2),
    variants: z.array(variantSchema).default([]),
    debrief: z.string().min(10),
    storyNote: z.string().min(2).optional(),
  })
  .strict();

/** Client nodes may omit `type`; it is filled in so errors can name the exact missing field. */
const nodeSchema = z.preprocess(
  (value) => (value && typeof value === 'object' && !('type' in value) ? { ...value, type: 'client' } : value),
  z.discriminatedUnion('type', [clientNodeSchema, routerNodeSchema]),
);

const metricsSchema = z
  .object({
    ending: id.optional(),
    finalState: z.object({ bond: z.number(), CT: z.number(), ST: z.number(), open: z.number() }).strict().optional(),
    rq: z.number().nullable().optional(),
    pctCR: z.number().optional(),
    AD: z.number().optional(),
    NA: z.number().optional(),
    SI: z.number().optional(),
    partnership: z.number().optional(),
    empathy: z.number().optional(),
    relational: z.number().optional(),
    cct: z.number().optional(),
    sst: z.number().optional(),
    technical: z.number().optional(),
    band: z.enum(['proficient', 'developing', 'beginning']).optional(),
  })
  .strict();

export type ExpectedMetrics = z.infer<typeof metricsSchema>;

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use kebab-case'),
    title: z.string().min(3),
    module: z.enum(['motivational-interviewing', 'collaborative-helping', 'harm-reduction', 'resilience-self-care']),
    setting: z.enum(SETTINGS),
    settingTask: z.string().min(3).describe('The practical task done while talking, shown on the intro card.'),
    learnerRole: z.enum(['worker', 'supervisor', 'peer']),
    persona: z
      .object({
        name: z.string(),
        age: z.number().int().positive(),
        pronouns: z.string(),
        situation: z.string(),
        wants: z.string(),
        ambivalence: z.object({ sustain: z.string(), change: z.string() }).strict(),
        illustration: z.string().optional(),
      })
      .strict(),
    learningTarget: z.object({ text: z.string(), skills: z.array(z.string()).min(1).max(3) }).strict(),
    simulation: z
      .object({
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use kebab-case, e.g. home-visit'),
        scene: z.number().int().min(1).max(8).describe('Its place in the simulation, from 1.'),
        skill: z.string().min(3).describe('The skill area this scene is scored for, e.g. "Motivational interviewing".'),
      })
      .strict()
      .optional()
      .describe('A scene of a course-level simulation (content/simulations/<id>.yaml), not a standalone role-play.'),
    practises: z
      .array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+#\d+$/, 'write <module>/<lesson-slug>#<objective number>'))
      .default([])
      .describe('Lesson objectives this role-play practises, e.g. harm-reduction/responding-to-opioid-overdose#2.'),
    contentNote: z
      .array(z.enum(CONTENT_TOPICS))
      .optional()
      .describe('Hard topics named in a note before it starts; suicide is added wherever a line is a risk cue.'),
    initialState: z
      .object({
        bond: z.number().int().min(-5).max(5),
        CT: z.number().int().min(0).max(10),
        ST: z.number().int().min(0).max(10),
        open: z.number().int().min(0).max(5),
        rupture: z.enum(RUPTURE_STATES).default('none'),
        flags: z.array(z.string()).default([]),
      })
      .strict(),
    globalGuard: z.object({ if: condition, to: id }).strict().optional(),
    maxChoices: z
      .number()
      .int()
      .min(7)
      .max(12)
      .optional()
      .describe('The most choices a path may take (C5; 7 unless a risk branch or a long scene needs more).'),
    checklist: z
      .object({
        title: z.string().min(3).describe('What the steps are, e.g. "Responding to an overdose".'),
        steps: z
          .array(
            z
              .object({
                id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase words and dashes, e.g. call-help'),
                label: z.string().min(3),
                after: z
                  .array(z.string())
                  .default([])
                  .describe('Steps that must come first; steps with no order between them may come either way.'),
                critical: z.boolean().default(true).describe('A missed or misplaced critical step is unsafe.'),
              })
              .strict(),
          )
          .min(2),
      })
      .strict()
      .optional()
      .describe('An ordered checklist scored beside the MI scores (issue 12), e.g. the steps of an overdose response.'),
    startNode: id,
    nodes: z.array(nodeSchema).min(1),
    endings: z.array(endingSchema).min(2),
    benchmarks: z
      .object({
        exemplarPath: z.array(id).min(1),
        ctMax: z.number().int().positive(),
        expected: metricsSchema,
        fixtures: z
          .array(z.object({ name: z.string(), path: z.array(id).min(1), expected: metricsSchema }).strict())
          .default([]),
      })
      .strict(),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;

export type ClientNode = z.infer<typeof clientNodeSchema>;
export type RouterNode = z.infer<typeof routerNodeSchema>;
export type Ending = z.infer<typeof endingSchema>;
export type ReplyOption = z.infer<typeof optionSchema>;
export type Effects = z.infer<typeof effectsSchema>;
export type Next = z.infer<typeof nextSchema>;
export type MitiCode = (typeof MITI_CODES)[number];
export type Stance = (typeof STANCES)[number];
export type Checklist = NonNullable<Scenario['checklist']>;
