import type { ClientNode, Ending, MitiCode, Next, ReplyOption, Scenario, Stance } from '../schemas/scenario.ts';
import { holds } from './condition.ts';
import { modelOf } from './model.ts';
import { applyEffects, isActive, type ClientState, type RuptureEpisode } from './state.ts';

/**
 * A play-through of a scenario as plain data: pure functions take a run and return the next one.
 * The XState machine (machine.ts) is built on these, and so are the CLI and the graph checks.
 */

export type Mode = 'practice' | 'assessed';

/** One reply the learner chose (C1.2 history). */
export interface Turn {
  nodeId: string;
  optionId: string;
  /** Counts client-node visits, so a node met twice is two visits. */
  visit: number;
  /** 1 for the first reply at this visit; retries count up. Only attempt 1 is scored (C8.12). */
  attempt: number;
  /** False once the learner took this reply back with "try another reply". */
  kept: boolean;
  codes: MitiCode[];
  stance: Stance;
  exemplar: boolean;
  effects: ReplyOption['effects'];
  /** Talk tags of the client line the learner was answering. */
  talk: string[];
  markers: string[];
  /** In a checklist scene: the step this reply carried out, or "unsafe" (checklist.ts). */
  action?: string;
  /** Set when the learner typed this reply: `optionId` is then the authored reply it was matched to. */
  typed?: TypedReply;
  stateBefore: ClientState;
  stateAfter: ClientState;
}

interface Checkpoint {
  nodeId: string;
  incoming?: string;
  visit: number;
  state: ClientState;
  ruptures: RuptureEpisode[];
}

export interface Run {
  scenarioId: string;
  mode: Mode;
  /** A client node id while playing, an ending id once ended. */
  nodeId: string;
  ended: boolean;
  state: ClientState;
  /** The option that led here, for bridge lines. */
  incoming?: string;
  visit: number;
  history: Turn[];
  ruptures: RuptureEpisode[];
  /** Where each kept choice was made, so a retry can roll back to it. */
  checkpoints: Checkpoint[];
}

/**
 * A reply the learner typed (issue 13, item 5). The client follows the branch of the matched authored
 * reply; the turn is scored on the codes of the learner's own words (typed.ts), or, once the learner
 * said "That's not what I meant" in practice, as the reply they meant.
 */
export interface TypedReply {
  text: string;
  behaviour: 'question' | 'reflection' | 'input' | 'other';
  /** The coder's codes for the learner's words (RISK marks a direct question about suicide). */
  codes: string[];
  stance: Stance;
  confidence: number;
  /** The authored reply the typed one was matched to. */
  matchedId: string;
  /** Practice: the learner corrected the reading; the turn is the reply they chose (`optionId`). */
  corrected?: true | undefined;
  /** Assessed: on the end report the learner flagged this reading as wrong; the score stays as coded. */
  flagged?: true | undefined;
}

export class PlayError extends Error {}

const INFO_CODES = new Set<string>(['GI', 'PWP', 'PERS']);

export function initialRun(scenario: Scenario, mode: Mode): Run {
  const { initialState } = scenario;
  const state: ClientState = { ...initialState, flags: [...initialState.flags] };
  // A rupture present at the start is scripted, opened at the start node (C8.1, C8.8).
  const ruptures: RuptureEpisode[] = isActive(initialState.rupture)
    ? [
        {
          type: initialState.rupture,
          source: 'scripted',
          nodeId: scenario.startNode,
          openedAtTurn: -1,
          escalations: [],
        },
      ]
    : [];
  return {
    scenarioId: scenario.id,
    mode,
    nodeId: scenario.startNode,
    ended: false,
    state,
    visit: 0,
    history: [],
    ruptures,
    checkpoints: [],
  };
}

/** Where a router sends a run in its current state. */
export function routeFrom(scenario: Scenario, routerId: string, state: ClientState): string {
  const router = modelOf(scenario).routers.get(routerId);
  if (!router) throw new PlayError(`no router called ${routerId}`);
  for (const route of router.routes) {
    if ('else' in route) return route.else;
    if (holds(route.if, state)) return route.to;
  }
  throw new PlayError(`router ${routerId} has no branch for this state`);
}

/** Arrives at a client node (a new visit, plus any scripted onEnter effects) or an ending. */
export function arrive(scenario: Scenario, run: Run, target: string): Run {
  const model = modelOf(scenario);
  if (model.endings.has(target)) return { ...run, nodeId: target, ended: true };
  const node = model.clients.get(target);
  if (!node) throw new PlayError(`no node or ending called ${target}`);
  const entered: Run = { ...run, nodeId: target, ended: false, visit: run.visit + 1 };
  if (!node.onEnter) return entered;
  return {
    ...entered,
    ...applyEffects(entered.state, entered.ruptures, node.onEnter.effects, {
      nodeId: target,
      turn: run.history.length - 1,
      source: 'scripted',
    }),
  };
}

