/**
 * Test-only seeding for tests/e2e/trainer.spec.ts, run as a child process on the e2e server's SQLite
 * file: a learner joins a cohort (as an invite link would let them), finishes its first assignment
 * on the role-play's strongest path (stored as the sync API stores it) and opens the second one.
 * An earlier attempt at the first assignment is stored as the first wave saved it: played on the
 * version of the role-play kept in content/scenario-archive that was live on 30 November, with no
 * version hash, so the trainer's page must find that version to show the words the learner saw.
 * The real join page and sync are another part of the suite; this only gives the trainer pages data.
 *
 * Usage: node tests/e2e/seed-learner.ts COHORT_ID NAME EMAIL
 * Prints {"learnerId", "password", "band"} as JSON.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { archivedScenarios } from '../../src/course/artefact.ts';
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
  const EARLIER = '2026-11-30T10:00:00.000Z';
  const earlier = archivedScenarios(process.cwd())
    .filter((version) => version.id === scenario.id && (version.servedFrom ?? '') <= EARLIER)
    .sort((a, b) => (b.servedFrom ?? '').localeCompare(a.servedFrom ?? ''))[0];
  if (!earlier) throw new Error(`No kept version of ${scenario.id} was live on ${EARLIER}.`);
  const store = async (played: typeof scenario, finishedAt: string) => {
    const run = playPath(played, played.benchmarks.exemplarPath, first.mode);
    const attempt = buildAttempt(played, run, {
      attemptId: randomUUID(),
      startedAt: new Date(Date.parse(finishedAt) - 600_000).toISOString(),
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
    return attempt;
  };
  await store(earlier, EARLIER);
  const attempt = await store(scenario, new Date().toISOString());
  if (second) await recordStart(db, second.id, learner.id);
  console.log(JSON.stringify({ learnerId: learner.id, password, band: attempt.band }));
} finally {
  await connection.close();
}
