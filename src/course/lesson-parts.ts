/**
 * Reads what a lesson's MDX body refers to, without rendering it: the citation keys,
 * glossary terms and answerable checks. The build uses it to validate content, and the
 * lesson page uses it to know which checks a learner must answer before the lesson is complete.
 */

export interface LessonParts {
  citeKeys: string[];
  termIds: string[];
  /** Ids of KnowledgeCheck and SortExercise elements, in document order. */
  checkIds: string[];
  reflectionIds: string[];
  /** Module ids named by <ModuleFacts id>, which prints a module's computed lesson count and minutes. */
  moduleFactIds: string[];
}

const unique = (values: string[]): string[] => [...new Set(values)];

function attributeValues(body: string, tag: string, attribute: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*?\\b${attribute}\\s*=\\s*"([^"]*)"`, 'g');
  return [...body.matchAll(pattern)].map((match) => match[1] ?? '');
}

export function lessonParts(body: string): LessonParts {
  return {
    citeKeys: unique(attributeValues(body, 'Cite', 'keys').flatMap((keys) => keys.split(/\s+/).filter(Boolean))),
    termIds: unique(attributeValues(body, 'Term', 'id')),
    checkIds: [...attributeValues(body, 'KnowledgeCheck', 'id'), ...attributeValues(body, 'SortExercise', 'id')].sort(
      (a, b) => body.indexOf(`"${a}"`) - body.indexOf(`"${b}"`),
    ),
    reflectionIds: attributeValues(body, 'Reflection', 'id'),
    moduleFactIds: unique(attributeValues(body, 'ModuleFacts', 'id')),
  };
}

/** Lesson files are `modules/<module>/<NN>-<slug>.mdx`; the id drops the number prefix. */
export function lessonIdFromPath(moduleId: string, fileName: string): string {
  const slug = fileName.replace(/\.mdx$/, '').replace(/^\d+-/, '');
  return `${moduleId}/${slug}`;
}

/** Words of prose outside the exercise components, as the 700–1,400-word rule for lessons counts them. */
export function proseWords(body: string): number {
  const prose = body
    .replace(/<(KnowledgeCheck|SortExercise|Reflection|MapCanvas)\b[\s\S]*?\/>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`|]/g, ' ');
  return prose.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}
