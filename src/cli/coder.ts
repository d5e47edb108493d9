/**
 * `npm run -s coder -- --jsonl` reads one worker turn per line on standard input and writes, in order,
 * one JSON object per line: {"text", "behaviour", "codes", "confidence"}, and nothing else on standard
 * output. `npm run -s coder -- "some words"` prints a readable result. Usage errors exit 2.
 */
import { createInterface } from 'node:readline';
import { codeReply, sureness } from '../coder/coder.ts';

const USAGE =
  'Usage: npm run -s coder -- --jsonl   (one turn per line on standard input)\n       npm run -s coder -- "a worker\'s turn"';
const args = process.argv.slice(2);

if (args.length === 1 && args[0] === '--jsonl') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const { behaviour, codes, confidence } = codeReply(line);
    process.stdout.write(`${JSON.stringify({ text: line, behaviour, codes, confidence })}\n`);
  }
} else if (args.length > 0 && args.every((arg) => !arg.startsWith('-')) && args.join(' ').trim()) {
  const coded = codeReply(args.join(' '));
  const subtype = coded.subtype ? ` (${coded.subtype})` : '';
  console.log(`${coded.behaviour}${subtype}, ${sureness(coded.confidence)} (${coded.confidence.toFixed(2)})`);
  console.log(`codes: ${coded.codes.join(', ')}   stance: ${coded.stance}`);
} else {
  console.error(
    args.length === 0
      ? `coder: nothing to code.\n${USAGE}`
      : `coder: unexpected arguments: ${args.join(' ')}\n${USAGE}`,
  );
  process.exit(2);
}
