import type { ClientNode, Ending, ReplyOption, RouterNode, Scenario } from '../schemas/scenario.ts';

/** Look-ups over a scenario's nodes, built once per scenario. */
export interface ScenarioModel {
  scenario: Scenario;
  clients: Map<string, ClientNode>;
  routers: Map<string, RouterNode>;
  endings: Map<string, Ending>;
  options: Map<string, { node: ClientNode; option: ReplyOption }>;
}

const models = new WeakMap<Scenario, ScenarioModel>();

export function modelOf(scenario: Scenario): ScenarioModel {
  const cached = models.get(scenario);
  if (cached) return cached;
  const clients = new Map<string, ClientNode>();
  const routers = new Map<string, RouterNode>();
  const options = new Map<string, { node: ClientNode; option: ReplyOption }>();
  for (const node of scenario.nodes) {
    if (node.type === 'router') routers.set(node.id, node);
    else {
      clients.set(node.id, node);
      for (const option of node.options) options.set(option.id, { node, option });
    }
  }
  const model = { scenario, clients, routers, endings: new Map(scenario.endings.map((e) => [e.id, e])), options };
  models.set(scenario, model);
  return model;
}