/** After arriving: the global guard is checked again once scripted effects have applied (C8.10). */
export function guardAfterEnter(scenario: Scenario, run: Run): string | undefined {
  const guard = scenario.globalGuard;
  const node = run.ended ? undefined : modelOf(scenario).clients.get(run.nodeId);
  return guard && node?.onEnter && holds(guard.if, run.state) ? guard.to : undefined;
}

/** Follows routers and scripted onEnter effects until the run rests on a client node or an ending. */
function enter(scenario: Scenario, run: Run, target: string, depth = 0): Run {
  if (depth > 50) throw new PlayError(`routing loops without reaching a client node or an ending (at ${target})`);
  if (modelOf(scenario).routers.has(target))
    return enter(scenario, run, routeFrom(scenario, target, run.state), depth + 1);
  const arrived = arrive(scenario, run, target);
  const jump = guardAfterEnter(scenario, arrived);
  return jump ? enter(scenario, arrived, jump, depth + 1) : arrived;
}

export function startRun(scenario: Scenario, mode: Mode = 'practice'): Run {
  return enter(scenario, initialRun(scenario, mode), scenario.startNode);
}

export function currentNode(scenario: Scenario, run: Run): ClientNode | undefined {
  return run.ended ? undefined : modelOf(scenario).clients.get(run.nodeId);
}

export function currentEnding(scenario: Scenario, run: Run): Ending | undefined {
  return run.ended ? modelOf(scenario).endings.get(run.nodeId) : undefined;
}

/** The options the learner can pick now: `showIf` options only while their condition holds. */
export function availableOptions(scenario: Scenario, run: Run): ReplyOption[] {
  const node = currentNode(scenario, run);
  return node ? node.options.filter((option) => !option.showIf || holds(option.showIf, run.state)) : [];
}

export interface Line {
  bridge?: string;
  text: string;
  talk: string[];
}

/** What the person says now: at most one bridge, then the first matching replacement or the default (C1.3). */
export function clientLine(scenario: Scenario, run: Run): Line {
  return lineAt(scenario, run);
}

/** The line at a node given only what it depends on: where, the state there, and the reply that led in. */
export function lineAt(
  scenario: Scenario,
  at: { nodeId: string; ended: boolean; state: ClientState; incoming?: string | undefined },
): Line {
  const model = modelOf(scenario);
  const node = at.ended ? model.endings.get(at.nodeId) : model.clients.get(at.nodeId);
  if (!node) throw new PlayError(`no node ${at.nodeId}`);
  const bridge = node.variants.find(
    (variant) =>
      'bridge' in variant && ('from' in variant ? variant.from === at.incoming : holds(variant.if, at.state)),
  );
  const replace = node.variants.find((variant) => 'replace' in variant && holds(variant.if, at.state));
  const talk = replace && 'talk' in replace && replace.talk ? replace.talk : 'talk' in node ? node.talk : [];
  return {
    ...(bridge && 'bridge' in bridge ? { bridge: bridge.bridge } : {}),
    text: replace && 'replace' in replace ? replace.replace : node.clientLine,
    talk,
  };
}

function resolveNext(next: Next, state: ClientState): string {
  if (typeof next === 'string') return next;
  for (const branch of next) {
    if ('else' in branch) return branch.else;
    if (holds(branch.if, state)) return branch.to;
  }
  throw new PlayError('a conditional next has no matching branch and no else');
}

/** Where a reply leads from a state, after its effects: the global guard first, then `next` (C1.6). */
export function targetAfter(scenario: Scenario, option: ReplyOption, stateAfter: ClientState): string {
  const guard = scenario.globalGuard;
  if (guard && holds(guard.if, stateAfter)) return guard.to;
  return resolveNext(option.next, stateAfter);
}

/** How a reply is judged, as a turn records it: from the option's key fields and the moment it answered. */
function labelsOf(option: ReplyOption, flagsBefore: readonly string[], talk: readonly string[], typed?: TypedReply) {
  // A typed turn is judged on the learner's words unless they corrected the reading (typed.ts).
  const own = typed && !typed.corrected;
  const codes = own ? (typed.codes.filter((code) => code !== 'RISK') as MitiCode[]) : (option.codes as MitiCode[]);
  // info-with-permission / info-unasked are derived, never authored (C8.9).
  const gaveInfo = codes.some((code) => INFO_CODES.has(code));
  const asked = flagsBefore.includes('permission') || talk.includes('request-info');
  // The risk-check marker comes from the learner's words (the coder's RISK code), the others from the match.
  const authored = (option.markers ?? []).filter((marker) => !own || marker !== 'risk-check');
  return {
    codes,
    stance: own ? typed.stance : (option.stance as Stance),
    exemplar: !own && option.exemplar === true,
    ...(option.action ? { action: option.action } : {}),
    markers: [
      ...authored,
      ...(own && typed.codes.includes('RISK') ? ['risk-check'] : []),
      ...(gaveInfo ? [asked ? 'info-with-permission' : 'info-unasked'] : []),
    ],
  };
}

