import type { ReactNode } from 'react';
import type { Mode } from '../../engine/run.ts';

interface Props {
  mode: Mode;
  /** Replaces the "switch mode" link (an assigned role-play's mode is the trainer's). */
  modeNote?: ReactNode;
}

/** What the mode means for the learner, and the way to the other mode. */
export function ModeLine({ mode, modeNote }: Props) {
  const other = mode === 'practice' ? 'assessed' : 'practice';
  return (
    <p className="rp-mode">
      {mode === 'practice'
        ? 'Practice mode: you see feedback after every reply and can try another reply.'
        : 'Assessed mode: no feedback until the end. Only the person’s words and cues tell you how it is going.'}{' '}
      {modeNote ?? <a href={`?mode=${other}`}>Switch to {other} mode</a>}
    </p>
  );
}
