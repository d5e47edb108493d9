/**
 * Kill test (no browser): a learner's device syncs 200 attempts to the real built server, which is
 * killed with SIGKILL part-way. After a restart on the same SQLite file, every attempt the server
 * acknowledged is there, and a retry of all 200 stores each exactly once.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { getScenarios } from '../../src/course/scenarios.ts';
import { authOptions, createAuth } from '../../src/server/auth.ts';
import { readConfig } from '../../src/server/config.ts';
import { openSqlite } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { exemplarBody, seedCohort } from '../../scripts/lib/seed.ts';
import { freePort, serverEnv, signIn, startServer, type RunningServer } from '../../scripts/lib/server-process.ts';

const TOTAL = 200;
const KILL_AFTER = 60;
const CONCURRENCY = 8;

test('SIGKILL while syncing 200 attempts: acknowledged ones survive, the rest arrive on retry, none twice', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'alongside-kill-'));
  const file = join(dir, 'alongside.db');
  const port = await freePort();
  const env = serverEnv(port, { file });
  let server: RunningServer | undefined;
  try {
    // A trainer's cohort with one learner and one assessed role-play, written before the server starts.
    const scenario = getScenarios(resolve('.')).find((candidate) => candidate.id === 'mib-benefits-form-kitchen-table');
    if (!scenario) throw new Error('role-play missing');
    const config = readConfig(env);
    const connection = openSqlite(file);
    await migrate(connection, authOptions(connection, config.auth));
    const seeded = await seedCohort(connection, createAuth(connection, config.auth), {
      learners: 1,
      scenarios: [scenario],
      attempts: false,
    });
    await connection.close();
    const [learner] = seeded.learners;
    const [assignment] = seeded.assignments;
    if (!learner || !assignment) throw new Error('seed failed');
    const bodies = Array.from({ length: TOTAL }, () => exemplarBody(assignment.id, scenario, randomUUID()));

    server = await startServer(env);
    const running = server;
    const cookie = await signIn(running.base, learner.email, seeded.password);
    const send = (body: (typeof bodies)[number]) =>
      fetch(`${running.base}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: running.base, cookie },
        body: JSON.stringify(body),
      });

    // Sync with 8 requests in flight; kill the server's own Node process after 60 acknowledgements.
    const acknowledged = new Set<string>();
    let next = 0;
    let killed = false;
    // A function, so the check reads the flag as it is now (another worker may have set it).
    const wasKilled = (): boolean => killed;
    const worker = async (): Promise<void> => {
      while (next < TOTAL && !wasKilled()) {
        const body = bodies[next++];
        if (!body) return;
        try {
          const response = await send(body);
          if (response.status === 201 || response.status === 200) acknowledged.add(body.attempt.id);
          else throw new Error(`unexpected ${String(response.status)}: ${await response.text()}`);
        } catch (error) {
          if (!wasKilled()) throw error;
        }
        if (acknowledged.size >= KILL_AFTER && !wasKilled()) {
          killed = true;
          running.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await server.stop();
    expect(running.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.size).toBeLessThan(TOTAL);
    test.info().annotations.push({ type: 'killed after', description: `${String(acknowledged.size)} acknowledged` });

    server = await startServer(env);
    const restarted = server;
    // Read the file directly, read-only, beside the running server.
    const reader = new DatabaseSync(file, { readOnly: true });
    try {
      expect(reader.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
      const stored = new Set((reader.prepare('SELECT id FROM attempt').all() as { id: string }[]).map((row) => row.id));
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      expect(lost, 'acknowledged attempts missing after the kill').toEqual([]);
    } finally {
      reader.close();
    }

    // The device retries everything it has not seen acknowledged, and (to be sure) the rest too.
    const retryCookie = await signIn(restarted.base, learner.email, seeded.password);
    const results = new Map<string, { status: number; outcome: string }>();
    for (let i = 0; i < TOTAL; i += CONCURRENCY)
      await Promise.all(
        bodies.slice(i, i + CONCURRENCY).map(async (body) => {
          const response = await fetch(`${restarted.base}/api/attempts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: restarted.base, cookie: retryCookie },
            body: JSON.stringify(body),
          });
          const answer = (await response.json()) as { status: string };
          results.set(body.attempt.id, { status: response.status, outcome: answer.status });
        }),
      );
    for (const id of acknowledged)
      expect(results.get(id), `retry of acknowledged ${id}`).toEqual({ status: 200, outcome: 'duplicate' });
    for (const [id, result] of results) expect([200, 201], `retry of ${id}`).toContain(result.status);

    const after = new DatabaseSync(file, { readOnly: true });
    try {
      const rows = after.prepare('SELECT id, COUNT(*) AS n FROM attempt GROUP BY id').all() as {
        id: string;
        n: number;
      }[];
      expect(rows).toHaveLength(TOTAL);
      expect(rows.every((row) => row.n === 1)).toBe(true);
      expect(new Set(rows.map((row) => row.id))).toEqual(new Set(bodies.map((body) => body.attempt.id)));
    } finally {
      after.close();
    }
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
