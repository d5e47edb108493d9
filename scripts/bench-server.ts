/**
 * `npm run bench:server`: the server against its budgets in design.md (SQLite, loopback: ≥ 500
 * attempt syncs/s with p99 < 50 ms; the dashboard of 500 learners × 12 role-plays < 300 ms).
 * Starts the built server (run `npm run build` first) on a temp SQLite file, and also on PostgreSQL
 * in a throwaway database when TEST_DATABASE_URL is set. Seeds a cohort of 500 learners with 12
 * assigned role-plays, each with an attempt; then (a) signed-in learners POST new attempts
 * (autocannon, 16 connections, 3,000 requests or 20 s) and (b) the trainer's dashboard is loaded 20
 * times. Prints a markdown table and writes it to bench-results/server.md. Never a pass/fail test.
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { getScenarios } from '../src/course/scenarios.ts';
import { authOptions, createAuth } from '../src/server/auth.ts';
import { readConfig } from '../src/server/config.ts';
import { openPostgres, openSqlite, type Connection } from '../src/server/db/connect.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { buildMatrix } from '../src/server/dashboard.ts';
import { assignmentsOf, startsOf } from '../src/server/repo/assignments.ts';
import { attemptsOfCohort } from '../src/server/repo/attempts.ts';
import { cohortOfTrainer, membersOf } from '../src/server/repo/cohorts.ts';
import { exemplarBody, seedCohort, type Seeded } from './lib/seed.ts';
import { measureSignedIn, type Sizes } from './page-js.ts';
import { freePort, serverEnv, signIn, startServer, type RunningServer } from './lib/server-process.ts';

// --quick (npm test, via `npm run bench:quick`): the same steps with tiny sizes, so the benchmark cannot rot.
const QUICK = process.argv.includes('--quick');
const LEARNERS = QUICK ? 20 : 500;
const SIGNED_IN = QUICK ? 4 : 16;
const CONNECTIONS = QUICK ? 4 : 16;
const SYNC_REQUESTS = QUICK ? 100 : 3000;
const SYNC_SECONDS = QUICK ? 5 : 20;
const DASHBOARD_LOADS = QUICK ? 3 : 20;
const WARM_UP = QUICK ? 20 : 300;

const scenarios = getScenarios(process.cwd());

interface Measured {
  database: string;
  syncsPerSecond: number;
  syncP50: number;
  syncP99: number;
  syncs: number;
  failed: number;
  /** CPU time the server process spent per stored attempt (user + system), when /proc is there. */
  cpuPerSync?: number;
  dashboard: { what: string; median: number; p99: number; weight: { raw: number; gz: number }; loaded?: Sizes };
}

