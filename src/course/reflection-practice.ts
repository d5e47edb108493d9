import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Client statements for reflection practice (issue 13, item 6): content/reflection-practice.yaml.
 * Each has a line of context, what the person says, the phrases of it that carry change and sustain
 * talk (each must occur in `says`), two model reflections and one teaching point.
 */

export const REFLECTION_PRACTICE_FILE = 'content/reflection-practice.yaml';
export const MIN_STATEMENTS = 40;

const MODULES = [
  'motivational-interviewing',
  'collaborative-helping',
  'harm-reduction',
  'resilience-self-care',
] as const;

const statementSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as lena-monday-drinking'),
    person: z.string().min(1).max(40),
    module: z.enum(MODULES),
    context: z.string().min(1).max(220),
    says: z.string().min(10).max(400),
    change: z.array(z.string().min(1)).default([]),
    sustain: z.array(z.string().min(1)).default([]),
    models: z
      .array(z.object({ text: z.string().min(1).max(260), kind: z.enum(['complex', 'double-sided']) }).strict())
      .length(2, 'exactly two model reflections'),
    point: z.string().min(1).max(260),
  })
  .strict();

export type PracticeItem = z.infer<typeof statementSchema>;

export class ReflectionPracticeError extends Error {}

export function readReflectionPractice(root = process.cwd()): PracticeItem[] {
  const file = join(root, REFLECTION_PRACTICE_FILE);
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw))
    throw new ReflectionPracticeError(`${REFLECTION_PRACTICE_FILE}: expected a list of statements (- id: …).`);
  const items = raw.map((entry, index) => {
    const parsed = statementSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      throw new ReflectionPracticeError(
        `${REFLECTION_PRACTICE_FILE}: statement ${String(index + 1)}${field ? `, field ${field}` : ''}: ${issue?.message ?? 'invalid'}. Fix it as the file's other statements show.`,
      );
    }
    const item = parsed.data;
    for (const phrase of [...item.change, ...item.sustain])
      if (!item.says.toLowerCase().includes(phrase.toLowerCase()))
        throw new ReflectionPracticeError(
          `${REFLECTION_PRACTICE_FILE}: ${item.id}, field change/sustain: “${phrase}” does not occur in what ${item.person} says. Fix: quote the words exactly as they appear in \`says\`.`,
        );
    for (const model of item.models)
      if (model.text.includes('?'))
        throw new ReflectionPracticeError(
          `${REFLECTION_PRACTICE_FILE}: ${item.id}, field models: “${model.text}” is a question. Fix: a model reflection is a statement.`,
        );
    return item;
  });
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id))
      throw new ReflectionPracticeError(
        `${REFLECTION_PRACTICE_FILE}: the id ${item.id} is used twice. Fix: give each statement its own id.`,
      );
    seen.add(item.id);
  }
  if (items.length < MIN_STATEMENTS)
    throw new ReflectionPracticeError(
      `${REFLECTION_PRACTICE_FILE}: ${String(items.length)} statements; reflection practice needs at least ${String(MIN_STATEMENTS)}.`,
    );
  return items;
}
