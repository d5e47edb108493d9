/**
 * Course time and size, computed from the lessons: a module takes the sum of its lessons' own
 * `minutes`, and its lesson count is the number of lesson files. Nothing else types these numbers,
 * so the home page, module pages, the orientation and the certificate cannot disagree.
 */

/** Review correction 8: every lesson in a module is 20–30 minutes (the orientation is exempt). */
export const LESSON_MINUTES = { min: 20, max: 30 } as const;

export const totalMinutes = (items: readonly { minutes: number }[]): number =>
  items.reduce((sum, item) => sum + item.minutes, 0);

/** “about 155 minutes”: module and orientation lengths, as the sum of their lessons. */
export const aboutMinutes = (minutes: number): string => `about ${String(minutes)} minutes`;

/** “about 11 hours” or “about 10 and a half hours”: the course length, to the nearest half hour. */
export function aboutHours(minutes: number): string {
  const halves = Math.round(minutes / 30);
  const whole = Math.floor(halves / 2);
  if (halves % 2 === 0) return `about ${String(whole)} ${whole === 1 ? 'hour' : 'hours'}`;
  return whole === 0 ? 'about half an hour' : `about ${String(whole)} and a half hours`;
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** “seven lessons”: words up to twelve, as prose writes them; digits after that. */
export function lessonCount(count: number): string {
  const number = NUMBER_WORDS[count] ?? String(count);
  return `${number} ${count === 1 ? 'lesson' : 'lessons'}`;
}

/** “six lessons, about 155 minutes”: how module cards, module pages and the orientation describe a module. */
export const moduleFacts = (module: { lessons: readonly unknown[]; minutes: number }): string =>
  `${lessonCount(module.lessons.length)}, ${aboutMinutes(module.minutes)}`;

/** “20 to 30 minutes” (or “25 minutes” when every lesson is the same length): the span of lesson lengths. */
export function lessonSpan(lessons: readonly { minutes: number }[]): string {
  const minutes = lessons.map((lesson) => lesson.minutes);
  if (minutes.length === 0) return '';
  const low = Math.min(...minutes);
  const high = Math.max(...minutes);
  return low === high ? `${String(low)} minutes` : `${String(low)} to ${String(high)} minutes`;
}
