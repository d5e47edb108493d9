/**
 * `npm run bench`: measures the engine against its budgets in design.md (≥ 100k simulated turns/s;
 * checking every scenario's paths < 2 s) and writes the report to BENCHMARKS.md. Never a pass/fail test.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { initialTransition, transition } from 'xstate';
import { checkScenarioFile, scenarioFiles } from '../src/cli/scenario-files.ts';
import { compileScenario } from '../src/engine/machine.ts';
import { availableOptions, choose, startRun } from '../src/engine/run.ts';
import { scoreRun } from '../src/engine/scoring.ts';
import type { Scenario } from '../src/schemas/scenario.ts';
import { spawn } from 'node:child_process';
import { measureLighthouse } from './lighthouse.ts';
import { measurePageJs } from './page-js.ts';

const root = process.cwd();
const files = scenarioFiles(root);
const scenarios = files
  .map((file) => checkScenarioFile(root, file).scenario)
  .filter((s): s is Scenario => s !== undefined);

/** A deterministic pseudo-random walk, so every run of the benchmark does the same work. */
function* random(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    yield state / 2 ** 32;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function pureTurnsPerSecond(plays: number): number {
  const rand = random(42);
  let turns = 0;
  const start = performance.now();
  for (let i = 0; i < plays; i++) {
    const scenario = scenarios[i % scenarios.length];
    if (!scenario) continue;
    let run = startRun(scenario, 'assessed');
    while (!run.ended) {
      const options = availableOptions(scenario, run);
      const option = options[Math.floor((rand.next().value as number) * options.length)];
      if (!option) break;
      run = choose(scenario, run, option.id);
      turns++;
    }
    scoreRun(scenario, run);
  }
  return turns / ((performance.now() - start) / 1000);
}

function machineTurnsPerSecond(plays: number): number {
  const rand = random(7);
  const machines = scenarios.map((scenario) => ({ scenario, machine: compileScenario(scenario, 'assessed') }));
  let turns = 0;
  const start = performance.now();
  for (let i = 0; i < plays; i++) {
    const entry = machines[i % machines.length];
    if (!entry) continue;
    let [snapshot] = initialTransition(entry.machine);
    while (snapshot.status !== 'done') {
      const options = availableOptions(entry.scenario, snapshot.context.run);
      const option = options[Math.floor((rand.next().value as number) * options.length)];
      if (!option) break;
      [snapshot] = transition(entry.machine, snapshot, { type: 'learner.choose', optionId: option.id });
      turns++;
    }
  }
  return turns / ((performance.now() - start) / 1000);
}

function checkAllSeconds(): number {
  const start = performance.now();
  for (const file of files) checkScenarioFile(root, file);
  return (performance.now() - start) / 1000;
}

pureTurnsPerSecond(2000); // warm-up
const pure = median([1, 2, 3].map(() => pureTurnsPerSecond(20000)));
const viaMachine = median([1, 2, 3].map(() => machineTurnsPerSecond(3000)));
const check = median([1, 2, 3].map(() => checkAllSeconds()));
const paths = files.map((file) => ({ file, summary: checkScenarioFile(root, file).summary }));

const round = (value: number): string => Math.round(value).toLocaleString('en-GB');
const BUDGETS: Record<string, string> = {
  'lesson before interaction': '0 KB',
  'lesson after answering a knowledge check': '≤ 15 KB',
  'role-play loaded': '≤ 100 KB',
};
const pageJs = await measurePageJs();
const LIGHTHOUSE_PORT = 4391;
const staticServer = spawn(process.execPath, ['tests/e2e/serve-dist.ts', String(LIGHTHOUSE_PORT)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const lighthouseRows = await measureLighthouse(`http://127.0.0.1:${String(LIGHTHOUSE_PORT)}`, [
  ['home', '/'],
  ['lesson', '/modules/motivational-interviewing/mi-spirit-and-the-righting-reflex/'],
  ['role-play', '/roleplays/mib-benefits-form-kitchen-table/'],
  ['my record', '/progress/'],
]).finally(() => staticServer.kill());
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}).
Medians of three runs. Budgets are from design.md; these are measurements, never pass/fail tests.

## Role-play engine

| measure | result | budget |
|---|---|---|
| simulated turns per second, pure run functions (random replies, scored at the end) | ${round(pure)} | ≥ 100,000 |
| simulated turns per second, through the compiled XState machine (\`transition\`) | ${round(viaMachine)} | (for comparison) |
| checking every scenario's paths (${String(files.length)} files) | ${check.toFixed(2)} s | < 2 s |

| scenario | paths | endings reached | bands reachable |
|---|---|---|---|
${paths
  .map(
    ({ file, summary }) =>
      `| ${file.split('/').pop()?.replace('.yaml', '') ?? file} | ${String(summary?.paths ?? 0)} | ${Object.entries(
        summary?.endings ?? {},
      )
        .map(([id, n]) => `${id} ×${String(n)}`)
        .join(', ')} | ${summary?.worstBand ?? '?'} to ${summary?.bestBand ?? '?'} |`,
  )
  .join('\n')}
`;
const pageReport = `
## JavaScript loaded by pages (gzipped, Chromium, built site)

Every script response gzipped and summed (\`scripts/page-js.ts\`), on a 390 px viewport.

| page | when | JS | budget |
|---|---|---|---|
${pageJs.map((row) => `| ${row.page} | ${row.when} | ${kb(row.gzipBytes)} | ${BUDGETS[`${row.page} ${row.when}`] ?? '—'} |`).join('\n')}
`;
const within = (row: (typeof lighthouseRows)[number]): string =>
  row.performance >= 95 && row.accessibility === 100 && row.bestPractices === 100 && row.seo >= 95 ? 'within' : 'over';
const lighthouseReport = `
## Lighthouse (mobile preset, Debian Chromium, built site)

\`scripts/lighthouse.ts\`: median of ${String(lighthouseRows[0]?.runs ?? 0)} runs per page. Budget: performance ≥ 95, accessibility 100, best practices 100, SEO ≥ 95.

| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | budget |
|---|---|---|---|---|---|---|---|---|
${lighthouseRows
  .map(
    (row) =>
      `| ${row.page} (\`${row.url}\`) | ${String(row.performance)} | ${String(row.accessibility)} | ${String(row.bestPractices)} | ${String(row.seo)} | ${(row.lcpMs / 1000).toFixed(2)} s | ${String(Math.round(row.tbtMs))} ms | ${row.cls.toFixed(3)} | ${within(row)} |`,
  )
  .join('\n')}
`;
writeFileSync('BENCHMARKS.md', report + pageReport + lighthouseReport);
console.log(report + pageReport + lighthouseReport);
