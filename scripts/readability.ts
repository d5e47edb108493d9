/**
 * `npm run readability`: the Flesch–Kincaid grade of every lesson's prose, using wooorm's
 * maintained `flesch-kincaid` and `syllable` packages. A report for writers, not a test; the course
 * aims for grade 10 or below. Exercise props (questions and answers) are counted too, since learners read them.
 */
import { proseWords } from '../src/course/lesson-parts.ts';
import { readCourseSources } from '../src/course/sources.ts';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

function readableText(body: string): string {
  return body
    .replace(/<Cite\b[^>]*\/>/g, ' ')
    .replace(/\b(id|keys|kind|focus|setting|categories|answer|correct)=("[^"]*"|\{[^}]*\})/g, ' ')
    .replace(/\b(text|why|question|context|prompt|modelAnswer|title):?\s*=?\s*"([^"]*)"/g, ' $2. ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s*(.*)$/gm, '$1.')
    .replace(/^\s*[-*]\s+/gm, '')
    .replace(/[|*_`#{}[\]]/g, ' ');
}

export function grade(text: string): { words: number; sentences: number; grade: number } {
  const sentences = text.split(/[.!?]+(?:\s|$)/).filter((part) => /[A-Za-z]/.test(part)).length;
  const words = text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word));
  const syllables = words.reduce((sum, word) => sum + syllable(word.replace(/[^A-Za-z'-]/g, '')), 0);
  return {
    words: words.length,
    sentences,
    grade: fleschKincaid({ sentence: Math.max(1, sentences), word: words.length, syllable: syllables }),
  };
}

const sources = readCourseSources(process.cwd());
console.log(
  '| lesson | prose words (content rule) | words read | sentences | Flesch–Kincaid grade |\n|---|---|---|---|---|',
);
for (const lesson of sources.lessons) {
  const result = grade(readableText(lesson.body));
  console.log(
    `| ${lesson.file} | ${String(proseWords(lesson.body))} | ${String(result.words)} | ${String(result.sentences)} | ${result.grade.toFixed(1)} |`,
  );
}
