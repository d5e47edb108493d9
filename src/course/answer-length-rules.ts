import { words } from '../engine/probes.ts';
import { answerLengthFigures, RIGHT_LONGEST_LIMIT, type CheckOptions } from './check-options.ts';
import type { ContentProblem } from './integrity.ts';

export type LocatedCheck = CheckOptions & { file: string };

/** A right answer this many times longer than every other option stands out on its own. */
export const ONLY_LONG_RATIO = 1.5;

const count = (text: string): number => words(text).length;

/** True when the single right answer is more than ONLY_LONG_RATIO times as long as every wrong option. */
export function rightIsOnlyLong(check: CheckOptions): boolean {
  const right = check.options.filter((option) => option.correct);
  const wrong = check.options.filter((option) => !option.correct);
  if (check.multiple || right.length !== 1 || wrong.length === 0) return false;
  const longestWrong = Math.max(...wrong.map((option) => count(option.text)));
  return count(right[0]?.text ?? '') > ONLY_LONG_RATIO * longestWrong;
}

/** Per check: enough options to make guessing more than a coin toss, and no right answer that stands out by length. */
function perCheck(check: LocatedCheck): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!check.multiple && check.options.length < 3)
    problems.push({
      file: check.file,
      message: `knowledge check “${check.id}” offers ${check.options.length} option(s); a single-answer check needs 3 or 4`,
      hint: 'Add a plausible wrong answer or two, so guessing is not a coin toss.',
    });
  if (rightIsOnlyLong(check)) {
    const lengths = check.options.map((option) => `${option.correct ? '★' : ''}${count(option.text)}`).join(', ');
    problems.push({
      file: check.file,
      message: `knowledge check “${check.id}”: the right answer is the only long option (words: ${lengths}), so it can be spotted without reading`,
      hint: `Write at least one wrong option within ${ONLY_LONG_RATIO}× the length of the right one: a plausible, well-meant mistake rather than an obvious one.`,
    });
  }
  return problems;
}

/** Course-wide: the right answer may be the longest option in at most 40% of single-answer checks. */
function courseWide(checks: LocatedCheck[]): ContentProblem[] {
  const figures = answerLengthFigures(checks);
  if (figures.singleAnswer === 0 || figures.rightLongest.length / figures.singleAnswer <= RIGHT_LONGEST_LIMIT)
    return [];
  const where = figures.rightLongest.map((id) => `${checks.find((check) => check.id === id)?.file ?? '?'} (${id})`);
  return [
    {
      file: 'modules/',
      message: `the right answer is the longest option in ${figures.rightLongest.length} of ${figures.singleAnswer} single-answer knowledge checks (the limit is ${Math.round(RIGHT_LONGEST_LIMIT * 100)}%, so length does not give the answer away): ${where.join(', ')}`,
      hint: 'In some of these checks, shorten the right answer or write a fuller, plausible wrong one.',
    },
  ];
}

/** Every length rule on the course's knowledge checks (issue 11, item 3). */
export const answerLengthProblems = (checks: LocatedCheck[]): ContentProblem[] => [
  ...checks.flatMap(perCheck),
  ...courseWide(checks),
];
