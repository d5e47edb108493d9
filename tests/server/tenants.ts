import { buildArtefact } from '../../src/course/artefact.ts';
import { contentFrom } from '../../src/server/content.ts';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { getScenarios } from '../../src/course/scenarios.ts';
import { savedChoices } from '../../src/engine/annotated.ts';
import { playPath, type Mode } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import type { ApiDeps } from '../../src/server/api/attempts.ts';
import { createAccount, type Role } from '../../src/server/auth.ts';
import { createAssignments } from '../../src/server/repo/assignments.ts';
import { addMember, createCohort } from '../../src/server/repo/cohorts.ts';
import { syncLimits, type SyncLimits } from '../../src/server/sync-limits.ts';
import { SETTINGS, type TestDatabase } from './harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The real role-plays of the course, as the server loads them. */
export const scenarios = (): Scenario[] => getScenarios(root);

export const scenarioById = (id: string): Scenario => {
  const found = scenarios().find((scenario) => scenario.id === id);
  if (!found) throw new Error(`no role-play ${id}`);
  return found;
};

/** The transcript a device sends for a run (src/stores/roleplays.ts buildAttempt). */
export const transcriptOf = savedChoices;

/** A sync body for the options chosen, as a learner's device would send it. */
export function attemptBody(
  assignmentId: string,
  scenario: Scenario,
  path: readonly string[],
  options: { id?: string; mode?: Mode } = {},
) {
  const mode = options.mode ?? 'assessed';
  return {
    assignmentId,
    attempt: {
      id: options.id ?? randomUUID(),
      scenarioId: scenario.id,
      mode,
      startedAt: '2026-11-23T10:00:00.000Z',
      finishedAt: '2026-11-23T10:12:00.000Z',
      transcript: transcriptOf(playPath(scenario, path, mode)),
    },
  };
}

let addressCounter = 0;
/** A fresh client address per sign-in, so the sign-in rate limit never trips by accident. */
export const freshAddress = (): string => {
  addressCounter += 1;
  return `10.${String(Math.floor(addressCounter / 250) % 250)}.${String(addressCounter % 250)}.${String(process.pid % 250)}`;
};

export function signInRequest(email: string, password: string, address = freshAddress()): Request {
  return new Request(`${SETTINGS.baseURL}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SETTINGS.baseURL, 'x-alongside-client-ip': address },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in through better-auth's own handler; returns the session cookie to send. */
export async function signIn(t: TestDatabase, email: string, password: string): Promise<string> {
  const response = await t.auth.handler(signInRequest(email, password));
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${String(response.status)}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  const token = /(?:^|,\s*)([^=;,\s]*session_token=[^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error(`no session cookie for ${email}`);
  return token;
}

export interface Person {
  id: string;
  email: string;
  password: string;
  cookie: string;
}

async function person(t: TestDatabase, email: string, role: Role): Promise<Person> {
  const password = `password-of-${email}`;
  const { id } = await createAccount(t.auth, { email, name: email.split('@')[0] ?? email, password, role });
  return { id, email, password, cookie: await signIn(t, email, password) };
}

export const DENISE = 'mib-benefits-form-kitchen-table';
/** Denise's mixed path: R:Q 1.0, %CR 0%, "developing" (tests/unit/engine-scoring.test.ts). */
export const WEAK_PATH = ['N1-B', 'N2-B', 'N3-D', 'N4-A', 'N5-C'];

/**
 * Two tenants. Trainer A's cohort holds learners 1 and 2 and an assessed assignment of Denise's
 * role-play; trainer B's cohort holds learner 3 and an assignment of its own.
 */
export async function twoTenants(t: TestDatabase, sync: SyncLimits = syncLimits()) {
  const [trainerA, trainerB] = [
    await person(t, 'trainer-a@example.org', 'trainer'),
    await person(t, 'trainer-b@example.org', 'trainer'),
  ];
  const [learner1, learner2, learner3] = [
    await person(t, 'learner-1@example.org', 'learner'),
    await person(t, 'learner-2@example.org', 'learner'),
    await person(t, 'learner-3@example.org', 'learner'),
  ];
  const { db } = t.connection;
  const cohortA = await createCohort(db, trainerA.id, 'Spring intake');
  const cohortB = await createCohort(db, trainerB.id, 'Other team');
  await addMember(db, cohortA.id, learner1.id);
  await addMember(db, cohortA.id, learner2.id);
  await addMember(db, cohortB.id, learner3.id);
  const common = { dueAt: null, note: null };
  const [assignmentA] = await createAssignments(db, {
    ...common,
    cohortId: cohortA.id,
    createdBy: trainerA.id,
    scenarioIds: [DENISE],
    mode: 'assessed',
  });
  const [assignmentB] = await createAssignments(db, {
    ...common,
    cohortId: cohortB.id,
    createdBy: trainerB.id,
    scenarioIds: [DENISE],
    mode: 'assessed',
  });
  if (!assignmentA || !assignmentB) throw new Error('assignments were not created');
  const deps: ApiDeps = { connection: t.connection, auth: t.auth, sync, ...contentFrom(buildArtefact(root)) };
  return { deps, trainerA, trainerB, learner1, learner2, learner3, cohortA, cohortB, assignmentA, assignmentB };
}
