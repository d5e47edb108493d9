import { useCallback } from 'react';
import type { Turn, TypedReply } from '../../engine/run.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { typedSummary } from './TypedFeedback.tsx';

interface Props {
  scenario: Scenario;
  turn: Turn & { typed: TypedReply };
  /** The turn's index in the run's history (what a flag names). */
  index: number;
  flagged: readonly number[];
  /** Assessed only: "Flag this reading as wrong". */
  onFlag?: ((index: number) => void) | undefined;
}

/** On the end report: how a typed turn was read, and (assessed) the learner's flag on a misreading. */
export function TypedReading({ scenario, turn, index, flagged, onFlag }: Props) {
  const isFlagged = flagged.includes(index);
  // The button goes once pressed: the focus moves to the line that replaces it.
  const focus = useCallback((node: HTMLParagraphElement | null) => node?.focus(), []);
  return (
    <>
      <p>{typedSummary(scenario, turn)}</p>
      {onFlag &&
        (isFlagged ? (
          <p className="meta" tabIndex={-1} ref={focus}>
            You flagged this reading as wrong. Your score stays as coded; a trainer sees your flag beside this turn.
          </p>
        ) : (
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                onFlag(index);
              }}
            >
              Flag this reading as wrong
            </button>
          </p>
        ))}
    </>
  );
}
