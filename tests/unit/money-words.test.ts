import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/cli/scenario-files.ts';
import { formatScenarioProblem } from '../../src/engine/checks.ts';
import { checkCourse, formatProblem } from '../../src/course/integrity.ts';
import { MONEY_HINT, moneyHits } from '../../src/course/money-words.ts';
import { readCourseSources } from '../../src/course/sources.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('money amounts avoid a currency (review correction 8)', () => {
  it('finds currency symbols and money words, with their line', () => {
    const text = [
      'He gave her petrol money.',
      'Sold it for a tenner, then a fiver.',
      'It cost £20, or $15, or 12 €.',
      'Twenty quid, ten bucks, five pounds, a few dollars, 50 pence, two euros.',
      'She had a pound left. It was 20 dollar.',
    ].join('\n');
    expect(moneyHits(text)).toEqual([
      { line: 2, found: 'tenner' },
      { line: 2, found: 'fiver' },
      { line: 3, found: '£' },
      { line: 3, found: '$1' },
      { line: 3, found: '€' },
      ...['quid', 'bucks', 'pounds', 'dollars', 'pence', 'euros'].map((found) => ({ line: 4, found })),
      { line: 5, found: 'a pound' },
      { line: 5, found: '20 dollar' },
    ]);
  });

  it('leaves ordinary words, MDX expressions and YAML comments alone', () => {
    const text = [
      'Her heart pounding, she knocked. Forty percent of reflections. A bit of money for the bus.',
      'options={[{ text: `${name}`, why: "x" }]}',
      '# Earlier wording said "a tenner"; now "a bit of money".',
    ].join('\n');
    expect(moneyHits(text, { yaml: true })).toEqual([]);
    expect(moneyHits(text).map((hit) => hit.line)).toEqual([3]);
  });

  it('fails a lesson with the file, the line and the fix', () => {
    const sources = readCourseSources(fileURLToPath(new URL('../fixtures/broken-course/', import.meta.url)));
    const lesson = sources.lessons[0];
    if (!lesson) throw new Error('fixture has no lesson');
    const text = `${lesson.text}\nShe lent him a fiver for the bus.\n`;
    const line = text.split('\n').length - 1;
    const problems = checkCourse({ ...sources, lessons: [{ ...lesson, text }] }).map(formatProblem);
    expect(problems).toContain(
      `${lesson.file}: line ${String(line)}: “fiver” names money in a currency\n  How to fix: ${MONEY_HINT}`,
    );
  });

  it('fails a role-play with the file, the line and the fix, and `scenario check` reports it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alongside-money-'));
    const file = 'modules/motivational-interviewing/scenarios/fixture-minimal.yaml';
    mkdirSync(join(dir, 'modules/motivational-interviewing/scenarios'), { recursive: true });
    const yaml = readFileSync(join(root, 'tests/fixtures/scenarios/minimal.yaml'), 'utf8').replace(
      'has a pile of unopened letters.',
      'has a pile of unopened letters and owes £40.',
    );
    writeFileSync(join(dir, file), yaml);
    const line = yaml.split('\n').findIndex((row) => row.includes('£40')) + 1;
    expect(checkScenarioFile(dir, file).problems.map(formatScenarioProblem)).toEqual([
      `${file}: line ${String(line)}: “£” names money in a currency\n  How to fix: ${MONEY_HINT}`,
    ]);
  });

  it('finds no money words in the lessons', () => {
    const hits = readCourseSources(root).lessons.flatMap((lesson) =>
      moneyHits(lesson.text).map((hit) => `${lesson.file}:${String(hit.line)} ${hit.found}`),
    );
    expect(hits).toEqual([]);
  });
});
