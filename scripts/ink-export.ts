/**
 * Exports a role-play as an ink story, for the benchmark's comparison row: the same conversation
 * played by inkjs, a standard branching-narrative runtime. Client lines (with state-keyed
 * replacements), replies, state effects, conditional `next`, routers, showIf and the global guard
 * carry over; scoring, feedback and ruptures-as-episodes have no ink equivalent and are left out.
 */
import { parseCondition, type Condition } from '../src/engine/condition.ts';
import type { Effects, Next, Scenario } from '../src/schemas/scenario.ts';

const INK_OPS: Record<string, string> = { '>=': '>=', '<=': '<=', '>': '>', '<': '<', '=': '==', '!=': '!=' };

function expression(condition: Condition): string {
  switch (condition.kind) {
    case 'compare':
      return `${condition.variable} ${INK_OPS[condition.op] ?? '=='} ${String(condition.value)}`;
    case 'rupture':
      return `rupture ${condition.op === '=' ? '==' : '!='} "${condition.value}"`;
    case 'flag':
      // Compared, not bare: ink reads "(name)" as a list literal.
      return `flag_${condition.name.replace(/\W/g, '_')} == true`;
    case 'not':
      return `!(${expression(condition.operand)})`;
    default:
      return `(${expression(condition.left)}) ${condition.kind === 'and' ? '&&' : '||'} (${expression(condition.right)})`;
  }
}

const ink = (source: string): string => expression(parseCondition(source));
// ink treats a few characters as markup; the course's lines are plain text.
const text = (line: string): string =>
  line
    .replace(/\s+/g, ' ')
    .replace(/([{}|[\]\\#<>-]|\/\/)/g, '\\$1')
    .trim();

function flags(scenario: Scenario): string[] {
  const names = new Set<string>(scenario.initialState.flags);
  const collect = (source: string): void => {
    for (const match of source.matchAll(/flag\s+(\w+)/g)) if (match[1]) names.add(match[1]);
  };
  for (const node of scenario.nodes) {
    if (node.type === 'router') {
      for (const route of node.routes) if ('if' in route) collect(route.if);
    } else {
      for (const variant of node.variants) if ('if' in variant) collect(variant.if);
      for (const option of node.options) {
        option.effects.set?.forEach((name) => names.add(name));
        if (option.showIf) collect(option.showIf);
        if (typeof option.next !== 'string') for (const branch of option.next) if ('if' in branch) collect(branch.if);
      }
    }
  }
  for (const ending of scenario.endings)
    for (const variant of ending.variants) if ('if' in variant) collect(variant.if);
  if (scenario.globalGuard) collect(scenario.globalGuard.if);
  return [...names];
}

function effects(effect: Effects): string[] {
  const lines: string[] = [];
  for (const key of ['bond', 'CT', 'ST', 'open'] as const) {
    const delta = effect[key];
    if (delta) lines.push(`~ ${key} = ${key} + ${String(delta)}`);
  }
  for (const name of effect.set ?? []) lines.push(`~ flag_${name.replace(/\W/g, '_')} = true`);
  if (effect.rupture) lines.push(`~ rupture = "${effect.rupture === 'repair' ? 'repaired' : effect.rupture}"`);
  return lines;
}

function divert(next: Next, guard: Scenario['globalGuard']): string[] {
  const branches = typeof next === 'string' ? [{ else: next }] : next;
  return [
    '{',
    ...(guard ? [`- ${ink(guard.if)}: -> ${guard.to}`] : []),
    ...branches.map((branch) =>
      'if' in branch ? `- ${ink(branch.if)}: -> ${branch.to}` : `- else: -> ${branch.else}`,
    ),
    '}',
  ];
}

export function inkSource(scenario: Scenario): string {
  const start = scenario.initialState;
  const out = [
    `VAR bond = ${String(start.bond)}`,
    `VAR CT = ${String(start.CT)}`,
    `VAR ST = ${String(start.ST)}`,
    `VAR open = ${String(start.open)}`,
    `VAR rupture = "${start.rupture}"`,
    ...flags(scenario).map((name) => `VAR flag_${name.replace(/\W/g, '_')} = ${String(start.flags.includes(name))}`),
    `-> ${scenario.startNode}`,
  ];
  for (const node of scenario.nodes) {
    out.push('', `=== ${node.id} ===`);
    if (node.type === 'router') {
      out.push(
        '{',
        ...node.routes.map((route) =>
          'if' in route ? `- ${ink(route.if)}: -> ${route.to}` : `- else: -> ${route.else}`,
        ),
        '}',
      );
      continue;
    }
    if (node.context) out.push(text(node.context));
    const replacements = node.variants.filter((variant) => 'replace' in variant);
    if (replacements.length)
      out.push(
        '{',
        ...replacements.map((variant) =>
          'replace' in variant ? `- ${ink(variant.if)}: ${text(variant.replace)}` : '',
        ),
        `- else: ${text(node.clientLine)}`,
        '}',
      );
    else out.push(text(node.clientLine));
    for (const option of node.options) {
      out.push(`* ${option.showIf ? `{${ink(option.showIf)}} ` : ''}[${text(option.text)}]`);
      out.push(...effects(option.effects).map((line) => `  ${line}`));
      out.push(...divert(option.next, scenario.globalGuard).map((line) => `  ${line}`));
    }
  }
  for (const ending of scenario.endings) {
    out.push('', `=== ${ending.id} ===`, text(ending.clientLine), text(ending.debrief), '-> END');
  }
  return `${out.join('\n')}\n`;
}
