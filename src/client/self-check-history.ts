import type { SelfAssessmentResult } from '../stores/self-assessment.ts';
import { dataTable, scrollingTable } from './chart-parts.ts';

export interface SubscaleLabel {
  id: string;
  label: string;
}

/** Dated self-check results, newest first, one column per area: on the self-check page and in the record. */
export function selfCheckHistory(
  results: readonly SelfAssessmentResult[],
  subscales: readonly SubscaleLabel[],
): HTMLElement {
  const score = (value: number | null | undefined): string => (value == null ? '—' : value.toFixed(1));
  const table = dataTable(
    'Your self-check history, newest first',
    ['Date', ...subscales.map((subscale) => subscale.label), 'Overall'],
    [...results]
      .sort((a, b) => b.completedAt.localeCompare(a.completedAt))
      .map((entry) => [
        new Date(entry.completedAt).toLocaleDateString(undefined, { dateStyle: 'medium' }),
        ...subscales.map((subscale) => score(entry.subscales[subscale.id])),
        score(entry.overall),
      ]),
  );
  return scrollingTable('Your self-check history', table);
}
