import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BEHAVIOURS, LABELS, TAGS, type Example } from './labels.ts';

/** Reads every .jsonl file of a corpus folder (content/coder/README.md), naming file and line on bad input. */

const CODES = new Set<string>([
  ...LABELS.map((label) => label.split('/')[1] ?? ''),
  ...TAGS,
  'RISK',
  'OQ',
  'CQ',
  'SR',
  'CR',
  'GI',
  'PWP',
]);

export function readCorpus(dir: string): (Example & { file: string; line: number })[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  if (files.length === 0)
    throw new Error(`${dir}: no .jsonl files. Add labelled turns as content/coder/README.md describes.`);
  const out: (Example & { file: string; line: number })[] = [];
  for (const name of files) {
    const file = join(dir, name);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (!raw.trim()) return;
        const where = `${file}:${String(i + 1)}`;
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          throw new Error(`${where}: not valid JSON. Fix: one JSON object per line.`);
        }
        const item = value as Partial<Example>;
        if (typeof item.text !== 'string' || !item.text.trim())
          throw new Error(`${where}: "text" must be a non-empty string.`);
        if (!BEHAVIOURS.includes(item.behaviour as never))
          throw new Error(`${where}: "behaviour" must be one of ${BEHAVIOURS.join(', ')}.`);
        if (!Array.isArray(item.codes) || item.codes.length === 0 || item.codes.some((code) => !CODES.has(code)))
          throw new Error(`${where}: "codes" must list codes from content/coder/README.md, the main one first.`);
        if (!LABELS.includes(`${item.behaviour ?? ''}/${item.codes[0] ?? ''}` as never))
          throw new Error(
            `${where}: a ${item.behaviour ?? ''} turn cannot have ${item.codes[0] ?? ''} as its first code (README: the four behaviours).`,
          );
        out.push({ ...(item as Example), file: name, line: i + 1 });
      });
  }
  return out;
}
