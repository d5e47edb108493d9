import type { Kysely } from 'kysely';
import type { Scenario } from '../../schemas/scenario.ts';
import { buildMatrix, STATUS_WORDS, type Cell, type CellStatus, type MatrixRow } from '../dashboard.ts';
import type { Database } from '../db/schema.ts';
import { assignmentsOf, startsOf, type Assignment } from '../repo/assignments.ts';
import type { StoredAttempt } from '../repo/attempts.ts';
import { cohortOfTrainer, membersOf, type Cohort, type Member } from '../repo/cohorts.ts';
import { bandWord, formatDay, keyScores, MODE_WORDS, plural } from './format.ts';
import { titleOf } from './roleplay-groups.ts';

type Db = Kysely<Database>;

export interface AssignmentColumn {
  assignment: Assignment;
  title: string;
  mode: string;
  /** "Due 31 Mar 2027", or undefined when there is no due date. */
  due?: string;
  /** How many learners are at each status, for the list of what is assigned. */
  counts: Record<CellStatus, number>;
  overdue: number;
}

export interface CellView {
  status: string;
  overdue: boolean;
  band?: string;
  /** "R:Q 1.5 : 1 · %CR 60% · Relational 4.0 · Technical 3.5": one line, so a 500-learner matrix stays light. */
  scores?: string;
  attempts?: string;
}

/**
 * The cohort's attempts as the matrix needs them: everything but the stored replies, which only a
 * learner's detail page reads (and which are most of each row's size).
 */
async function attemptSummaries(db: Db, cohortId: string): Promise<StoredAttempt[]> {
  const rows = await db
    .selectFrom('attempt')
    .innerJoin('assignment', 'assignment.id', 'attempt.assignment_id')
    .select([
      'attempt.id',
      'attempt.assignment_id',
      'attempt.learner_id',
      'attempt.scenario_id',
      'attempt.mode',
      'attempt.band',
      'attempt.outcome',
      'attempt.ending_id',
      'attempt.started_at',
      'attempt.finished_at',
      'attempt.received_at',
      'attempt.scores',
    ])
    .where('assignment.cohort_id', '=', cohortId)
    .execute();
  return rows.map((row) => ({ ...row, transcript: '' }));
}

export interface CohortResults {
  cohort: Cohort;
  members: Member[];
  columns: AssignmentColumn[];
  rows: MatrixRow[];
}

/** The cohort's learners, what is assigned and the matrix; undefined unless the cohort is this trainer's. */
export async function cohortResults(
  db: Db,
  input: { trainerId: string; cohortId: string; scenarios: readonly Scenario[]; now?: Date },
): Promise<CohortResults | undefined> {
  const cohort = await cohortOfTrainer(db, input.trainerId, input.cohortId);
  if (!cohort) return undefined;
  const [members, assignments, attempts, starts] = await Promise.all([
    membersOf(db, cohort.id),
    assignmentsOf(db, cohort.id),
    attemptSummaries(db, cohort.id),
    startsOf(db, cohort.id),
  ]);
  const rows = buildMatrix(members, assignments, attempts, starts, input.now);
  const columns = assignments.map((assignment, index): AssignmentColumn => {
    const cells = rows.map((row) => row.cells[index]).filter((cell): cell is Cell => cell !== undefined);
    const counts: Record<CellStatus, number> = { 'not-started': 0, 'in-progress': 0, done: 0 };
    for (const cell of cells) counts[cell.status] += 1;
    return {
      assignment,
      title: titleOf(input.scenarios, assignment.scenario_id),
      mode: MODE_WORDS[assignment.mode],
      ...(assignment.due_at ? { due: `Due ${formatDay(assignment.due_at)}` } : {}),
      counts,
      overdue: cells.filter((cell) => cell.overdue).length,
    };
  });
  return { cohort, members, columns, rows };
}

/** One matrix cell in words: never colour alone. */
export function cellView(cell: Cell): CellView {
  const view: CellView = { status: STATUS_WORDS[cell.status], overdue: cell.overdue };
  if (!cell.latest) return view;
  return {
    ...view,
    band: `Band: ${bandWord(cell.latest.band)}`,
    scores: keyScores(cell.latest.scores)
      .map((score) => `${score.short} ${score.value}`)
      .join(' · '),
    attempts: plural(cell.attempts, 'attempt'),
  };
}

/** "2 done, 1 in progress, 3 not started (1 overdue)": one assignment across the cohort. */
export function progressWords(column: AssignmentColumn): string {
  const { counts } = column;
  const parts = [
    `${String(counts.done)} done`,
    `${String(counts['in-progress'])} in progress`,
    `${String(counts['not-started'])} not started`,
  ];
  return `${parts.join(', ')}${column.overdue ? ` (${String(column.overdue)} overdue)` : ''}`;
}
