import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { learnerReference, learnerReferenceText } from '../../src/course/reference-display.ts';
import { readCourseSources } from '../../src/course/sources.ts';
import { formatVerifyNotes, verifyNotes } from '../../src/course/verify-notes.ts';
import { referenceSchema } from '../../src/schemas/reference.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const referencesText = readFileSync(join(root, 'content/references.yaml'), 'utf8');
const references = referenceSchema.array().parse(parse(referencesText));
const notes = references.flatMap((reference) => (reference.verify ? [reference.verify] : []));

/** Every file under `dir` (relative to the repo) whose name ends with one of `exts`. */
function filesUnder(dir: string, exts: string[]): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && exts.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

describe('verification notes are for authors, never for learners', () => {
  it('has notes to keep out of pages (so the checks below test something)', () => {
    expect(notes.length).toBeGreaterThan(5);
  });

  it('leaves every note out of the reference data lesson lists and /references/ render', () => {
    for (const reference of references) {
      const shown = learnerReference(reference);
      expect(Object.keys(shown).sort(), reference.key).toEqual(
        reference.url ? ['key', 'parts', 'url'] : ['key', 'parts'],
      );
      const text = learnerReferenceText(shown);
      expect(text, reference.key).toBe(`${reference.apa.replaceAll('*', '')} ${reference.url ?? ''}`.trim());
      for (const note of notes) expect(text, reference.key).not.toContain(note);
      expect(text).not.toMatch(/being checked|confirm before release/i);
    }
  });

  it('keeps every note out of the text of lessons, module files, pages, components and layouts', () => {
    const files = [
      ...filesUnder('modules', ['.mdx', 'module.yaml']),
      ...filesUnder('src/pages', ['.astro', '.ts', '.tsx']),
      ...filesUnder('src/components', ['.astro', '.ts', '.tsx']),
      ...filesUnder('src/layouts', ['.astro']),
      'content/glossary.yaml',
    ];
    expect(files.length).toBeGreaterThan(40);
    const leaks = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return notes.filter((note) => text.includes(note)).map((note) => `${file}: ${note}`);
    });
    expect(leaks).toEqual([]);
  });

  it('has no page, component or layout that reads a reference’s `verify` field', () => {
    const readers = [
      ...filesUnder('src/pages', ['.astro', '.ts', '.tsx']),
      ...filesUnder('src/components', ['.astro', '.ts', '.tsx']),
      ...filesUnder('src/layouts', ['.astro']),
    ].filter((file) => /\bverify\b(?!-notes)/.test(readFileSync(join(root, file), 'utf8')));
    expect(readers).toEqual([]);
  });
});

describe('npm run verify-notes', () => {
  const sources = readCourseSources(root);
  const listed = verifyNotes(sources, referencesText, []);

  it('lists every note with its key, its line and what cites it', () => {
    expect(listed.map((note) => note.note)).toEqual(notes);
    for (const note of listed) {
      expect(referencesText.split('\n')[(note.line ?? 0) - 1], note.key).toMatch(/^\s+verify:/);
      expect(note.citedBy.length, note.key).toBeGreaterThan(0);
    }
    expect(listed.find((note) => note.key === 'miller-rollnick-2023')?.citedBy).toContain(
      'modules/orientation/01-walking-and-talking.mdx',
    );
  });

  it('names role-plays that mention a key', () => {
    const scenario = {
      file: 'modules/x/scenarios/y.yaml',
      text: '# Source: fda-2023 (naloxone over the counter)\nid: y\n',
    };
    const withScenario = verifyNotes(sources, referencesText, [scenario]);
    expect(withScenario.find((note) => note.key === 'fda-2023')?.citedBy).toContain(scenario.file);
    expect(withScenario.find((note) => note.key === 'cdc-nd')?.citedBy).not.toContain(scenario.file);
  });

  it('prints one block per note', () => {
    const printed = formatVerifyNotes(listed, 'content/references.yaml');
    expect(printed.split('\n')[0]).toBe(
      `${String(notes.length)} open verification note(s) in content/references.yaml. They are for content authors: learner pages never show them.`,
    );
    expect(printed).toContain('  Note: Publisher believed to be Wiley; confirm before release.');
  });
});
