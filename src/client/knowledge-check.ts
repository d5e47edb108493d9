import type { CheckRecord } from '../stores/progress.ts';
import { progressStore, recordCheck } from '../stores/progress.ts';
import { lessonIdOf } from './lesson-context.ts';
import { CourseElement } from './course-element.ts';

/** <al-knowledge-check>: marks the answer, explains every option, remembers the result, allows retries. */
class KnowledgeCheckElement extends CourseElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#check();
    });
    this.byRole('retry').addEventListener('click', () => {
      this.#reset(true);
    });
    this.#unsubscribe = progressStore().subscribe((progress) => {
      const saved = progress.checks[this.#id];
      if (saved && saved.answer.length > 0 && !this.#isShowingResult()) this.#show(saved);
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  get #id(): string {
    return this.dataset['id'] ?? '';
  }

  #inputs(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('input')];
  }

  #isShowingResult(): boolean {
    return !this.byRole('retry').hidden;
  }

  #check(): void {
    const chosen = this.#inputs().flatMap((input, index) => (input.checked ? [index] : []));
    if (chosen.length === 0) {
      this.status('Choose an answer first, then check it.', 'wrong');
      this.#inputs()[0]?.focus();
      return;
    }
    const correct = this.#inputs().every(
      (input) => input.checked === (input.closest<HTMLElement>('.option')?.dataset['correct'] === 'true'),
    );
    recordCheck(progressStore(), this.#id, chosen, correct, lessonIdOf(this));
    const saved = progressStore().get().checks[this.#id];
    if (saved) this.#show(saved);
    this.focusResult();
  }

  #show(record: CheckRecord): void {
    const multiple = this.dataset['multiple'] === 'true';
    this.#inputs().forEach((input, index) => {
      const option = input.closest<HTMLElement>('.option');
      const isCorrect = option?.dataset['correct'] === 'true';
      input.checked = record.answer.includes(index);
      input.disabled = true;
      if (option) option.dataset['verdict'] = isCorrect ? 'right' : input.checked ? 'wrong' : '';
      const why = option?.querySelector<HTMLElement>('.why');
      if (why) why.hidden = false;
    });
    this.byRole('check').hidden = true;
    this.byRole('retry').hidden = false;
    const message = record.correct
      ? 'That’s right. Read why each option works or doesn’t, below each answer.'
      : multiple
        ? 'Not quite: the highlighted answers are the good ones. Read the explanations, then try again if you like.'
        : 'Not quite: the highlighted answer is the better one. Read the explanations, then try again if you like.';
    this.status(message, record.correct ? 'right' : 'wrong');
  }

  /** "Try again" keeps the good answers the learner had chosen and clears the rest. */
  #reset(focus: boolean): void {
    let kept = 0;
    this.#inputs().forEach((input) => {
      const option = input.closest<HTMLElement>('.option');
      const keep = input.checked && option?.dataset['correct'] === 'true';
      if (keep) kept++;
      input.checked = keep;
      input.disabled = false;
      if (option) option.dataset['verdict'] = '';
      const why = option?.querySelector<HTMLElement>('.why');
      if (why) why.hidden = true;
    });
    this.byRole('check').hidden = false;
    this.byRole('retry').hidden = true;
    this.status(
      kept > 0
        ? `Your earlier answer still counts. The ${kept === 1 ? 'good answer you chose stays' : `${kept} good answers you chose stay`} ticked; choose again and check.`
        : 'Your earlier answer still counts. Choose again and check.',
      '',
    );
    if (focus)
      this.#inputs()
        .find((input) => !input.checked)
        ?.focus();
  }
}

if (!customElements.get('al-knowledge-check')) customElements.define('al-knowledge-check', KnowledgeCheckElement);
