import type { Kysely } from 'kysely';
import { z } from 'zod';
import { annotate, type AnnotatedTranscript } from '../../engine/annotated.ts';
import type { ScoreSummary } from '../../engine/scoring.ts';
import { replayOnVersion, type Version } from '../../engine/versions.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import type { Database } from '../db/schema.ts';
import { assignmentsOf, type Assignment } from '../repo/assignments.ts';
import { attemptsOfLearnerInCohort, type StoredAttempt } from '../repo/attempts.ts';
import { cohortOfTrainer, membersOf, type Cohort, type Member } from '../repo/cohorts.ts';
import { bandWord, formatDay, formatDayTime, keyScores, MODE_WORDS } from './format.ts';

type Db = Kysely<Database>;

export type TranscriptView =
  | {
      ok: true;
      personaName: string;
      annotated: AnnotatedTranscript;
      /** Played on a kept earlier version of the role-play, not today's. */
      earlier: boolean;
    }
  | { ok: false; reason: string };

export interface AttemptView {
  id: string;
  title: string;
  mode: string;
  finished: string;
  finishedAt: string;
  band: string;
  outcome: string;
  scores: { label: string; short: string; value: string }[];
  due?: string;
  note: string | null;
  transcript: TranscriptView;
}

export interface LearnerDetail {
  cohort: Cohort;
  learner: Member;
  attempts: AttemptView[];
}

/** The stored replies: only what the replay needs is required; anything else is ignored. */
const storedChoices = z.array(
  z.object({
    optionId: z.string(),
    kept: z.boolean(),
    codes: z.array(z.string()).optional(),
    stance: z.string().optional(),
    typed: z
      .object({
        text: z.string(),
        behaviour: z.enum(['question', 'reflection', 'input', 'other']),
        codes: z.array(z.string()),
        stance: z.enum(['partnering', 'neutral', 'expert']),
        confidence: z.number(),
        matchedId: z.string(),
        corrected: z.literal(true).optional(),
        flagged: z.literal(true).optional(),
      })
      .optional(),
  }),
);

/**
 * Rebuilds one stored attempt's conversation with the same engine, on the version of the role-play
 * it was played on (`versions` current first, then kept older ones).
 */
export function transcriptOf(attempt: StoredAttempt, versions: readonly Version[]): TranscriptView {
  if (!versions.length)
    return {
      ok: false,
      reason: `The role-play ${attempt.scenario_id} is no longer in the course, so the conversation cannot be shown.`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(attempt.transcript);
  } catch {
    raw = undefined;
  }
  const choices = storedChoices.safeParse(raw);
  if (!choices.success) return { ok: false, reason: 'The replies saved with this attempt could not be read.' };
  const replay = replayOnVersion(versions, attempt.mode, choices.data, undefined, attempt.finished_at);
  if (!replay.ok) return { ok: false, reason: replay.reason };
  const { scenario } = replay.version;
  return {
    ok: true,
    personaName: scenario.persona.name,
    annotated: annotate(scenario, replay.run),
    earlier: replay.version !== versions[0],
  };
}

const OUTCOME_WORDS: Record<string, string> = {
  engaged: 'Engaged: the person stayed in the conversation',
  partial: 'Partly engaged',
  disengaged: 'Disengaged: the person pulled away',
};

function attemptView(attempt: StoredAttempt, assignment: Assignment | undefined, input: DetailInput) {
  const scenario = input.scenarios.find((candidate) => candidate.id === attempt.scenario_id);
  const versions = input.versions?.(attempt.scenario_id) ?? (scenario ? [{ hash: '', scenario }] : []);
  const view: AttemptView = {
    id: attempt.id,
    title: scenario?.title ?? attempt.scenario_id,
    mode: MODE_WORDS[attempt.mode],
    finished: formatDayTime(attempt.finished_at),
    finishedAt: attempt.finished_at,
    band: bandWord(attempt.band),
    outcome: OUTCOME_WORDS[attempt.outcome] ?? attempt.outcome,
    scores: keyScores(JSON.parse(attempt.scores) as ScoreSummary),
    note: assignment?.note ?? null,
    transcript: transcriptOf(attempt, versions),
  };
  if (assignment?.due_at) view.due = formatDay(assignment.due_at);
  return view;
}

/**
 * One learner's attempts at this cohort's assignments, newest first, each with its annotated
 * transcript. Undefined unless the cohort is this trainer's and the learner is in it.
 */
interface DetailInput {
  trainerId: string;
  cohortId: string;
  learnerId: string;
  scenarios: readonly Scenario[];
  /** Every kept version of a role-play, current first; without it, only the current one. */
  versions?: (id: string) => Version[];
}

export async function learnerDetail(db: Db, input: DetailInput): Promise<LearnerDetail | undefined> {
  const cohort = await cohortOfTrainer(db, input.trainerId, input.cohortId);
  if (!cohort) return undefined;
  const learner = (await membersOf(db, cohort.id)).find((member) => member.id === input.learnerId);
  if (!learner) return undefined;
  const [attempts, assignments] = await Promise.all([
    attemptsOfLearnerInCohort(db, cohort.id, learner.id),
    assignmentsOf(db, cohort.id),
  ]);
  const byId = new Map(assignments.map((assignment) => [assignment.id, assignment]));
  return {
    cohort,
    learner,
    attempts: attempts.map((attempt) => attemptView(attempt, byId.get(attempt.assignment_id), input)),
  };
}
