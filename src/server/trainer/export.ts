import type { Kysely } from 'kysely';
import type { Scenario } from '../../schemas/scenario.ts';
import { STATUS_WORDS } from '../dashboard.ts';
import { toCsv } from '../csv.ts';
import type { Database } from '../db/schema.ts';
import { cohortResults } from './results.ts';

export const CSV_HEADER = [
  'cohort',
  'learner',
  'email',
  'role-play',
  'mode',
  'due',
  'status',
  'overdue',
  'attempts',
  'band',
  'R:Q',
  'complex reflections %',
  'relational',
  'technical',
  'finished at',
] as const;

/** A file name made from the cohort's name: lower-case letters, digits and hyphens only. */
export function cohortSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'cohort';
}

const round = (value: number, places: number): number => Number(value.toFixed(places));

/**
 * The cohort's results as CSV, one row per learner and assignment (the matrix, flattened), with the
 * newest attempt's scores. Undefined unless the cohort is this trainer's. Every cell goes through
 * `csvCell`, so a learner's name cannot run as a spreadsheet formula.
 */
export async function cohortCsv(
  db: Kysely<Database>,
  input: { trainerId: string; cohortId: string; scenarios: readonly Scenario[]; now?: Date },
): Promise<{ filename: string; body: string } | undefined> {
  const results = await cohortResults(db, input);
  if (!results) return undefined;
  const rows = results.rows.flatMap((row) =>
    row.cells.map((cell, index) => {
      const column = results.columns[index];
      const scores = cell.latest?.scores;
      return [
        results.cohort.name,
        row.learner.name,
        row.learner.email,
        column?.title ?? '',
        column?.assignment.mode ?? '',
        column?.assignment.due_at ?? '',
        STATUS_WORDS[cell.status],
        cell.overdue ? 'yes' : 'no',
        cell.attempts,
        cell.latest?.band ?? '',
        scores?.rq === null || scores === undefined ? '' : round(scores.rq, 2),
        scores ? Math.round(scores.pctCR) : '',
        scores ? round(scores.relational, 1) : '',
        scores ? round(scores.technical, 1) : '',
        cell.latest?.finishedAt ?? '',
      ];
    }),
  );
  return { filename: `${cohortSlug(results.cohort.name)}-results.csv`, body: toCsv([[...CSV_HEADER], ...rows]) };
}
