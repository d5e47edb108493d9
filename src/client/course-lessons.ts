import type { LessonRef } from '../course/completion.ts';

/** The course's lessons, embedded once per page by <CourseData> as JSON. */
export function courseLessons(): LessonRef[] {
  const data = document.getElementById('course-lessons')?.textContent;
  return data ? (JSON.parse(data) as LessonRef[]) : [];
}