/** CPU time (ms) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${String(pid)}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  const perSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return (ticks * 1000) / perSecond;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function seed(connection: Connection, env: NodeJS.ProcessEnv): Promise<Seeded> {
  const config = readConfig(env);
  await migrate(connection, authOptions(connection, config.auth));
  const started = performance.now();
  const seeded = await seedCohort(connection, createAuth(connection, config.auth), {
    learners: LEARNERS,
    scenarios,
    attempts: true,
  });
  console.log(
    `  seeded ${String(LEARNERS)} learners × ${String(seeded.assignments.length)} role-plays with attempts in ${(
      (performance.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
  return seeded;
}

async function measureSyncs(server: RunningServer, seeded: Seeded) {
  const cookies: string[] = [];
  for (const learner of seeded.learners.slice(0, SIGNED_IN))
    cookies.push(await signIn(server.base, learner.email, seeded.password));
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const plans = seeded.assignments.map((assignment) => {
    const scenario = byId.get(assignment.scenario_id);
    if (!scenario) throw new Error(`no role-play ${assignment.scenario_id}`);
    return { assignment, scenario };
  });
  // Every request body is made before the clock starts, so the client spends its CPU on sending.
  const requests = Array.from({ length: WARM_UP + SYNC_REQUESTS }, (_, i) => {
    const plan = plans[i % plans.length];
    const cookie = cookies[Math.floor(i / plans.length) % cookies.length];
    if (!plan || !cookie) throw new Error('no learner or assignment to send');
    return {
      headers: { 'content-type': 'application/json', origin: server.base, cookie },
      body: JSON.stringify(exemplarBody(plan.assignment.id, plan.scenario, randomUUID())),
    };
  });
  let sent = 0;
  // autocannon's own duration is counted in whole seconds, so the rate is timed here: from the
  // start to the last response.
  const clock = { started: 0, last: 0 };
  const run = (amount: number) => {
    clock.started = performance.now();
    const instance = autocannon({
      url: server.base,
      connections: CONNECTIONS,
      amount,
      requests: [
        {
          method: 'POST',
          path: '/api/attempts',
          setupRequest: (request) => {
            const next = requests[sent % requests.length];
            sent += 1;
            return { ...request, ...next };
          },
        },
      ],
    });
    instance.on('response', () => {
      clock.last = performance.now();
    });
    const timer = setTimeout(() => {
      instance.stop();
    }, SYNC_SECONDS * 1000);
    return Promise.resolve(instance).finally(() => {
      clearTimeout(timer);
    });
  };
  await run(WARM_UP); // JIT, caches, connection pools
  const cpuBefore = cpuMs(server.child.pid);
  const result = await run(SYNC_REQUESTS);
  const cpuAfter = cpuMs(server.child.pid);
  const ok = Number(result.statusCodeStats['201']?.count ?? 0);
  return {
    ...(cpuBefore !== undefined && cpuAfter !== undefined && ok > 0 ? { cpuPerSync: (cpuAfter - cpuBefore) / ok } : {}),
    syncs: ok,
    failed: result.non2xx + result.errors,
    syncsPerSecond: ok / ((clock.last - clock.started) / 1000),
    syncP50: result.latency.p50,
    syncP99: result.latency.p99,
  };
}

async function measureDashboard(server: RunningServer, seeded: Seeded, connection: Connection) {
  const page = `${server.base}/trainer/cohorts/${seeded.cohort.id}/`;
  const cookie = await signIn(server.base, seeded.trainer.email, seeded.trainer.password);
  const probe = await fetch(page, { headers: { cookie } });
  const html = Buffer.from(await probe.arrayBuffer());
  const weight = { raw: html.length, gz: gzipSync(html).length };
  const times: number[] = [];
  if (probe.status === 200) {
    for (let i = 0; i < DASHBOARD_LOADS; i++) {
      const started = performance.now();
      const response = await fetch(page, { headers: { cookie } });
      await response.arrayBuffer();
      times.push(performance.now() - started);
    }
    const loaded = await measureSignedIn(page, cookie);
    return { what: `GET /trainer/cohorts/<id>/ (${String(DASHBOARD_LOADS)} loads)`, times, weight, loaded };
  }
  // Without the trainer pages in this build, measure what that page does: the queries and the matrix.
  const { db } = connection;
  for (let i = 0; i <= DASHBOARD_LOADS; i++) {
    const started = performance.now();
    const cohort = await cohortOfTrainer(db, seeded.trainer.id, seeded.cohort.id);
    if (!cohort) throw new Error('cohort missing');
    const [members, assignments, attempts, starts] = await Promise.all([
      membersOf(db, cohort.id),
      assignmentsOf(db, cohort.id),
      attemptsOfCohort(db, cohort.id),
      startsOf(db, cohort.id),
    ]);
    const matrix = buildMatrix(members, assignments, attempts, starts);
    if (matrix.length !== LEARNERS) throw new Error('matrix has the wrong size');
    if (i > 0) times.push(performance.now() - started); // the first run warms up
  }
  return {
    what: `queries + buildMatrix in-process (GET ${new URL(page).pathname.replace(seeded.cohort.id, '<id>')} answered ${String(probe.status)}: no trainer pages in this build)`,
    times,
    weight,
  };
}

async function bench(database: string, env: NodeJS.ProcessEnv, connection: Connection): Promise<Measured> {
  console.log(`\n${database}`);
  const seeded = await seed(connection, env);
  const server = await startServer(env);
  try {
    const syncs = await measureSyncs(server, seeded);
    const dashboard = await measureDashboard(server, seeded, connection);
    return {
      database,
      ...syncs,
      dashboard: {
        what: dashboard.what,
        median: percentile(dashboard.times, 50),
        p99: percentile(dashboard.times, 99),
        weight: dashboard.weight,
        ...('loaded' in dashboard ? { loaded: dashboard.loaded } : {}),
      },
    };
  } finally {
    await server.stop();
  }
}

async function onSqlite(): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'alongside-bench-'));
  const file = join(dir, 'alongside.db');
  const connection = openSqlite(file);
  try {
    return await bench('SQLite', serverEnv(await freePort(), { file }), connection);
  } finally {
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(adminUrl: string): Promise<Measured> {
  const name = `alongside_bench_${String(process.pid)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connection = openPostgres(url.toString());
  try {
    return await bench('PostgreSQL', serverEnv(await freePort(), { url: url.toString() }), connection);
  } catch (error) {
    console.error('The PostgreSQL run failed:', error);
    throw error;
  } finally {
    await connection.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function report(results: Measured[]): string {
  const cpu = cpus();
  const lines = [
    '# Server benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:server\` on ${String(cpu.length)} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.versions.node}, loopback.`,
    `Cohort: ${String(LEARNERS)} learners × ${String(scenarios.length)} assigned role-plays, one attempt each already stored.`,
    `Syncs: new attempts (★ path, replayed and scored by the server) POSTed by ${String(SIGNED_IN)} signed-in learners over ${String(CONNECTIONS)} connections, ${String(SYNC_REQUESTS)} requests or ${String(SYNC_SECONDS)} s, after a ${String(WARM_UP)}-request warm-up.`,
    '',
    `Load average when the run started: ${loadAverage} (anything well above 0 means other work shared the CPUs and the numbers are pessimistic). Server CPU per sync is the server process's own CPU time divided by the attempts stored; 1000 / it is what one core could sustain.`,
    '',
    '| database | syncs/s (budget ≥ 500) | p50 | p99 (budget < 50 ms) | server CPU per sync | stored | failed | dashboard median (budget < 300 ms) | dashboard p99 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.syncsPerSecond.toFixed(0)} | ${ms(r.syncP50)} | ${ms(r.syncP99)} | ${r.cpuPerSync === undefined ? 'n/a' : ms(r.cpuPerSync)} | ${String(r.syncs)} | ${String(r.failed)} | ${ms(r.dashboard.median)} | ${ms(r.dashboard.p99)} |`,
    ),
    '',
    ...results.map(
      (r) =>
        `Dashboard on ${r.database}: ${r.dashboard.what}; the page is ${(r.dashboard.weight.raw / 1024).toFixed(1)} KB of HTML, sent gzipped as ${(r.dashboard.weight.gz / 1024).toFixed(1)} KB (src/server/compress.ts), with no JavaScript file (the small copy-link helper is inlined in the page).${r.dashboard.loaded ? ` Loaded in Chromium (signed in as the trainer): JS ${kb(r.dashboard.loaded.jsGz)} gz, CSS ${kb(r.dashboard.loaded.cssGz)} gz, every response ${kb(r.dashboard.loaded.totalRaw)} raw, ${kb(r.dashboard.loaded.totalGz)} gzipped.` : ''}`,
    ),
    '',
  ];
  return lines.join('\n');
}

const loadAverage = loadavg()
  .map((value) => value.toFixed(2))
  .join(', ');
const results = [await onSqlite()];
const postgresUrl = process.env['TEST_DATABASE_URL'];
if (postgresUrl) results.push(await onPostgres(postgresUrl));
const markdown = report(results);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/server.md', markdown);
console.log(`\n${markdown}`);
console.log('Written to bench-results/server.md');
