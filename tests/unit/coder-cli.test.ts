import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const NODE = process.execPath;
const run = (args: string[], input?: string) =>
  spawnSync(NODE, ['src/cli/coder.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });

describe('the coder CLI contract (issue 13, item 4)', () => {
  it('--jsonl: one JSON object per input line, in order, and nothing else on standard output', () => {
    const lines = [
      'Mm-hmm.',
      'What brings you here today?',
      'So you’re saying you’d rather stay.',
      'You should stop.',
      '',
    ];
    const result = run(['--jsonl'], `${lines.join('\n')}\n`);
    expect(result.status).toBe(0);
    const out = result.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    const objects = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.map((o) => o['text'])).toEqual(lines);
    for (const o of objects) {
      expect(Object.keys(o)).toEqual(['text', 'behaviour', 'codes', 'confidence']);
      expect(['question', 'reflection', 'input', 'other']).toContain(o['behaviour']);
      expect(o['confidence']).toBeGreaterThanOrEqual(0);
      expect(o['confidence']).toBeLessThanOrEqual(1);
    }
    expect(objects[1]?.['behaviour']).toBe('question');
  }, 60_000);

  it('prints a readable result for words given as arguments', () => {
    const result = run(['What would help most right now?']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^question \(open\), .*\ncodes: OQ/);
  }, 60_000);

  it('usage errors exit 2 with a message on standard error and nothing on standard output', () => {
    for (const args of [[], ['--json'], ['--jsonl', 'extra']]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/Usage: npm run -s coder/);
    }
  }, 60_000);
});
