/**
 * `npm run answer-lengths`: for every single-answer knowledge check, the words in each option
 * (★ marks the right one) and whether the right answer is the longest. The build enforces the
 * course-wide limit; this shows authors where to work.
 */
import {
  answerLengthFigures,
  formatAnswerLengths,
  knowledgeChecks,
  rightIsLongest,
} from '../src/course/check-options.ts';
import { rightIsOnlyLong } from '../src/course/answer-length-rules.ts';
import { readCourseSources } from '../src/course/sources.ts';
import { words } from '../src/engine/probes.ts';

const sources = readCourseSources(process.cwd());
const checks = sources.lessons.flatMap((lesson) =>
  knowledgeChecks(lesson.body).map((check) => ({ ...check, file: lesson.file })),
);
for (const check of checks) {
  const lengths = check.options.map((option) => `${option.correct ? '★' : ''}${words(option.text).length}`).join(' ');
  const flag = check.multiple
    ? '(several answers)'
    : [rightIsLongest(check) ? 'right answer longest' : '', rightIsOnlyLong(check) ? 'ONLY LONG OPTION' : '']
        .filter(Boolean)
        .join(', ');
  console.log(`${check.file} ${check.id}: ${lengths} ${flag}`.trimEnd());
}
console.log(formatAnswerLengths(answerLengthFigures(checks)));