/**
 * A run played before the key was loaded (see play-data.ts) with each turn labelled from the full
 * scenario. Effects, routes and states do not depend on the key, so only the labels change.
 */
export function rekeyRun(scenario: Scenario, run: Run): Run {
  const { options } = modelOf(scenario);
  return {
    ...run,
    history: run.history.map((turn) => {
      const option = options.get(turn.optionId)?.option;
      if (!option) throw new PlayError(`there is no reply ${turn.optionId} in ${scenario.id}`);
      return { ...turn, ...labelsOf(option, turn.stateBefore.flags, turn.talk, turn.typed) };
    }),
  };
}

/** Applies a reply and records it; the run has not moved yet. Returns where it goes next. */
export function recordChoice(
  scenario: Scenario,
  run: Run,
  optionId: string,
  typed?: TypedReply,
): { run: Run; target: string } {
  if (run.ended) throw new PlayError(`the role-play has ended; ${optionId} cannot be chosen`);
  const option = availableOptions(scenario, run).find((candidate) => candidate.id === optionId);
  if (!option) {
    const exists = modelOf(scenario).options.get(optionId);
    throw new PlayError(
      exists
        ? `reply ${optionId} is not available at ${run.nodeId}${exists.node.id === run.nodeId ? ' in this state (its showIf does not hold)' : ` (it belongs to ${exists.node.id})`}`
        : `there is no reply ${optionId} in ${scenario.id}`,
    );
  }
  const line = clientLine(scenario, run);
  // A correction replaces the typed turn it corrects (rolled back just before): it is not a retry.
  const replaced = typed?.corrected
    ? run.history.findLastIndex((turn) => !turn.kept && turn.typed?.text === typed.text)
    : -1;
  const earlier = replaced >= 0 ? run.history.filter((_, index) => index !== replaced) : run.history;
  const turnIndex = earlier.length;
  const applied = applyEffects(run.state, run.ruptures, option.effects, {
    nodeId: run.nodeId,
    optionId,
    turn: turnIndex,
    source: 'learner',
  });
  const attempt = earlier.filter((turn) => turn.visit === run.visit).length + 1;
  const turn: Turn = {
    nodeId: run.nodeId,
    optionId,
    visit: run.visit,
    attempt,
    kept: true,
    ...(typed ? { typed } : {}),
    ...labelsOf(option, run.state.flags, line.talk, typed),
    effects: option.effects,
    talk: line.talk,
    stateBefore: run.state,
    stateAfter: applied.state,
  };
  const checkpoint: Checkpoint = {
    nodeId: run.nodeId,
    ...(run.incoming ? { incoming: run.incoming } : {}),
    visit: run.visit,
    state: run.state,
    ruptures: run.ruptures,
  };
  const moved: Run = {
    ...run,
    ...applied,
    incoming: optionId,
    history: [...earlier, turn],
    checkpoints: [...run.checkpoints, checkpoint],
  };
  return { run: moved, target: targetAfter(scenario, option, applied.state) };
}

export function choose(scenario: Scenario, run: Run, optionId: string, typed?: TypedReply): Run {
  const { run: moved, target } = recordChoice(scenario, run, optionId, typed);
  return enter(scenario, moved, target);
}

/**
 * "Try another reply" takes back the reply just given, and only that one (C2.7: the state goes back
 * to before that choice and the path continues from the reply kept). So the last step of the history
 * must be a kept reply: a second retry in a row, which would reach back past a node already left,
 * is refused. A saved attempt keeps its replies in order with a `kept` flag, and only this rule
 * makes that list replay to the same run (replayChoices takes each reply back straight after it).
 */
export const canRetry = (run: Run): boolean =>
  run.mode === 'practice' && run.checkpoints.length > 0 && run.history.at(-1)?.kept === true;

/** "Try another reply": roll back everything the last reply changed (C2.7, C8.12). */
export function retry(run: Run): Run {
  const checkpoint = run.checkpoints.at(-1);
  if (!checkpoint || run.mode !== 'practice') throw new PlayError('there is no reply to take back');
  if (run.history.at(-1)?.kept !== true)
    throw new PlayError('only the reply just given can be taken back, and it has been already');
  const lastKept = run.history.findLastIndex((turn) => turn.kept);
  const history = run.history.map((turn, index) => (index === lastKept ? { ...turn, kept: false } : turn));
  const { incoming, ...rest } = checkpoint;
  return {
    ...run,
    ...rest,
    ...(incoming ? { incoming } : { incoming: undefined }),
    ended: false,
    history,
    checkpoints: run.checkpoints.slice(0, -1),
  } as Run;
}

/** Plays option ids in order from the start; throws PlayError on an unknown or unavailable id. */
export function playPath(scenario: Scenario, path: readonly string[], mode: Mode = 'assessed'): Run {
  return path.reduce((run, optionId) => choose(scenario, run, optionId), startRun(scenario, mode));
}
