/**
 * `npm run verify-notes`: every open verification note in content/references.yaml, with its
 * reference key and the lessons, glossary terms and role-plays that cite it. For content authors:
 * learner pages never show these notes. Exit 0 when the list was printed, 1 if the content cannot be read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCourseSources, SourceError } from '../course/sources.ts';
import { formatVerifyNotes, verifyNotes } from '../course/verify-notes.ts';
import { scenarioFiles } from './scenario-files.ts';

const root = process.cwd();
try {
  const sources = readCourseSources(root);
  const scenarios = scenarioFiles(root).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  const referencesText = readFileSync(join(root, sources.references.file), 'utf8');
  console.log(formatVerifyNotes(verifyNotes(sources, referencesText, scenarios), sources.references.file));
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(`${error.message}\n  How to fix: ${error.hint}`);
  process.exit(1);
}
