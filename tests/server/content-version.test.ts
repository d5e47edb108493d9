import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivedScenarios, compileArtefact, contentHash } from '../../src/course/artefact.ts';
import { getScenarios } from '../../src/course/scenarios.ts';
import { playPath } from '../../src/engine/run.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import { postAttempt, type ApiDeps } from '../../src/server/api/attempts.ts';
import { contentFrom } from '../../src/server/content.ts';
import { DATABASES, freshDatabase, SETTINGS, type TestDatabase } from './harness.ts';
import { attemptBody, DENISE, twoTenants, WEAK_PATH } from './tenants.ts';

/**
 * Versioned attempts (issue 14, item 4). A device plays the version baked into the page it loaded and
 * sends that version's content hash (`scenarioHash`); the server scores on that version or, when it
 * does not have it, answers 409 with code CONTENT_VERSION and stores nothing (the outbox keeps the
 * attempt and explains). A body without a hash comes from a device that saved it before versions were
 * hashed: it is matched to the kept version it was played on, as before.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const current = getScenarios(root);
const archive = archivedScenarios(root);
const denise = current.find((scenario) => scenario.id === DENISE) as Scenario;

/**
 * Denise's role-play as rewritten after the learner loaded the page: the last reply of the weak path
 * is now written as a piece of advice. The replies replay on it, to another band.
 */
const [lastNode, lastReply] = [WEAK_PATH.at(-1)?.split('-')[0] ?? '', WEAK_PATH.at(-1) ?? ''];
const rewritten: Scenario = {
  ...denise,
  nodes: denise.nodes.map((node) =>
    node.type === 'router' || node.id !== lastNode
      ? node
      : {
          ...node,
          options: node.options.map((option) =>
            option.id === lastReply ? { ...option, codes: ['PERS'], stance: 'expert' } : option,
          ),
        },
  ),
};
const others = current.filter((scenario) => scenario.id !== DENISE);
/** The server after a rebuild with the rewrite: the played version was not kept. */
const rebuilt = contentFrom(compileArtefact([...others, rewritten], archive));
/** The same rebuild, with the played version kept in content/scenario-archive/ first (README). */
const rebuiltKept = contentFrom(compileArtefact([...others, rewritten], [denise, ...archive]));

const url = `${SETTINGS.baseURL}/api/attempts`;
const post = (cookie: string, body: unknown) =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SETTINGS.baseURL, cookie },
    body: JSON.stringify(body),
  });

describe.each(DATABASES)('attempts carry the version they were played on (%s)', (kind) => {
  let t: TestDatabase;
  let w: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    w = await twoTenants(t);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  const storedRow = (id: string) =>
    t.connection.db.selectFrom('attempt').selectAll().where('id', '=', id).executeTakeFirst();
  const deviceBand = scoreRun(denise, playPath(denise, WEAK_PATH)).band;
  const played = contentHash(denise);
  /** What the device sends: the weak path on the version it played, named by its hash. */
  const body = (hash: string | null = played) => {
    const plain = attemptBody(w.assignmentA.id, denise, WEAK_PATH);
    return { ...plain, attempt: { ...plain.attempt, ...(hash ? { scenarioHash: hash } : {}) } };
  };
  const send = (deps: Partial<ApiDeps>, sent: unknown) =>
    postAttempt(post(w.learner1.cookie, sent), { ...w.deps, ...deps });

  it('the rewrite would give the same replies another band (so scoring on it would mislead)', () => {
    expect(deviceBand).toBe('developing');
    expect(scoreRun(rewritten, playPath(rewritten, WEAK_PATH)).band).not.toBe(deviceBand);
    expect(contentHash(rewritten)).not.toBe(played);
  });

  it('the version the server has → 201, scored on it to the device’s band', async () => {
    const sent = body();
    const response = await send({}, sent);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ band: deviceBand });
    expect(await storedRow(sent.attempt.id)).toMatchObject({ band: deviceBand, ending_id: 'E2' });
  });

  it('a version the server no longer has → 409 CONTENT_VERSION naming both versions, nothing stored', async () => {
    const sent = body();
    const response = await send(rebuilt, sent);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/^This role-play changed since you played it/) as unknown,
      code: 'CONTENT_VERSION',
      played,
      current: contentHash(rewritten),
    });
    expect(await storedRow(sent.attempt.id)).toBeUndefined();
    // Sent again once the server has that version again (a rebuild that kept it): scored as played.
    const again = await send(rebuiltKept, sent);
    expect(again.status).toBe(201);
    expect(await storedRow(sent.attempt.id)).toMatchObject({ band: deviceBand });
  });

  it('an older version the server kept → 201, scored on that version, not on the rewrite', async () => {
    const sent = body();
    const response = await send(rebuiltKept, sent);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ band: deviceBand });
  });

  it('a made-up version → 409 CONTENT_VERSION, not scored on whatever version the replies fit', async () => {
    const response = await send({}, body('0123456789abcdef'));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'CONTENT_VERSION', played: '0123456789abcdef' });
  });

  it('no version (saved before versions were hashed) → 201, matched to the kept version it was played on', async () => {
    const sent = body(null);
    expect(sent.attempt).not.toHaveProperty('scenarioHash');
    const response = await send(rebuiltKept, sent);
    expect(response.status).toBe(201);
    // Its labels are the played version's, so that version is found, not the rewrite.
    expect(await response.json()).toMatchObject({ band: deviceBand });
    const onCurrent = body(null);
    expect((await send({}, onCurrent)).status).toBe(201);
    expect(await storedRow(onCurrent.attempt.id)).toMatchObject({ band: deviceBand });
  });
});
