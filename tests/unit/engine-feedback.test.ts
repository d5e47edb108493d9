import { describe, expect, it } from 'vitest';
import { courseIntegrity } from '../../src/course/integration.ts';
import { feedbackForLast, nudgeFor, stateChanges } from '../../src/engine/feedback.ts';
import { playPath } from '../../src/engine/run.ts';
import { loadScenario } from './scenario-helpers.ts';

const denise = loadScenario('modules/motivational-interviewing/scenarios/mib-benefits-form-kitchen-table.yaml');
const feedbackAfter = (path: string[]) => feedbackForLast(denise, playPath(denise, path, 'practice'));

describe('practice feedback after a reply (C2.6)', () => {
  it('names the righting reflex when the learner persuades after sustain talk', () => {
    const feedback = feedbackAfter(['N1-A']);
    expect(feedback?.nudge?.kind).toBe('righting-reflex');
    expect(feedback?.stronger?.text).toContain('switches your head off');
    expect(feedback && stateChanges(feedback.turn)).toEqual([
      'Bond ↓ (down 1)',
      'Sustain talk ↑ (up 1)',
      'Openness ↓ (down 1)',
      'Alliance: strained: pushing back',
    ]);
  });

  it('puts an unanswered rupture first', () => {
    expect(feedbackAfter(['N1-A', 'N2D-B'])?.nudge?.kind).toBe('rupture-unanswered');
  });

  it('notices change talk that was not followed, and names a missed risk check before anything else', () => {
    // N2 ("nothing to get up for") is a hopeless line: moving past it is named first, whatever else the reply did.
    expect(feedbackAfter(['N1-D', 'N2-C'])?.nudge?.kind).toBe('risk-unasked');
    expect(feedbackAfter(['N1-D', 'N2-RK-A', 'RK1-B', 'N3-C'])?.nudge).toEqual({
      kind: 'missed-change-talk',
      text: 'There was change talk there. Try reflecting it.',
    });
  });

  it('recognises a repair that owns the worker’s part, and never corrects the ★', () => {
    const repair = feedbackAfter(['N1-A', 'N2D-C']);
    expect(repair?.nudge).toEqual({ kind: 'positive', text: 'Repair noticed: you owned your part.' });
    expect(repair?.stronger).toBeUndefined();
    const star = feedbackAfter(['N1-D']);
    expect(star?.nudge).toBeUndefined();
    expect(star?.stronger).toBeUndefined();
  });

  it('flags a third question in a row with no reflection, but not when a reflection breaks the run', () => {
    const base = playPath(denise, ['N1-C'], 'practice').history[0];
    if (!base) throw new Error('no turn');
    const question = { ...base, codes: ['OQ' as const], talk: [], exemplar: false };
    expect(nudgeFor(question, [question, question])?.kind).toBe('question-streak');
    expect(nudgeFor(question, [{ ...question, codes: ['SR' as const, 'OQ' as const] }, question])).toBeUndefined();
  });
});

describe('the build', () => {
  it('fails on a broken role-play, naming the file, node, reply and field', () => {
    const hook = courseIntegrity().hooks['astro:config:setup'] as (options: unknown) => void;
    const config = { root: new URL('../fixtures/broken-scenario-course/', import.meta.url) };
    expect(() => {
      hook({ config, command: 'build', logger: { error: () => undefined, info: () => undefined } });
    }).toThrow(
      'modules/motivational-interviewing/scenarios/broken-dangling.yaml: (node N1, reply N1-C, field next) points to “N9”',
    );
  });
});
