import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberText, readLocalNumbers } from '../../src/course/local-numbers.ts';
import { scenarioTopics } from '../../src/course/content-notes.ts';
import { loadScenario } from './scenario-helpers.ts';

const withFile = (text: string): string => {
  const root = mkdtempSync(join(tmpdir(), 'numbers-'));
  mkdirSync(join(root, 'content'));
  writeFileSync(join(root, 'content/local-numbers.yaml'), text);
  return root;
};

describe('crisis and emergency numbers, set in one place (issue 12, item 7)', () => {
  it('until an agency sets them, pages say what to look for and to check the local number', () => {
    const numbers = readLocalNumbers(); // the file as shipped
    expect(numberText(numbers, 'emergency')).toContain('check your local number');
    expect(numberText(numbers, 'crisis')).toBe('your local crisis line (check your local number)');
  });

  it('once set, every page shows the agency’s own numbers', () => {
    const numbers = readLocalNumbers(
      withFile('emergency: "999"\ncrisisLine: { name: Samaritans, number: "116 123" }\n'),
    );
    expect(numberText(numbers, 'emergency')).toBe('999');
    expect(numberText(numbers, 'crisis')).toBe('Samaritans on 116 123');
  });

  it('a malformed file names the file, the field and the fix', () => {
    expect(() => readLocalNumbers(withFile('emergency: { a: 1 }\n'))).toThrow(
      /content\/local-numbers.yaml \(field emergency\).*Fix: give emergency as text/,
    );
  });

  it('no lesson types an emergency number itself: they all come from the one file', () => {
    const typed = readdirSync('modules', { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.mdx'))
      .filter((file) => /\b(911|999|112)\b/.test(readFileSync(join('modules', file), 'utf8')));
    expect(typed).toEqual([]);
  });

  it('a role-play with a hopeless line gets a content note on suicide without the author naming it', () => {
    expect(scenarioTopics(loadScenario('tests/fixtures/scenarios/risk-check.yaml'))).toEqual(['suicide']);
    expect(scenarioTopics(loadScenario('tests/fixtures/scenarios/minimal.yaml'))).toEqual([]);
  });
});
