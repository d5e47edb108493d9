/**
 * Plain values of the role-play data model that the engine needs at run time. Kept apart from the
 * zod schema (scenario.ts) so that nothing the browser loads pulls zod in with them.
 */

/** The talk tag for a line that sounds hopeless (C7): the reply should ask about suicidal thoughts. */
export const RISK_CUE = 'risk-cue';

/** The action value for a reply that would put the person in danger (leaving them, cold water…). */
export const UNSAFE = 'unsafe';

/** C5's limit on path length, raised per scenario by `maxChoices` where the data needs it (issue 12). */
export const DEFAULT_MAX_CHOICES = 7;
export const maxChoicesOf = (scenario: { maxChoices?: number | undefined }): number =>
  scenario.maxChoices ?? DEFAULT_MAX_CHOICES;
