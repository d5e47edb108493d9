import type { ContentProblem } from './integrity.ts';
import { lessonIdFromPath } from './lesson-parts.ts';
import type { CourseSources } from './sources.ts';

/**
 * Every objective practised (issue 12, item 5). Exercises name the objectives they practise with
 * `practises="2"` (1-based numbers into the lesson's `objectives`, space-separated); a role-play
 * names them with `practises: [<module>/<lesson-slug>#<n>]`. The build fails on an objective that
 * nothing practises, and `npm run objectives` prints the whole table.
 */

const EXERCISES = ['KnowledgeCheck', 'SortExercise', 'Reflection', 'MapCanvas'] as const;

export interface PractisedBy {
  kind: string;
  id: string;
}

export interface ObjectiveRow {
  file: string;
  lessonId: string;
  number: number;
  text: string;
  practisedBy: PractisedBy[];
}

/** Each exercise in a lesson body with the objective numbers it names. */
export function exercisePractises(body: string): { kind: string; id: string; numbers: string[] }[] {
  const found: { kind: string; id: string; numbers: string[]; at: number }[] = [];
  for (const kind of EXERCISES) {
    for (const match of body.matchAll(new RegExp(`<${kind}\\b([\\s\\S]*?)\\/>`, 'g'))) {
      const attributes = match[1] ?? '';
      const id = /\bid\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? kind;
      const numbers = /\bpractises\s*=\s*"([^"]*)"/.exec(attributes)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
      found.push({ kind, id, numbers, at: match.index });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ kind, id, numbers }) => ({ kind, id, numbers }));
}

export interface RolePlayPractises {
  file: string;
  id: string;
  practises: readonly string[];
}

export function objectiveCoverage(
  sources: CourseSources,
  rolePlays: readonly RolePlayPractises[],
): { rows: ObjectiveRow[]; problems: ContentProblem[] } {
  const rows: ObjectiveRow[] = [];
  const problems: ContentProblem[] = [];
  const byLesson = new Map<string, ObjectiveRow[]>();
  for (const lesson of sources.lessons) {
    const objectives = (lesson.frontmatter as { objectives?: unknown } | null)?.objectives;
    if (!Array.isArray(objectives)) continue;
    const lessonId = lessonIdFromPath(lesson.folder, lesson.fileName);
    const lessonRows = objectives.map((text, index) => ({
      file: lesson.file,
      lessonId,
      number: index + 1,
      text: String(text),
      practisedBy: [] as PractisedBy[],
    }));
    byLesson.set(lessonId, lessonRows);
    rows.push(...lessonRows);
    for (const exercise of exercisePractises(lesson.body))
      for (const number of exercise.numbers) {
        const row = lessonRows[Number(number) - 1];
        if (row && String(row.number) === number) row.practisedBy.push({ kind: exercise.kind, id: exercise.id });
        else
          problems.push({
            file: lesson.file,
            message: `${exercise.kind} “${exercise.id}” says practises="${number}", but the lesson has objectives 1–${String(lessonRows.length)}`,
            hint: 'Use the number of an objective in this lesson’s frontmatter (1 is the first).',
          });
      }
  }
  for (const rolePlay of rolePlays)
    for (const reference of rolePlay.practises) {
      const [lessonId = '', number = ''] = reference.split('#');
      const row = byLesson.get(lessonId)?.[Number(number) - 1];
      if (row) row.practisedBy.push({ kind: 'role-play', id: rolePlay.id });
      else
        problems.push({
          file: rolePlay.file,
          message: `practises “${reference}”, which is not an objective of any lesson`,
          hint: 'Write <module>/<lesson-slug>#<objective number>, e.g. harm-reduction/responding-to-opioid-overdose#2.',
        });
    }
  for (const row of rows)
    if (row.practisedBy.length === 0)
      problems.push({
        file: row.file,
        message: `objective ${String(row.number)} (“${row.text}”) is practised by no exercise or role-play`,
        hint: `Add practises="${String(row.number)}" to an exercise that practises it, write one that does, or list ${row.lessonId}#${String(row.number)} in a role-play's practises.`,
      });
  return { rows, problems };
}
