import { createCoder } from './code-reply.ts';
import file from './weights.ts';

/** The coder with the committed weights: the same in the browser (loaded lazily) and in Node. */
export const codeReply = createCoder(file);
export { MAX_REPLY_CHARS, type CodedReply, type ReplyContext } from './code-reply.ts';
export { readAs, sureness } from './words.ts';
