import type { ClientNode, ReplyOption, RouterNode, Scenario } from '../schemas/scenario.ts';

/**
 * A role-play in two parts (issue 11, item 4). The play part is what a conversation needs: lines,
 * replies' text, effects, next and showIf. The key part is how the replies are judged: the ★ flags,
 * benchmarks, codes, stances, markers and feedback. The page carries only the play part; the key is
 * fetched when feedback is first shown (practice) or once the last reply is locked in (assessed).
 */

export type KeyFields = 'codes' | 'stance' | 'feedback' | 'exemplar' | 'markers' | 'action';
export type PlayReply = Omit<ReplyOption, KeyFields>;
/** `actionStep`: the node's replies carry out checklist steps, so they are chosen, never typed (issue 13). */
export type PlayClientNode = Omit<ClientNode, 'options'> & { options: PlayReply[]; actionStep?: true };
export type PlayScenario = Omit<Scenario, 'nodes' | 'benchmarks'> & {
  /** Content hash of the whole scenario: the play part and its key must carry the same one. */
  hash: string;
  nodes: (PlayClientNode | RouterNode)[];
};

export interface ScenarioKey {
  id: string;
  hash: string;
  replies: Record<string, Pick<ReplyOption, KeyFields>>;
  benchmarks: Scenario['benchmarks'];
}

export class KeyMismatchError extends Error {}

function keyOf(option: ReplyOption): Pick<ReplyOption, KeyFields> {
  return {
    codes: option.codes,
    stance: option.stance,
    feedback: option.feedback,
    ...(option.exemplar === undefined ? {} : { exemplar: option.exemplar }),
    ...(option.markers === undefined ? {} : { markers: option.markers }),
    ...(option.action === undefined ? {} : { action: option.action }),
  };
}

const KEY_FIELDS: ReadonlySet<string> = new Set<KeyFields>([
  'codes',
  'stance',
  'feedback',
  'exemplar',
  'markers',
  'action',
]);

const playOf = (option: ReplyOption): PlayReply =>
  Object.fromEntries(Object.entries(option).filter(([field]) => !KEY_FIELDS.has(field))) as PlayReply;

/** Splits a checked scenario; the QA fixtures stay with the build's checks and go in neither part. */
export function splitScenario(scenario: Scenario, hash: string): { play: PlayScenario; key: ScenarioKey } {
  const { nodes, benchmarks, ...rest } = scenario;
  const replies: ScenarioKey['replies'] = {};
  const playNodes = nodes.map((node) => {
    if (node.type === 'router') return node;
    for (const option of node.options) replies[option.id] = keyOf(option);
    const actionStep = node.options.some((option) => option.action !== undefined);
    return { ...node, options: node.options.map(playOf), ...(actionStep ? { actionStep: true as const } : {}) };
  });
  return {
    play: { ...rest, hash, nodes: playNodes },
    key: { id: scenario.id, hash, replies, benchmarks: { ...benchmarks, fixtures: [] } },
  };
}

/** The play part's `actionStep` mark is not a scenario field: it is derived again from the key. */
function withoutActionStep<T extends { actionStep?: true }>(node: T): Omit<T, 'actionStep'> {
  const copy = { ...node };
  delete copy.actionStep;
  return copy;
}

const withKey = (
  play: PlayScenario,
  label: (id: string) => Pick<ReplyOption, KeyFields>,
  benchmarks: Scenario['benchmarks'],
): Scenario => {
  const { nodes, ...rest } = play;
  const base: Partial<typeof rest> = { ...rest };
  delete base.hash;
  return {
    ...(base as Omit<typeof rest, 'hash'>),
    nodes: nodes.map((node) =>
      node.type === 'router'
        ? node
        : withoutActionStep({ ...node, options: node.options.map((option) => ({ ...option, ...label(option.id) })) }),
    ),
    benchmarks,
  };
};

/** The whole scenario again, for feedback and scoring; throws when the key belongs to another version. */
export function joinScenario(play: PlayScenario, key: ScenarioKey): Scenario {
  if (key.id !== play.id || key.hash !== play.hash)
    throw new KeyMismatchError(`the key is for ${key.id} version ${key.hash}, not ${play.id} version ${play.hash}`);
  return withKey(
    play,
    (id) => {
      const label = key.replies[id];
      if (!label) throw new KeyMismatchError(`the key has no entry for reply ${id}`);
      return label;
    },
    key.benchmarks,
  );
}

const BLIND: Pick<ReplyOption, KeyFields> = { codes: ['NC'], stance: 'neutral', feedback: '' };

/**
 * The play part as a scenario the engine can run before the key is here: every reply is labelled
 * "not coded" and neutral. Effects and routes are the real ones, so the conversation is the same;
 * `rekeyRun` puts the real labels on the turns once the key has loaded.
 */
export const blindScenario = (play: PlayScenario): Scenario =>
  withKey(play, () => BLIND, { exemplarPath: [], ctMax: 1, expected: {}, fixtures: [] });
