/**
 * Test-only seeding for tests/e2e/trainer.spec.ts, run as a child process on the e2e server's SQLite
 * file: a learner joins a cohort (as an invite link would let them), finishes its first assignment
 * on the role-play's strongest path (stored as the sync API stores it) and opens the second one.
 * The real join page and sync are another part of the suite; this only gives the trainer pages data.
 *
 * Usage: node tests/e2e/seed-learner.ts COHORT_ID NAME EMAIL
 * Prints {"learnerId", "password", "band"} as JSON.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { getScenarios } from '../../src/course/scenarios.ts';
import { playPath } from '../../src/engine/run.ts';
import { createAccount, createAuth } from '../../src/server/auth.ts';
import { readConfig } from '../../src/server/config.ts';
import { openSqlite } from '../../src/server/db/connect.ts';
import { assignmentsOf, recordStart } from '../../src/server/repo/assignments.ts';
import { storeAttempt } from '../../src/server/repo/attempts.ts';
import { addMember } from '../../src/server/repo/cohorts.ts';
import { buildAttempt } from '../../src/stores/roleplays.ts';

const [cohortId = '', name = '', email = ''] = process.argv.slice(2);
const file = join(resolve('test-results/e2e-server'), 'alongside.db');
const config = readConfig({
  ...process.env,
  ALONGSIDE_SQLITE_FILE: file,
  BETTER_AUTH_SECRET: 'e2e-only-secret-e2e-only-secret-0123456789',
});
const connection = openSqlite(file);
try {
  const { db } = connection;
  const password = randomBytes(12).toString('base64url');
  const learner = await createAccount(createAuth(connection, config.auth), { email, name, password, role: 'learner' });
  await addMember(db, cohortId, learner.id);
  const [first, second] = await assignmentsOf(db, cohortId);
  const scenario = getScenarios().find((candidate) => candidate.id === first?.scenario_id);
  if (!first || !scenario) throw new Error('The cohort needs an assignment first.');
  const run = playPath(scenario, scenario.benchmarks.exemplarPath, first.mode);
  const finishedAt = new Date().toISOString();
  const attempt = buildAttempt(scenario, run, {
    attemptId: randomUUID(),
    startedAt: new Date(Date.now() - 600_000).toISOString(),
  });
  await storeAttempt(db, {
    id: attempt.id,
    assignment_id: first.id,
    learner_id: learner.id,
    scenario_id: scenario.id,
    mode: first.mode,
    band: attempt.band,
    outcome: attempt.outcome,
    ending_id: attempt.endingId,
    started_at: attempt.startedAt,
    finished_at: finishedAt,
    received_at: finishedAt,
    scores: JSON.stringify(attempt.scores),
    transcript: JSON.stringify(attempt.transcript),
  });
  if (second) await recordStart(db, second.id, learner.id);
  console.log(JSON.stringify({ learnerId: learner.id, password, band: attempt.band }));
} finally {
  await connection.close();
}
