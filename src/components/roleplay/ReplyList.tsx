import { forwardRef } from 'react';
import type { PlayReply } from '../../engine/play-data.ts';

interface Props {
  /** In the order shown (shuffled per attempt). */
  replies: readonly Pick<PlayReply, 'id' | 'text'>[];
  onChoose: (optionId: string) => void;
}

/** "Your reply": the replies on offer at this point of the conversation, one button each. */
export const ReplyList = forwardRef<HTMLHeadingElement, Props>(function ReplyList({ replies, onChoose }, headingRef) {
  return (
    <section className="rp-replies" aria-labelledby="rp-replies-heading">
      <h2 id="rp-replies-heading" tabIndex={-1} ref={headingRef}>
        Your reply
      </h2>
      <ul>
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
    </section>
  );
});
