import type { CheckRecord } from '../stores/progress.ts';
import { progressStore, recordCheck } from '../stores/progress.ts';
import { lessonIdOf } from './lesson-context.ts';
import { CourseElement } from './course-element.ts';

/** <al-sort-exercise>: each item gets a group from a native select (keyboard, touch and pointer alike). */
class SortExerciseElement extends CourseElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#check();
    });
    this.byRole('retry').addEventListener('click', () => {
      this.#reset();
    });
    this.#unsubscribe = progressStore().subscribe((progress) => {
      const saved = progress.checks[this.dataset['id'] ?? ''];
      if (saved && saved.answer.length > 0 && this.byRole('retry').hidden) this.#show(saved);
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  #items(): { item: HTMLElement; select: HTMLSelectElement; answer: number }[] {
    return [...this.querySelectorAll<HTMLElement>('.sort-item')].flatMap((item) => {
      const select = item.querySelector('select');
      return select ? [{ item, select, answer: Number(item.dataset['answer']) }] : [];
    });
  }

  #labels(): string[] {
    const template = this.querySelector<HTMLTemplateElement>('template[data-role="labels"]');
    return [...(template?.content.children ?? [])].map((label) => label.textContent);
  }

  #check(): void {
    const items = this.#items();
    const missing = items.find(({ select }) => Number(select.value) < 0);
    if (missing) {
      const left = items.filter(({ select }) => Number(select.value) < 0).length;
      this.status(`Choose a group for every item first (${left} left).`, 'wrong');
      missing.select.focus();
      return;
    }
    const answer = items.map(({ select }) => Number(select.value));
    const correct = items.every(({ answer: expected }, index) => answer[index] === expected);
    recordCheck(progressStore(), this.dataset['id'] ?? '', answer, correct, lessonIdOf(this));
    const saved = progressStore().get().checks[this.dataset['id'] ?? ''];
    if (saved) this.#show(saved);
  }

  #show(record: CheckRecord): void {
    const labels = this.#labels();
    const items = this.#items();
    let right = 0;
    items.forEach(({ item, select, answer }, index) => {
      const chosen = record.answer[index] ?? -1;
      select.value = String(chosen);
      select.disabled = true;
      const isRight = chosen === answer;
      if (isRight) right++;
      item.dataset['verdict'] = isRight ? 'right' : 'wrong';
      const verdict = item.querySelector<HTMLElement>('[data-role="verdict"]');
      if (verdict) verdict.textContent = isRight ? 'Right. ' : `The best fit is ${labels[answer] ?? ''}. `;
      const why = item.querySelector<HTMLElement>('.why');
      if (why) why.hidden = false;
    });
    this.byRole('check').hidden = true;
    this.byRole('retry').hidden = false;
    const message =
      right === items.length
        ? `All ${items.length} right. The notes under each item say why.`
        : `${right} of ${items.length} right. The notes under each item explain the best fit; try again if you like.`;
    this.status(message, right === items.length ? 'right' : 'wrong');
  }

  #reset(): void {
    this.#items().forEach(({ item, select }) => {
      select.disabled = false;
      select.value = '-1';
      item.dataset['verdict'] = '';
      const why = item.querySelector<HTMLElement>('.why');
      if (why) why.hidden = true;
    });
    this.byRole('check').hidden = false;
    this.byRole('retry').hidden = true;
    this.status('Your earlier answer still counts. Sort again and check.', '');
    this.#items()[0]?.select.focus();
  }
}

if (!customElements.get('al-sort-exercise')) customElements.define('al-sort-exercise', SortExerciseElement);
