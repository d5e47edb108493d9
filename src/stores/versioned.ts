import { persistentAtom, setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { atom, type WritableAtom } from 'nanostores';

/**
 * Versioned, self-healing persistence for learner data in localStorage.
 *
 * Each store lives under `<name>:v<version>`. On first use an older version's key is migrated
 * forward and removed. A value that cannot be read (not JSON, wrong shape, from a newer app) is
 * never thrown at the learner: it is copied aside under `<name>:backup:<time>`, the store starts
 * clean, and a notice is raised so the page can tell the learner what happened. A write the browser
 * refuses (storage full or switched off) never throws either: the change stays in memory for this
 * page, and a notice tells the learner how to keep it.
 */

type Engine = Record<string, string>;
type Events = Parameters<typeof setPersistentEngine>[1];

/**
 * localStorage behind a guard: reads and writes look like plain properties (as @nanostores/persistent
 * expects), and a refused write raises one notice instead of throwing into a click handler.
 */
export function guardStorage(storage: Storage): Engine {
  const has = (key: string | symbol): key is string => typeof key === 'string' && storage.getItem(key) !== null;
  const target: Engine = {};
  return new Proxy(target, {
    get: (_target, key) => (has(key) ? (storage.getItem(key) ?? undefined) : undefined),
    has: (_target, key) => has(key),
    set: (_target, key, value) => {
      if (typeof key !== 'string') return true;
      try {
        storage.setItem(key, String(value));
      } catch {
        noticeUnsaved();
      }
      return true;
    },
    deleteProperty: (_target, key) => {
      if (typeof key === 'string') storage.removeItem(key);
      return true;
    },
    ownKeys: () => Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '').filter(Boolean),
    getOwnPropertyDescriptor: (_target, key) =>
      has(key) ? { value: storage.getItem(key), enumerable: true, configurable: true, writable: true } : undefined,
  });
}

function defaultEngine(): Engine {
  try {
    if (typeof localStorage !== 'undefined') return guardStorage(localStorage);
  } catch {
    // Some private modes throw on access: keep this visit's work in memory.
  }
  return {};
}

let engine: Engine = defaultEngine();
// @nanostores/persistent keeps its own engine (raw localStorage by default): give it the guarded one too,
// so every store write goes through the same guard.
if (typeof window !== 'undefined') setPersistentEngine(engine, windowPersistentEvents);

/** Tests (and private browsing) swap the storage behind every store. */
export function useStorageEngine(storage: Engine, events: Events = windowPersistentEvents): void {
  engine = storage;
  setPersistentEngine(storage, events);
}

export interface StorageNotice {
  kind: 'unreadable' | 'unsaved';
  /** What the learner reads, naming what was affected and what to do. */
  message: string;
  backupKey?: string;
}

const STORE_WORDS: Record<string, string> = {
  'alongside:progress': 'progress',
  'alongside:reflections': 'private notes',
  'alongside:attempts': 'role-play results',
  'alongside:roleplay-sessions': 'role-play in progress',
  'alongside:self-assessment': 'self-check answers',
  'alongside:outbox': 'assigned role-play results waiting to be sent',
};

function noticeUnsaved(): void {
  if (storageNotices.get().some((notice) => notice.kind === 'unsaved')) return;
  storageNotices.set([
    ...storageNotices.get(),
    {
      kind: 'unsaved',
      message:
        'This browser would not save your latest changes (its storage may be full or switched off). Everything is kept while this page stays open: download your record from “My record” before you close it.',
    },
  ]);
}

/** Problems found while reading or saving learner data, for the page to announce. */
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
  engine[backupKey] = raw;
  const what = STORE_WORDS[name] ?? 'saved data';
  storageNotices.set([
    ...storageNotices.get(),
    {
      kind: 'unreadable',
      backupKey,
      message: `We couldn’t read the ${what} saved in this browser (${reason}), so that part starts with a clean slate. A copy was kept as “${backupKey}”: ask your trainer if you need help getting it back.`,
    },
  ]);
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
      engine[storageKey(name, version)] = JSON.stringify(current);
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
      engine[key] = JSON.stringify(fresh);
      return fresh;
    },
  });
}
