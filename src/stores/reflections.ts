import type { WritableAtom } from 'nanostores';
import { versionedAtom } from './versioned.ts';
import { isRecord } from './guards.ts';

/** Private notes typed into <Reflection>. They never leave the device unless the learner exports them. */
export interface Reflections {
  version: 1;
  entries: Record<string, { text: string; savedAt: string }>;
}

export function readReflections(raw: unknown): Reflections | undefined {
  if (!isRecord(raw) || raw['version'] !== 1 || !isRecord(raw['entries'])) return undefined;
  const ok = Object.values(raw['entries']).every(
    (entry) => isRecord(entry) && typeof entry['text'] === 'string' && typeof entry['savedAt'] === 'string',
  );
  return ok ? (raw as unknown as Reflections) : undefined;
}

export function createReflectionsStore(): WritableAtom<Reflections> {
  return versionedAtom<Reflections>({
    name: 'alongside:reflections',
    version: 1,
    initial: () => ({ version: 1, entries: {} }),
    read: readReflections,
  });
}

let singleton: WritableAtom<Reflections> | undefined;
export function reflectionsStore(): WritableAtom<Reflections> {
  singleton ??= createReflectionsStore();
  return singleton;
}

export function saveReflection(store: WritableAtom<Reflections>, id: string, text: string): void {
  const current = store.get();
  const entries =
    text.trim() === ''
      ? Object.fromEntries(Object.entries(current.entries).filter(([key]) => key !== id))
      : { ...current.entries, [id]: { text, savedAt: new Date().toISOString() } };
  store.set({ ...current, entries });
}
