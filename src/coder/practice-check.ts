import { pctLevel, rqLevel, type Level } from '../engine/scoring.ts';
import type { CodedReply } from './code-reply.ts';

/** Counts, R:Q and %CR over coded turns, against the MITI 4.2.1 thresholds (issue 13, item 7). */
export interface PracticeCheck {
  turns: number;
  questions: number;
  open: number;
  reflections: number;
  complex: number;
  input: number;
  other: number;
  rq: number | null;
  rqLevel: Level;
  pctCR: number;
  pctCRLevel: Level;
}

export function checkPractice(coded: readonly CodedReply[]): PracticeCheck {
  const count = (test: (c: CodedReply) => boolean): number => coded.filter(test).length;
  const questions = count((c) => c.behaviour === 'question');
  const reflections = count((c) => c.behaviour === 'reflection');
  const complex = count((c) => c.behaviour === 'reflection' && c.codes[0] === 'CR');
  return {
    turns: coded.length,
    questions,
    open: count((c) => c.codes[0] === 'OQ'),
    reflections,
    complex,
    input: count((c) => c.behaviour === 'input'),
    other: count((c) => c.behaviour === 'other'),
    rq: questions === 0 ? null : reflections / questions,
    rqLevel: rqLevel(reflections, questions),
    pctCR: reflections === 0 ? 0 : (100 * complex) / reflections,
    pctCRLevel: pctLevel(complex, reflections),
  };
}

export const MAX_PRACTICE_LINES = 200;

export const practiceLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
