import { assign, setup } from 'xstate';
import type { Scenario } from '../schemas/scenario.ts';
import { applyEffects } from './state.ts';
import { holds } from './condition.ts';
import { modelOf } from './model.ts';
import {
  arrive,
  availableOptions,
  canRetry,
  initialRun,
  recordChoice,
  retry,
  targetAfter,
  type Mode,
  type Run,
  type TypedReply,
} from './run.ts';

/**
 * Compiles a scenario into an XState v5 machine: one state per client node, routers as transient
 * (`always`) transitions, a final state per ending. Guards and actions call the pure run functions,
 * so the machine, the CLI and the graph checks always agree.
 */

export interface RolePlayContext {
  run: Run;
  /** Set while a retry restores a node, so arriving does not count a new visit or re-run onEnter. */
  restoring: boolean;
}

/** `typed`: the learner typed the reply; `optionId` is the authored reply it was matched to (typed.ts). */
export type RolePlayEvent =
  | { type: 'learner.choose'; optionId: string; typed?: TypedReply }
  | { type: 'learner.retry' }
  | { type: 'learner.restart' };

export function compileScenario(scenario: Scenario, mode: Mode = 'practice') {
  const model = modelOf(scenario);
  const lastCheckpointAt = (context: RolePlayContext): string | undefined => context.run.checkpoints.at(-1)?.nodeId;

  const machineSetup = setup({
    types: {
      context: {} as RolePlayContext,
      events: {} as RolePlayEvent,
    },
    guards: {
      /** The chosen reply is available here and, after its effects, leads to `target`. */
      leadsTo: ({ context, event }, params: { target: string }) => {
        if (event.type !== 'learner.choose') return false;
        const option = availableOptions(scenario, context.run).find((candidate) => candidate.id === event.optionId);
        if (!option) return false;
        const after = applyEffects(context.run.state, context.run.ruptures, option.effects, {
          nodeId: context.run.nodeId,
          turn: context.run.history.length,
          source: 'learner',
        });
        return targetAfter(scenario, option, after.state) === params.target;
      },
      holds: ({ context }, params: { condition: string }) => holds(params.condition, context.run.state),
      retriesTo: ({ context }, params: { nodeId: string }) =>
        canRetry(context.run) && lastCheckpointAt(context) === params.nodeId,
    },
    actions: {
      applyChoice: assign(({ context, event }) =>
        event.type === 'learner.choose'
          ? { run: recordChoice(scenario, context.run, event.optionId, event.typed).run }
          : {},
      ),
      arrive: assign(({ context }, params: { nodeId: string }) =>
        context.restoring ? { restoring: false } : { run: arrive(scenario, context.run, params.nodeId) },
      ),
      rollBack: assign(({ context }) => ({ run: retry(context.run), restoring: true })),
      reset: assign(({ context }) => ({ run: initialRun(scenario, context.run.mode), restoring: false })),
    },
  });

  // State configs are built from data, so they are assembled untyped and checked by the tests.
  type State = Record<string, unknown>;
  const states: Record<string, State> = {};
  const guardJump = scenario.globalGuard;

  for (const node of scenario.nodes) {
    if (node.type === 'router') {
      states[node.id] = {
        id: node.id,
        always: node.routes.map((route) =>
          'else' in route
            ? { target: `#${route.else}` }
            : { target: `#${route.to}`, guard: { type: 'holds', params: { condition: route.if } } },
        ),
      };
      continue;
    }
    const targets = new Set<string>();
    if (guardJump) targets.add(guardJump.to);
    for (const option of node.options) {
      if (typeof option.next === 'string') targets.add(option.next);
      else for (const branch of option.next) targets.add('else' in branch ? branch.else : branch.to);
    }
    states[node.id] = {
      id: node.id,
      tags: ['awaiting-reply'],
      entry: { type: 'arrive', params: { nodeId: node.id } },
      // Scripted onEnter effects can trip the global guard (C8.10).
      ...(node.onEnter && guardJump
        ? { always: { target: `#${guardJump.to}`, guard: { type: 'holds', params: { condition: guardJump.if } } } }
        : {}),
      on: {
        'learner.choose': [...targets].map((target) => ({
          target: `#${target}`,
          guard: { type: 'leadsTo', params: { target } },
          actions: 'applyChoice',
        })),
      },
    };
  }
  for (const ending of scenario.endings) {
    states[ending.id] = {
      id: ending.id,
      type: 'final',
      tags: ['ended'],
      entry: { type: 'arrive', params: { nodeId: ending.id } },
    };
  }

  return machineSetup.createMachine({
    id: scenario.id,
    initial: scenario.startNode,
    context: { run: { ...initialRun(scenario, mode) }, restoring: false },
    on: {
      'learner.retry': [...model.clients.keys()].map((nodeId) => ({
        target: `#${nodeId}`,
        reenter: true,
        guard: { type: 'retriesTo', params: { nodeId } },
        actions: 'rollBack',
      })),
      'learner.restart': { target: `#${scenario.startNode}`, reenter: true, actions: 'reset' },
    },
    states,
  } as never);
}

export type RolePlayMachine = ReturnType<typeof compileScenario>;

/**
 * "Try another reply" after a reply that ended the role-play (C8.12). An ending is a final state,
 * so the machine cannot take events there; this builds the snapshot at the node before instead.
 */
export function snapshotAfterRetry(machine: RolePlayMachine, run: Run) {
  const back = retry(run);
  return machine.resolveState({ value: back.nodeId, context: { run: back, restoring: false } });
}

/**
 * A persisted snapshot that this scenario can actually resume, or undefined. XState does not throw
 * when restoring a snapshot whose state no longer exists (it fails later, uncaught), so a saved session
 * from an edited scenario or a damaged browser store is checked here first.
 */
export function resumableSnapshot(scenario: Scenario, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const snapshot = raw as { status?: unknown; value?: unknown; context?: { run?: Partial<Run> } };
  const model = modelOf(scenario);
  const value = snapshot.value;
  const run = snapshot.context?.run;
  const restingPlace = typeof value === 'string' && (model.clients.has(value) || model.endings.has(value));
  const runOk =
    run !== undefined &&
    run.scenarioId === scenario.id &&
    run.nodeId === value &&
    Array.isArray(run.history) &&
    Array.isArray(run.checkpoints) &&
    run.history.every((turn) => model.options.has(turn.optionId));
  return (snapshot.status === 'active' || snapshot.status === 'done') && restingPlace && runOk ? raw : undefined;
}
