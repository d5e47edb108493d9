/**
 * Stable shuffles: the same seed always gives the same order, so a reload changes nothing.
 * Role-play replies are shuffled per attempt (C1.4); sort items per learner and exercise.
 */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function shuffled<T extends { id: string }>(items: readonly T[], seed: number | string): T[] {
  return [...items].sort((a, b) => hash(`${String(seed)}:${a.id}`) - hash(`${String(seed)}:${b.id}`));
}

/**
 * The order in which to show `count` items (a permutation of 0…count-1) for one learner and exercise.
 * Never the authored order when there is any other: authors tend to list items category by category.
 */
export function seededOrder(count: number, seed: string): number[] {
  const indices = Array.from({ length: count }, (_, index) => ({ id: String(index), index }));
  const order = shuffled(indices, seed).map((entry) => entry.index);
  const authored = order.every((value, position) => value === position);
  return authored && count > 1 ? [...order.slice(1), order[0] ?? 0] : order;
}
