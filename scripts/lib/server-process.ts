/**
 * Runs the built server (scripts/serve.ts → dist/server/entry.mjs) as a child process on its own
 * port and database, for the kill test and the server benchmark. The child is the Node process
 * itself (no npm or npx in between), so its PID is the server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** This Node when it runs TypeScript and has node:sqlite; otherwise the project's own Node 24 binary. */
export function nodeBinary(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 18)) return process.execPath;
  const own = resolve('node_modules/node/bin/node');
  if (existsSync(own)) return own;
  throw new Error(`Node ${process.versions.node} is too old: run this through npm (the project's Node 24).`);
}

/** A port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        done(port);
      });
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  base: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export const SERVER_SECRET = 'server-test-secret-server-test-secret-0123';

/**
 * The settings a test server runs with: its own database, port and secret, no limit on local
 * sign-ins, and sync limits out of the way (the benchmark and the kill test send thousands of
 * attempts from a few accounts; the limits themselves are tested in tests/server/sync-limits.test.ts).
 */
export function serverEnv(port: number, database: { file?: string; url?: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  return {
    ...env,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...(database.file ? { ALONGSIDE_SQLITE_FILE: database.file } : {}),
    BETTER_AUTH_SECRET: SERVER_SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${String(port)}`,
    SIGN_IN_PER_MINUTE: '100000',
    SYNCS_PER_MINUTE: '1000000',
    ATTEMPTS_PER_ASSIGNMENT: '1000000',
  };
}

/** Starts the server and waits until its on-demand routes answer. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  if (!existsSync('dist/server/entry.mjs')) throw new Error('dist/server/entry.mjs is missing: run `npm run build`.');
  const base = env['PUBLIC_URL'] ?? '';
  const child = spawn(nodeBinary(), ['scripts/serve.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server stopped while starting:\n${output}`);
    try {
      const response = await fetch(`${base}/api/assignments`);
      if (response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 30 s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    child,
    base,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs in through better-auth's endpoint as a browser on the site would; returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${String(response.status)} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.includes('session_token='));
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return cookie.split(';')[0] ?? '';
}
