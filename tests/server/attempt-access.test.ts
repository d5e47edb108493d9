import { buildArtefact } from '../../src/course/artefact.ts';
import { contentFrom } from '../../src/server/content.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAttempt, postAttempt, type ApiDeps } from '../../src/server/api/attempts.ts';
import { createAccount } from '../../src/server/auth.ts';
import { createAssignments } from '../../src/server/repo/assignments.ts';
import { addMember, createCohort } from '../../src/server/repo/cohorts.ts';
import { syncLimits } from '../../src/server/sync-limits.ts';
import { getScenarios } from '../../src/course/scenarios.ts';
import { playPath } from '../../src/engine/run.ts';
import { buildAttempt } from '../../src/stores/roleplays.ts';
import { DATABASES, freshDatabase, SETTINGS, type TestDatabase } from './harness.ts';

const scenario = getScenarios().find((candidate) => candidate.id === 'mib-benefits-form-kitchen-table');
if (!scenario) throw new Error('scenario missing');

async function signIn(t: TestDatabase, email: string): Promise<string> {
  const response = await t.auth.handler(
    new Request(`${SETTINGS.baseURL}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SETTINGS.baseURL, 'x-alongside-client-ip': email },
      body: JSON.stringify({ email, password: 'a long enough password' }),
    }),
  );
  return (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
}

describe.each(DATABASES)('reading a synced attempt on %s', (kind) => {
  let t: TestDatabase;
  let deps: ApiDeps;
  const cookies: Record<string, string> = {};
  let attemptId = '';

  beforeAll(async () => {
    t = await freshDatabase(kind);
    deps = { connection: t.connection, auth: t.auth, sync: syncLimits(), ...contentFrom(buildArtefact()) };
    const make = (email: string, role: 'trainer' | 'learner') =>
      createAccount(t.auth, { email, name: email.split('@')[0] ?? email, password: 'a long enough password', role });
    const [tess, omar, ana, ben] = await Promise.all([
      make('tess@example.org', 'trainer'),
      make('omar@example.org', 'trainer'),
      make('ana@example.org', 'learner'),
      make('ben@example.org', 'learner'),
    ]);
    const cohort = await createCohort(t.connection.db, tess.id, 'Tess’s cohort');
    const other = await createCohort(t.connection.db, omar.id, 'Omar’s cohort');
    await addMember(t.connection.db, cohort.id, ana.id);
    await addMember(t.connection.db, other.id, ben.id);
    const [assignment] = await createAssignments(t.connection.db, {
      cohortId: cohort.id,
      createdBy: tess.id,
      scenarioIds: [scenario.id],
      mode: 'assessed',
      dueAt: null,
      note: null,
    });
    for (const email of ['tess@example.org', 'omar@example.org', 'ana@example.org', 'ben@example.org'])
      cookies[email] = await signIn(t, email);
    const saved = buildAttempt(scenario, playPath(scenario, scenario.benchmarks.exemplarPath), {
      attemptId: randomUUID(),
      startedAt: new Date().toISOString(),
    });
    attemptId = saved.id;
    const response = await postAttempt(
      new Request(`${SETTINGS.baseURL}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies['ana@example.org'] ?? '' },
        body: JSON.stringify({
          assignmentId: assignment?.id,
          attempt: {
            id: saved.id,
            scenarioId: saved.scenarioId,
            mode: saved.mode,
            startedAt: saved.startedAt,
            finishedAt: saved.finishedAt,
            transcript: saved.transcript,
          },
        }),
      }),
      deps,
    );
    expect(response.status).toBe(201);
  });
  afterAll(async () => {
    await t.dispose();
  });

  const read = (email?: string) =>
    getAttempt(
      new Request(`${SETTINGS.baseURL}/api/attempts/${attemptId}`, {
        headers: email ? { cookie: cookies[email] ?? '' } : {},
      }),
      deps,
      attemptId,
    );

  it('lets the learner who made it and the trainer of the cohort read it', async () => {
    const own = await read('ana@example.org');
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ id: attemptId, band: 'proficient', scenarioId: scenario.id });
    expect((await read('tess@example.org')).status).toBe(200);
  });

  it('answers 404 to another learner and another trainer, and 401 when signed out', async () => {
    expect((await read('ben@example.org')).status).toBe(404);
    expect((await read('omar@example.org')).status).toBe(404);
    expect((await read()).status).toBe(401);
  });
});
