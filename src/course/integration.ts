import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { checkScenarioFile, scenarioFiles } from '../cli/scenario-files.ts';
import { problemLocation } from '../engine/checks.ts';
import { checkCourse, formatProblem, type ContentProblem } from './integrity.ts';
import { readCourseSources, SourceError } from './sources.ts';

/** Role-play problems, in the same shape as lesson problems. */
function scenarioProblems(root: string): ContentProblem[] {
  return scenarioFiles(root).flatMap((file) =>
    checkScenarioFile(root, file).problems.map((problem) => {
      const where = problemLocation(problem);
      return { file, message: `${where ? `(${where}) ` : ''}${problem.message}`, hint: problem.hint };
    }),
  );
}

/** Checks every module, lesson, reference, glossary entry and role-play before a build; any problem fails it. */
export function courseIntegrity(): AstroIntegration {
  return {
    name: 'alongside:course-integrity',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = (() => {
          try {
            return [...checkCourse(readCourseSources(root)), ...scenarioProblems(root)];
          } catch (error) {
            if (error instanceof SourceError)
              return [{ file: error.file, message: error.message.slice(error.file.length + 2), hint: error.hint }];
            throw error;
          }
        })();
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
