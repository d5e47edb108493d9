import { describe, expect, it } from 'vitest';
import { annotate, replayChoices } from '../../src/engine/annotated.ts';
import { choose, playPath, retry, startRun } from '../../src/engine/run.ts';
import { transcript } from '../../src/engine/transcript.ts';
import { buildAttempt } from '../../src/stores/roleplays.ts';
import { loadScenario } from './scenario-helpers.ts';

const denise = loadScenario('modules/motivational-interviewing/scenarios/mib-benefits-form-kitchen-table.yaml');
const session = { attemptId: 'a-1', startedAt: '2026-11-23T10:00:00.000Z' };

describe('annotated transcript of a saved attempt', () => {
  it('rebuilds the same conversation the learner saw, from the ids kept with the attempt', () => {
    const run = playPath(denise, ['N1-C', 'N2-A', 'N3-B', 'N4-C', 'N5-D', 'N6-A']);
    const saved = buildAttempt(denise, run, session);
    const replay = replayChoices(denise, saved.mode, saved.transcript);
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    const annotated = annotate(denise, replay.run);
    const seen = transcript(denise, run);
    const clientLines = seen.filter((entry) => entry.speaker === 'client').map((entry) => entry.text);
    expect(annotated.exchanges.map((exchange) => exchange.client)).toEqual(clientLines.slice(0, -1));
    // The bridge line for N1-C ("Three? Four on a bad night.") is part of the next client line.
    expect(annotated.exchanges[1]?.client).toMatch(/^Three\? Four on a bad night\./);
    expect(annotated.ending?.line).toBe(clientLines.at(-1));
    expect(annotated.ending?.debrief).toBe(denise.endings.find((ending) => ending.id === run.nodeId)?.debrief);
  });

  it('labels each reply with codes and stance in words, and names the ★ reply when another was kept', () => {
    const run = playPath(denise, ['N1-A', 'N2D-C', 'N3-B', 'N4-C', 'N5-D']);
    const { exchanges } = annotate(denise, run);
    const first = exchanges[0];
    expect(first?.replies).toEqual([
      expect.objectContaining({ codes: ['Persuading'], stance: 'Expert stance (on top)', kept: true, scored: true }),
    ]);
    expect(first?.strongest).toMatch(/switches your head off/);
    expect(exchanges[1]?.replies[0]?.evidence).toEqual([
      'attended to the relationship',
      'owned their part in a strain',
    ]);
    expect(exchanges[1]?.replies[0]?.changes.join(' ')).toMatch(/Alliance: repaired/);
  });

  it('shows a reply taken back in practice beside the one kept, and only the first try as scored', () => {
    let run = choose(denise, startRun(denise, 'practice'), 'N1-C');
    run = retry(run);
    run = ['N1-D', 'N2-RK-A', 'RK1-B', 'N3-B', 'N4-C', 'N5-D', 'N6-A'].reduce(
      (current, id) => choose(denise, current, id),
      run,
    );
    const saved = buildAttempt(denise, run, session);
    const replay = replayChoices(denise, 'practice', saved.transcript);
    if (!replay.ok) throw new Error(replay.reason);
    const [first] = annotate(denise, replay.run).exchanges;
    expect(first?.replies.map((reply) => [reply.kept, reply.scored, reply.exemplar])).toEqual([
      [false, true, false],
      [true, false, true],
    ]);
    expect(first?.strongest).toBeUndefined();
  });

  it('says the role-play has changed, instead of showing a wrong conversation, when a saved reply no longer fits', () => {
    const replay = replayChoices(denise, 'assessed', [
      { optionId: 'N1-D', kept: true },
      { optionId: 'N9-Z', kept: true },
    ]);
    expect(replay).toEqual({
      ok: false,
      reason: expect.stringMatching(/rewritten since the attempt was saved \(there is no reply N9-Z/) as unknown,
    });
  });
});
