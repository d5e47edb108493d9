import { useId, useRef, useState } from 'react';
import { MAX_TYPED_CHARS, typedProblem } from '../../client/typed-input.ts';

interface Props {
  /** Reads and sends the typed reply; resolves with an error message to show, or nothing. */
  onSend: (text: string) => Promise<string | undefined>;
  /** Back to choosing a reply (practice mode only: in assessed mode a typed attempt stays typed). */
  onChoose?: (() => void) | undefined;
  assessed: boolean;
}

/** "Type my own reply" (issue 13, items 5, 10, 11): a labelled box, the privacy line, clear errors. */
export function TypedReplyBox({ onSend, onChoose, assessed }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const send = async (): Promise<void> => {
    const problem = typedProblem(text);
    setError(problem);
    if (problem) {
      box.current?.focus();
      return;
    }
    setBusy(true);
    const failed = await onSend(text.trim());
    setBusy(false);
    if (failed) {
      setError(failed);
      box.current?.focus();
    } else setText('');
  };
  return (
    <form
      className="typed-reply"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`${id}-text`}>Your own reply</label>
      <p className="hint" id={`${id}-hint`}>
        Don’t type names or details of real people.
        {assessed ? ' In assessed mode you type every reply from here to the end.' : ''}
      </p>
      <textarea
        id={`${id}-text`}
        ref={box}
        rows={3}
        value={text}
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (error && event.target.value.length <= MAX_TYPED_CHARS) setError(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <p className="field-error" id={`${id}-error`} role="alert" hidden={!error}>
        {error}
      </p>
      <p className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Reading your reply…' : 'Send my reply'}
        </button>
        {onChoose && (
          <button type="button" className="secondary" onClick={onChoose}>
            Choose a reply instead
          </button>
        )}
      </p>
    </form>
  );
}
