import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';

interface RawScenario {
  id: string;
  nodes: { options?: { feedback: string }[] }[];
}

/** Strings that belong to a role-play's answer key: every reply's feedback, and the key's field names. */
export function keyStrings(id: string): string[] {
  for (const module of readdirSync('modules')) {
    const file = join('modules', module, 'scenarios', `${id}.yaml`);
    try {
      const scenario = parse(readFileSync(file, 'utf8')) as RawScenario;
      const feedback = scenario.nodes.flatMap((node) => (node.options ?? []).map((option) => option.feedback));
      return [...feedback, 'exemplar', 'benchmarks', '"codes"', '"stance"'];
    } catch {
      continue;
    }
  }
  throw new Error(`no scenario ${id}`);
}

export interface Seen {
  url: string;
  body: string;
}

/** Every response the page receives, with its text, in the order they arrive. */
export function recordResponses(page: Page): { seen: Seen[]; settle: () => Promise<void> } {
  const seen: Seen[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      response.text().then(
        (body) => {
          seen.push({ url: response.url(), body });
        },
        () => {
          seen.push({ url: response.url(), body: '' });
        },
      ),
    );
  });
  return {
    seen,
    settle: async () => {
      await Promise.all(pending);
    },
  };
}

/** The first key string found in these responses, with where, or undefined. */
export function leak(seen: readonly Seen[], strings: readonly string[]): string | undefined {
  for (const { url, body } of seen) {
    // Scripts are shared code (they name fields such as `exemplar`); they must hold no scenario's feedback.
    const script = /\.m?js(\?|$)/.test(new URL(url).pathname);
    for (const text of strings) {
      if (script && !text.includes(' ')) continue;
      if (body.includes(text)) return `${url} contains ${text.slice(0, 60)}`;
    }
  }
  return undefined;
}
