import type { CheckRecord } from '../stores/progress.ts';
import { progressStore, recordCheck } from '../stores/progress.ts';
import { seededOrder } from '../course/shuffle.ts';
import { lessonIdOf } from './lesson-context.ts';
import { CourseElement } from './course-element.ts';
import { learnerSeed } from './learner-seed.ts';

interface SortItem {
  item: HTMLElement;
  select: HTMLSelectElement;
  answer: number;
  accepted: number[];
}

/** <al-sort-exercise>: each item gets a group from a native select (keyboard, touch and pointer alike). */
class SortExerciseElement extends CourseElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.#shuffle();
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

  /** Shows the items in this learner's own order (the same on every visit), so the list gives nothing away. */
  #shuffle(): void {
    const list = this.querySelector('.sort-items');
    const items = [...this.querySelectorAll<HTMLElement>('.sort-item')];
    if (!(list instanceof HTMLElement) || items.length < 2) return;
    for (const index of seededOrder(items.length, `${learnerSeed()}:${this.dataset['id'] ?? ''}`)) {
      const item = items[index];
      if (item) list.append(item);
    }
    list.dataset['order'] = 'learner';
  }

  /**
   * The items in authored order (answers are saved by authored position), wherever they show on screen.
   * `answer` is the best fit, named in feedback; `accepted` adds the groups that also count (data-also), for
   * steps that current guidance lets swap, such as calling for help and giving naloxone.
   */
  #items(): SortItem[] {
    return [...this.querySelectorAll<HTMLElement>('.sort-item')]
      .flatMap((item) => {
        const select = item.querySelector('select');
        const answer = Number(item.dataset['answer']);
        const also = (item.dataset['also'] ?? '').split(' ').filter(Boolean).map(Number);
        return select
          ? [{ item, select, answer, accepted: [answer, ...also], index: Number(item.dataset['index']) }]
          : [];
      })
      .sort((a, b) => a.index - b.index);
  }

  /** The items in the order the learner sees them. */
  #shown(): SortItem[] {
    const items = this.#items();
    return [...this.querySelectorAll<HTMLElement>('.sort-item')].flatMap((element) => {
      const found = items.find((entry) => entry.item === element);
      return found ? [found] : [];
    });
  }

  #labels(): string[] {
    const template = this.querySelector<HTMLTemplateElement>('template[data-role="labels"]');
    return [...(template?.content.children ?? [])].map((label) => label.textContent);
  }

  #check(): void {
    const items = this.#items();
    const missing = this.#shown().find(({ select }) => Number(select.value) < 0);
    if (missing) {
      const left = items.filter(({ select }) => Number(select.value) < 0).length;
      this.status(`Choose a group for every item first (${left} left).`, 'wrong');
      missing.select.focus();
      return;
    }
    const answer = items.map(({ select }) => Number(select.value));
    const correct = items.every(({ accepted }, index) => accepted.includes(answer[index] ?? -1));
    recordCheck(progressStore(), this.dataset['id'] ?? '', answer, correct, lessonIdOf(this));
    const saved = progressStore().get().checks[this.dataset['id'] ?? ''];
    if (saved) this.#show(saved);
    this.focusResult();
  }

  #show(record: CheckRecord): void {
    const labels = this.#labels();
    const items = this.#items();
    let right = 0;
    items.forEach(({ item, select, answer, accepted }, index) => {
      const chosen = record.answer[index] ?? -1;
      select.value = String(chosen);
      select.disabled = true;
      const isRight = accepted.includes(chosen);
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

  /** "Try again" keeps the items already in the right group and clears only the others. */
  #reset(): void {
    const redo: HTMLSelectElement[] = [];
    this.#shown().forEach(({ item, select, accepted }) => {
      const right = accepted.includes(Number(select.value));
      select.disabled = false;
      if (!right) {
        select.value = '-1';
        redo.push(select);
      }
      item.dataset['verdict'] = right ? 'kept' : '';
      const why = item.querySelector<HTMLElement>('.why');
      if (why) why.hidden = true;
    });
    this.byRole('check').hidden = false;
    this.byRole('retry').hidden = true;
    const kept = this.#items().length - redo.length;
    this.status(
      kept > 0
        ? `Your earlier answer still counts. The ${kept} you had right stay in place; sort the other ${redo.length} and check.`
        : 'Your earlier answer still counts. Sort again and check.',
      '',
    );
    redo[0]?.focus();
  }
}

if (!customElements.get('al-sort-exercise')) customElements.define('al-sort-exercise', SortExerciseElement);
