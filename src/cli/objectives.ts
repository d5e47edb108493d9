/**
 * `npm run objectives`: every lesson objective with the exercises and role-plays that practise it
 * (issue 12, item 5). Exits 1 when an objective is practised by nothing, as the build does.
 */
import { getScenarios } from '../course/scenarios.ts';
import { formatProblem } from '../course/integrity.ts';
import { objectiveCoverage } from '../course/objective-coverage.ts';
import { readCourseSources } from '../course/sources.ts';

const root = process.cwd();
const rolePlays = getScenarios(root).map((scenario) => ({
  file: `modules/${scenario.module}/scenarios/${scenario.id}.yaml`,
  id: scenario.id,
  practises: scenario.practises,
}));
const { rows, problems } = objectiveCoverage(readCourseSources(root), rolePlays);
let lesson = '';
for (const row of rows) {
  if (row.lessonId !== lesson) {
    lesson = row.lessonId;
    console.log(`\n${row.file}`);
  }
  const by = row.practisedBy.map((entry) => `${entry.kind} ${entry.id}`).join(', ') || 'NOTHING';
  console.log(`  ${String(row.number)}. ${row.text}\n     practised by: ${by}`);
}
const practised = rows.filter((row) => row.practisedBy.length > 0).length;
console.log(`\n${String(practised)} of ${String(rows.length)} objectives practised.`);
if (problems.length) {
  console.error(`\n${problems.map(formatProblem).join('\n')}`);
  process.exitCode = 1;
}
