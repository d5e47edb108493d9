import { words } from '../engine/probes.ts';

/**
 * Reads the options of each <KnowledgeCheck> in a lesson body without rendering it, so the build
 * can measure whether the right answer gives itself away by length (issue 11).
 */
export interface CheckOptions {
  id: string;
  multiple: boolean;
  options: { text: string; correct: boolean }[];
}

const BLOCK = /<KnowledgeCheck\b([\s\S]*?)\/>/g;
const OPTION = /\btext:\s*"((?:[^"\\]|\\.)*)"\s*,\s*correct:\s*(true|false)/g;

export function knowledgeChecks(body: string): CheckOptions[] {
  return [...body.matchAll(BLOCK)].map((match) => {
    const block = match[1] ?? '';
    return {
      id: /\bid="([^"]*)"/.exec(block)?.[1] ?? '',
      multiple: /\bmultiple(\s*=\s*\{\s*true\s*\}|\s|$)/.test(block.split('options=')[0] ?? ''),
      options: [...block.matchAll(OPTION)].map((option) => ({
        text: (option[1] ?? '').replace(/\\(.)/g, '$1'),
        correct: option[2] === 'true',
      })),
    };
  });
}

/** True when the single right answer has at least as many words as every other option. */
export const rightIsLongest = (check: CheckOptions): boolean => {
  const right = check.options.find((option) => option.correct);
  if (!right) return false;
  const length = words(right.text).length;
  return check.options.every((option) => option === right || words(option.text).length <= length);
};

export interface AnswerLengthFigures {
  singleAnswer: number;
  rightLongest: string[];
  meanRightWords: number;
  meanOtherWords: number;
}

export const RIGHT_LONGEST_LIMIT = 0.4;

/** Over the single-answer checks of the course: where the right answer is the longest, and mean lengths. */
export function answerLengthFigures(checks: CheckOptions[]): AnswerLengthFigures {
  const single = checks.filter((check) => !check.multiple && check.options.filter((o) => o.correct).length === 1);
  const right: number[] = [];
  const other: number[] = [];
  for (const check of single)
    for (const option of check.options) (option.correct ? right : other).push(words(option.text).length);
  const mean = (list: number[]): number => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0);
  return {
    singleAnswer: single.length,
    rightLongest: single.filter(rightIsLongest).map((check) => check.id),
    meanRightWords: mean(right),
    meanOtherWords: mean(other),
  };
}

export const formatAnswerLengths = (figures: AnswerLengthFigures): string =>
  `knowledge checks: the right answer is the longest in ${figures.rightLongest.length} of ${figures.singleAnswer} single-answer checks (limit ${Math.round(RIGHT_LONGEST_LIMIT * 100)}%); right ${figures.meanRightWords.toFixed(1)} vs other ${figures.meanOtherWords.toFixed(1)} words`;
