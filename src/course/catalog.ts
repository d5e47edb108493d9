import { getCollection, type CollectionEntry } from 'astro:content';
import type { LessonRef } from './completion.ts';
import { totalMinutes } from './course-time.ts';
import { lessonParts } from './lesson-parts.ts';

/** The course as pages need it: modules in order, each with its lessons in order and their links. */
export interface CatalogLesson extends LessonRef {
  entry: CollectionEntry<'lessons'>;
  slug: string;
  number: string;
  prev?: CatalogLesson;
  next?: CatalogLesson;
}

export interface CatalogModule {
  entry: CollectionEntry<'modules'>;
  id: string;
  url: string;
  lessons: CatalogLesson[];
  /** The sum of its lessons' own minutes; module.yaml types no length (see course-time.ts). */
  minutes: number;
}

export const moduleUrl = (moduleId: string): string => `/modules/${moduleId}/`;

let cached: Promise<CatalogModule[]> | undefined;

async function build(): Promise<CatalogModule[]> {
  const modules = (await getCollection('modules')).sort((a, b) => a.data.order - b.data.order);
  const lessons = await getCollection('lessons');
  const catalog = modules.map((entry): CatalogModule => {
    const own = lessons
      .filter((lesson) => lesson.id.startsWith(`${entry.id}/`))
      .sort((a, b) => a.data.order - b.data.order)
      .map((lesson): CatalogLesson => {
        const slug = lesson.id.slice(entry.id.length + 1);
        return {
          entry: lesson,
          id: lesson.id,
          slug,
          moduleId: entry.id,
          title: lesson.data.title,
          url: `${moduleUrl(entry.id)}${slug}/`,
          number: entry.data.kind === 'orientation' ? 'Start' : `${entry.data.order}.${lesson.data.order}`,
          checkIds: lessonParts(lesson.body ?? '').checkIds,
        };
      });
    const minutes = totalMinutes(own.map((lesson) => lesson.entry.data));
    return { entry, id: entry.id, url: moduleUrl(entry.id), lessons: own, minutes };
  });
  const all = catalog.flatMap((module) => module.lessons);
  all.forEach((lesson, index) => {
    const prev = all[index - 1];
    const next = all[index + 1];
    if (prev) lesson.prev = prev;
    if (next) lesson.next = next;
  });
  return catalog;
}

export function getCatalog(): Promise<CatalogModule[]> {
  // Cache for one build; in dev, rebuild so edited lessons show up.
  if (!import.meta.env.PROD) return build();
  cached ??= build();
  return cached;
}

/** Plain, serialisable lesson data for client-side progress views. */
export const lessonRefs = (lessons: CatalogLesson[]): LessonRef[] =>
  lessons.map(({ id, moduleId, title, url, checkIds }) => ({ id, moduleId, title, url, checkIds }));
