import { scoreAnswers } from '../assessment/score.ts';
import type { Instrument } from '../schemas/instrument.ts';
import { answer, finish, selfAssessmentStore, type SelfAssessmentResult } from '../stores/self-assessment.ts';
import { attemptsStore } from '../stores/roleplays.ts';
import { renderGapView } from './gap-view.ts';
import { selfCheckHistory } from './self-check-history.ts';
import './storage-notice.ts';
import { CourseElement } from './course-element.ts';

/** <al-self-assessment>: answers saved as they are given (so the check resumes), results and dated history. */
class SelfAssessmentElement extends CourseElement {
  #instrument: Instrument | undefined;

  connectedCallback(): void {
    const data = document.getElementById('instrument-data')?.textContent;
    if (!data) return;
    const instrument = JSON.parse(data) as Instrument;
    this.#instrument = instrument;
    const store = selfAssessmentStore();
    const saved = store.get().inProgress;
    const answers =
      saved && saved.instrumentId === instrument.id && saved.instrumentVersion === instrument.version
        ? saved.answers
        : {};
    for (const input of this.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      input.checked = answers[input.name] === Number(input.value);
      input.addEventListener('change', () => {
        answer(store, instrument.id, instrument.version, input.name, Number(input.value));
        this.#progress();
      });
    }
    this.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    this.byRole('retake').addEventListener('click', () => {
      this.byRole('results').hidden = true;
      this.querySelector<HTMLElement>('form')?.removeAttribute('hidden');
      this.byRole('progress').hidden = false;
      this.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    });
    this.#progress();
    this.#history();
    // Someone who has already taken the check sees their latest result (and its comparison) straight away.
    const latest = store
      .get()
      .history.filter((entry) => entry.instrumentId === instrument.id)
      .at(-1);
    if (latest && !saved) this.#showResult(latest, false);
  }

  #answers(): Record<string, number> {
    const answers: Record<string, number> = {};
    for (const input of this.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked'))
      answers[input.name] = Number(input.value);
    return answers;
  }

  #progress(): void {
    const total = this.#instrument?.items.length ?? 0;
    this.byRole('progress').textContent = `${String(Object.keys(this.#answers()).length)} of ${String(total)} answered`;
  }

  #submit(): void {
    const instrument = this.#instrument;
    if (!instrument) return;
    const answers = this.#answers();
    const missing = instrument.items.filter((item) => answers[item.id] === undefined);
    const message = this.byRole('message');
    if (missing.length > 0) {
      const first = missing[0];
      const number = first ? instrument.items.indexOf(first) + 1 : 1;
      message.textContent = `Please answer every statement first: ${String(missing.length)} left, starting with number ${String(number)}.`;
      this.querySelector<HTMLInputElement>(`input[name="${missing[0]?.id ?? ''}"]`)?.focus();
      return;
    }
    const score = scoreAnswers(instrument, answers);
    const result = finish(selfAssessmentStore(), {
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      answers,
      subscales: Object.fromEntries(score.subscales.map((subscale) => [subscale.id, subscale.score])),
      overall: score.overall,
    });
    message.textContent = '';
    this.querySelectorAll<HTMLInputElement>('input[type="radio"]').forEach((input) => (input.checked = false));
    this.querySelector('form')?.setAttribute('hidden', '');
    this.byRole('progress').hidden = true;
    this.#showResult(result);
    this.#history();
  }

  #showResult(result: SelfAssessmentResult, focus = true): void {
    const instrument = this.#instrument;
    if (!instrument) return;
    const score = scoreAnswers(instrument, result.answers);
    const rows = this.byRole('rows');
    rows.replaceChildren(
      ...score.subscales.map((subscale) => {
        const row = document.createElement('tr');
        const area = Object.assign(document.createElement('th'), { scope: 'row', textContent: subscale.label });
        const score = document.createElement('td');
        score.textContent =
          subscale.score === null ? 'Not enough answers' : `${subscale.score.toFixed(1)} ${subscale.band?.label ?? ''}`;
        const meaning = document.createElement('td');
        meaning.append(subscale.band?.meaning ?? '');
        for (const link of instrument.subscales.find((candidate) => candidate.id === subscale.id)?.nextPractice ?? []) {
          meaning.append(
            ' Practise: ',
            Object.assign(document.createElement('a'), { href: link.href, textContent: link.label }),
            '.',
          );
        }
        row.append(area, score, meaning);
        return row;
      }),
    );
    this.byRole('overall').textContent =
      score.overall === null
        ? ''
        : `Overall practice index: ${score.overall.toFixed(1)} (${score.overallBand?.label ?? ''}). The areas above matter more than this single number.`;
    this.byRole('ceiling').hidden = !score.ceiling;
    renderGapView(
      this.byRole('gap'),
      score.subscales.map((subscale) => ({ id: subscale.id, label: subscale.label, self: subscale.score })),
      attemptsStore().get().attempts,
    );
    const results = this.byRole('results');
    results.hidden = false;
    if (focus) results.querySelector<HTMLElement>('h2')?.focus();
  }

  #history(): void {
    const instrument = this.#instrument;
    if (!instrument) return;
    const history = selfAssessmentStore()
      .get()
      .history.filter((entry) => entry.instrumentId === instrument.id);
    const section = this.byRole('history-section');
    section.hidden = history.length === 0;
    this.byRole('history').replaceChildren(selfCheckHistory(history, instrument.subscales));
  }
}

if (!customElements.get('al-self-assessment')) customElements.define('al-self-assessment', SelfAssessmentElement);
