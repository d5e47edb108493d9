import { useEffect, useId, useRef, useState } from 'react';
import { MAX_TYPED_CHARS, typedProblem } from '../../client/typed-input.ts';

interface Props {
  /** Sends the typed reply (checked first: not empty, not too long). */
  onSend: (text: string) => void;
  /** True while the reply is being read (the coder and the key load the first time). */
  busy: boolean;
  /** Why the last reply could not be read; the words stay in the box. */
  error?: string | undefined;
  /** Back to choosing a reply (practice mode only: in assessed mode a typed attempt stays typed). */
  onChoose?: (() => void) | undefined;
  assessed: boolean;
  /** Put the focus in the box when it appears (not when a saved place opens on it). */
  focusOnMount?: boolean | undefined;
}

/** "Type my own reply" (issue 13, items 5, 10, 11): a labelled box, the privacy line, clear errors. */
export function TypedReplyBox({ onSend, busy, error: failed, onChoose, assessed, focusOnMount }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const box = useRef<HTMLTextAreaElement>(null);
  const error = problem ?? failed;
  useEffect(() => {
    if (focusOnMount) box.current?.focus();
    // On mount only: a later render keeps the focus where the learner put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const send = (): void => {
    const found = typedProblem(text);
    setProblem(found);
    if (found) box.current?.focus();
    else onSend(text.trim());
  };
  return (
    <form
      className="typed-reply"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={`${id}-text`}>Your own reply</label>
      <p className="hint" id={`${id}-hint`}>
        Don’t type names or details of real people.
        {assessed ? ' In assessed mode you type every reply from here to the end.' : ''} Ctrl+Enter sends.
      </p>
      <textarea
        id={`${id}-text`}
        ref={box}
        rows={3}
        value={text}
        readOnly={busy}
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (problem && event.target.value.length <= MAX_TYPED_CHARS) setProblem(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            if (!busy) send();
          }
        }}
      />
      <p className="field-error" id={`${id}-error`} role="alert">
        {error}
      </p>
      <p className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Reading your reply…' : 'Send my reply'}
        </button>
        {onChoose && (
          <button type="button" className="secondary" onClick={onChoose} disabled={busy}>
            Choose a reply instead
          </button>
        )}
      </p>
    </form>
  );
}
