import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeReply } from '../../src/coder/coder.ts';
import { typedTurn } from '../../src/coder/typed-turn.ts';
import { replayChoices, savedChoices } from '../../src/engine/annotated.ts';
import { choose, startRun, type Run } from '../../src/engine/run.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { postAttempt } from '../../src/server/api/attempts.ts';
import { retype } from '../../src/server/retype.ts';
import { DATABASES, freshDatabase, SETTINGS, type TestDatabase } from './harness.ts';
import { DENISE, scenarioById, twoTenants } from './tenants.ts';

const denise = scenarioById(DENISE);
const EXEMPLAR = denise.benchmarks.exemplarPath;

/** The exemplar path with the reply at `at` typed instead; the device's reading as `claim` says. */
function typedPath(at: number, text: string, claim?: { codes: string[]; matchedId: string }): Run {
  let run = startRun(denise, 'assessed');
  EXEMPLAR.forEach((id, index) => {
    if (run.ended) return;
    if (index !== at) {
      run = choose(denise, run, id);
      return;
    }
    const { typed } = typedTurn(codeReply, denise, run, text);
    const device = claim ? { ...typed, ...claim, stance: 'partnering' as const, confidence: 0.99 } : typed;
    run = choose(denise, run, claim?.matchedId ?? typed.matchedId, device);
  });
  return run;
}

const body = (assignmentId: string, run: Run) => ({
  assignmentId,
  attempt: {
    id: randomUUID(),
    scenarioId: denise.id,
    mode: 'assessed' as const,
    startedAt: '2026-11-23T10:00:00.000Z',
    finishedAt: '2026-11-23T10:12:00.000Z',
    transcript: savedChoices(run),
  },
});

describe.each(DATABASES)('typed turns in an assigned attempt, on %s (issue 13)', (kind) => {
  let t: TestDatabase;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    w = await twoTenants(t);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });
  const send = (cookie: string, payload: unknown) =>
    postAttempt(
      new Request(`${SETTINGS.baseURL}/api/attempts`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: SETTINGS.baseURL },
        body: JSON.stringify(payload),
      }),
      w.deps,
    );
  const stored = async (id: string) => {
    const row = await t.connection.db.selectFrom('attempt').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { row, transcript: JSON.parse(row.transcript) as ReturnType<typeof savedChoices> };
  };

  it('the server reads the typed words again: codes the device claims are ignored, and it scores them itself', async () => {
    const last = EXEMPLAR.length - 1;
    // The device claims “Okay.” was a complex reflection heard as the ★.
    const run = typedPath(last, 'Okay.', { codes: ['CR'], matchedId: EXEMPLAR[last] ?? '' });
    const payload = body(w.assignmentA.id, run);
    expect(payload.attempt.transcript.at(-1)?.codes).toEqual(['CR']);
    const response = await send(w.learner1.cookie, payload);
    expect(response.status).toBe(201);
    const { row, transcript } = await stored(payload.attempt.id);
    const turn = transcript.at(-1);
    expect(turn?.typed?.text).toBe('Okay.');
    expect(turn?.codes).toEqual(['NC']);
    expect(turn?.typed?.codes).toEqual(codeReply('Okay.').codes);
    expect(turn?.optionId).not.toBe(EXEMPLAR[last]);
    // The stored result is the replay with the server's reading, not the device's.
    const server = replayChoices(denise, 'assessed', payload.attempt.transcript, retype);
    if (!server.ok) throw new Error(server.reason);
    expect(row.band).toBe(scoreRun(denise, server.run).band);
    expect(row.ending_id).toBe(server.run.nodeId);
  }, 60_000);

  it('a typed reflection is kept word for word, and a misreading flagged later reaches the stored attempt', async () => {
    const star = denise.nodes.find((node) => node.id === denise.startNode);
    const starText = star?.type === 'client' ? star.options.find((o) => o.exemplar)?.text : undefined;
    const run = typedPath(0, starText ?? '');
    const payload = body(w.assignmentA.id, run);
    expect((await send(w.learner1.cookie, payload)).status).toBe(201);
    const first = (await stored(payload.attempt.id)).transcript[0];
    expect(first?.typed?.text).toBe(starText);
    expect(first?.typed?.flagged).toBeUndefined();
    // The learner flags the reading on the end report; the outbox sends the attempt again.
    const flagged = structuredClone(payload);
    const turn = flagged.attempt.transcript[0];
    if (turn?.typed) turn.typed.flagged = true;
    expect((await send(w.learner1.cookie, flagged)).status).toBe(200);
    const again = await stored(payload.attempt.id);
    expect(again.transcript[0]?.typed?.flagged).toBe(true);
    expect(again.row.band).toBe((await stored(payload.attempt.id)).row.band);
  }, 60_000);
});
