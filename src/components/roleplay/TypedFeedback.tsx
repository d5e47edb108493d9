import { useEffect, useState } from 'react';
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
 * Practice feedback on a typed reply (issue 13, item 5): the learner's words, how they were read, the
 * authored reply the person heard, the ★ reply and one teaching point; "That's not what I meant" lets
 * the learner choose what they intended, which the turn is then scored as.
 */
export function TypedFeedback({ scenario, run, turn, onCorrect, onRead }: Props) {
  const [choosing, setChoosing] = useState(false);
  const { star } = typedContext(scenario, turn);
  const { typed } = turn;
  const line = lineAt(scenario, { nodeId: turn.nodeId, ended: false, state: turn.stateBefore }).text;
  const options = turn.kept && !typed.corrected ? availableOptions(scenario, retry(run)) : [];
  const note =
    typed.codes[0] === 'SR'
      ? reflectionNote(typed.text, { clientLine: line, replies: options.map((o) => o.text) })
      : undefined;
  const summary = typedSummary(scenario, turn);
  useEffect(() => {
    onRead(summary);
  }, [summary, onRead]);
  const { point } = typedFeedback({ ...typed, ...(note ? { [note]: true as const } : {}) }, star);
  return (
    <div className="typed-feedback">
      <p>
        <strong>You typed:</strong> “{typed.text}”
      </p>
      <p>{summary}</p>
      {!typed.corrected && <p className="teaching-point">{point}</p>}
      {star && star.id !== turn.optionId && (
        <p className="stronger">
          <strong>The strongest reply here:</strong> “{star.text}”
        </p>
      )}
      {options.length > 0 &&
        (choosing ? (
          <fieldset className="typed-correct">
            <legend>Which of these is closest to what you meant?</legend>
            <ul>
              {options.map((option) => (
                <li key={option.id}>
                  <button
                    type="button"
                    className="reply"
                    onClick={() => {
                      onCorrect(option.id);
                    }}
                  >
                    {option.text}
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : (
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setChoosing(true);
              }}
            >
              That’s not what I meant
            </button>
          </p>
        ))}
    </div>
  );
}
