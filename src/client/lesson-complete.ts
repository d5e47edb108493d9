import { lessonStatus, unansweredChecks } from '../course/completion.ts';
import { markLesson, progressStore } from '../stores/progress.ts';
import { courseLessons } from './course-lessons.ts';
import './storage-notice.ts';
import { CourseElement } from './course-element.ts';

/** <al-lesson-complete>: mark the lesson complete; it counts as done once its checks are answered too. */
class LessonCompleteElement extends CourseElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const lesson = courseLessons().find((candidate) => candidate.id === this.dataset['lessonId']);
    const button = this.querySelector<HTMLButtonElement>('button[data-role="mark"]');
    if (!lesson || !button) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      const marked = Boolean(progressStore().get().lessons[lesson.id]);
      markLesson(progressStore(), lesson.id, !marked);
      const status = lessonStatus(progressStore().get(), lesson);
      this.status(
        status === 'done'
          ? 'Lesson marked complete. Well done.'
          : status === 'awaiting-checks'
            ? 'Marked. Answer the remaining checks to complete the lesson.'
            : 'Lesson marked as not done.',
      );
    });
    this.#unsubscribe = progressStore().subscribe((progress) => {
      const status = lessonStatus(progress, lesson);
      const missing = unansweredChecks(progress, lesson);
      const state = this.querySelector<HTMLElement>('[data-role="state"]');
      const list = this.querySelector<HTMLElement>('[data-role="missing"]');
      button.textContent = progress.lessons[lesson.id] ? 'Mark as not done' : 'Mark lesson complete';
      button.classList.toggle('secondary', Boolean(progress.lessons[lesson.id]));
      if (state) {
        state.textContent =
          status === 'done'
            ? '✓ You have completed this lesson.'
            : status === 'awaiting-checks'
              ? 'Marked complete. It will count as done once you have answered:'
              : missing.length > 0
                ? 'When you have read the lesson and answered its checks, mark it complete.'
                : 'When you have read the lesson, mark it complete.';
      }
      if (list) {
        list.hidden = status !== 'awaiting-checks';
        list.replaceChildren(
          ...missing.map((id) => {
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = `#${id}`;
            link.textContent = document.getElementById(`${id}-heading`)?.textContent ?? 'An exercise above';
            item.append(link);
            return item;
          }),
        );
      }
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

if (!customElements.get('al-lesson-complete')) customElements.define('al-lesson-complete', LessonCompleteElement);
