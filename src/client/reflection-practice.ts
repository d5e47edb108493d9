import { reflectionFeedback } from '../coder/reflection-feedback.ts';
import { statsLine } from './practice-stats.ts';
import { countTry, reflectionPracticeStore } from '../stores/reflection-practice.ts';
import { typedProblem } from './typed-input.ts';

interface Item {
  id: string;
  person: string;
  context: string;
  says: string;
  change: string[];
  sustain: string[];
  models: { text: string; kind: string }[];
  point: string;
}

// The coder (and its weights) loads on first use, not with the page.
const loadCoder = () => import('../coder/coder.ts');

class ReflectionPracticeElement extends HTMLElement {
  #items: Item[] = [];
  #at = 0;
  readonly #session = crypto.getRandomValues(new Uint32Array(2)).join('-');

  connectedCallback(): void {
    this.#items = JSON.parse(this.querySelector('[data-role="items"]')?.textContent ?? '[]') as Item[];
    const form = this.querySelector<HTMLFormElement>('[data-role="form"]');
    const textarea = this.querySelector('textarea');
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#check(textarea?.value ?? '');
    });
    textarea?.addEventListener('focus', () => void loadCoder(), { once: true });
    this.querySelector('[data-role="next"]')?.addEventListener('click', () => {
      this.#show((this.#at + 1) % this.#items.length);
    });
  }

  #role(name: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-role="${name}"]`);
  }

  #show(index: number): void {
    const item = this.#items[index];
    if (!item) return;
    this.#at = index;
    const set = (name: string, text: string): void => {
      const node = this.#role(name);
      if (node) node.textContent = text;
    };
    set('heading', `Statement ${String(index + 1)} of ${String(this.#items.length)}`);
    set('context', item.context);
    set('says', `${item.person}: “${item.says}”`);
    set('feedback', '');
    const models = this.#role('models');
    if (models) models.hidden = true;
    const textarea = this.querySelector('textarea');
    if (textarea) textarea.value = '';
    this.#role('heading')?.focus();
  }

  async #check(text: string): Promise<void> {
    const item = this.#items[this.#at];
    const error = this.#role('error');
    const textarea = this.querySelector('textarea');
    const problem = typedProblem(text);
    if (error) {
      error.hidden = problem === undefined;
      error.textContent = problem ?? '';
    }
    textarea?.setAttribute('aria-invalid', String(problem !== undefined));
    if (problem || !item) {
      textarea?.focus();
      return;
    }
    const { codeReply } = await loadCoder();
    const coded = codeReply(text, { clientLine: item.says, replies: item.models.map((model) => model.text) });
    const feedback = reflectionFeedback(coded, item);
    const box = this.#role('feedback');
    if (box) {
      box.replaceChildren();
      const reading = document.createElement('p');
      reading.textContent = feedback.reading;
      const next = document.createElement('p');
      next.textContent = feedback.next;
      box.append(reading, next);
    }
    const list = this.#role('model-list');
    list?.replaceChildren(
      ...item.models.map((model) => {
        const li = document.createElement('li');
        li.textContent = `“${model.text}” (${model.kind === 'double-sided' ? 'double-sided reflection' : 'complex reflection'})`;
        return li;
      }),
    );
    const point = this.#role('point');
    if (point) point.textContent = item.point;
    const models = this.#role('models');
    if (models) models.hidden = false;
    const session = countTry(reflectionPracticeStore(), this.#session, feedback.counts);
    const stats = this.#role('stats');
    if (stats) stats.textContent = statsLine(session);
  }
}

customElements.define('al-reflection-practice', ReflectionPracticeElement);
