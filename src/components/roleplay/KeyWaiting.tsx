interface Props {
  /** Assessed (or a finished practice run): the replies are in and are being scored. */
  scoring: boolean;
  /** Why the key did not load; with `onRetry`, offers "Try again". */
  error?: string | undefined;
  onRetry?: (() => void) | undefined;
}

/** While the answer key loads for feedback or scoring, or why it did not. */
export function KeyWaiting({ scoring, error, onRetry }: Props) {
  return (
    <div className="rp-waiting" role="status">
      {error && onRetry ? (
        <p>
          {error}{' '}
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </p>
      ) : (
        <p>{scoring ? 'Your replies are in. Scoring them…' : 'Loading the feedback…'}</p>
      )}
    </div>
  );
}
