import { describe, expect, it } from 'vitest';
import type { CodedReply } from '../../src/coder/code-reply.ts';
import { matchReply, type AuthoredReply } from '../../src/coder/match.ts';

// A node like the course's: a ★ complex reflection of the change side, a sustain-side complex
// reflection, a simple reflection, an open question and advice without permission.
const node: AuthoredReply[] = [
  {
    id: 'N1-C',
    text: 'Part of you wants the mornings back for the kids.',
    codes: ['CR'],
    stance: 'partnering',
    exemplar: true,
  },
  { id: 'N1-A', text: 'The drinking is how you get through the evenings.', codes: ['CR'], stance: 'partnering' },
  { id: 'N1-D', text: 'You have been drinking most nights.', codes: ['SR'], stance: 'partnering' },
  { id: 'N1-B', text: 'What would a good morning look like?', codes: ['OQ'], stance: 'partnering' },
  { id: 'N1-E', text: 'You really need to cut down before it gets worse.', codes: ['PERS'], stance: 'expert' },
];

const coded = (text: string, fields: Partial<CodedReply>): CodedReply => ({
  text,
  behaviour: 'reflection',
  codes: ['CR'],
  confidence: 0.9,
  stance: 'partnering',
  ...fields,
});

describe('matching a typed reply to the node’s authored replies (issue 13, item 5)', () => {
  it('same code and stance first, then the closest wording: the change-side reflection reaches the ★', () => {
    const match = matchReply(coded('You want to be there for the kids in the mornings.', {}), node);
    expect(match).toMatchObject({ id: 'N1-C', tier: 'same code and stance' });
  });

  it('the sustain side, worded like the sustain reflection, is heard as that one', () => {
    const match = matchReply(coded('Drinking gets you through the evenings.', {}), node);
    expect(match.id).toBe('N1-A');
  });

  it('a complex reflection that shares no words with any reply ties, and a tie goes to the weaker reply', () => {
    const match = matchReply(coded('You are carrying a great deal on your own.', {}), node);
    expect(match.id).toBe('N1-A');
  });

  it('a generic or echoed reflection never reaches the ★, even with the ★’s words', () => {
    expect(matchReply(coded('Part of you wants the mornings back.', { codes: ['SR'], generic: true }), node).id).toBe(
      'N1-D',
    );
    const noSimple = node.filter((reply) => reply.codes[0] !== 'SR');
    const echo = matchReply(
      coded('Part of you wants the mornings back for the kids.', { codes: ['SR'], echo: true }),
      noSimple,
    );
    expect(echo.id).not.toBe('N1-C');
    expect(echo.tier).toBe('same behaviour');
  });

  it('a simple reflection where the node has none takes the weakest reflection, never the ★', () => {
    const noSimple = node.filter((reply) => reply.codes[0] !== 'SR');
    const match = matchReply(coded('You’d like things to be different for them.', { codes: ['SR'] }), noSimple);
    expect(match).toMatchObject({ id: 'N1-A', tier: 'same behaviour' });
  });

  it('the one exception: the ★’s own content in other words takes its branch when the subtype was read differently', () => {
    const noSimple = node.filter((reply) => reply.codes[0] !== 'SR');
    const match = matchReply(coded('You want the mornings back for the kids.', { codes: ['SR'] }), noSimple);
    expect(match).toMatchObject({ id: 'N1-C', tier: 'same behaviour' });
    expect(match.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('questions go to questions, advice to advice', () => {
    const question = matchReply(
      coded('How would the mornings be different?', { behaviour: 'question', codes: ['OQ'] }),
      node,
    );
    expect(question.id).toBe('N1-B');
    const advice = matchReply(
      coded('You should stop drinking.', { behaviour: 'input', codes: ['PERS'], stance: 'expert' }),
      node,
    );
    expect(advice.id).toBe('N1-E');
  });

  it('“Okay.” (other, no reply shares it) takes the weakest reply of its stance, not the ★', () => {
    const okay = matchReply(coded('Okay.', { behaviour: 'other', codes: ['NC'], stance: 'neutral' }), node);
    expect(okay.tier).toBe('nearest');
    expect(okay.id).toBe('N1-E');
  });
});
