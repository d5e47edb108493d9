/** How a typed reply's reading is put to a learner or trainer (no model here: safe for any page). */

const READ_AS: Record<string, string> = {
  OQ: 'an open question',
  CQ: 'a closed question',
  SR: 'a simple reflection',
  CR: 'a complex reflection',
  GI: 'giving information',
  PERS: 'advice or persuading without permission',
  PWP: 'advice with permission',
  SEEK: 'seeking collaboration',
  AF: 'an affirmation',
  AUTO: 'emphasising the person’s choice',
  CON: 'confronting',
  NC: 'something other than a question, reflection or information',
};

/** "fairly sure" and the like: how a confidence reads. */
export const sureness = (confidence: number): string =>
  confidence >= 0.85 ? 'quite sure' : confidence >= 0.65 ? 'fairly sure' : 'not very sure';

/** "This reads as a complex reflection, fairly sure." */
export function readAs(codes: readonly string[], confidence: number): string {
  const main = READ_AS[codes[0] ?? 'NC'] ?? 'something else';
  const risk = codes.includes('RISK') ? ', asking directly about suicidal thoughts' : '';
  return `This reads as ${main}${risk}, ${sureness(confidence)}.`;
}
