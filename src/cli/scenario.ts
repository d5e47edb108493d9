/**
 * `npm run scenario -- check [FILES...]` and `npm run scenario -- play FILE --choose N1-A,... [--mode practice|assessed] [--json]`.
 * A stable interface for content authors and CI: exit 0 when all is well, 1 with messages otherwise.
 */
import { formatScenarioProblem } from '../engine/checks.ts';
import { formatProbeSummary } from '../engine/probes.ts';
import { currentEnding, PlayError, startRun, choose, type Mode } from '../engine/run.ts';
import { transcript } from '../engine/transcript.ts';
import { scoreRun } from '../engine/scoring.ts';
import { ArtefactError, ARTEFACT_FILE, readArtefact } from '../course/artefact.ts';
import { joinScenario } from '../engine/play-data.ts';
import type { Scenario } from '../schemas/scenario.ts';
import { checkScenarioFile, scenarioFiles } from './scenario-files.ts';

const root = process.cwd();
const USAGE = `Usage:
  npm run scenario -- check [FILES...]
  npm run scenario -- play FILE|ID --choose N1-A,N2-C,... [--mode practice|assessed] [--json]
    (an ID plays the built role-play from ${ARTEFACT_FILE}, exactly as the site and server have it)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function check(files: string[]): void {
  const targets = files.length ? files : scenarioFiles(root);
  if (targets.length === 0) fail('No scenario files found under modules/*/scenarios/.');
  let problems = 0;
  for (const file of targets) {
    const result = checkScenarioFile(root, file);
    problems += result.problems.length;
    if (result.summary?.probes) console.log(`  ${file}: ${formatProbeSummary(result.summary.probes)}`);
    for (const warning of result.summary?.probeWarnings ?? [])
      console.log(`  warning (not yet rewritten, issue 11): ${warning}`);
    if (result.problems.length) {
      for (const problem of result.problems) console.error(formatScenarioProblem(problem));
    } else if (result.summary) {
      const { paths, endings, bestBand, worstBand } = result.summary;
      console.log(
        `✓ ${file}: ${paths} paths; endings ${Object.entries(endings)
          .map(([id, n]) => `${id}×${n}`)
          .join(' ')}; bands ${worstBand ?? '?'}–${bestBand ?? '?'}`,
      );
    }
  }
  if (problems) fail(`${problems} problem(s) in ${targets.length} scenario file(s).`);
  console.log(`All ${targets.length} scenario file(s) pass.`);
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith('--')) fail(`${name} needs a value.\n${USAGE}`);
  return value;
}

function fromFile(file: string): Scenario {
  const checked = checkScenarioFile(root, file);
  if (!checked.scenario) fail(checked.problems.map(formatScenarioProblem).join('\n'));
  return checked.scenario;
}

function fromArtefact(id: string): Scenario {
  try {
    const artefact = readArtefact(ARTEFACT_FILE);
    const entry = artefact.current.find((candidate) => candidate.id === id);
    if (!entry)
      fail(`There is no role-play ${id} in ${ARTEFACT_FILE}. Built: ${artefact.current.map((e) => e.id).join(', ')}.`);
    return joinScenario(entry.play, entry.key);
  } catch (error) {
    if (error instanceof ArtefactError) fail(error.message);
    throw error;
  }
}

function play(args: string[]): void {
  const file = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  if (!file) fail(`play needs a scenario file.\n${USAGE}`);
  const ids = (option(args, '--choose') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) fail(`play needs --choose with reply ids, e.g. --choose N1-A,N2-B.\n${USAGE}`);
  const modeArg = option(args, '--mode') ?? 'assessed';
  if (modeArg !== 'practice' && modeArg !== 'assessed') fail(`--mode must be practice or assessed, not “${modeArg}”.`);
  const mode: Mode = modeArg;
  const json = args.includes('--json');
  const scenario = file.endsWith('.yaml') ? fromFile(file) : fromArtefact(file);

  let run = startRun(scenario, mode);
  for (const id of ids) {
    try {
      run = choose(scenario, run, id);
    } catch (error) {
      if (error instanceof PlayError) fail(`Cannot play ${id}: ${error.message}.`);
      throw error;
    }
  }
  const lines = transcript(scenario, run);
  const ending = currentEnding(scenario, run);
  const scores = scoreRun(scenario, run);
  const result = {
    scenario: scenario.id,
    mode,
    path: ids,
    ended: run.ended,
    node: run.nodeId,
    ending: ending ? { id: ending.id, outcome: ending.outcome, debrief: ending.debrief } : null,
    finalState: run.state,
    ruptures: run.ruptures,
    transcript: lines,
    scores: { ...scores, ruptures: undefined, exact: undefined },
  };
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`${scenario.title} (${mode})\n`);
  for (const line of lines) {
    console.log(
      line.speaker === 'client'
        ? `${scenario.persona.name}: ${line.text}`
        : `  You [${line.nodeId}: ${line.codes?.join('+') ?? ''}, ${line.stance ?? ''}]: ${line.text}`,
    );
  }
  console.log(
    ending
      ? `\nEnding ${ending.id} (${ending.outcome}): ${ending.debrief}`
      : `\nNot finished: waiting at ${run.nodeId}.`,
  );
  const s = scores;
  console.log(
    `\nState: bond ${run.state.bond}, CT ${run.state.CT}, ST ${run.state.ST}, open ${run.state.open}, alliance ${run.state.rupture}`,
  );
  console.log(
    `R:Q ${s.rq === null ? `— (Q = 0, R = ${s.R})` : s.rq.toFixed(2)} [${s.levels.rq}]   %CR ${s.pctCR.toFixed(0)}% [${s.levels.pctCR}]   AD ${s.AD}   NA ${s.NA}   SI ${s.SI.toFixed(2)}`,
  );
  const two = (value: number): string => String(Math.round(value * 100) / 100);
  console.log(
    `Partnership ${two(s.partnership)}   Empathy ${two(s.empathy)}   Relational ${s.relational} [${s.levels.relational}]`,
  );
  console.log(`CCT ${two(s.cct)}   SST ${two(s.sst)}   Technical ${s.technical} [${s.levels.technical}]`);
  console.log(`Band: ${s.band}`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'check') check(rest);
else if (command === 'play') play(rest);
else fail(USAGE);
