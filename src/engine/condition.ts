/**
 * The condition language of scenario files (curriculum C1.6 and C8.2), parsed by a small
 * recursive-descent parser into a tree and evaluated against the client state. No eval.
 *
 *   expr       := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" expr ")" | comparison | "flag" NAME
 *   comparison := ("bond"|"CT"|"ST"|"open") OP INTEGER | "rupture" ("="|"!=") RUPTURE
 */

export type NumericVariable = 'bond' | 'CT' | 'ST' | 'open';
export type RuptureState = 'none' | 'withdrawal' | 'confrontation' | 'repaired';
type Operator = '>=' | '<=' | '>' | '<' | '=' | '!=';

export type Condition =
  | { kind: 'compare'; variable: NumericVariable; op: Operator; value: number }
  | { kind: 'rupture'; op: '=' | '!='; value: RuptureState }
  | { kind: 'flag'; name: string }
  | { kind: 'not'; operand: Condition }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

export interface ConditionState {
  bond: number;
  CT: number;
  ST: number;
  open: number;
  rupture: RuptureState;
  flags: readonly string[];
}

export class ConditionError extends Error {
  readonly source: string;
  readonly reason: string;
  constructor(source: string, reason: string) {
    super(`cannot read the condition “${source}”: ${reason}`);
    this.source = source;
    this.reason = reason;
  }
}

const NUMERIC = new Set(['bond', 'CT', 'ST', 'open']);
const RUPTURES = new Set(['none', 'withdrawal', 'confrontation', 'repaired']);
const OPERATORS = new Set(['>=', '<=', '>', '<', '=', '!=']);

function tokenize(source: string): string[] {
  const tokens = source.match(/>=|<=|!=|[<>=()]|-?\d+|[A-Za-z][\w-]*|\S/g) ?? [];
  return tokens;
}

export function parseCondition(source: string): Condition {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (): string => {
    const token = tokens[position++];
    if (token === undefined) throw new ConditionError(source, 'it ends too early');
    return token;
  };

  function parseOr(): Condition {
    let left = parseAnd();
    while (peek() === 'or') {
      position++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }

  function parseAnd(): Condition {
    let left = parseUnary();
    while (peek() === 'and') {
      position++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  }

  function parseUnary(): Condition {
    const token = take();
    if (token === 'not') return { kind: 'not', operand: parseUnary() };
    if (token === '(') {
      const inner = parseOr();
      if (take() !== ')') throw new ConditionError(source, 'a “(” is never closed');
      return inner;
    }
    if (token === 'flag') {
      const name = take();
      if (!/^[A-Za-z][\w-]*$/.test(name)) throw new ConditionError(source, `“${name}” is not a flag name`);
      return { kind: 'flag', name };
    }
    if (token === 'rupture') {
      const op = take();
      const value = take();
      if (op !== '=' && op !== '!=')
        throw new ConditionError(source, `rupture can only be compared with = or !=, not “${op}”`);
      if (!RUPTURES.has(value)) {
        throw new ConditionError(
          source,
          `“${value}” is not a rupture state (none, withdrawal, confrontation, repaired)`,
        );
      }
      return { kind: 'rupture', op, value: value as RuptureState };
    }
    if (NUMERIC.has(token)) {
      const op = take();
      const value = take();
      if (!OPERATORS.has(op))
        throw new ConditionError(source, `“${op}” is not a comparison (use >=, <=, >, <, = or !=)`);
      if (!/^-?\d+$/.test(value)) throw new ConditionError(source, `“${value}” is not a whole number`);
      return { kind: 'compare', variable: token as NumericVariable, op: op as Operator, value: Number(value) };
    }
    throw new ConditionError(source, `“${token}” is not bond, CT, ST, open, rupture, flag, not or “(”`);
  }

  const condition = parseOr();
  if (position < tokens.length) throw new ConditionError(source, `unexpected “${tokens[position] ?? ''}”`);
  return condition;
}

function compare(left: number, op: Operator, right: number): boolean {
  switch (op) {
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '<':
      return left < right;
    case '=':
      return left === right;
    case '!=':
      return left !== right;
  }
}

export function evaluate(condition: Condition, state: ConditionState): boolean {
  switch (condition.kind) {
    case 'compare':
      return compare(state[condition.variable], condition.op, condition.value);
    case 'rupture':
      return (state.rupture === condition.value) === (condition.op === '=');
    case 'flag':
      return state.flags.includes(condition.name);
    case 'not':
      return !evaluate(condition.operand, state);
    case 'and':
      return evaluate(condition.left, state) && evaluate(condition.right, state);
    case 'or':
      return evaluate(condition.left, state) || evaluate(condition.right, state);
  }
}

const cache = new Map<string, Condition>();
/** Parses once per distinct condition string; throws ConditionError on bad input. */
export function holds(source: string, state: ConditionState): boolean {
  let parsed = cache.get(source);
  if (!parsed) {
    parsed = parseCondition(source);
    cache.set(source, parsed);
  }
  return evaluate(parsed, state);
}
