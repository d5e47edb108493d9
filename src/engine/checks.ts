import {
  MITI_CODES,
  STANCES,
  maxChoicesOf,
  scenarioSchema,
  type ExpectedMetrics,
  type ReplyOption,
  type Scenario,
} from '../schemas/scenario.ts';
import { ConditionError, parseCondition } from './condition.ts';
import { availableOptions, choose, PlayError, playPath, startRun, type Run } from './run.ts';
import { PROBES_PENDING } from './probe-pending.ts';
import { probeProblems, probeScenario, type ProbeSummary } from './probes.ts';
import { codeReply } from '../coder/coder.ts';
import { typedProbeProblems, type TypedOutcome } from '../coder/typed-probes.ts';
import { checklistProblems, stepsCarriedOut, unreachedSteps } from './checklist-authoring.ts';
import { riskNodeProblems, riskPathProblem, type RiskProblem } from './risk-authoring.ts';
import { scoreRun, type Band, type Scores } from './scoring.ts';

/** A problem in a scenario file: where it is (file, node, reply, field), what is wrong, how to fix it. */
export interface ScenarioProblem {
  file: string;
  node?: string;
  option?: string;
  field?: string;
  message: string;
  hint: string;
}

/** “node N2, reply N2-C, field next”: where in the file a problem is. */
export function problemLocation(problem: Omit<ScenarioProblem, 'file' | 'message' | 'hint'>): string {
  return [
    problem.node && `node ${problem.node}`,
    problem.option && `reply ${problem.option}`,
    problem.field && `field ${problem.field}`,
  ]
    .filter(Boolean)
    .join(', ');
}

export function formatScenarioProblem(problem: ScenarioProblem): string {
  const where = problemLocation(problem);
  return `${problem.file}${where ? ` (${where})` : ''}: ${problem.message}\n  How to fix: ${problem.hint}`;
}

/** What exploring every path found: used by the checks, the CLI and the closing reports. */
export interface PathSummary {
  paths: number;
  endings: Record<string, number>;
  bestBand?: Band;
  worstBand?: Band;
  longest: number;
  /** What the surface-cue probes found (probes.ts). */
  probes?: ProbeSummary;
  /** What the typed-reply probes reached (src/coder/typed-probes.ts). */
  typedProbes?: TypedOutcome[];
  /** Probe findings on a scenario still listed in PROBES_PENDING: printed, not failing. */
  probeWarnings?: string[];
}

const BAND_ORDER: Band[] = ['beginning', 'developing', 'proficient'];

/**
 * Walks every path from the start (assessed mode), calling `visit` on each finished run with the
 * chance a uniformly random learner takes that path, and `onChoicePoint` at every choice on the way.
 */
export function explorePaths(
  scenario: Scenario,
  visit: (run: Run, path: string[], chance: number) => void,
  onStuck: (path: string[], reason: string) => void,
  onChoicePoint?: (run: Run, options: ReplyOption[]) => void,
): void {
  const walk = (run: Run, path: string[], chance: number): void => {
    if (run.ended) {
      visit(run, path, chance);
      return;
    }
    if (path.length >= maxChoicesOf(scenario)) {
      onStuck(path, `it is still going after ${maxChoicesOf(scenario)} choices`);
      return;
    }
    const options = availableOptions(scenario, run);
    if (options.length === 0) {
      onStuck(path, `node ${run.nodeId} has no reply available in this state`);
      return;
    }
    onChoicePoint?.(run, options);
    for (const option of options) {
      let next: Run;
      try {
        next = choose(scenario, run, option.id);
      } catch (error) {
        onStuck([...path, option.id], (error as Error).message);
        continue;
      }
      walk(next, [...path, option.id], chance / options.length);
    }
  };
  walk(startRun(scenario, 'assessed'), [], 1);
}

/** Compares at the precision the expected value is written in (C8.7). */
function sameAtPrecision(actual: number, expected: number): boolean {
  const places = (String(expected).split('.')[1] ?? '').length;
  const scale = 10 ** places;
  return Math.floor(actual * scale + 0.5 + 1e-9) / scale === expected;
}

