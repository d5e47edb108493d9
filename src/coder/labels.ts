/** What the coder says about a worker's turn: the four behaviours and the course's codes (C1.5). */

export const BEHAVIOURS = ['question', 'reflection', 'input', 'other'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** The coder's fine labels: a behaviour and the code of its main act. */
export const LABELS = [
  'question/OQ',
  'question/CQ',
  'reflection/SR',
  'reflection/CR',
  'input/GI',
  'input/PERS',
  'input/PWP',
  'input/SEEK',
  'other/AF',
  'other/SEEK',
  'other/AUTO',
  'other/CON',
  'other/NC',
] as const;
export type Label = (typeof LABELS)[number];

/** Codes that may sit beside the main one (a second act in the turn). */
export const TAGS = ['AF', 'SEEK', 'AUTO', 'CON', 'PERS'] as const;
export type Tag = (typeof TAGS)[number];

export type CoderCode =
  'OQ' | 'CQ' | 'SR' | 'CR' | 'GI' | 'PERS' | 'PWP' | 'SEEK' | 'AF' | 'AUTO' | 'CON' | 'NC' | 'RISK';

export const behaviourOf = (label: Label): Behaviour => label.split('/')[0] as Behaviour;
export const codeOf = (label: Label): CoderCode => label.split('/')[1] as CoderCode;

/** One labelled turn of the corpus (content/coder/README.md). */
export interface Example {
  text: string;
  behaviour: Behaviour;
  codes: string[];
  style?: string;
  topic?: string;
}

export function labelOf(example: Example): Label {
  const label = `${example.behaviour}/${example.codes[0] ?? ''}` as Label;
  if (!LABELS.includes(label))
    throw new Error(
      `"${example.text}": ${example.behaviour} cannot have ${example.codes[0] ?? 'no code'} as its first code`,
    );
  return label;
}
