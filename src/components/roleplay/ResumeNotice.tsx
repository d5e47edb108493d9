interface Props {
  /** `resumed`: a saved place was picked up; `changed` / `damaged`: why one could not be. */
  kind: 'resumed' | 'changed' | 'damaged';
  onRestart: () => void;
}

/** The one line about the saved place: picked up ("Welcome back"), or why it starts again. */
export function ResumeNotice({ kind, onRestart }: Props) {
  if (kind === 'changed')
    return (
      <p className="notice rp-restarted" role="status">
        This role-play has changed since you started it, so it starts again from the beginning; your finished attempts
        are kept.
      </p>
    );
  if (kind === 'damaged')
    return (
      <p className="notice rp-restarted" role="status">
        We couldn’t pick up where you left off: the saved place was damaged. It starts again from the beginning. Your
        finished role-plays are not affected.
      </p>
    );
  return (
    <p className="notice" role="status">
      Welcome back. You are where you left off.{' '}
      <button type="button" className="secondary" onClick={onRestart}>
        Start again instead
      </button>
    </p>
  );
}