function compareMetrics(scores: Scores, run: Run, expected: ExpectedMetrics): string[] {
  const differences: string[] = [];
  const check = (name: string, actual: number | null, wanted: number | null | undefined): void => {
    if (wanted === undefined) return;
    const same = wanted === null || actual === null ? wanted === actual : sameAtPrecision(actual, wanted);
    if (!same)
      differences.push(
        `${name} is ${actual === null ? 'none' : String(Math.round(actual * 1000) / 1000)}, not ${String(wanted)}`,
      );
  };
  if (expected.ending !== undefined && expected.ending !== run.nodeId)
    differences.push(`the ending is ${run.nodeId}, not ${expected.ending}`);
  if (expected.finalState) {
    for (const key of ['bond', 'CT', 'ST', 'open'] as const)
      check(`final ${key}`, run.state[key], expected.finalState[key]);
  }
  check('R:Q', scores.rq, expected.rq);
  check('%CR', scores.pctCR, expected.pctCR);
  check('AD', scores.AD, expected.AD);
  check('NA', scores.NA, expected.NA);
  check('SI', scores.SI, expected.SI);
  check('Partnership', scores.partnership, expected.partnership);
  check('Empathy', scores.empathy, expected.empathy);
  check('Relational', scores.relational, expected.relational);
  check('CCT', scores.cct, expected.cct);
  check('SST', scores.sst, expected.sst);
  check('Technical', scores.technical, expected.technical);
  if (expected.band !== undefined && expected.band !== scores.band)
    differences.push(`the band is ${scores.band}, not ${expected.band}`);
  return differences;
}

