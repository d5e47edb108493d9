import type { ReplyOption, Scenario } from '../schemas/scenario.ts';
import { maxChoicesOf } from '../schemas/scenario-terms.ts';
import { availableOptions, choose, clientLine, currentEnding, startRun, type Run } from './run.ts';
import { scoreRun, type Band } from './scoring.ts';

/**
 * Surface-cue probes (issue 11): play the scenario with strategies that read only the surface of
 * the replies (length, "you" words, echo, position, the letter of the id the page carries) through
 * the real engine, in assessed mode.
 * A score is only worth what such a strategy cannot reach.
 */

export const STRATEGIES = ['longest', 'shortest', 'most-you', 'most-echo', 'first', 'last', 'same-letter'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_WORDS: Record<Strategy, string> = {
  longest: 'always the longest reply',
  shortest: 'always the shortest reply',
  'most-you': 'always the reply with most “you” words',
  'most-echo': 'always the reply that repeats most of the client’s words',
  first: 'always the first reply in the file',
  last: 'always the last reply in the file',
  'same-letter': 'always the reply whose id ends in the same letter',
};

/** The best a strategy can do when its ties are played every way (worst case for the scenario). */
export interface StrategyOutcome {
  strategy: Strategy;
  path: string[];
  band: Band;
  ending: string;
  outcome: string;
}

export interface ProbeSummary {
  strategies: StrategyOutcome[];
  choicePoints: number;
  /** Choice points where the ★ is at least as long as every other visible reply. */
  starLongest: number;
  starMeanWords: number;
  otherMeanWords: number;
  /** Share of uniformly random paths (each visible reply equally likely) that score proficient. */
  randomProficient: number;
}

export const STAR_LONGEST_LIMIT = 0.4;
export const MEAN_WORDS_LIMIT = 0.25;

export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];

