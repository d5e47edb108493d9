/**
 * `npm start`: builds the course if the build is missing or older than the sources, then serves it
 * on http://127.0.0.1:4321 with the embedded SQLite database (data/alongside.db), so nothing else
 * is needed. Set DATABASE_URL to use PostgreSQL instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'modules', 'content', 'public', 'astro.config.mjs', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function run(args: string[]): void {
  const result = spawnSync('npx', ['astro', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const builtAt = existsSync('dist/server/entry.mjs') ? statSync('dist/server/entry.mjs').mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newest))) {
  console.log('Building the course…');
  run(['build']);
}
const served = spawnSync(process.execPath, ['scripts/serve.ts'], { stdio: 'inherit' });
process.exit(served.status ?? 1);
