import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The emergency and crisis-line numbers learners are told to call (issue 12, item 7), set by the
 * agency in one place: content/local-numbers.yaml. Until it does, the course names what to look for
 * and says "check your local number", so no page ever shows a number that is wrong for its country.
 */

export const LOCAL_NUMBERS_FILE = 'content/local-numbers.yaml';

const numbersSchema = z
  .object({
    emergency: z.string().trim().max(20).default(''),
    crisisLine: z
      .object({ name: z.string().trim().max(80).default(''), number: z.string().trim().max(30).default('') })
      .strict()
      .default({ name: '', number: '' }),
  })
  .strict();

export type LocalNumbers = z.infer<typeof numbersSchema>;

const cache = new Map<string, LocalNumbers>();

/** Read once per build (every lesson and role-play page shows them); in dev, again on each request. */
export function readLocalNumbers(root = process.cwd()): LocalNumbers {
  const cached = cache.get(root);
  if (cached) return cached;
  const numbers = readNumbersFile(root);
  if ((import.meta.env as ImportMetaEnv | undefined)?.PROD) cache.set(root, numbers);
  return numbers;
}

function readNumbersFile(root: string): LocalNumbers {
  const file = join(root, LOCAL_NUMBERS_FILE);
  const parsed = numbersSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${LOCAL_NUMBERS_FILE} (field ${issue?.path.join('.') ?? '?'}): ${issue?.message ?? 'cannot be read'}. ` +
        'Fix: give emergency as text, e.g. "999", and crisisLine as { name: "…", number: "…" }, or leave them empty.',
    );
  }
  return parsed.data;
}

export type NumberKind = 'emergency' | 'crisis';

/** The words for a number in running text, e.g. "999" or "your emergency number (…; check your local number)". */
export function numberText(numbers: LocalNumbers, kind: NumberKind): string {
  if (kind === 'emergency')
    return numbers.emergency
      ? numbers.emergency
      : 'your emergency number (911 in the US and Canada, 999 in the UK, 112 across the EU: check your local number)';
  const { name, number } = numbers.crisisLine;
  if (number) return name ? `${name} on ${number}` : `the crisis line on ${number}`;
  return name ? `${name} (check your local number)` : 'your local crisis line (check your local number)';
}