const YOU = /^(you|your|yours|yourself|yourselves|you['’](re|ve|ll|d))$/;
export const secondPerson = (text: string): number => words(text).filter((word) => YOU.test(word)).length;

const STOP = new Set(
  'a an and the to of in on at it is i me my you your we so but or for that this with be was are just do not'.split(
    ' ',
  ),
);
/** How many different words of the client's line the reply repeats (small function words aside). */
export function echo(reply: string, line: string): number {
  const heard = new Set(words(line).filter((word) => !STOP.has(word)));
  return new Set(words(reply).filter((word) => heard.has(word))).size;
}

/** Each strategy's score for an option; it picks the highest (ties are all followed). */
function scorer(
  strategy: Strategy,
  scenario: Scenario,
  run: Run,
  letter = '',
): (option: ReplyOption, index: number) => number {
  switch (strategy) {
    case 'same-letter':
      return (option) => (idLetter(option.id) === letter ? 1 : 0);
    case 'longest':
      return (option) => words(option.text).length;
    case 'shortest':
      return (option) => -words(option.text).length;
    case 'most-you':
      return (option) => secondPerson(option.text);
    case 'most-echo': {
      const line = clientLine(scenario, run);
      const heard = `${line.bridge ?? ''} ${line.text}`;
      return (option) => echo(option.text, heard);
    }
    case 'first':
      return (_option, index) => -index;
    case 'last':
      return (_option, index) => index;
  }
}

const BAND_RANK: Record<Band, number> = { beginning: 0, developing: 1, proficient: 2 };
const OUTCOME_RANK: Record<string, number> = { disengaged: 0, partial: 1, engaged: 2 };

function outcomeOf(scenario: Scenario, run: Run, path: string[], strategy: Strategy): StrategyOutcome {
  return {
    strategy,
    path,
    band: scoreRun(scenario, run).band,
    ending: run.nodeId,
    outcome: currentEnding(scenario, run)?.outcome ?? 'unfinished',
  };
}

/** The last letter of a reply id (N3-B → B): the page carries ids, so they must not give the ★ away. */
export const idLetter = (id: string): string => id.slice(-1);

const letters = (scenario: Scenario): string[] => [
  ...new Set(scenario.nodes.flatMap((node) => (node.type === 'client' ? node.options.map((o) => idLetter(o.id)) : []))),
];

/**
 * Plays one strategy, following every tie, and keeps the outcome that games the score most.
 * `same-letter` is played once per letter in use (where no reply has the letter, every reply ties).
 */
export function playStrategy(scenario: Scenario, strategy: Strategy): StrategyOutcome {
  if (strategy !== 'same-letter') return playOne(scenario, strategy);
  const outcomes = letters(scenario)
    .sort()
    .map((letter) => playOne(scenario, strategy, letter));
  return outcomes.reduce((best, outcome) => (rankOf(outcome) > rankOf(best) ? outcome : best));
}

const rankOf = (outcome: StrategyOutcome): number =>
  BAND_RANK[outcome.band] * 10 + (OUTCOME_RANK[outcome.outcome] ?? 0);

function playOne(scenario: Scenario, strategy: Strategy, letter?: string): StrategyOutcome {
  let best: StrategyOutcome | undefined;
  const rank = rankOf;
  const walk = (run: Run, path: string[]): void => {
    const options = availableOptions(scenario, run);
    if (run.ended || path.length >= maxChoicesOf(scenario) || options.length === 0) {
      const outcome = outcomeOf(scenario, run, path, strategy);
      if (!best || rank(outcome) > rank(best)) best = outcome;
      return;
    }
    const score = scorer(strategy, scenario, run, letter);
    const scored = options.map((option, index) => ({ option, value: score(option, index) }));
    const top = Math.max(...scored.map((entry) => entry.value));
    for (const { option, value } of scored)
      if (value === top) walk(choose(scenario, run, option.id), [...path, option.id]);
  };
  walk(startRun(scenario, 'assessed'), []);
  if (!best) throw new Error(`strategy ${strategy} found no path in ${scenario.id}`);
  return best;
}

/**
 * Length figures over the scenario's choice points: each client node, with the replies visible the
 * first time any path meets it (showIf replies count where they show).
 */
export function visibleAtFirstMeeting(scenario: Scenario): Map<string, ReplyOption[]> {
  const visible = new Map<string, ReplyOption[]>();
  const walk = (run: Run, depth: number): void => {
    if (run.ended || depth >= maxChoicesOf(scenario)) return;
    const options = availableOptions(scenario, run);
    if (!visible.has(run.nodeId)) visible.set(run.nodeId, options);
    for (const option of options) walk(choose(scenario, run, option.id), depth + 1);
  };
  walk(startRun(scenario, 'assessed'), 0);
  return visible;
}

function lengthFigures(
  visible: ReadonlyMap<string, ReplyOption[]>,
): Pick<ProbeSummary, 'choicePoints' | 'starLongest' | 'starMeanWords' | 'otherMeanWords'> {
  let starLongest = 0;
  const star: number[] = [];
  const other: number[] = [];
  for (const options of visible.values()) {
    const lengths = options.map((option) => ({ option, n: words(option.text).length }));
    const starred = lengths.find((entry) => entry.option.exemplar);
    if (!starred) continue;
    star.push(starred.n);
    const rest = lengths.filter((entry) => entry !== starred).map((entry) => entry.n);
    other.push(...rest);
    if (rest.every((n) => starred.n >= n)) starLongest++;
  }
  const mean = (list: number[]): number => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0);
  return { choicePoints: star.length, starLongest, starMeanWords: mean(star), otherMeanWords: mean(other) };
}

/** The exact share of proficient endings when every visible reply is equally likely at each step. */
export function randomProficientShare(scenario: Scenario): number {
  const walk = (run: Run, depth: number): number => {
    const options = availableOptions(scenario, run);
    if (run.ended || depth >= maxChoicesOf(scenario) || options.length === 0)
      return scoreRun(scenario, run).band === 'proficient' ? 1 : 0;
    return options.reduce((sum, option) => sum + walk(choose(scenario, run, option.id), depth + 1), 0) / options.length;
  };
  return walk(startRun(scenario, 'assessed'), 0);
}

/**
 * Every probe on one scenario. The graph checks walk every path anyway, so they pass in what that
 * walk found (the random-path share and the replies visible at each node) instead of walking twice more.
 */
export function probeScenario(
  scenario: Scenario,
  walked?: { randomProficient: number; visible: ReadonlyMap<string, ReplyOption[]> },
): ProbeSummary {
  return {
    strategies: STRATEGIES.map((strategy) => playStrategy(scenario, strategy)),
    ...lengthFigures(walked?.visible ?? visibleAtFirstMeeting(scenario)),
    randomProficient: walked?.randomProficient ?? randomProficientShare(scenario),
  };
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The probes' findings as problems (file, field, message, fix), like the other checks. */
export function probeProblems(summary: ProbeSummary): { field: string; message: string; hint: string }[] {
  const problems: { field: string; message: string; hint: string }[] = [];
  for (const outcome of summary.strategies) {
    const gamed = [
      outcome.band === 'proficient' && 'scores proficient',
      outcome.outcome === 'engaged' && `reaches the engaged ending ${outcome.ending}`,
    ].filter(Boolean);
    if (gamed.length === 0) continue;
    const fix: Record<Strategy, string> = {
      longest: 'Make the ★ shorter than another reply at some of these nodes, or give a weaker reply more words.',
      shortest: 'Make the ★ longer than another reply at some of these nodes.',
      'most-you': 'Use “you” less in the ★ or more in a weaker reply at some of these nodes.',
      'most-echo':
        'Let the ★ put things in new words, or have a weaker reply parrot the client, at some of these nodes.',
      first: 'Move the ★ away from the first place in the list at some of these nodes.',
      last: 'Move the ★ away from the last place in the list at some of these nodes.',
      'same-letter':
        'Reletter the reply ids at some of these nodes so the ★ does not share one letter (ids are shown to the page).',
    };
    problems.push({
      field: 'nodes',
      message: `a learner who picks ${STRATEGY_WORDS[outcome.strategy]} ${gamed.join(' and ')} (path ${outcome.path.join(', ')})`,
      hint: fix[outcome.strategy],
    });
  }
  const { choicePoints, starLongest, starMeanWords, otherMeanWords } = summary;
  if (choicePoints > 0 && starLongest / choicePoints > STAR_LONGEST_LIMIT)
    problems.push({
      field: 'nodes',
      message: `the ★ is the longest visible reply at ${starLongest} of ${choicePoints} choice points (${percent(starLongest / choicePoints)}; the limit is ${percent(STAR_LONGEST_LIMIT)})`,
      hint: 'Shorten some ★ replies, or write a longer, kind-sounding weaker reply beside them.',
    });
  if (otherMeanWords > 0 && Math.abs(starMeanWords - otherMeanWords) / otherMeanWords > MEAN_WORDS_LIMIT)
    problems.push({
      field: 'nodes',
      message: `the ★ replies average ${starMeanWords.toFixed(1)} words against ${otherMeanWords.toFixed(1)} for the others (more than ${percent(MEAN_WORDS_LIMIT)} apart)`,
      hint: 'Bring the lengths closer: shorter ★ replies or fuller weaker ones, so length gives nothing away.',
    });
  return problems;
}

/** One line for `scenario -- check` and the bench. */
export function formatProbeSummary(summary: ProbeSummary): string {
  const strategies = summary.strategies
    .map((outcome) => `${outcome.strategy} ${outcome.band}/${outcome.outcome}`)
    .join(', ');
  return `★ longest at ${summary.starLongest}/${summary.choicePoints}; ★ ${summary.starMeanWords.toFixed(1)} vs ${summary.otherMeanWords.toFixed(1)} words; random paths proficient ${percent(summary.randomProficient)}; ${strategies}`;
}
