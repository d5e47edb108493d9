import { z } from 'zod';

/** A typed reply (issue 13): the server reads the words again; the device's codes only travel along. */
const typedReply = z
  .object({
    text: z.string().min(1).max(600),
    behaviour: z.enum(['question', 'reflection', 'input', 'other']),
    codes: z.array(z.string().max(8)).max(4),
    stance: z.enum(['partnering', 'neutral', 'expert']),
    confidence: z.number().min(0).max(1),
    matchedId: z.string().min(1).max(64),
    corrected: z.literal(true).optional(),
    flagged: z.literal(true).optional(),
  })
  .strict();

/** One reply as the device saved it (src/stores/roleplays.ts Attempt.transcript). */
const savedChoice = z
  .object({
    nodeId: z.string().min(1).max(64),
    optionId: z.string().min(1).max(64),
    attempt: z.number().int().min(1).max(50),
    kept: z.boolean(),
    codes: z.array(z.string().max(8)).max(8),
    stance: z.string().max(16),
    markers: z.array(z.string().max(32)).max(12).optional(),
    typed: typedReply.optional(),
  })
  .strict();

/**
 * What a device sends for an assigned role-play: the attempt's UUID (the idempotency key) and the
 * replies chosen. Scores are not accepted from the device: the server replays the replies with the
 * same engine and scores them itself, so a result cannot be edited on the way.
 */
export const syncAttemptBody = z
  .object({
    assignmentId: z.uuid(),
    attempt: z
      .object({
        id: z.uuid(),
        scenarioId: z.string().min(1).max(80),
        mode: z.enum(['assessed', 'practice']),
        startedAt: z.iso.datetime(),
        finishedAt: z.iso.datetime(),
        transcript: z.array(savedChoice).min(1).max(300),
        /** The version played (absent from attempts saved before versions were hashed). */
        scenarioHash: z
          .string()
          .regex(/^[0-9a-f]{16}$/)
          .optional(),
      })
      .strict(),
  })
  .strict();

export type SyncAttemptBody = z.infer<typeof syncAttemptBody>;
