import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ReplyButtons } from './ReplyList.tsx';
import { reflectionNote } from '../../coder/reflection-note.ts';
import { typedFeedback } from '../../coder/typed-feedback.ts';
import { readAs } from '../../coder/words.ts';
import { modelOf } from '../../engine/model.ts';
import { availableOptions, lineAt, retry, type Run, type Turn, type TypedReply } from '../../engine/run.ts';
import type { Scenario } from '../../schemas/scenario.ts';

interface Props {
  scenario: Scenario;
  run: Run;
  turn: Turn & { typed: TypedReply };
  /** The learner said "That's what I meant": the ★ and the teaching point are shown (kept with the place). */
  accepted: boolean;
  onAccept: () => void;
  /** Practice: the learner says which reply they meant ("That's not what I meant"). */
  onCorrect: (optionId: string) => void;
  /** Says how the reply was read in the player's live region. */
  onRead: (summary: string) => void;
}

/** The authored reply a typed turn was heard as, and the node's ★ reply. */
export function typedContext(scenario: Scenario, turn: Turn & { typed: TypedReply }) {
  const entry = modelOf(scenario).options.get(turn.typed.matchedId);
  const star = entry?.node.options.find((option) => option.exemplar);
  return { heardAs: entry?.option.text ?? '', star };
}

/** What to say about a typed turn, once: how it reads and how the person heard it (also announced). */
export function typedSummary(scenario: Scenario, turn: Turn & { typed: TypedReply }): string {
  const { heardAs } = typedContext(scenario, turn);
  if (turn.typed.corrected) return `Scored as the reply you meant: “${heardAs}”.`;
  return `${readAs(turn.typed.codes, turn.typed.confidence)} ${scenario.persona.name} heard it as: “${heardAs}”.`;
}

/**
 * Practice feedback on a typed reply (issue 13, item 5): the learner's words, how they were read and
 * the authored reply the person heard. The learner first says whether that is what they meant: "That's
 * not what I meant" lets them choose what they intended, which the turn is then scored as; "That's what
 * I meant" shows the ★ reply and one teaching point. The ★ comes only after, so a peek at it can never
 * be scored as a first try.
 */
export function TypedFeedback({ scenario, run, turn, accepted, onAccept, onCorrect, onRead }: Props) {
  const [choosing, setChoosing] = useState(false);
  // The buttons pressed here go away: the focus moves to what replaces them (not on a reload).
  const [moveFocus, setMoveFocus] = useState(false);
  const focusHere = useCallback(
    (node: HTMLElement | null) => {
      if (moveFocus) (node?.querySelector('button') ?? node)?.focus();
    },
    [moveFocus],
  );
  const { star } = typedContext(scenario, turn);
  const { typed } = turn;
  const pending = !typed.corrected && !accepted;
  const summary = typedSummary(scenario, turn);
  useEffect(() => {
    onRead(summary);
  }, [summary, onRead]);
  let after: ReactNode;
  if (pending)
    after = choosing ? (
      <fieldset className="typed-correct" ref={focusHere}>
        <legend>Which of these is closest to what you meant?</legend>
        <ReplyButtons replies={availableOptions(scenario, retry(run))} onChoose={onCorrect} />
      </fieldset>
    ) : (
      <p className="exercise-actions">
        <button
          type="button"
          onClick={() => {
            setMoveFocus(true);
            onAccept();
          }}
        >
          That’s what I meant
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setMoveFocus(true);
            setChoosing(true);
          }}
        >
          That’s not what I meant
        </button>
      </p>
    );
  else
    after = (
      <>
        {!typed.corrected && (
          <p className="teaching-point" tabIndex={-1} ref={focusHere}>
            {teachingPoint(scenario, run, turn, star)}
          </p>
        )}
        {star && (
          <p className="stronger">
            <strong>The strongest reply here:</strong> “{star.text}”
          </p>
        )}
      </>
    );
  return (
    <div className="typed-feedback">
      <p>
        <strong>You typed:</strong> “{typed.text}”
      </p>
      <p>{summary}</p>
      {after}
    </div>
  );
}

/** The one teaching point: the typed codes against the ★ reply's, and whether the reflection reflected anything. */
function teachingPoint(
  scenario: Scenario,
  run: Run,
  turn: Turn & { typed: TypedReply },
  star: ReturnType<typeof typedContext>['star'],
): string {
  const { typed } = turn;
  const line = lineAt(scenario, { nodeId: turn.nodeId, ended: false, state: turn.stateBefore }).text;
  const replies = availableOptions(scenario, retry(run)).map((option) => option.text);
  const note = typed.codes[0] === 'SR' ? reflectionNote(typed.text, { clientLine: line, replies }) : undefined;
  return typedFeedback({ ...typed, ...(note ? { [note]: true as const } : {}) }, star).point;
}
