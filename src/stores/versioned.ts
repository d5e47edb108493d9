import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { atom, type WritableAtom } from 'nanostores';

/**
 * Versioned, self-healing persistence for learner data in localStorage.
 *
 * Each store lives under `<name>:v<version>`. On first use an older version's key is migrated
 * forward and removed. A value that cannot be read (not JSON, wrong shape, from a newer app) is
 * never thrown at the learner: it is copied aside under `<name>:backup:<time>`, the store starts
 * clean, and a notice is raised so the page can tell the learner what happened.
 */

type Engine = Record<string, string>;
type Events = Parameters<typeof setPersistentEngine>[1];

function defaultEngine(): Engine {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Private modes may throw on access: fall back to memory for this visit.
  }
  return {};
}

let engine: Engine = defaultEngine();

/** Tests (and private browsing) swap the storage behind every store. */
export function useStorageEngine(storage: Engine, events: Events = windowPersistentEvents): void {
  engine = storage;
  setPersistentEngine(storage, events);
}

export interface StorageNotice {
  store: string;
  backupKey: string;
  reason: string;
}

/** Problems found while reading saved data, for the page to announce. */
export const storageNotices = atom<StorageNotice[]>([]);

export function dismissStorageNotices(): void {
  storageNotices.set([]);
}

export interface VersionedStoreOptions<T> {
  name: string;
  version: number;
  initial: () => T;
  /** Returns the value if it has the current shape, otherwise undefined. */
  read: (raw: unknown) => T | undefined;
  /** migrations[n] turns a version-n value into a version-(n+1) value, or throws. */
  migrations?: Record<number, (old: unknown) => unknown>;
}

export const storageKey = (name: string, version: number): string => `${name}:v${version}`;

function quarantine(name: string, raw: string, reason: string): void {
  let backupKey = `${name}:backup:${new Date().toISOString()}`;
  for (let n = 2; engine[backupKey] !== undefined; n++) backupKey = `${name}:backup:${new Date().toISOString()}-${n}`;
  try {
    engine[backupKey] = raw;
  } catch {
    // Storage full: the notice still tells the learner; the clean state is more important.
  }
  storageNotices.set([...storageNotices.get(), { store: name, backupKey, reason }]);
}

function write(key: string, value: string): void {
  try {
    engine[key] = value;
  } catch {
    // Storage full or blocked: keep working in memory for this visit.
  }
}

function migrateForward<T>(options: VersionedStoreOptions<T>): void {
  const { name, version, migrations = {} } = options;
  if (engine[storageKey(name, version)] !== undefined) return;
  for (let from = version - 1; from >= 1; from--) {
    const legacyKey = storageKey(name, from);
    const raw = engine[legacyKey];
    if (raw === undefined) continue;
    try {
      let value: unknown = JSON.parse(raw);
      for (let step = from; step < version; step++) {
        const migrate = migrations[step];
        if (!migrate) throw new Error(`no migration from version ${step}`);
        value = migrate(value);
      }
      const current = options.read(value);
      if (current === undefined) throw new Error('migrated value has the wrong shape');
      write(storageKey(name, version), JSON.stringify(current));
    } catch (error) {
      quarantine(name, raw, `saved data from an older version could not be upgraded (${(error as Error).message})`);
    }
    Reflect.deleteProperty(engine, legacyKey);
    return;
  }
}

export function versionedAtom<T>(options: VersionedStoreOptions<T>): WritableAtom<T> {
  const key = storageKey(options.name, options.version);
  migrateForward(options);
  return persistentAtom<T>(key, options.initial(), {
    encode: (value) => JSON.stringify(value),
    decode: (raw) => {
      let reason: string;
      try {
        const value = options.read(JSON.parse(raw));
        if (value !== undefined) return value;
        reason = 'saved data was in an unexpected format';
      } catch {
        reason = 'saved data was not readable';
      }
      quarantine(options.name, raw, reason);
      const fresh = options.initial();
      write(key, JSON.stringify(fresh));
      return fresh;
    },
  });
}
