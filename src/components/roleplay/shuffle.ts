/** Stable per-attempt shuffle (C1.4): the same seed always gives the same order, so a reload changes nothing. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function shuffled<T extends { id: string }>(items: readonly T[], seed: number): T[] {
  return [...items].sort((a, b) => hash(`${String(seed)}:${a.id}`) - hash(`${String(seed)}:${b.id}`));
}
