import { reflectionPracticeStore } from '../stores/reflection-practice.ts';
import { statsLine } from './practice-stats.ts';

/** <al-practice-record>: reflection-practice sessions on this device, newest first, in the learner record. */
class PracticeRecordElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.#unsubscribe = reflectionPracticeStore().subscribe(({ sessions }) => {
      const list = Object.values(sessions).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      const summary = this.querySelector<HTMLElement>('[data-role="summary"]');
      const items = this.querySelector<HTMLUListElement>('[data-role="sessions"]');
      if (!summary || !items || list.length === 0) return;
      const total = list.reduce(
        (sum, s) => ({ tries: sum.tries + s.tries, Q: sum.Q + s.Q, R: sum.R + s.R, CR: sum.CR + s.CR }),
        { tries: 0, Q: 0, R: 0, CR: 0 },
      );
      summary.textContent = statsLine(total).replace('This session', `All ${String(list.length)} sessions`);
      items.hidden = false;
      items.replaceChildren(
        ...list.slice(0, 10).map((s) => {
          const li = document.createElement('li');
          const day = new Date(s.startedAt).toLocaleDateString(undefined, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          });
          li.textContent = `${day}: ${statsLine(s).replace('This session: ', '')}`;
          return li;
        }),
      );
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

customElements.define('al-practice-record', PracticeRecordElement);
