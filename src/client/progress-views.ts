import { continueTarget, countDone, lessonStatus, type LessonStatus } from '../course/completion.ts';
import { progressStore } from '../stores/progress.ts';
import { courseLessons } from './course-lessons.ts';
import './storage-notice.ts';

const STATUS_TEXT: Record<LessonStatus, string> = {
  done: 'Done',
  'awaiting-checks': 'Checks to answer',
  started: 'Started',
  'not-started': 'Not started',
};

/** <al-progress data-module="id?">: a bar and "n of m lessons done" for one module or the whole course. */
class ProgressElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const moduleId = this.dataset['module'];
    const lessons = courseLessons().filter((lesson) => !moduleId || lesson.moduleId === moduleId);
    this.#unsubscribe = progressStore().subscribe((progress) => {
      const { done, total } = countDone(progress, lessons);
      const percent = total ? Math.round((done / total) * 100) : 0;
      const bar = this.querySelector<HTMLElement>('[role="progressbar"]');
      bar?.setAttribute('aria-valuenow', String(percent));
      bar?.setAttribute('aria-valuetext', `${done} of ${total} lessons done`);
      const fill = this.querySelector<HTMLElement>('.progress-fill');
      if (fill) fill.style.width = `${percent}%`;
      const text = this.querySelector<HTMLElement>('.progress-text');
      if (text) text.textContent = `${done} of ${total} lessons done`;
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

/** <al-lesson-status data-lesson-id>: a lesson's done / started / not started badge. */
class LessonStatusElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const lesson = courseLessons().find((candidate) => candidate.id === this.dataset['lessonId']);
    if (!lesson) return;
    this.#unsubscribe = progressStore().subscribe((progress) => {
      const status = lessonStatus(progress, lesson);
      const badge = this.querySelector<HTMLElement>('.lesson-status');
      if (!badge) return;
      badge.dataset['status'] = status;
      badge.textContent = STATUS_TEXT[status];
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

/** <al-continue>: "continue where you left off", pointing at the right lesson. */
class ContinueElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const lessons = courseLessons();
    this.#unsubscribe = progressStore().subscribe((progress) => {
      const target = continueTarget(progress, lessons);
      const heading = this.querySelector<HTMLElement>('[data-role="heading"]');
      const link = this.querySelector<HTMLAnchorElement>('a');
      if (!heading || !link) return;
      if (target.kind === 'finished') {
        heading.textContent = 'You have finished every lesson';
        link.textContent = 'Look back over the course';
        link.href = '#modules';
        return;
      }
      heading.textContent = { start: 'Start here', resume: 'Continue where you left off', next: 'Up next' }[
        target.kind
      ];
      link.textContent = target.lesson.title;
      link.href = target.lesson.url;
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

customElements.define('al-progress', ProgressElement);
customElements.define('al-lesson-status', LessonStatusElement);
customElements.define('al-continue', ContinueElement);