/** Every check of a scenario file (curriculum C6): schema, graph, exemplar and benchmarks. */
export function checkScenario(
  file: string,
  raw: unknown,
): { problems: ScenarioProblem[]; scenario?: Scenario; summary?: PathSummary } {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map(String);
        const nodeIndex = path[0] === 'nodes' ? Number(path[1]) : undefined;
        const nodes = (raw as { nodes?: { id?: unknown }[] } | null)?.nodes;
        const nodeId = nodeIndex !== undefined ? nodes?.[nodeIndex]?.id : undefined;
        return {
          file,
          ...(typeof nodeId === 'string' ? { node: nodeId } : {}),
          field: path.join('.') || '(top level)',
          message: issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message,
          hint: 'Follow the scenario format in curriculum C1 (see README, “Add a role-play”).',
        };
      }),
    };
  }
  const scenario = parsed.data;
  const problems: ScenarioProblem[] = [];
  const add = (problem: Omit<ScenarioProblem, 'file'>): void => {
    problems.push({ file, ...problem });
  };
  const clientIds = scenario.nodes.filter((node) => node.type !== 'router').map((node) => node.id);
  const allIds = [...scenario.nodes.map((node) => node.id), ...scenario.endings.map((ending) => ending.id)];
  const known = new Set(allIds);
  const seen = new Set<string>();
  for (const id of allIds) {
    if (seen.has(id))
      add({
        node: id,
        field: 'id',
        message: `the id ${id} is used twice`,
        hint: 'Give every node and ending its own id.',
      });
    seen.add(id);
  }
  const conditionOk = (source: string, where: Omit<ScenarioProblem, 'file' | 'message' | 'hint'>): boolean => {
    try {
      parseCondition(source);
      return true;
    } catch (error) {
      const reason = error instanceof ConditionError ? error.reason : String(error);
      add({
        ...where,
        message: `cannot read the condition “${source}”: ${reason}`,
        hint: 'Write conditions like “bond >= 3 and CT >= 4”, “rupture = withdrawal” or “flag permission”.',
      });
      return false;
    }
  };
  const target = (to: string, where: Omit<ScenarioProblem, 'file' | 'message' | 'hint'>): void => {
    if (!known.has(to)) {
      add({
        ...where,
        message: `points to “${to}”, which is not a node or ending in this scenario`,
        hint: `Use one of: ${allIds.join(', ')}.`,
      });
    }
  };
  const branches = (
    list: ({ if: string; to: string } | { else: string })[],
    where: Omit<ScenarioProblem, 'file' | 'message' | 'hint'>,
  ): void => {
    list.forEach((branch, index) => {
      const last = index === list.length - 1;
      if ('else' in branch) {
        target(branch.else, where);
        if (!last)
          add({
            ...where,
            message: 'has an `else` before the end of the list, so later branches can never run',
            hint: 'Move `else` to the last place.',
          });
      } else {
        conditionOk(branch.if, where);
        target(branch.to, where);
        if (last)
          add({
            ...where,
            message: 'is a conditional list that does not end with `else`',
            hint: 'Add `{ else: <node> }` as the last entry so every state has somewhere to go.',
          });
      }
    });
  };

  if (!clientIds.includes(scenario.startNode)) {
    add({
      field: 'startNode',
      message: `startNode “${scenario.startNode}” is not a client node`,
      hint: `Use one of: ${clientIds.join(', ')}.`,
    });
  }
  if (scenario.globalGuard) {
    conditionOk(scenario.globalGuard.if, { field: 'globalGuard.if' });
    target(scenario.globalGuard.to, { field: 'globalGuard.to' });
  }
  const optionIds = new Set<string>();
  for (const node of scenario.nodes) {
    if (node.type === 'router') {
      branches(node.routes, { node: node.id, field: 'routes' });
      continue;
    }
    const exemplars = node.options.filter((option) => option.exemplar).length;
    if (exemplars !== 1) {
      add({
        node: node.id,
        field: 'exemplar',
        message: `has ${exemplars} exemplar replies; it needs exactly one`,
        hint: 'Mark the single best reply (the ★) with `exemplar: true`.',
      });
    }
    node.variants.forEach((variant, index) => {
      if ('if' in variant) conditionOk(variant.if, { node: node.id, field: `variants.${index}.if` });
    });
    for (const option of node.options) {
      const where = { node: node.id, option: option.id };
      if (optionIds.has(option.id))
        add({
          ...where,
          field: 'id',
          message: `the reply id ${option.id} is used twice`,
          hint: 'Reply ids must be unique in a scenario, e.g. N3-A, N3-B.',
        });
      optionIds.add(option.id);
      for (const code of option.codes) {
        if (!(MITI_CODES as readonly string[]).includes(code)) {
          add({
            ...where,
            field: 'codes',
            message: `“${code}” is not a known code`,
            hint: `Use codes from curriculum C1.5: ${MITI_CODES.join(', ')}.`,
          });
        }
      }
      if (!(STANCES as readonly string[]).includes(option.stance)) {
        add({
          ...where,
          field: 'stance',
          message: `“${option.stance}” is not a known stance`,
          hint: 'Use partnering, neutral or expert.',
        });
      }
      if (option.showIf) conditionOk(option.showIf, { ...where, field: 'showIf' });
      if (typeof option.next === 'string') target(option.next, { ...where, field: 'next' });
      else branches(option.next, { ...where, field: 'next' });
    }
  }
  for (const ending of scenario.endings) {
    ending.variants.forEach((variant, index) => {
      if ('if' in variant) conditionOk(variant.if, { node: ending.id, field: `variants.${index}.if` });
    });
  }
  riskNodeProblems(scenario).forEach(add);
  checklistProblems(scenario).forEach(add);
  // Everything below plays the scenario, so it needs a sound graph first.
  if (problems.length > 0) return { problems, scenario };

  const reached = new Set<string>();
  const summary: PathSummary = { paths: 0, endings: {}, longest: 0 };
  const found = { notProficient: false };
  const stuck: { path: string[]; reason: string }[] = [];
  let riskOnPath: RiskProblem | undefined;
  const carried = new Set<string>();
  // The probes' random-path share and length figures come from this same walk (one walk, not three).
  let randomProficient = 0;
  const visible = new Map<string, ReplyOption[]>();
  explorePaths(
    scenario,
    (run, path, chance) => {
      summary.paths++;
      riskOnPath ??= riskPathProblem(run, path);
      stepsCarriedOut(run, carried);
      summary.longest = Math.max(summary.longest, path.length);
      summary.endings[run.nodeId] = (summary.endings[run.nodeId] ?? 0) + 1;
      for (const turn of run.history) reached.add(turn.nodeId);
      reached.add(run.nodeId);
      const band = scoreRun(scenario, run).band;
      if (band === 'proficient') randomProficient += chance;
      if (band !== 'proficient') found.notProficient = true;
      if (!summary.bestBand || BAND_ORDER.indexOf(band) > BAND_ORDER.indexOf(summary.bestBand)) summary.bestBand = band;
      if (!summary.worstBand || BAND_ORDER.indexOf(band) < BAND_ORDER.indexOf(summary.worstBand))
        summary.worstBand = band;
    },
    (path, reason) => {
      stuck.push({ path, reason });
    },
    (run, options) => {
      if (!visible.has(run.nodeId)) visible.set(run.nodeId, options);
    },
  );
  if (riskOnPath) add(riskOnPath);
  if (stuck.length === 0) unreachedSteps(scenario, carried).forEach(add);
  // One message per problem, not per path: a loop would otherwise be reported hundreds of times.
  const [firstStuck] = stuck;
  if (firstStuck) {
    const last = firstStuck.path.at(-1);
    const more = stuck.length > 1 ? ` (and ${stuck.length - 1} more path(s) like it)` : '';
    add({
      ...(last ? { option: last } : {}),
      message: `the path ${firstStuck.path.join(', ') || '(start)'} never reaches an ending: ${firstStuck.reason}${more}`,
      hint: `Make every path reach an ending within ${maxChoicesOf(scenario)} choices (check routers, showIf and next), or raise \`maxChoices\` (at most 12) if the scene needs it.`,
    });
  }
  for (const id of clientIds) {
    if (!reached.has(id))
      add({
        node: id,
        message: `node ${id} can never be reached`,
        hint: 'Point a reply’s `next` (or a router) at it, or remove it.',
      });
  }
  for (const ending of scenario.endings) {
    if (!reached.has(ending.id))
      add({
        node: ending.id,
        message: `ending ${ending.id} can never be reached`,
        hint: 'Route some path to it, or remove it.',
      });
  }
  if (!found.notProficient)
    add({
      field: 'nodes',
      message: 'every path scores proficient, so the role-play cannot tell practice apart',
      hint: 'Give some replies weaker codes, stances or effects.',
    });

  const { benchmarks } = scenario;
  let exemplarRun: Run | undefined;
  try {
    exemplarRun = playPath(scenario, benchmarks.exemplarPath);
  } catch (error) {
    add({
      field: 'benchmarks.exemplarPath',
      message: `the exemplar path cannot be played: ${(error as Error).message}`,
      hint: 'List the ★ reply ids in the order they are met.',
    });
  }
  if (exemplarRun) {
    const notStar = exemplarRun.history.filter((turn) => !turn.exemplar).map((turn) => turn.optionId);
    if (notStar.length)
      add({
        field: 'benchmarks.exemplarPath',
        message: `the exemplar path uses replies that are not the ★: ${notStar.join(', ')}`,
        hint: 'Use the option marked `exemplar: true` at each node.',
      });
    const endedAt = exemplarRun.nodeId;
    const ending = scenario.endings.find((candidate) => candidate.id === endedAt);
    if (!exemplarRun.ended || ending?.outcome !== 'engaged') {
      add({
        field: 'benchmarks.exemplarPath',
        message: `the exemplar path ends at ${exemplarRun.nodeId}, not an engaged ending`,
        hint: 'The ★ path must reach an ending with outcome: engaged.',
      });
    }
    const ctGain = exemplarRun.history.reduce((sum, turn) => sum + Math.max(0, turn.effects.CT ?? 0), 0);
    if (ctGain !== benchmarks.ctMax) {
      add({
        field: 'benchmarks.ctMax',
        message: `ctMax is ${benchmarks.ctMax}, but the exemplar path gains ${ctGain} change talk`,
        hint: `Set ctMax: ${ctGain} (the sum of positive CT effects on the ★ path, C8.6).`,
      });
    }
    const scores = scoreRun(scenario, exemplarRun);
    if (scores.band !== 'proficient')
      add({
        field: 'benchmarks.exemplarPath',
        message: `the exemplar path scores ${scores.band}, not proficient`,
        hint: 'The ★ path is the teaching path: strengthen its replies.',
      });
    for (const difference of compareMetrics(scores, exemplarRun, benchmarks.expected)) {
      add({
        field: 'benchmarks.expected',
        message: `the engine computes a different result for the exemplar path: ${difference}`,
        hint: 'Fix the scenario or the benchmark so they agree (the benchmark is a regression test).',
      });
    }
  }
  benchmarks.fixtures.forEach((fixture, index) => {
    try {
      const run = playPath(scenario, fixture.path);
      for (const difference of compareMetrics(scoreRun(scenario, run), run, fixture.expected)) {
        add({
          field: `benchmarks.fixtures.${index}`,
          message: `fixture “${fixture.name}”: ${difference}`,
          hint: 'Fix the scenario or the fixture so they agree.',
        });
      }
    } catch (error) {
      if (!(error instanceof PlayError)) throw error;
      add({
        field: `benchmarks.fixtures.${index}.path`,
        message: `fixture “${fixture.name}” cannot be played: ${error.message}`,
        hint: 'List reply ids in the order they are met.',
      });
    }
  });
  summary.probes = probeScenario(scenario, { randomProficient, visible });
  const typed = typedProbeProblems(codeReply, scenario);
  summary.typedProbes = typed.outcomes;
  const findings = [...probeProblems(summary.probes), ...typed.problems];
  if (!PROBES_PENDING.has(scenario.id)) for (const problem of findings) add(problem);
  else if (findings.length > 0) summary.probeWarnings = findings.map((finding) => finding.message);
  else
    add({
      field: 'id',
      message: `${scenario.id} now passes the surface-cue probes but is still listed as pending`,
      hint: 'Take it off PROBES_PENDING in src/engine/probe-pending.ts, so the probes hold it from now on.',
    });
  return { problems, scenario, summary };
}
