import { forwardRef, type ReactNode } from 'react';
import type { PlayReply } from '../../engine/play-data.ts';

interface Props {
  /** In the order shown (shuffled per attempt); none while the learner types. */
  replies: readonly Pick<PlayReply, 'id' | 'text'>[];
  onChoose: (optionId: string) => void;
  /** Offered where a reply may be typed (not at the action steps of an emergency checklist). */
  onType?: (() => void) | undefined;
  /** The typing box, in place of the buttons. */
  children?: ReactNode;
}

/** Replies as buttons, one per line: what the learner says next, or (after a typed reply) what they meant. */
export function ReplyButtons({ replies, onChoose }: Pick<Props, 'replies' | 'onChoose'>) {
  return (
    <ul className="reply-buttons">
      {replies.map((reply) => (
        <li key={reply.id}>
          <button
            type="button"
            className="reply"
            onClick={() => {
              onChoose(reply.id);
            }}
          >
            {reply.text}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Your reply": the replies on offer at this point of the conversation, one button each, or the box. */
export const ReplyList = forwardRef<HTMLHeadingElement, Props>(function ReplyList(
  { replies, onChoose, onType, children },
  headingRef,
) {
  return (
    <section className="rp-replies" aria-labelledby="rp-replies-heading">
      <h2 id="rp-replies-heading" tabIndex={-1} ref={headingRef}>
        Your reply
      </h2>
      {replies.length > 0 && <ReplyButtons replies={replies} onChoose={onChoose} />}
      {onType && (
        <p>
          <button type="button" className="secondary" onClick={onType}>
            Type my own reply
          </button>
        </p>
      )}
      {children}
    </section>
  );
});
