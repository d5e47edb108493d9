import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  resumableSnapshot,
  type RolePlayEvent,
  type RolePlayMachine,
} from '../../src/engine/machine.ts';
import { canRetry, PlayError, playPath, retry } from '../../src/engine/run.ts';
import { loadScenario, realScenarioFiles } from './scenario-helpers.ts';

const files = realScenarioFiles();

// Pure stepping without an actor (XState 5.33's replacements for getInitialSnapshot / getNextSnapshot).
type Machine = RolePlayMachine;
const getInitialSnapshot = (machine: Machine): SnapshotFrom<Machine> => initialTransition(machine)[0];
const getNextSnapshot = (
  machine: Machine,
  snapshot: SnapshotFrom<Machine>,
  event: RolePlayEvent,
): SnapshotFrom<Machine> => transition(machine, snapshot, event)[0];

describe('compiled role-play machines', () => {
  it('finds the three Motivational Interviewing role-plays and the simulation scene set there', () => {
    const mi = files.filter((file) => file.includes('motivational-interviewing'));
    expect(mi).toHaveLength(4);
    expect(mi.map(loadScenario).filter((scenario) => !scenario.simulation)).toHaveLength(3);
  });

  describe.each(files)('%s', (file) => {
    const scenario = loadScenario(file);
    const machine = compileScenario(scenario, 'assessed');
    const choose = (optionId: string) => ({ type: 'learner.choose' as const, optionId });

    it('steps the exemplar path to an engaged ending, agreeing with the pure run', () => {
      let snapshot = getInitialSnapshot(machine);
      expect(snapshot.value).toBe(scenario.startNode);
      expect(snapshot.hasTag('awaiting-reply')).toBe(true);
      for (const optionId of scenario.benchmarks.exemplarPath)
        snapshot = getNextSnapshot(machine, snapshot, choose(optionId));
      const expected = playPath(scenario, scenario.benchmarks.exemplarPath);
      expect(snapshot.status).toBe('done');
      expect(snapshot.value).toBe(expected.nodeId);
      expect(snapshot.context.run.state).toEqual(expected.state);
      expect(snapshot.context.run.history.map((turn) => turn.optionId)).toEqual(scenario.benchmarks.exemplarPath);
    });

    it('ignores a reply that does not belong to the current node', () => {
      const start = getInitialSnapshot(machine);
      const next = getNextSnapshot(machine, start, choose('E9-Z'));
      expect(next.value).toBe(scenario.startNode);
      expect(next.context.run.history).toHaveLength(0);
    });

    it('persists mid-way, round-trips through JSON and resumes at the same node with the same history', () => {
      const actor = createActor(machine).start();
      const [first, second, ...rest] = scenario.benchmarks.exemplarPath;
      actor.send(choose(first ?? ''));
      actor.send(choose(second ?? ''));
      const saved = JSON.stringify(actor.getPersistedSnapshot());
      const nodeBefore = actor.getSnapshot().value;
      actor.stop();
      const resumed = createActor(machine, { snapshot: JSON.parse(saved) as never }).start();
      expect(resumed.getSnapshot().value).toBe(nodeBefore);
      expect(resumed.getSnapshot().context.run.history.map((turn) => turn.optionId)).toEqual([first, second]);
      for (const optionId of rest) resumed.send(choose(optionId));
      expect(resumed.getSnapshot().status).toBe('done');
      resumed.stop();
    });
  });

  it('routes through the router and onEnter guard the same way as the pure run, for every C5 fixture', () => {
    for (const file of files) {
      const scenario = loadScenario(file);
      const machine = compileScenario(scenario, 'assessed');
      for (const fixture of scenario.benchmarks.fixtures) {
        let snapshot = getInitialSnapshot(machine);
        for (const optionId of fixture.path)
          snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId });
        const run = playPath(scenario, fixture.path);
        expect(snapshot.value, `${file} ${fixture.name}`).toBe(run.nodeId);
        expect(snapshot.context.run.state).toEqual(run.state);
      }
    }
  });
});

