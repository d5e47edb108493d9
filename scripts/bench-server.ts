/**
 * `npm run bench:server`: the server against its budgets (design.md, issue 14 item 8), on one
 * server process over loopback: ≥ 500 attempt syncs/s with p99 < 50 ms; with 16 concurrent loads on
 * a cohort of 500 learners × 12 role-plays × 5 attempts each, the trainer's cohort page p99 < 300 ms
 * and `export.csv` p99 < 1 s; a learner's detail page at most 200 KB a page.
 * Starts the built server (run `npm run build` first) on a temp SQLite file, and also on PostgreSQL
 * in a throwaway database when TEST_DATABASE_URL is set. Seeds the cohort; then (a) signed-in
 * learners POST new attempts (autocannon, 16 connections, 3,000 requests or 20 s), (b) the cohort
 * page and (c) export.csv are loaded by 16 connections at once, (d) one learner's detail page is read
 * from its first page to its last. Prints a markdown table and writes it to bench-results/server.md
 * and the figures to bench-results/server.json; when bench-results/server-baseline.json exists (a
 * copy of an earlier server.json), the report shows those figures side by side. Never a pass/fail test.
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
import { concurrentLoads, pagedWeight, sequentialLoads, type LoadResult, type PagedWeight } from './lib/bench-load.ts';
import { freePort, serverEnv, signIn, startServer, type RunningServer } from './lib/server-process.ts';

// --quick (npm test, via `npm run bench:quick`): the same steps with tiny sizes, so the benchmark cannot rot.
const QUICK = process.argv.includes('--quick');
const LEARNERS = QUICK ? 20 : 500;
const ASSIGNED = QUICK ? 3 : 12;
const ATTEMPTS_EACH = QUICK ? 2 : 5;
const PAGE_CONNECTIONS = QUICK ? 2 : 16;
const PAGE_LOADS = QUICK ? 6 : 96;
const CSV_LOADS = QUICK ? 4 : 48;
const SIGNED_IN = QUICK ? 4 : 16;
const CONNECTIONS = QUICK ? 4 : 16;
const SYNC_REQUESTS = QUICK ? 100 : 3000;
const SYNC_SECONDS = QUICK ? 5 : 20;
const DASHBOARD_LOADS = QUICK ? 3 : 20;
const WARM_UP = QUICK ? 20 : 300;

const scenarios = getScenarios(process.cwd()).slice(0, ASSIGNED);
const BASELINE_FILE = 'bench-results/server-baseline.json';

interface Measured {
  database: string;
  syncsPerSecond: number;
  syncP50: number;
  syncP99: number;
  syncs: number;
  failed: number;
  /** CPU time the server process spent per stored attempt (user + system), when /proc is there. */
  cpuPerSync?: number;
  loadAverage: string;
  dashboard: { what: string; median: number; p99: number; weight: { raw: number; gz: number }; loaded?: Sizes };
  /** The cohort page and export.csv under concurrent loads; one learner's detail page, page by page. */
  cohortPage?: LoadResult;
  csv?: LoadResult & { bytes: number };
  detail?: PagedWeight & { firstPageMs: number };
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
    attempts: ATTEMPTS_EACH,
  });
  console.log(
    `  seeded ${String(LEARNERS)} learners × ${String(seeded.assignments.length)} role-plays × ${String(ATTEMPTS_EACH)} attempts in ${(
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
    times.push(...(await sequentialLoads(page, cookie, DASHBOARD_LOADS)));
    const loaded = await measureSignedIn(page, cookie);
    return {
      what: `GET /trainer/cohorts/<id>/ (${String(DASHBOARD_LOADS)} loads one after another)`,
      times,
      weight,
      loaded,
    };
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

/** 16 trainers' loads at once of the cohort page and of export.csv; one learner's detail page, every page. */
async function measureConcurrent(server: RunningServer, seeded: Seeded) {
  const cookie = await signIn(server.base, seeded.trainer.email, seeded.trainer.password);
  const cohortPath = `/trainer/cohorts/${seeded.cohort.id}/`;
  console.log('  cohort page under concurrent loads');
  const cohortPage = await concurrentLoads(server.base, cohortPath, cookie, {
    connections: PAGE_CONNECTIONS,
    amount: PAGE_LOADS,
  });
  console.log('  export.csv under concurrent loads');
  const csvResponse = await fetch(`${server.base}${cohortPath}export.csv`, { headers: { cookie } });
  const bytes = (await csvResponse.arrayBuffer()).byteLength;
  const csv = await concurrentLoads(server.base, `${cohortPath}export.csv`, cookie, {
    connections: PAGE_CONNECTIONS,
    amount: CSV_LOADS,
  });
  const learner = seeded.learners[0];
  if (!learner) throw new Error('no learner');
  const detailPath = `${cohortPath}learners/${learner.id}/`;
  const [firstPageMs = 0] = await sequentialLoads(`${server.base}${detailPath}`, cookie, 1);
  const detail = { ...(await pagedWeight(server.base, detailPath, cookie)), firstPageMs };
  return { cohortPage, csv: { ...csv, bytes }, detail };
}

const currentLoad = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

async function bench(database: string, env: NodeJS.ProcessEnv, connection: Connection): Promise<Measured> {
  console.log(`\n${database}`);
  const seeded = await seed(connection, env);
  const server = await startServer(env);
  try {
    const syncs = await measureSyncs(server, seeded);
    const dashboard = await measureDashboard(server, seeded, connection);
    const concurrent = await measureConcurrent(server, seeded);
    return {
      database,
      loadAverage: currentLoad(),
      ...syncs,
      ...concurrent,
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

/** "12.3 ms" now, with the baseline's figure beside it when there is one: "12.3 ms (was 45.6 ms)". */
function pair(now: number | undefined, before: number | undefined, format: (value: number) => string): string {
  if (now === undefined) return 'n/a';
  return before === undefined ? format(now) : `${format(now)} (was ${format(before)})`;
}

function readBaseline(): Measured[] {
  if (!existsSync(BASELINE_FILE)) return [];
  return (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { results: Measured[] }).results;
}

function report(results: Measured[], baseline: Measured[]): string {
  const cpu = cpus();
  const before = (database: string) => baseline.find((r) => r.database === database);
  const count = (value: number): string => value.toFixed(0);
  const lines = [
    '# Server benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:server\` on ${String(cpu.length)} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.versions.node}, loopback, one server process.`,
    `Cohort: ${String(LEARNERS)} learners × ${String(scenarios.length)} assigned role-plays × ${String(ATTEMPTS_EACH)} attempts each already stored.`,
    `Syncs: new attempts (★ path, replayed and scored by the server) POSTed by ${String(SIGNED_IN)} signed-in learners over ${String(CONNECTIONS)} connections, ${String(SYNC_REQUESTS)} requests or ${String(SYNC_SECONDS)} s, after a ${String(WARM_UP)}-request warm-up.`,
    `Pages: the trainer's cohort page (${String(PAGE_LOADS)} loads) and export.csv (${String(CSV_LOADS)} loads), each over ${String(PAGE_CONNECTIONS)} connections at once, signed in, gzip accepted; p99 is the wait of one load while the others run.`,
    baseline.length
      ? `"was" figures: ${BASELINE_FILE} (an earlier run of this benchmark, load average then: ${baseline.map((r) => `${r.database} ${r.loadAverage}`).join('; ')}).`
      : '',
    '',
    `Load average when the run started: ${loadAverage}; after each database's run: ${results.map((r) => `${r.database} ${r.loadAverage}`).join('; ')} (2 cores shared with other work: anything well above 0 makes the numbers pessimistic). Server CPU per sync is the server process's own CPU time divided by the attempts stored; 1000 / it is what one core could sustain.`,
    '',
    '| database | syncs/s (budget ≥ 500) | sync p50 | sync p99 (budget < 50 ms) | server CPU per sync | stored | failed |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const b = before(r.database);
      return `| ${r.database} | ${pair(r.syncsPerSecond, b?.syncsPerSecond, count)} | ${pair(r.syncP50, b?.syncP50, ms)} | ${pair(r.syncP99, b?.syncP99, ms)} | ${pair(r.cpuPerSync, b?.cpuPerSync, ms)} | ${String(r.syncs)} | ${String(r.failed)} |`;
    }),
    '',
    `| database | cohort page, one load (median) | cohort page p50 / p99 at ${String(PAGE_CONNECTIONS)} at once (budget p99 < 300 ms) | page HTML | export.csv p50 / p99 at ${String(PAGE_CONNECTIONS)} at once (budget p99 < 1 s) | CSV size | learner detail: pages, largest page (budget ≤ 200 KB), attempts reachable |`,
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const b = before(r.database);
      const both = (now?: LoadResult, then?: LoadResult): string =>
        now
          ? `${pair(now.p50, then?.p50, ms)} / ${pair(now.p99, then?.p99, ms)}${now.failed ? ` (${String(now.failed)} failed)` : ''}`
          : 'n/a';
      const detail = r.detail
        ? `${pair(r.detail.pages, b?.detail?.pages, count)}, ${pair(r.detail.largest, b?.detail?.largest, kb)}, ${pair(r.detail.attempts, b?.detail?.attempts, count)}`
        : 'n/a';
      return `| ${r.database} | ${pair(r.dashboard.median, b?.dashboard.median, ms)} | ${both(r.cohortPage, b?.cohortPage)} | ${pair(r.dashboard.weight.raw, b?.dashboard.weight.raw, kb)} raw, ${pair(r.dashboard.weight.gz, b?.dashboard.weight.gz, kb)} gz | ${both(r.csv, b?.csv)} | ${pair(r.csv?.bytes, b?.csv?.bytes, kb)} | ${detail} |`;
    }),
    '',
    ...results.map(
      (r) =>
        `Dashboard on ${r.database}: ${r.dashboard.what}, p99 ${ms(r.dashboard.p99)}; the page is ${(r.dashboard.weight.raw / 1024).toFixed(1)} KB of HTML, sent gzipped as ${(r.dashboard.weight.gz / 1024).toFixed(1)} KB (src/server/compress.ts).${r.dashboard.loaded ? ` Loaded in Chromium (signed in as the trainer): JS ${kb(r.dashboard.loaded.jsGz)} gz, CSS ${kb(r.dashboard.loaded.cssGz)} gz, every response ${kb(r.dashboard.loaded.totalRaw)} raw, ${kb(r.dashboard.loaded.totalGz)} gzipped.` : ''}`,
    ),
    '',
  ];
  return lines.join('\n');
}

const loadAverage = currentLoad();
const results = [await onSqlite()];
const postgresUrl = process.env['TEST_DATABASE_URL'];
if (postgresUrl) results.push(await onPostgres(postgresUrl));
const markdown = report(results, readBaseline());
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/server.md', markdown);
writeFileSync('bench-results/server.json', JSON.stringify({ measured: new Date().toISOString(), results }, null, 2));
console.log(`\n${markdown}`);
console.log('Written to bench-results/server.md and bench-results/server.json');
