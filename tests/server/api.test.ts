import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playPath } from '../../src/engine/run.ts';
import { scoreRun, summarise } from '../../src/engine/scoring.ts';
import { getAssignment, listAssignments, startAssignment } from '../../src/server/api/assignments.ts';
import { postAttempt } from '../../src/server/api/attempts.ts';
import { countAttempts } from '../../src/server/repo/attempts.ts';
import { DATABASES, freshDatabase, SETTINGS, type TestDatabase } from './harness.ts';
import { attemptBody, DENISE, scenarioById, twoTenants, WEAK_PATH } from './tenants.ts';

const denise = scenarioById(DENISE);
const EXEMPLAR = denise.benchmarks.exemplarPath;
const url = (path: string): string => `${SETTINGS.baseURL}${path}`;

function post(path: string, cookie: string | undefined, body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request(url(path), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: SETTINGS.baseURL,
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body,
  });
}

const get = (path: string, cookie?: string): Request => new Request(url(path), { headers: cookie ? { cookie } : {} });

interface Problem {
  error: string;
  details?: { field: string; message: string }[];
}

async function problemOf(response: Response): Promise<Problem> {
  return (await response.json()) as Problem;
}

describe.each(DATABASES)('API security on %s', (kind) => {
  let t: TestDatabase;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    w = await twoTenants(t);
  });
  afterAll(async () => {
    await t.dispose();
  });

  const send = (cookie: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    postAttempt(post('/api/attempts', cookie, JSON.stringify(body), headers), w.deps);
  const rows = () => countAttempts(t.connection.db);
  const storedRow = (id: string) =>
    t.connection.db.selectFrom('attempt').selectAll().where('id', '=', id).executeTakeFirst();

  describe('POST /api/attempts refuses bad input and writes nothing', () => {
    it('malformed JSON → 400', async () => {
      const before = await rows();
      const response = await postAttempt(post('/api/attempts', w.learner1.cookie, '{"assignmentId": '), w.deps);
      expect(response.status).toBe(400);
      expect((await problemOf(response)).error).toMatch(/not valid JSON/);
      expect(await rows()).toBe(before);
    });

    it('a body that is not JSON → 415 telling what to send', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      const response = await send(w.learner1.cookie, body, { 'content-type': 'text/plain' });
      expect(response.status).toBe(415);
      expect((await problemOf(response)).error).toMatch(/application\/json/);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('wrong types → 422 naming each wrong field', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      const wrong = {
        assignmentId: 42,
        attempt: {
          ...body.attempt,
          startedAt: 'yesterday',
          transcript: body.attempt.transcript.map((turn, i) => (i === 0 ? { ...turn, attempt: 'one' } : turn)),
        },
      };
      const response = await send(w.learner1.cookie, wrong);
      expect(response.status).toBe(422);
      const fields = (await problemOf(response)).details?.map((detail) => detail.field);
      expect(fields).toEqual(
        expect.arrayContaining(['assignmentId', 'attempt.startedAt', 'attempt.transcript.0.attempt']),
      );
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('unknown fields (a score the device made up) → 422 naming the field', async () => {
      const body = attemptBody(w.assignmentA.id, denise, WEAK_PATH);
      const response = await send(w.learner1.cookie, {
        ...body,
        attempt: { ...body.attempt, band: 'proficient' },
      });
      expect(response.status).toBe(422);
      const details = (await problemOf(response)).details ?? [];
      expect(details.some((detail) => detail.field === 'attempt' && detail.message.includes('band'))).toBe(true);
      const topLevel = await send(w.learner1.cookie, { ...body, learnerId: w.learner2.id });
      expect(topLevel.status).toBe(422);
      expect(JSON.stringify(await problemOf(topLevel))).toContain('learnerId');
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('an oversized body with a Content-Length → 413 before reading it', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      const huge = JSON.stringify({ ...body, padding: 'x'.repeat(70 * 1024) });
      const response = await postAttempt(
        post('/api/attempts', w.learner1.cookie, huge, { 'content-length': String(Buffer.byteLength(huge)) }),
        w.deps,
      );
      expect(response.status).toBe(413);
      expect((await problemOf(response)).error).toMatch(/too large: the limit is 64 KB/);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('an oversized chunked body without a Content-Length → 413, and the upload is not read to its end', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          if (pulled > 1000)
            controller.close(); // 8 MB in all, if anyone kept reading
          else controller.enqueue(chunk);
        },
      });
      const request = new Request(url('/api/attempts'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: SETTINGS.baseURL, cookie: w.learner1.cookie },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(request.headers.get('content-length')).toBeNull();
      const before = await rows();
      const response = await postAttempt(request, w.deps);
      expect(response.status).toBe(413);
      expect(pulled).toBeLessThan(20);
      expect(await rows()).toBe(before);
    });

    it('signed out → 401', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      const response = await send(undefined, body);
      expect(response.status).toBe(401);
      const forged = await send('better-auth.session_token=made-up.value', body);
      expect(forged.status).toBe(401);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('another cohort’s assignment, or an id that does not exist → 404, nothing written', async () => {
      const body = attemptBody(w.assignmentB.id, denise, EXEMPLAR);
      const response = await send(w.learner1.cookie, body);
      expect(response.status).toBe(404);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
      const unknown = await send(w.learner1.cookie, attemptBody(randomUUID(), denise, EXEMPLAR));
      expect(unknown.status).toBe(404);
    });

    it('replies that do not fit the role-play → 422, nothing written', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      const transcript = body.attempt.transcript.map((turn, i) => (i === 2 ? { ...turn, optionId: 'N9-Z' } : turn));
      const response = await send(w.learner1.cookie, { ...body, attempt: { ...body.attempt, transcript } });
      expect(response.status).toBe(422);
      expect((await problemOf(response)).error).toMatch(/N9-Z/);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
      const misplaced = body.attempt.transcript.map((turn, i) => (i === 1 ? { ...turn, nodeId: 'N4' } : turn));
      const moved = await send(w.learner1.cookie, { ...body, attempt: { ...body.attempt, transcript: misplaced } });
      expect(moved.status).toBe(422);
      expect((await problemOf(moved)).error).toMatch(/N4/);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('an unfinished run → 422 saying to send it once it has ended', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR.slice(0, 2));
      const response = await send(w.learner1.cookie, body);
      expect(response.status).toBe(422);
      expect((await problemOf(response)).error).toMatch(/not finished/);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });

    it('practice mode for an assessed assignment → 422 naming the mode', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR, { mode: 'practice' });
      const response = await send(w.learner1.cookie, body);
      expect(response.status).toBe(422);
      expect((await problemOf(response)).error).toMatch(/assessed mode/);
      expect(await storedRow(body.attempt.id)).toBeUndefined();
    });
  });

  describe('POST /api/attempts stores each attempt once, scored by the server', () => {
    it('the same attempt sent three times → 201, 200, 200 and one row', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      const before = await rows();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await send(w.learner1.cookie, body)).status);
      expect(statuses).toEqual([201, 200, 200]);
      expect(await rows()).toBe(before + 1);
    });

    it('the same UUID from another learner → 409, and the first learner’s attempt is untouched', async () => {
      const body = attemptBody(w.assignmentA.id, denise, EXEMPLAR);
      expect((await send(w.learner1.cookie, body)).status).toBe(201);
      const original = await storedRow(body.attempt.id);
      const theirs = attemptBody(w.assignmentA.id, denise, WEAK_PATH, { id: body.attempt.id });
      const response = await send(w.learner2.cookie, theirs);
      expect(response.status).toBe(409);
      expect(await storedRow(body.attempt.id)).toEqual(original);
      expect(original).toMatchObject({ learner_id: w.learner1.id, band: 'proficient' });
    });

    it('scores come from replaying the replies, whatever codes the device claims', async () => {
      const body = attemptBody(w.assignmentA.id, denise, WEAK_PATH);
      // A tampered device labels every weak reply as a complex reflection from a partner stance.
      const transcript = body.attempt.transcript.map((turn) => ({ ...turn, codes: ['CR'], stance: 'partner' }));
      const response = await send(w.learner2.cookie, { ...body, attempt: { ...body.attempt, transcript } });
      expect(response.status).toBe(201);
      const engine = scoreRun(denise, playPath(denise, WEAK_PATH));
      expect(engine.band).toBe('developing');
      expect(await response.json()).toMatchObject({ band: 'developing' });
      const row = await storedRow(body.attempt.id);
      expect(row?.band).toBe(engine.band);
      expect(JSON.parse(row?.scores ?? '{}')).toEqual(summarise(engine));
      expect(row?.learner_id).toBe(w.learner2.id);
      const stored = JSON.parse(row?.transcript ?? '[]') as { optionId: string; codes: string[] }[];
      expect(stored.map((turn) => turn.optionId)).toEqual(WEAK_PATH);
      expect(stored.map((turn) => turn.codes)).toEqual(playPath(denise, WEAK_PATH).history.map((turn) => turn.codes));
      expect(stored.some((turn) => turn.codes.includes('CR'))).toBe(false);
    });
  });

  describe('GET /api/assignments and /api/assignments/:id', () => {
    it('signed out → 401', async () => {
      expect((await listAssignments(get('/api/assignments'), w.deps)).status).toBe(401);
      expect((await getAssignment(get(`/api/assignments/${w.assignmentA.id}`), w.deps, w.assignmentA.id)).status).toBe(
        401,
      );
    });

    it('each learner sees only their own cohort’s assignments and their own results', async () => {
      const list = async (cookie: string) =>
        (
          (await (await listAssignments(get('/api/assignments', cookie), w.deps)).json()) as {
            assignments: { id: string; received: number; trainer: string }[];
          }
        ).assignments;
      const own = await list(w.learner3.cookie);
      expect(own.map((assignment) => assignment.id)).toEqual([w.assignmentB.id]);
      expect(own[0]?.received).toBe(0);
      const first = await list(w.learner1.cookie);
      expect(first.map((assignment) => assignment.id)).toEqual([w.assignmentA.id]);
      const attempts = await t.connection.db
        .selectFrom('attempt')
        .select('id')
        .where('learner_id', '=', w.learner1.id)
        .execute();
      expect(first[0]?.received).toBe(attempts.length);
    });

    it('another cohort’s assignment, or a made-up id → 404', async () => {
      const mine = await getAssignment(get('/x', w.learner1.cookie), w.deps, w.assignmentA.id);
      expect(mine.status).toBe(200);
      expect(await mine.json()).toMatchObject({ id: w.assignmentA.id, mode: 'assessed', scenarioId: DENISE });
      for (const id of [w.assignmentB.id, randomUUID(), 'not-a-uuid', "' OR 1=1 --", 'x'.repeat(5000)]) {
        const response = await getAssignment(get('/x', w.learner1.cookie), w.deps, id);
        expect(response.status, id.slice(0, 40)).toBe(404);
      }
      expect((await getAssignment(get('/x', w.trainerA.cookie), w.deps, w.assignmentA.id)).status).toBe(404);
    });
  });

  describe('POST /api/assignments/:id/start', () => {
    const starts = (assignmentId: string) =>
      t.connection.db.selectFrom('assignment_start').selectAll().where('assignment_id', '=', assignmentId).execute();

    it('signed out → 401; another cohort’s assignment → 404 and nothing noted', async () => {
      expect((await startAssignment(post('/x', undefined, null), w.deps, w.assignmentA.id)).status).toBe(401);
      const response = await startAssignment(post('/x', w.learner1.cookie, null), w.deps, w.assignmentB.id);
      expect(response.status).toBe(404);
      expect(await starts(w.assignmentB.id)).toEqual([]);
      expect((await startAssignment(post('/x', w.learner1.cookie, null), w.deps, randomUUID())).status).toBe(404);
    });

    it('notes the start once, however often the learner opens it', async () => {
      for (let i = 0; i < 3; i++) {
        const response = await startAssignment(post('/x', w.learner2.cookie, null), w.deps, w.assignmentA.id);
        expect(response.status).toBe(200);
      }
      const rowsNow = await starts(w.assignmentA.id);
      expect(rowsNow.filter((row) => row.learner_id === w.learner2.id)).toHaveLength(1);
    });
  });
});