describe('practice mode in the machine', () => {
  const scenario = loadScenario(realScenarioFiles()[0] ?? '');
  const machine = compileScenario(scenario, 'practice');
  const [first = '', second = ''] = scenario.benchmarks.exemplarPath;
  const node = scenario.nodes.find((candidate) => candidate.id === scenario.startNode);
  const other = node && node.type !== 'router' ? (node.options.find((option) => !option.exemplar)?.id ?? '') : '';

  it('“try another reply” rolls back to the node and state before the last reply', () => {
    let snapshot = getInitialSnapshot(machine);
    const before = snapshot.context.run.state;
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId: other });
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.retry' });
    expect(snapshot.value).toBe(scenario.startNode);
    expect(snapshot.context.run.state).toEqual(before);
    expect(snapshot.context.run.visit).toBe(1);
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId: first });
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId: second });
    const turns = snapshot.context.run.history;
    expect(turns.map((turn) => [turn.optionId, turn.attempt, turn.kept])).toEqual([
      [other, 1, false],
      [first, 2, true],
      [second, 1, true],
    ]);
  });

  it('refuses a second “try another reply” in a row: only the reply just given can be taken back', () => {
    let snapshot = getInitialSnapshot(machine);
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId: first });
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId: second });
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.retry' });
    const once = snapshot;
    expect(once.context.run.history.map((turn) => turn.kept)).toEqual([true, false]);
    expect(canRetry(once.context.run)).toBe(false);
    // Taking back the first reply too would reach past a node already left: the machine stays put.
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.retry' });
    expect(snapshot.context.run).toBe(once.context.run);
    expect(snapshot.value).toBe(once.value);
    expect(() => retry(once.context.run)).toThrow(PlayError);
    // A new reply at that node can be taken back again.
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId: second });
    expect(canRetry(snapshot.context.run)).toBe(true);
  });

  it('restart begins again from the start with an empty history', () => {
    let snapshot = getInitialSnapshot(machine);
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.choose', optionId: first });
    snapshot = getNextSnapshot(machine, snapshot, { type: 'learner.restart' });
    expect(snapshot.value).toBe(scenario.startNode);
    expect(snapshot.context.run.history).toEqual([]);
    expect(snapshot.context.run.state).toEqual({ ...scenario.initialState, flags: [] });
  });
});

describe('resuming a saved role-play', () => {
  const scenario = loadScenario(realScenarioFiles()[0] ?? '');
  const machine = compileScenario(scenario, 'practice');

  it('accepts a snapshot this scenario can resume', () => {
    const actor = createActor(machine).start();
    actor.send({ type: 'learner.choose', optionId: scenario.benchmarks.exemplarPath[0] ?? '' });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;
    expect(resumableSnapshot(scenario, saved)).toBe(saved);
  });

  it.each([
    [
      'a state the scenario no longer has',
      {
        status: 'active',
        value: 'N99',
        context: { run: { scenarioId: 'x', nodeId: 'N99', history: [], checkpoints: [] } },
      },
    ],
    [
      'another scenario’s run',
      {
        status: 'active',
        value: scenario.startNode,
        context: { run: { scenarioId: 'other', nodeId: scenario.startNode, history: [], checkpoints: [] } },
      },
    ],
    [
      'a reply id that no longer exists',
      {
        status: 'active',
        value: scenario.startNode,
        context: {
          run: {
            scenarioId: scenario.id,
            nodeId: scenario.startNode,
            history: [{ optionId: 'N9-Z' }],
            checkpoints: [],
          },
        },
      },
    ],
    ['damaged data', 'not a snapshot'],
  ])('rejects %s instead of letting XState fail later', (_label, raw) => {
    expect(resumableSnapshot(scenario, raw)).toBeUndefined();
  });
});
