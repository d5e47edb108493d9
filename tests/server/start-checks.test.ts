import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeBinary } from '../../scripts/lib/server-process.ts';

/** Issue 14, item 5: a damaged or foreign database file stops the start with a plain message. */
const SERVE = fileURLToPath(new URL('../../scripts/serve.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'alongside-start-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function start(file: string) {
  return spawnSync(nodeBinary(), [SERVE], {
    env: { ...process.env, ALONGSIDE_SQLITE_FILE: file, NODE_ENV: 'development', DATABASE_URL: '', PORT: '4399' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/**
 * Starts the server and stops it once it is past the database (it says where the database is):
 * with a build present it would otherwise keep serving; without one it exits by itself.
 */
function startUntilPastDatabase(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary(), [SERVE], {
      env: { ...process.env, ALONGSIDE_SQLITE_FILE: file, NODE_ENV: 'development', DATABASE_URL: '', PORT: '4398' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (/^Database: /m.test(out)) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', () => {
      resolve(out);
    });
  });
}

function expectPlainRefusal(result: ReturnType<typeof start>, file: string) {
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(file);
  expect(result.stderr).toMatch(/backup/i);
  expect(result.stderr).toContain('README');
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('start-up checks of the database file', () => {
  it('a file of random bytes: plain message naming the file and the restore procedure', () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expectPlainRefusal(start(file), file);
  }, 60_000);

  it("another program's SQLite database: refused, and none of our tables written into it", () => {
    const file = join(dir, 'foreign.db');
    const other = new DatabaseSync(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    other.close();
    const result = start(file);
    expectPlainRefusal(result, file);
    expect(result.stderr).toContain('invoices');
    // Nothing of ours was written into it: its one table and row are as they were.
    const after = new DatabaseSync(file, { readOnly: true });
    const tables = after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables.map((row) => row['name'])).toEqual(['invoices']);
    expect(after.prepare('SELECT total FROM invoices').all()).toEqual([{ total: 9.5 }]);
    after.close();
  }, 60_000);

  it('a truncated Alongside database: refused with the same plain message', () => {
    const good = join(dir, 'good.db');
    // A real, migrated database first (the start then stops at the missing build or runs; both fine).
    const first = start(good);
    expect(first.stderr).not.toMatch(/damaged|cannot be/);
    const cut = join(dir, 'cut.db');
    copyFileSync(good, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 3));
    expectPlainRefusal(start(cut), cut);
  }, 120_000);

  it('a new database, its folder and the auth secret are private to the server user', async () => {
    const folder = join(dir, 'fresh', 'data');
    const file = join(folder, 'alongside.db');
    await startUntilPastDatabase(file);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, 'auth-secret')).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('four first starts at once share one auth secret (no EEXIST race)', async () => {
    const file = join(dir, 'race', 'alongside.db');
    const script = `import { readConfig } from ${JSON.stringify(fileURLToPath(new URL('../../src/server/config.ts', import.meta.url)))};
process.stdout.write(readConfig({ ALONGSIDE_SQLITE_FILE: ${JSON.stringify(file)} }).auth.secret);`;
    const runs = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
            const child = spawn(nodeBinary(), ['--input-type=module', '-e', script], {
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            let out = '';
            let err = '';
            child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
            child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
            child.on('close', (code) => {
              resolve({ code, out, err });
            });
          }),
      ),
    );
    for (const run of runs) expect(run, run.err).toMatchObject({ code: 0 });
    const secrets = new Set(runs.map((run) => run.out));
    expect(secrets.size).toBe(1);
    expect(readFileSync(join(dir, 'race', 'auth-secret'), 'utf8').trim()).toBe([...secrets][0]);
  }, 60_000);
});
