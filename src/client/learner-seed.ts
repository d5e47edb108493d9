/**
 * A random number made once per learner's browser and kept in localStorage, so exercises that
 * shuffle (sort items) show the same order to this learner on every visit, and a different one
 * to the next learner. It identifies nobody and never leaves the device.
 */
const KEY = 'alongside:learner-seed';
let memory: string | undefined;

export function learnerSeed(): string {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored) return stored;
    const made = String(crypto.getRandomValues(new Uint32Array(1))[0]);
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    // Storage blocked (some private modes): one order for this visit.
    memory ??= String(Math.floor(Math.random() * 2 ** 32));
    return memory;
  }
}
