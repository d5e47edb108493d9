import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkScenarioFile, scenarioFiles } from '../cli/scenario-files.ts';
import { problemLocation } from '../engine/checks.ts';
import { formatProbeSummary } from '../engine/probes.ts';
import { ARTEFACT_FILE, buildArtefact, writeArtefact } from './artefact.ts';
import { answerLengthFigures, formatAnswerLengths, knowledgeChecks } from './check-options.ts';
import { checkCourse, formatProblem, type ContentProblem } from './integrity.ts';
import { objectiveCoverage } from './objective-coverage.ts';
import { getScenarios } from './scenarios.ts';
import { getSimulations, simulationProblems } from './simulations.ts';
import { readCourseSources, SourceError } from './sources.ts';

/** Role-play problems, in the same shape as lesson problems, and each file's probe figures. */
function scenarioProblems(root: string, figures: string[]): ContentProblem[] {
  return scenarioFiles(root).flatMap((file) => {
    const checked = checkScenarioFile(root, file);
    if (checked.summary?.probes)
      figures.push(
        `${file}: ${formatProbeSummary(checked.summary.probes)}${checked.summary.probeWarnings ? ' (pending rewrite: gamed)' : ''}`,
      );
    return checked.problems.map((problem) => {
      const where = problemLocation(problem);
      return { file, message: `${where ? `(${where}) ` : ''}${problem.message}`, hint: problem.hint };
    });
  });
}

/** Checks every module, lesson, reference, glossary entry and role-play before a build; any problem fails it. */
export function courseIntegrity(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'alongside:course-integrity',
    hooks: {
      // The compiled role-plays the built server and the CLI read (pages render from the same compile).
      'astro:build:done': ({ logger }) => {
        const artefact = buildArtefact(root);
        writeArtefact(artefact, join(root, ARTEFACT_FILE));
        logger.info(
          `Role-plays compiled to ${ARTEFACT_FILE}: ${artefact.current.map((entry) => `${entry.id}@${entry.hash}`).join(', ')}; ${artefact.archive.length} earlier version(s) kept`,
        );
      },
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        const figures: string[] = [];
        const problems = (() => {
          try {
            const sources = readCourseSources(root);
            figures.push(
              formatAnswerLengths(answerLengthFigures(sources.lessons.flatMap((l) => knowledgeChecks(l.body)))),
            );
            const courseProblems = checkCourse(sources);
            const roleplayProblems = scenarioProblems(root, figures);
            // Checked once the lessons and role-plays themselves are sound: every objective practised
            // (issue 12) and the simulations' scenes, on one parse of the role-plays.
            const sound = courseProblems.length === 0 && roleplayProblems.length === 0;
            const scenarios = sound ? getScenarios(root) : [];
            const coverage = sound
              ? objectiveCoverage(
                  sources,
                  scenarios.map((scenario) => ({
                    file: `modules/${scenario.module}/scenarios/${scenario.id}.yaml`,
                    id: scenario.id,
                    practises: scenario.practises,
                  })),
                ).problems
              : [];
            const simulations = sound ? simulationProblems(getSimulations(root, scenarios), scenarios) : [];
            return [...courseProblems, ...roleplayProblems, ...coverage, ...simulations];
          } catch (error) {
            if (error instanceof SourceError)
              return [{ file: error.file, message: error.message.slice(error.file.length + 2), hint: error.hint }];
            throw error;
          }
        })();
        // What the surface-cue probes measured (issue 11), so every build shows it.
        logger.info(`Surface cues:\n${figures.join('\n')}`);
        if (problems.length === 0) return;
        const report = problems.map(formatProblem).join('\n');
        if (command === 'dev') {
          logger.error(`Course content has ${problems.length} problem(s):\n${report}`);
          return;
        }
        throw new AstroError(
          `Course content has ${problems.length} problem(s):\n${report}`,
          'Fix each file named above, then build again.',
        );
      },
    },
  };
}
