import { forwardRef, type ReactNode } from 'react';
import { CODE_WORDS, STANCE_WORDS, stateChanges, type TurnFeedback } from '../../engine/feedback.ts';

interface Props {
  feedback: TurnFeedback;
  ended: boolean;
  onRetry: () => void;
  onContinue: () => void;
  /** A typed reply's reading (TypedFeedback), in place of the authored reply's own feedback. */
  typed?: ReactNode;
}

/** Practice-mode feedback after a reply (C2.6). */
export const FeedbackPanel = forwardRef<HTMLHeadingElement, Props>(function FeedbackPanel(
  { feedback, ended, onRetry, onContinue, typed },
  headingRef,
) {
  const { turn, option, stronger, nudge } = feedback;
  const changes = stateChanges(turn);
  return (
    <section className="rp-feedback card" aria-labelledby="rp-feedback-heading">
      <h2 id="rp-feedback-heading" tabIndex={-1} ref={headingRef}>
        How that reply landed
      </h2>
      <p className="chips">
        {turn.codes.map((code) => (
          <span className="chip" key={code}>
            {CODE_WORDS[code] ?? code}
          </span>
        ))}
        <span className="chip" data-stance={turn.stance}>
          {STANCE_WORDS[turn.stance] ?? turn.stance}
        </span>
      </p>
      {changes.length > 0 ? (
        <p className="changes">{changes.join(' · ')}</p>
      ) : (
        <p className="changes">No change in how they are feeling.</p>
      )}
      {typed ?? <p>{option.feedback}</p>}
      {!typed && stronger && (
        <div className="stronger">
          <p>
            <strong>A stronger option here:</strong> “{stronger.text}”
          </p>
          <p>{stronger.why}</p>
        </div>
      )}
      {nudge && (
        <p className="nudge" data-kind={nudge.kind}>
          <strong>{nudge.kind === 'positive' ? 'Noticed: ' : 'Pattern to watch: '}</strong>
          {nudge.text}
        </p>
      )}
      <div className="exercise-actions">
        <button type="button" onClick={onContinue}>
          {ended ? 'See how it went' : 'Continue'}
        </button>
        <button type="button" className="secondary" onClick={onRetry}>
          Try another reply
        </button>
      </div>
    </section>
  );
});
