/** The id of the lesson an element sits in (the lesson page's <article data-lesson-id>). */
export function lessonIdOf(element: Element): string | undefined {
  return element.closest<HTMLElement>('[data-lesson-id]')?.dataset['lessonId'];
}
