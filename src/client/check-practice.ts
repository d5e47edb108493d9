import { checkPractice, MAX_PRACTICE_LINES, practiceLines } from '../coder/practice-check.ts';
import { readAs } from '../coder/words.ts';
import { MAX_TYPED_CHARS } from './typed-input.ts';

const LEVEL_WORDS = {
  good: 'good (MITI “good” threshold)',
  fair: 'fair (MITI “fair” threshold)',
  low: 'below the MITI “fair” threshold',
};

const el = (tag: string, text?: string): HTMLElement => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
};

class CheckPracticeElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const textarea = this.querySelector('textarea');
    textarea?.addEventListener('focus', () => void import('../coder/coder.ts'), { once: true });
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#code(textarea?.value ?? '');
    });
  }

  async #code(text: string): Promise<void> {
    const lines = practiceLines(text);
    const error = this.querySelector<HTMLElement>('[data-role="error"]');
    const textarea = this.querySelector('textarea');
    const long = lines.findIndex((line) => line.length > MAX_TYPED_CHARS);
    const problem =
      lines.length === 0
        ? 'Type or paste at least one turn first: the box is empty.'
        : lines.length > MAX_PRACTICE_LINES
          ? `That is ${String(lines.length)} lines; at most ${String(MAX_PRACTICE_LINES)} can be coded at once.`
          : long >= 0
            ? `Line ${String(long + 1)} is ${String(lines[long]?.length ?? 0)} characters; split it into turns of at most ${String(MAX_TYPED_CHARS)}.`
            : undefined;
    if (error) {
      error.hidden = !problem;
      error.textContent = problem ?? '';
    }
    textarea?.setAttribute('aria-invalid', String(Boolean(problem)));
    if (problem) {
      textarea?.focus();
      return;
    }
    const { codeReply } = await import('../coder/coder.ts');
    const coded = lines.map((line) => codeReply(line));
    const check = checkPractice(coded);
    const result = this.querySelector<HTMLElement>('[data-role="result"]');
    if (!result) return;
    const summary = el('h2', `${String(check.turns)} turns coded`);
    const figures = el('ul');
    figures.append(
      el('li', `Questions: ${String(check.questions)} (${String(check.open)} open)`),
      el('li', `Reflections: ${String(check.reflections)} (${String(check.complex)} complex)`),
      el('li', `Information or advice: ${String(check.input)}; other: ${String(check.other)}`),
      el(
        'li',
        `R:Q ${check.rq === null ? '— (no questions)' : check.rq.toFixed(1)}: ${LEVEL_WORDS[check.rqLevel]}. Fair is 1, good is 2.`,
      ),
      el(
        'li',
        `Complex reflections: ${Math.round(check.pctCR).toString()}% of reflections: ${LEVEL_WORDS[check.pctCRLevel]}. Fair is 40%, good is 50%.`,
      ),
    );
    const table = el('ol');
    table.className = 'coded-turns';
    coded.forEach((turn) => {
      const item = el('li');
      item.append(el('span', `“${turn.text}” `), el('span', readAs(turn.codes, turn.confidence)));
      table.append(item);
    });
    const note = el(
      'p',
      'The coder reads words only, not tone; treat a reading you disagree with as a question to think about, not a verdict.',
    );
    note.className = 'meta';
    result.replaceChildren(summary, figures, el('h3', 'Turn by turn'), table, note);
    summary.tabIndex = -1;
    summary.focus();
  }
}

customElements.define('al-check-practice', CheckPracticeElement);
