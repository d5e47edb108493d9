import Callout from './Callout.astro';
import Cite from './Cite.astro';
import FieldMoment from './FieldMoment.astro';
import KnowledgeCheck from './KnowledgeCheck.astro';
import Reflection from './Reflection.astro';
import SortExercise from './SortExercise.astro';
import Term from './Term.astro';

/** The components every lesson can use without importing them. */
export const lessonComponents = { Callout, Cite, FieldMoment, KnowledgeCheck, Reflection, SortExercise, Term };
