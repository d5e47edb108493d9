import { describe, expect, it } from 'vitest';
import { codeReply } from '../../src/coder/coder.ts';
import { stanceOf } from '../../src/coder/stance.ts';

/** Tricky turns (issue 13, tests): each is labelled by content/coder/README.md's rules. */
const cases: [string, string, string?][] = [
  // A statement asked as a question is a question.
  ['You’re still staying at your sister’s?', 'question', 'CQ'],
  ['So you’re saying you’d rather stay where you are?', 'question', 'CQ'],
  // Without the question mark, the same words are a reflection.
  ['So you’re saying you’d rather stay where you are.', 'reflection'],
  ['I wonder if part of you is tired of having to fight for everything.', 'reflection'],
  ['I wonder if you could tell me a bit more about the mornings?', 'question'],
  // Backchannels are other.
  ['Mm-hmm.', 'other', 'NC'],
  ['Okay.', 'other', 'NC'],
  ['Right, yeah.', 'other', 'NC'],
  // Advice without permission is input, persuading.
  ['You need to cut down before your liver gives out.', 'input', 'PERS'],
  // A reflection followed by a question: the question is last, so the turn is a question.
  ['Sounds like the evenings are the hardest part. What usually happens then?', 'question', 'OQ'],
  // A reflection with a check on it stays a reflection.
  ['You’re fed up of being passed from one worker to the next, is that right?', 'reflection'],
  ['Tell me about a normal day.', 'question', 'OQ'],
];

describe('the coder on tricky turns (issue 13)', () => {
  it.each(cases)('“%s” → %s %s', (text, behaviour, code) => {
    const coded = codeReply(text);
    expect(coded.behaviour).toBe(behaviour);
    if (code) expect(coded.codes[0]).toBe(code);
    expect(coded.confidence).toBeGreaterThan(0);
    expect(coded.confidence).toBeLessThanOrEqual(1);
  });

  it('a direct question about suicide carries its own code, however it is put', () => {
    for (const text of [
      'Are you having thoughts of killing yourself?',
      'have you um had any thoughts about ending your life',
      'I need to ask you whether you’ve thought about suicide.',
    ])
      expect(codeReply(text)).toMatchObject({
        behaviour: 'question',
        codes: expect.arrayContaining(['RISK']) as unknown,
      });
    expect(codeReply('Are you okay?').codes).not.toContain('RISK');
  });

  it('a reflection of nothing in particular is simple at best, judged against what the person said', () => {
    const line = 'I keep telling myself I’ll stop at two, and then it’s gone midnight and the bottle’s empty.';
    const stock = codeReply('It sounds like that’s really hard for you.', { clientLine: line });
    expect(stock.codes[0]).not.toBe('CR');
    const echo = codeReply(line, { clientLine: line });
    expect(echo.codes[0]).not.toBe('CR');
    const real = codeReply('Two drinks turn into the whole bottle before you notice.', { clientLine: line });
    expect(real.behaviour).toBe('reflection');
  });

  it('the stance comes from the codes by the stated rule', () => {
    expect(stanceOf(['PERS'])).toBe('expert');
    expect(stanceOf(['CQ', 'PERS'])).toBe('expert');
    expect(stanceOf(['CR'])).toBe('partnering');
    expect(stanceOf(['AUTO'])).toBe('partnering');
    expect(stanceOf(['GI'])).toBe('neutral');
    expect(stanceOf(['CQ'])).toBe('neutral');
  });
});
