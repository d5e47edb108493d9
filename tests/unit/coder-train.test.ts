import { describe, expect, it } from 'vitest';
import { createCoder } from '../../src/coder/code-reply.ts';
import { readCorpus } from '../../src/coder/corpus.ts';
import { train } from '../../src/coder/train.ts';
import file from '../../src/coder/weights.ts';

const corpus = readCorpus('content/coder/train');
const sample = corpus.filter((_, i) => i % 4 === 0);

describe('training the coder (issue 13, item 3)', () => {
  it('is reproducible: the same corpus and seed give the same weights, another seed others', () => {
    const a = train(sample, { seed: 7, epochs: 4 });
    const b = train(sample, { seed: 7, epochs: 4 });
    const c = train(sample, { seed: 8, epochs: 4 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c.heads)).not.toBe(JSON.stringify(a.heads));
  }, 60_000);

  it('the committed weights are the ones `npm run coder:train` makes from the committed corpus', () => {
    expect(JSON.stringify(train(corpus, { seed: file.seed }))).toBe(JSON.stringify(file));
  }, 120_000);

  it('a model trained on a quarter of the corpus still reads a plain question, reflection, input and backchannel', () => {
    const code = createCoder(train(sample, { seed: 7, minCount: 2 }));
    expect(code('What would you like to be different?').behaviour).toBe('question');
    expect(code('You’re worried the money won’t stretch.').behaviour).toBe('reflection');
    expect(code('You need to ring the housing office today.').behaviour).toBe('input');
    expect(code('Mm-hmm.').behaviour).toBe('other');
  }, 60_000);
});
