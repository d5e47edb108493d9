import { buildRecord, mergeRecords, parseRecord } from '../record/record.ts';
import { progressStore } from '../stores/progress.ts';
import { reflectionsStore } from '../stores/reflections.ts';
import { attemptsStore } from '../stores/roleplays.ts';
import { selfAssessmentStore } from '../stores/self-assessment.ts';
import { bandTrends } from '../record/trend.ts';
import './progress-views.ts';
import { renderBandTrends } from './band-trend.ts';
import { CourseElement } from './course-element.ts';
import { renderGapView } from './gap-view.ts';
import { attemptRows } from './record-attempts.ts';
import { selfCheckHistory, type SubscaleLabel } from './self-check-history.ts';

const currentParts = () => ({
  progress: progressStore().get(),
  reflections: reflectionsStore().get(),
  attempts: attemptsStore().get().attempts,
  selfAssessment: selfAssessmentStore().get(),
});

/** <al-learner-record>: role-play results and trends, self-checks, print, and download / import of the record. */
class LearnerRecordElement extends CourseElement {
  #unsubscribe: (() => void)[] = [];

  connectedCallback(): void {
    const titles = JSON.parse(this.dataset['titles'] ?? '{}') as Record<string, string>;
    const subscales = JSON.parse(this.dataset['subscales'] ?? '[]') as SubscaleLabel[];
    const instrumentId = this.dataset['instrument'] ?? '';
    const render = (): void => {
      const { attempts } = attemptsStore().get();
      const rows = attemptRows(attempts, titles);
      this.byRole('attempts').replaceChildren(...rows);
      this.byRole('attempts-table').hidden = rows.length === 0;
      this.byRole('no-attempts').hidden = rows.length > 0;
      renderBandTrends(this.byRole('trends'), bandTrends(attempts), titles);
      const history = selfAssessmentStore()
        .get()
        .history.filter((entry) => entry.instrumentId === instrumentId);
      const latest = history.at(-1);
      this.byRole('no-self-checks').hidden = latest !== undefined;
      this.byRole('self-checks').hidden = latest === undefined;
      if (!latest) return;
      this.byRole('self-check-history').replaceChildren(selfCheckHistory(history, subscales));
      renderGapView(
        this.byRole('gap'),
        subscales.map((subscale) => ({ ...subscale, self: latest.subscales[subscale.id] ?? null })),
        attempts,
      );
    };
    this.#unsubscribe = [attemptsStore().listen(render), selfAssessmentStore().listen(render)];
    render();
    this.byRole('printed-on').textContent =
      `Supervision summary, printed ${new Date().toLocaleDateString(undefined, { dateStyle: 'long' })}. Kept by the learner; private notes are not included.`;
    this.byRole('print').addEventListener('click', () => {
      window.print();
    });
    this.byRole('export').addEventListener('click', () => {
      const blob = new Blob([JSON.stringify(buildRecord(currentParts()), null, 2)], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `alongside-record-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
      this.#status('Your record was downloaded. Keep it somewhere private: it includes your notes.');
    });
    const input = this.byRole('import') as HTMLInputElement;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      void file.text().then((text) => {
        const parsed = parseRecord(text, file.size);
        input.value = '';
        if (!parsed.ok) {
          this.#status(parsed.error);
          return;
        }
        const merged = mergeRecords(currentParts(), parsed.record);
        progressStore().set(merged.progress);
        reflectionsStore().set(merged.reflections);
        attemptsStore().set({ version: 1, attempts: merged.attempts });
        selfAssessmentStore().set(merged.selfAssessment);
        const { lessons, attempts, notes, selfChecks } = merged.added;
        this.#status(
          `Imported. New here: ${String(lessons)} completed lesson(s), ${String(attempts)} role-play result(s), ${String(notes)} note(s), ${String(selfChecks)} self-check(s). Nothing was removed.`,
        );
      });
    });
  }

  disconnectedCallback(): void {
    for (const stop of this.#unsubscribe) stop();
  }

  #status(message: string): void {
    this.byRole('import-status').textContent = message;
  }
}

if (!customElements.get('al-learner-record')) customElements.define('al-learner-record', LearnerRecordElement);
