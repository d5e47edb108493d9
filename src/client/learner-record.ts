import { buildRecord, mergeRecords, parseRecord } from '../record/record.ts';
import { progressStore } from '../stores/progress.ts';
import { reflectionsStore } from '../stores/reflections.ts';
import { attemptsStore } from '../stores/roleplays.ts';
import { selfAssessmentStore } from '../stores/self-assessment.ts';
import './progress-views.ts';
import { CourseElement } from './course-element.ts';

const currentParts = () => ({
  progress: progressStore().get(),
  reflections: reflectionsStore().get(),
  attempts: attemptsStore().get().attempts,
  selfAssessment: selfAssessmentStore().get(),
});

/** <al-learner-record>: role-play results, and download / import of the whole record. */
class LearnerRecordElement extends CourseElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const titles = JSON.parse(this.dataset['titles'] ?? '{}') as Record<string, string>;
    this.#unsubscribe = attemptsStore().subscribe(({ attempts }) => {
      const rows = [...attempts]
        .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))
        .map((attempt) => {
          const row = document.createElement('tr');
          const cells = [
            new Date(attempt.finishedAt).toLocaleDateString(undefined, { dateStyle: 'medium' }),
            titles[attempt.scenarioId] ?? attempt.scenarioId,
            attempt.mode,
            attempt.band,
            attempt.scores.rq === null ? '—' : attempt.scores.rq.toFixed(1),
            `${String(Math.round(attempt.scores.pctCR))}%`,
            attempt.scores.relational.toFixed(1),
            attempt.scores.technical.toFixed(1),
          ];
          cells.forEach((text, index) => {
            const cell = document.createElement(index === 0 ? 'th' : 'td');
            if (index === 0) cell.setAttribute('scope', 'row');
            if (index === 1) {
              const link = document.createElement('a');
              link.href = `/roleplays/${attempt.scenarioId}/`;
              link.textContent = text;
              cell.append(link);
            } else cell.textContent = text;
            row.append(cell);
          });
          return row;
        });
      this.byRole('attempts').replaceChildren(...rows);
      this.byRole('attempts-table').hidden = rows.length === 0;
      this.byRole('no-attempts').hidden = rows.length > 0;
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
    this.#unsubscribe?.();
  }

  #status(message: string): void {
    this.byRole('import-status').textContent = message;
  }
}

if (!customElements.get('al-learner-record')) customElements.define('al-learner-record', LearnerRecordElement);
