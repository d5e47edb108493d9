/**
 * A production install works on purpose (issue 14, item 6): the built site with only the packages
 * in `dependencies` (what `npm install --omit=dev` keeps) serves the pages and the API and runs the
 * admin CLI, on the Node that the `node` dependency brings, in a fresh folder where
 * `npm install --omit=dev` has run and nothing else is installed above it. Runs after `npm run build`, like the rest of the e2e suite.
 */
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Folders of the packages npm keeps without dev dependencies (nested ones come with their parent). */
function productionPackages(): string[] {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
  const paths = listed.stdout
    .split('\n')
    .filter((path) => path.startsWith(join(root, 'node_modules') + sep))
    .sort();
  return paths.filter((path, i) => !paths.slice(0, i).some((parent) => path.startsWith(parent + sep)));
}

const PACKAGE = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w./-]*)?$/;

/** Bare package names a built server file imports (`node:` built-ins left out). */
function importedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, name);
    if (!name.endsWith('.mjs') || !statSync(file).isFile()) continue;
    const text = readFileSync(file, 'utf8');
    const patterns = [
      /^\s*(?:import|export)\b[^'"]*?\bfrom\s*["']([^"']+)["']/gm,
      /^\s*import\s*["']([^"']+)["']/gm,
      /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    ];
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) {
        const specifier = match[1] ?? '';
        if (!PACKAGE.test(specifier) || specifier.startsWith('node:')) continue;
        const parts = specifier.split('/');
        names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
      }
  }
  return names;
}

/** The project's own run-time code (not a library's): the server entry scripts and everything in src. */
function ownCode(): string {
  const files = ['scripts/serve.ts', 'scripts/start.ts'];
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }))
    if (/\.(ts|tsx|astro|mjs)$/.test(entry)) files.push(join('src', entry));
  return files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
}

test('every package the built server and our own code import at run time is a dependency', () => {
  const imported = [...importedPackages(join(root, 'dist', 'server'))].sort();
  expect(imported.length).toBeGreaterThan(5);
  const code = ownCode();
  const ours = imported.filter((name) => new RegExp(`from '${name}(?:/[^']*)?'`).test(code));
  // The packages our server code imports directly: each must be declared, not arrive by luck.
  expect(ours).toEqual(expect.arrayContaining(['better-auth', 'kysely', 'yaml', 'zod']));
  expect(ours.filter((name) => !(name in manifest.dependencies))).toEqual([]);
  // The rest (Astro's and the adapter's own imports) must be in the production install.
  const kept = new Set(productionPackages().map((path) => relative(join(root, 'node_modules'), path)));
  const optional = new Set(['sharp']); // Astro's image service, loaded only if installed
  expect(imported.filter((name) => !kept.has(name) && !optional.has(name))).toEqual([]);
  expect(Object.keys(manifest.devDependencies)).not.toContain('@nanostores/react');
});

test.describe('a production install', () => {
  test.describe.configure({ timeout: 420_000 });
  let dir = '';
  let server: ChildProcess | undefined;
  let output = '';

  test.afterAll(() => {
    server?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('serves the site and the API and runs the admin CLI with dependencies only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'alongside-production-'));
    for (const part of ['dist', 'scripts', 'src', 'modules', 'content', 'public', 'package.json', 'package-lock.json'])
      cpSync(join(root, part), join(dir, part), { recursive: true });
    // The real command, from npm's cache where it can (CI has just run `npm install`).
    const install = spawnSync('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(install.status, install.stderr).toBe(0);
    const installed = readdirSync(join(dir, 'node_modules'));
    for (const dev of ['eslint', 'typescript', 'prettier', '@playwright']) expect(installed).not.toContain(dev);

    // The Node that the `node` dependency brings, not the machine's.
    const node = join(dir, 'node_modules', 'node', 'bin', 'node');
    expect(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./);

    const port = String(4390 + (process.pid % 50));
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      PATH: '/usr/bin:/bin',
      HOME: dir,
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: 'production-install-test-secret-0123456789',
      PUBLIC_URL: base,
      HOST: '127.0.0.1',
      PORT: port,
      ALONGSIDE_SQLITE_FILE: join(dir, 'data', 'alongside.db'),
    };

    // The admin CLI makes the first trainer before the server starts (it migrates the database).
    const admin = spawnSync(node, ['src/cli/admin.ts', 'create-trainer', 'prod@example.org', '--name', 'Pat Prod'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(admin.stderr).toBe('');
    expect(admin.status).toBe(0);
    const password = /One-time password: (\S+)/.exec(admin.stdout)?.[1] ?? '';
    expect(password).not.toBe('');

    server = spawn(node, ['scripts/serve.ts'], { cwd: dir, env });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect
      .poll(
        async () => {
          if (server?.exitCode !== null) return `exited: ${output}`;
          return (await fetch(`${base}/`).catch(() => undefined))?.status ?? 'not listening';
        },
        { timeout: 120_000, intervals: [250] },
      )
      .toBe(200);

    const home = await fetch(`${base}/`);
    expect(await home.text()).toContain('Alongside');
    for (const path of ['/modules/motivational-interviewing/', '/roleplays/', '/sign-in/'])
      expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    const api = await fetch(`${base}/api/assignments`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/json');

    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'prod@example.org', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const trainer = await fetch(`${base}/trainer/`, { headers: { cookie }, redirect: 'manual' });
    expect(trainer.status).toBe(200);
    expect(await trainer.text()).toContain('Pat Prod');
    expect(output).not.toMatch(/Cannot find (package|module)/);
  });
});
