import { beforeEach, describe, expect, it } from 'vitest';
import { createProgressStore, markLesson, PROGRESS_STORE, recordCheck } from '../../src/stores/progress.ts';
import { createReflectionsStore, saveReflection } from '../../src/stores/reflections.ts';
import { dismissStorageNotices, guardStorage, storageNotices, useStorageEngine } from '../../src/stores/versioned.ts';

const KEY = `${PROGRESS_STORE}:v2`;
let storage: Record<string, string>;

beforeEach(() => {
  storage = {};
  useStorageEngine(storage, { addEventListener() {}, removeEventListener() {} });
  dismissStorageNotices();
});

const backups = (): string[] => Object.keys(storage).filter((key) => key.startsWith(`${PROGRESS_STORE}:backup:`));

describe('progress store', () => {
  it('persists answers and completions under the versioned key and reads them back', () => {
    const first = createProgressStore();
    recordCheck(first, 'mi-1-1-spirit', [1], true, 'motivational-interviewing/mi-spirit');
    markLesson(first, 'motivational-interviewing/mi-spirit', true);
    expect(JSON.parse(storage[KEY] ?? '')).toMatchObject({ version: 2 });

    const reopened = createProgressStore().get();
    expect(reopened.checks['mi-1-1-spirit']).toMatchObject({
      answer: [1],
      correct: true,
      attempts: 1,
      firstTryCorrect: true,
    });
    expect(reopened.lessons['motivational-interviewing/mi-spirit']).toBeDefined();
    expect(reopened.lastActivity?.lessonId).toBe('motivational-interviewing/mi-spirit');
  });

  it('keeps the first try for analytics while later attempts overwrite the answer', () => {
    const store = createProgressStore();
    recordCheck(store, 'c', [0], false);
    recordCheck(store, 'c', [2], true);
    expect(store.get().checks['c']).toMatchObject({ answer: [2], correct: true, attempts: 2, firstTryCorrect: false });
  });

  it('unmarking a lesson removes only that lesson', () => {
    const store = createProgressStore();
    markLesson(store, 'a/one', true);
    markLesson(store, 'a/two', true);
    markLesson(store, 'a/one', false);
    expect(Object.keys(store.get().lessons)).toEqual(['a/two']);
  });

  it('migrates the version-1 prototype format and removes the old key', () => {
    storage[`${PROGRESS_STORE}:v1`] = JSON.stringify({
      version: 1,
      completed: ['orientation/walking-and-talking'],
      quiz: { 'orientation-three-ways': true },
    });
    const progress = createProgressStore().get();
    expect(Object.keys(progress.lessons)).toEqual(['orientation/walking-and-talking']);
    expect(progress.checks['orientation-three-ways']).toMatchObject({
      correct: true,
      firstTryCorrect: true,
      attempts: 1,
    });
    expect(storage[`${PROGRESS_STORE}:v1`]).toBeUndefined();
    expect(JSON.parse(storage[KEY] ?? '')).toMatchObject({ version: 2 });
    expect(storageNotices.get()).toEqual([]);
  });

  it('keeps an unreadable old version aside instead of losing it', () => {
    storage[`${PROGRESS_STORE}:v1`] = '{"completed": "not a list"}';
    expect(createProgressStore().get().lessons).toEqual({});
    expect(backups()).toHaveLength(1);
    expect(storage[backups()[0] ?? '']).toBe('{"completed": "not a list"}');
    expect(storageNotices.get()[0]?.message).toMatch(
      /^We couldn’t read the progress saved in this browser \(saved data from an older version could not be upgraded/,
    );
  });

  it.each([
    ['not JSON', '{"version": 2, "lessons": {'],
    ['the wrong shape', JSON.stringify({ version: 2, lessons: [], checks: {} })],
    ['a damaged record', JSON.stringify({ version: 2, lessons: { x: { markedAt: 'yesterday-ish' } }, checks: {} })],
    ['a newer version', JSON.stringify({ version: 3, lessons: {}, checks: {} })],
  ])('survives %s: backs it up, starts clean and raises a notice', (_label, raw) => {
    storage[KEY] = raw;
    const store = createProgressStore();
    expect(store.get()).toEqual({ version: 2, lessons: {}, checks: {} });
    expect(backups().map((key) => storage[key])).toEqual([raw]);
    expect(JSON.parse(storage[KEY] ?? '')).toEqual({ version: 2, lessons: {}, checks: {} });
    expect(storageNotices.get()).toHaveLength(1);
    expect(storageNotices.get()[0]?.backupKey).toBe(backups()[0]);

    // The learner carries on normally afterwards.
    markLesson(store, 'a/b', true);
    expect(createProgressStore().get().lessons['a/b']).toBeDefined();
    expect(backups()).toHaveLength(1);
  });
});

describe('reflections store', () => {
  it('saves, reloads and deletes a private note', () => {
    const store = createReflectionsStore();
    saveReflection(store, 'mi-1-3-open-rewrite', 'What has it been like taking them?');
    expect(createReflectionsStore().get().entries['mi-1-3-open-rewrite']?.text).toBe(
      'What has it been like taking them?',
    );
    saveReflection(store, 'mi-1-3-open-rewrite', '   ');
    expect(createReflectionsStore().get().entries).toEqual({});
  });
});

/** A Storage that refuses every write, as a full or switched-off browser storage does. */
class RefusingStorage implements Storage {
  #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

describe('when the browser refuses to save', () => {
  it('keeps the change for this page and raises one notice that says how to keep it', () => {
    useStorageEngine(guardStorage(new RefusingStorage()), { addEventListener() {}, removeEventListener() {} });
    const store = createProgressStore();
    expect(() => {
      markLesson(store, 'a/one', true);
      recordCheck(store, 'c', [1], true, 'a/one');
    }).not.toThrow();
    expect(store.get().lessons['a/one']).toBeDefined();
    expect(store.get().checks['c']?.correct).toBe(true);
    expect(storageNotices.get()).toEqual([
      {
        kind: 'unsaved',
        message:
          'This browser would not save your latest changes (its storage may be full or switched off). Everything is kept while this page stays open: download your record from “My record” before you close it.',
      },
    ]);
  });
});
