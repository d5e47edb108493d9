import { lessonParts } from './lesson-parts.ts';
import type { CourseSources } from './sources.ts';

/**
 * The open verification notes (`verify:` in content/references.yaml) for content authors: which
 * reference, where the note is, and what cites the reference. Learner pages never show these
 * notes (see reference-display.ts); `npm run verify-notes` prints this list.
 */
export interface VerifyNote {
  key: string;
  note: string;
  /** 1-based line of the `verify:` field in the references file, when it can be found. */
  line?: number;
  /** Lesson files, glossary terms and role-play files that cite the reference, in that order. */
  citedBy: string[];
}

interface RawReference {
  key?: unknown;
  verify?: unknown;
}

const mentions = (text: string, key: string): boolean =>
  new RegExp(`(?<![a-z0-9-])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9-])`).test(text);

/** “content/glossary.yaml (terms mi-spirit, partnership)”, or nothing when no term cites the key. */
const glossaryLine = (file: string, terms: readonly { id?: unknown }[]): string[] =>
  terms.length
    ? [`${file} (${terms.length === 1 ? 'term' : 'terms'} ${terms.map((term) => String(term.id)).join(', ')})`]
    : [];

/** The line of `verify:` inside the entry for `key`, in the YAML text of the references file. */
function verifyLine(lines: string[], key: string): number | undefined {
  const start = lines.findIndex((line) => new RegExp(`^-\\s+key:\\s*["']?${key}["']?\\s*$`).test(line));
  if (start === -1) return undefined;
  for (let index = start + 1; index < lines.length && !/^-\s/.test(lines[index] ?? ''); index += 1) {
    if (/^\s+verify:/.test(lines[index] ?? '')) return index + 1;
  }
  return undefined;
}

export function verifyNotes(
  sources: CourseSources,
  referencesText: string,
  scenarios: readonly { file: string; text: string }[],
): VerifyNote[] {
  const references = Array.isArray(sources.references.data) ? (sources.references.data as RawReference[]) : [];
  const lines = referencesText.split(/\r?\n/);
  const lessonKeys = sources.lessons.map((lesson) => {
    const listed = (lesson.frontmatter as { references?: unknown } | null)?.references;
    const keys = new Set([
      ...(Array.isArray(listed) ? listed.filter((key): key is string => typeof key === 'string') : []),
      ...lessonParts(lesson.body).citeKeys,
    ]);
    return { file: lesson.file, keys };
  });
  const glossary = Array.isArray(sources.glossary.data)
    ? (sources.glossary.data as { id?: unknown; references?: unknown }[])
    : [];
  return references.flatMap((reference) => {
    const { key, verify } = reference;
    if (typeof key !== 'string' || typeof verify !== 'string') return [];
    const citedBy = [
      ...lessonKeys.filter((lesson) => lesson.keys.has(key)).map((lesson) => lesson.file),
      ...glossaryLine(
        sources.glossary.file,
        glossary.filter((term) => Array.isArray(term.references) && term.references.includes(key)),
      ),
      ...scenarios.filter((scenario) => mentions(scenario.text, key)).map((scenario) => scenario.file),
    ];
    const line = verifyLine(lines, key);
    return [{ key, note: verify, ...(line ? { line } : {}), citedBy }];
  });
}

export function formatVerifyNotes(notes: readonly VerifyNote[], referencesFile: string): string {
  const head = `${String(notes.length)} open verification note(s) in ${referencesFile}. They are for content authors: learner pages never show them.`;
  const entries = notes.map((note) =>
    [
      `${note.key} (${referencesFile}${note.line ? `:${String(note.line)}` : ''})`,
      `  Note: ${note.note}`,
      note.citedBy.length
        ? `  Cited by:\n${note.citedBy.map((where) => `    ${where}`).join('\n')}`
        : '  Cited by: nothing yet',
    ].join('\n'),
  );
  return [head, ...entries].join('\n\n');
}
