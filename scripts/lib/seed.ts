/**
 * Test and benchmark data: a trainer, a cohort of learners (all with one password, hashed once),
 * assigned role-plays, and optionally one finished attempt per learner and assignment. Used by the
 * server benchmark (scripts/bench-server.ts) and the kill test (tests/e2e/sync-kill.spec.ts).
 */
import { randomUUID } from 'node:crypto';
import { savedChoices } from '../../src/engine/annotated.ts';
import { playPath } from '../../src/engine/run.ts';
import { scoreRun, summarise } from '../../src/engine/scoring.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import { createAccount, type Auth } from '../../src/server/auth.ts';
import type { Connection } from '../../src/server/db/connect.ts';
import type { AttemptTable } from '../../src/server/db/schema.ts';
import { createAssignments, type Assignment } from '../../src/server/repo/assignments.ts';
import { addMember, createCohort, type Cohort } from '../../src/server/repo/cohorts.ts';

export interface Seeded {
  trainer: { id: string; email: string; password: string };
  cohort: Cohort;
  assignments: Assignment[];
  learners: { id: string; email: string }[];
  /** Every learner's password. */
  password: string;
}

/** The replies of the ★ path as a device sends them (src/stores/roleplays.ts buildAttempt). */
export function exemplarTranscript(scenario: Scenario) {
  return savedChoices(playPath(scenario, scenario.benchmarks.exemplarPath));
}

/** A sync body for POST /api/attempts: the ★ path of the assignment's role-play, with a new UUID. */
export function exemplarBody(assignmentId: string, scenario: Scenario, id: string = randomUUID()) {
  return {
    assignmentId,
    attempt: {
      id,
      scenarioId: scenario.id,
      mode: 'assessed' as const,
      startedAt: '2026-11-23T10:00:00.000Z',
      finishedAt: '2026-11-23T10:12:00.000Z',
      transcript: exemplarTranscript(scenario),
    },
  };
}

export async function seedCohort(
  connection: Connection,
  auth: Auth,
  /** attempts: one finished attempt per learner and assignment (true), or that many each (a number). */
  options: { learners: number; scenarios: Scenario[]; attempts: boolean | number; password?: string },
): Promise<Seeded> {
  const { db } = connection;
  const password = options.password ?? 'learner-password-123';
  const trainerPassword = 'trainer-password-123';
  const trainerEmail = `trainer-${randomUUID().slice(0, 8)}@example.org`;
  const trainer = await createAccount(auth, {
    email: trainerEmail,
    name: 'Bench Trainer',
    password: trainerPassword,
    role: 'trainer',
  });
  const cohort = await createCohort(db, trainer.id, 'Benchmark intake');
  const assignments = await createAssignments(db, {
    cohortId: cohort.id,
    createdBy: trainer.id,
    scenarioIds: options.scenarios.map((scenario) => scenario.id),
    mode: 'assessed',
    dueAt: null,
    note: null,
  });
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  const learners: Seeded['learners'] = [];
  for (let i = 0; i < options.learners; i++) {
    const email = `learner-${String(i).padStart(4, '0')}-${cohort.id.slice(0, 8)}@example.org`;
    const user = await context.internalAdapter.createUser(
      { email, name: `Learner ${String(i + 1)}`, emailVerified: false, role: 'learner' },
      { method: 'admin' },
    );
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: hash,
    });
    await addMember(db, cohort.id, user.id);
    learners.push({ id: user.id, email });
  }
  const each = options.attempts === true ? 1 : Number(options.attempts);
  if (each > 0) await seedAttempts(connection, learners, assignments, options.scenarios, each);
  return { trainer: { ...trainer, password: trainerPassword }, cohort, assignments, learners, password };
}

/**
 * `each` finished ★-path attempts per learner and assignment, a minute apart, inserted in batches
 * of 200 rows in one transaction (30,000 rows in seconds on either database).
 */
async function seedAttempts(
  connection: Connection,
  learners: Seeded['learners'],
  assignments: Assignment[],
  scenarios: Scenario[],
  each: number,
): Promise<void> {
  const scored = new Map(
    scenarios.map((scenario) => {
      const run = playPath(scenario, scenario.benchmarks.exemplarPath);
      const scores = scoreRun(scenario, run);
      const ending = scenario.endings.find((candidate) => candidate.id === run.nodeId);
      return [
        scenario.id,
        {
          band: scores.band,
          outcome: ending?.outcome ?? 'partial',
          ending_id: run.nodeId,
          scores: JSON.stringify(summarise(scores)),
          transcript: JSON.stringify(exemplarTranscript(scenario)),
        },
      ];
    }),
  );
  const rows: AttemptTable[] = [];
  const start = Date.now() - each * 60_000;
  for (const learner of learners)
    for (const assignment of assignments) {
      const result = scored.get(assignment.scenario_id);
      if (!result) continue;
      for (let n = 0; n < each; n++) {
        const at = new Date(start + n * 60_000).toISOString();
        rows.push({
          id: randomUUID(),
          assignment_id: assignment.id,
          learner_id: learner.id,
          scenario_id: assignment.scenario_id,
          mode: 'assessed',
          started_at: at,
          finished_at: at,
          received_at: at,
          ...result,
        });
      }
    }
  await connection.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('attempt')
        .values(rows.slice(i, i + 200))
        .execute();
  });
}
