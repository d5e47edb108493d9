import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

/**
 * The raw course content as authors wrote it, read straight from disk so that it can be
 * checked before Astro's content layer runs (and in unit tests, on fixture folders).
 */
export interface CourseSources {
  root: string;
  modules: { file: string; folder: string; data: unknown }[];
  /** `text` is the whole file as written, for checks that report a line number. */
  lessons: { file: string; folder: string; fileName: string; frontmatter: unknown; body: string; text: string }[];
  references: { file: string; data: unknown };
  glossary: { file: string; data: unknown };
}

export class SourceError extends Error {
  readonly file: string;
  readonly hint: string;
  constructor(file: string, message: string, hint: string) {
    super(`${file}: ${message}`);
    this.file = file;
    this.hint = hint;
  }
}

function readYaml(root: string, path: string): unknown {
  const file = relative(root, path);
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SourceError(
      file,
      `is not valid YAML (${(error as Error).message.split('\n')[0]})`,
      'Fix the YAML syntax at the line shown.',
    );
  }
}

/** Splits `---\nfrontmatter\n---\nbody`. */
export function splitFrontmatter(file: string, source: string): { frontmatter: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) {
    throw new SourceError(
      file,
      'has no frontmatter',
      'Start the file with a --- block holding title, order, minutes, summary, objectives and references.',
    );
  }
  try {
    return { frontmatter: parse(match[1] ?? '') ?? {}, body: match[2] ?? '' };
  } catch (error) {
    throw new SourceError(
      file,
      `has frontmatter that is not valid YAML (${(error as Error).message.split('\n')[0]})`,
      'Fix the YAML between the --- lines.',
    );
  }
}

export function readCourseSources(root: string): CourseSources {
  const modulesDir = join(root, 'modules');
  const folders = existsSync(modulesDir)
    ? readdirSync(modulesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const modules: CourseSources['modules'] = [];
  const lessons: CourseSources['lessons'] = [];
  for (const folder of folders) {
    const moduleFile = join(modulesDir, folder, 'module.yaml');
    if (existsSync(moduleFile)) {
      modules.push({ file: relative(root, moduleFile), folder, data: readYaml(root, moduleFile) });
    }
    for (const fileName of readdirSync(join(modulesDir, folder))
      .filter((name) => name.endsWith('.mdx'))
      .sort()) {
      const path = join(modulesDir, folder, fileName);
      const file = relative(root, path);
      const text = readFileSync(path, 'utf8');
      lessons.push({ file, folder, fileName, ...splitFrontmatter(file, text), text });
    }
  }
  const referencesFile = join(root, 'content', 'references.yaml');
  const glossaryFile = join(root, 'content', 'glossary.yaml');
  return {
    root,
    modules,
    lessons,
    references: {
      file: relative(root, referencesFile),
      data: existsSync(referencesFile) ? readYaml(root, referencesFile) : [],
    },
    glossary: {
      file: relative(root, glossaryFile),
      data: existsSync(glossaryFile) ? readYaml(root, glossaryFile) : [],
    },
  };
}
