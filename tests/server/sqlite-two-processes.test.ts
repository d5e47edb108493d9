import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/server/db/connect.ts';
import { integrityCheck, MIGRATIONS } from '../../src/server/db/migrations.ts';
import { countAttempts } from '../../src/server/repo/attempts.ts';
import { nodeBinary } from '../../scripts/lib/server-process.ts';

const WRITER = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url));

interface Report {
  label: string;
  applied: string[];
  stored: number;
  firstWrite: number;
  lastWrite: number;
}

/** Starts a writer; resolves `ready` once it has loaded, and `done` with how it ended. */
function startWriter(file: string, label: string) {
  const child = spawn(nodeBinary(), [WRITER, file, label], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string; report?: Report }>((resolve) => {
    child.on('close', (code) => {
      markReady();
      const line = stdout.trim().split('\n').at(-1);
      resolve({ code, stderr, ...(line?.startsWith('{') ? { report: JSON.parse(line) as Report } : {}) });
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), done };
}

describe('two processes on one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alongside-two-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('both migrate at the same moment and write 300 attempts each; the file stays sound and loses nothing', async () => {
    const race = async (file: string) => {
      const writers = [startWriter(file, 'a'), startWriter(file, 'b')];
      // Both load first (that takes a varying while); then both are told to start at the same moment.
      await Promise.all(writers.map((writer) => writer.ready));
      for (const writer of writers) writer.go();
      const [a, b] = await Promise.all(writers.map((writer) => writer.done));
      if (!a || !b) throw new Error('a writer is missing');
      return { a, b };
    };
    const overlapped = ({ a, b }: Awaited<ReturnType<typeof race>>): boolean =>
      Boolean(
        a.report && b.report && a.report.firstWrite < b.report.lastWrite && b.report.firstWrite < a.report.lastWrite,
      );
    // On a busy machine one writer can finish before the other is scheduled; that run tests nothing
    // about concurrency, so it is run again on a fresh file (up to three times) until the writes overlap.
    let file = join(dir, 'shared-1.db');
    let result = await race(file);
    for (let attempt = 2; attempt <= 3 && !overlapped(result); attempt++) {
      file = join(dir, `shared-${String(attempt)}.db`);
      result = await race(file);
    }
    const { a, b } = result;
    expect([a.code, a.stderr], 'writer a').toEqual([0, '']);
    expect([b.code, b.stderr], 'writer b').toEqual([0, '']);
    if (!a.report || !b.report) throw new Error('a writer printed no report');
    expect(a.report.stored + b.report.stored).toBe(600);
    // Exactly one of them applied the migrations; the other found them done.
    expect([...a.report.applied, ...b.report.applied].sort()).toEqual(Object.keys(MIGRATIONS).sort());
    // They really wrote at the same time.
    expect(a.report.firstWrite).toBeLessThan(b.report.lastWrite);
    expect(b.report.firstWrite).toBeLessThan(a.report.lastWrite);

    const connection = openSqlite(file);
    try {
      expect(await integrityCheck(connection.db as unknown as Kysely<unknown>)).toBe('ok');
      expect(await countAttempts(connection.db)).toBe(600);
      const perLearner = await connection.db
        .selectFrom('attempt')
        .select(['learner_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('learner_id')
        .orderBy('learner_id')
        .execute();
      expect(perLearner.map((row) => [row.learner_id, row.n])).toEqual([
        ['learner-a', 300],
        ['learner-b', 300],
      ]);
      const { rows } = await sql<{ name: string; n: number }>`
        SELECT name, COUNT(*) AS n FROM alongside_migration GROUP BY name ORDER BY name`.execute(connection.db);
      expect(rows.map((row) => [row.name, row.n])).toEqual(
        Object.keys(MIGRATIONS)
          .sort()
          .map((name) => [name, 1]),
      );
      const cohorts = await connection.db.selectFrom('cohort').select('id').execute();
      expect(cohorts).toHaveLength(1);
    } finally {
      await connection.close();
    }
  }, 60_000);
});
