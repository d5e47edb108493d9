import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { checkCourse, formatProblem } from './integrity.ts';
import { readCourseSources, SourceError } from './sources.ts';

/** Checks every module, lesson, reference and glossary entry before a build; any problem fails it. */
export function courseIntegrity(): AstroIntegration {
  return {
    name: 'alongside:course-integrity',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const problems = (() => {
          try {
            return checkCourse(readCourseSources(fileURLToPath(config.root)));
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
