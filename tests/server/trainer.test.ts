import { buildArtefact } from '../../src/course/artefact.ts';
import { contentFrom } from '../../src/server/content.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playPath } from '../../src/engine/run.ts';
import { getScenarios } from '../../src/course/scenarios.ts';
import { postAttempt } from '../../src/server/api/attempts.ts';
import { createAccount } from '../../src/server/auth.ts';
import { createAssignments, recordStart } from '../../src/server/repo/assignments.ts';
import { storeAttempt } from '../../src/server/repo/attempts.ts';
import { syncLimits } from '../../src/server/sync-limits.ts';
import {
  addMember,
  checkInvite,
  cohortOfTrainer,
  cohortsOfTrainer,
  createCohort,
  createInvite,
  invitesOf,
  revokeInvite,
} from '../../src/server/repo/cohorts.ts';
import { assignForm, endOfDayUtc } from '../../src/server/trainer/assign-form.ts';
import { createCohortAction } from '../../src/server/trainer/cohort-form.ts';
import { noticeFrom, runCohortAction } from '../../src/server/trainer/cohort-actions.ts';
import { CSV_HEADER, cohortCsv, cohortSlug } from '../../src/server/trainer/export.ts';
import { formValues, parseForm, UNEXPECTED_FIELD } from '../../src/server/forms.ts';
import { createInviteFor, inviteStatus, inviteViews, revokeInviteAction } from '../../src/server/trainer/invites.ts';
import { learnerDetail } from '../../src/server/trainer/learner-detail.ts';
import { cellView, cohortResults, progressWords } from '../../src/server/trainer/results.ts';
import { roleplayGroups } from '../../src/server/trainer/roleplay-groups.ts';
import { buildAttempt } from '../../src/stores/roleplays.ts';
import { DATABASES, freshDatabase, SETTINGS, type TestDatabase } from './harness.ts';

const scenarios = getScenarios();
const knownIds = scenarios.map((scenario) => scenario.id);
const lena = scenarios.find((scenario) => scenario.id === 'hr-phone-after-lapse');
const mei = scenarios.find((scenario) => scenario.id === 'rs-laundrette-carer-strengths');
if (!lena || !mei) throw new Error('the test role-plays are missing from the course');

const form = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

/** A finished attempt as a learner's device saves it: the role-play's exemplar path, scored by the engine. */
function exemplarAttempt(scenario: typeof lena, finishedAt: string) {
  if (!scenario) throw new Error('no scenario');
  const attempt = buildAttempt(scenario, playPath(scenario, scenario.benchmarks.exemplarPath, 'assessed'), {
    attemptId: randomUUID(),
    startedAt: new Date(Date.parse(finishedAt) - 600_000).toISOString(),
  });
  return { ...attempt, finishedAt };
}

describe.each(DATABASES)('trainer workspace on %s', (kind) => {
  let t: TestDatabase;
  let tess: { id: string };
  let omar: { id: string };
  let ip = 0;

  /** Signs a learner in through better-auth and returns their session cookie. */
  async function signIn(email: string, password: string): Promise<string> {
    ip += 1;
    const response = await t.auth.handler(
      new Request(`${SETTINGS.baseURL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: SETTINGS.baseURL,
          'x-alongside-client-ip': `10.1.0.${String(ip)}`,
        },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(response.status).toBe(200);
    return (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  }

  async function learner(name: string, email: string, cohortId: string) {
    const account = await createAccount(t.auth, { email, name, password: 'learner password 1', role: 'learner' });
    await addMember(t.connection.db, cohortId, account.id);
    return account;
  }

  beforeAll(async () => {
    t = await freshDatabase(kind);
    tess = await createAccount(t.auth, {
      email: 'tess@example.org',
      name: 'Tess Trainer',
      password: 'trainer password 1',
      role: 'trainer',
    });
    omar = await createAccount(t.auth, {
      email: 'omar@example.org',
      name: 'Omar Other',
      password: 'trainer password 2',
      role: 'trainer',
    });
  });
  afterAll(async () => {
    await t.dispose();
  });

  describe('cohorts', () => {
    it('creates a cohort from the form and lists it only for its trainer, with its learner count', async () => {
      const result = await createCohortAction(t.connection.db, tess.id, {
        intent: 'create-cohort',
        name: '  March starters  ',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.data.name).toBe('March starters');
      await learner('Ana Example', 'ana.cohorts@example.org', result.data.id);
      const mine = await cohortsOfTrainer(t.connection.db, tess.id);
      expect(mine.find((cohort) => cohort.id === result.data.id)).toMatchObject({
        name: 'March starters',
        learners: 1,
      });
      expect(await cohortsOfTrainer(t.connection.db, omar.id)).not.toContainEqual(
        expect.objectContaining({ id: result.data.id }),
      );
    });

    it('refuses a cohort name that is empty, too long, or sent with fields the form does not have', async () => {
      const db = t.connection.db;
      const empty = await createCohortAction(db, tess.id, { intent: 'create-cohort', name: '   ' });
      expect(empty.ok ? {} : empty.errors).toEqual({
        name: 'Give the cohort a name, for example “New starters, March”.',
      });
      const long = await createCohortAction(db, tess.id, { intent: 'create-cohort', name: 'x'.repeat(81) });
      expect(long).toEqual({ ok: false, errors: { name: 'Keep the name to 80 characters or fewer.' } });
      expect(await createCohortAction(db, tess.id, { intent: 'create-cohort', name: 'x'.repeat(80) })).toMatchObject({
        ok: true,
      });
      const extra = await createCohortAction(db, tess.id, {
        intent: 'create-cohort',
        name: 'Fine',
        trainer_id: omar.id,
      });
      expect(extra).toEqual({ ok: false, errors: { form: UNEXPECTED_FIELD } });
      const listed = await createCohortAction(db, tess.id, { intent: 'create-cohort', name: ['a', 'b'] });
      expect(listed.ok).toBe(false);
      expect((await cohortsOfTrainer(db, tess.id)).map((cohort) => cohort.name)).not.toContain('Fine');
    });
  });

  describe('tenant isolation', () => {
    it('gives another trainer nothing: no cohort, invite, revocation, assignment, results, learner or CSV', async () => {
      const db = t.connection.db;
      const cohort = await createCohort(db, tess.id, 'Tess only');
      const invite = await createInvite(db, cohort.id, tess.id);
      const ana = await learner('Ana Private', 'ana.private@example.org', cohort.id);
      const [assignment] = await createAssignments(db, {
        cohortId: cohort.id,
        createdBy: tess.id,
        scenarioIds: [lena.id],
        mode: 'assessed',
        dueAt: null,
        note: null,
      });
      if (!assignment) throw new Error('no assignment');
      const ids = { trainerId: omar.id, cohortId: cohort.id, scenarios };

      expect(await cohortOfTrainer(db, omar.id, cohort.id)).toBeUndefined();
      expect(await createInviteFor(db, omar.id, cohort.id)).toBeUndefined();
      expect(await revokeInvite(db, omar.id, invite.token)).toBe(false);
      expect(
        await revokeInviteAction(db, omar.id, cohort.id, { intent: 'revoke-invite', token: invite.token }),
      ).toEqual({ ok: false, notFound: true });
      for (const entries of [
        [['intent', 'create-invite']],
        [
          ['intent', 'revoke-invite'],
          ['token', invite.token],
        ],
        [
          ['intent', 'assign'],
          ['scenario', mei.id],
          ['mode', 'practice'],
          ['due', ''],
          ['note', ''],
        ],
      ] as [string, string][][])
        expect(await runCohortAction(db, { ...ids, knownIds }, form(entries))).toEqual({ kind: 'not-found' });
      expect(await cohortResults(db, ids)).toBeUndefined();
      expect(await learnerDetail(db, { ...ids, learnerId: ana.id })).toBeUndefined();
      expect(await cohortCsv(db, ids)).toBeUndefined();

      // Nothing was written on Tess's cohort by any of it.
      expect(await invitesOf(db, cohort.id)).toEqual([
        expect.objectContaining({ token: invite.token, revoked_at: null }),
      ]);
      const results = await cohortResults(db, { trainerId: tess.id, cohortId: cohort.id, scenarios });
      expect(results?.columns.map((column) => column.assignment.id)).toEqual([assignment.id]);
      expect((await checkInvite(db, invite.token)).ok).toBe(true);
    });

    it('shows a trainer a learner only inside a cohort the learner belongs to', async () => {
      const db = t.connection.db;
      const tessCohort = await createCohort(db, tess.id, 'Tess A');
      const otherTessCohort = await createCohort(db, tess.id, 'Tess B');
      const omarCohort = await createCohort(db, omar.id, 'Omar A');
      const omarsLearner = await learner('Olu Omar', 'olu@example.org', omarCohort.id);
      const tessLearner = await learner('Bea Tess', 'bea@example.org', otherTessCohort.id);
      for (const learnerId of [omarsLearner.id, tessLearner.id, 'not-a-learner'])
        expect(
          await learnerDetail(db, { trainerId: tess.id, cohortId: tessCohort.id, learnerId, scenarios }),
        ).toBeUndefined();
      expect(
        await learnerDetail(db, {
          trainerId: tess.id,
          cohortId: otherTessCohort.id,
          learnerId: tessLearner.id,
          scenarios,
        }),
      ).toMatchObject({ learner: { name: 'Bea Tess' }, attempts: [] });
    });

    it('does not revoke, from one cohort’s page, an invite of another cohort', async () => {
      const db = t.connection.db;
      const first = await createCohort(db, tess.id, 'First');
      const second = await createCohort(db, tess.id, 'Second');
      const invite = await createInvite(db, second.id, tess.id);
      const result = await runCohortAction(
        db,
        { trainerId: tess.id, cohortId: first.id, knownIds },
        form([
          ['intent', 'revoke-invite'],
          ['token', invite.token],
        ]),
      );
      expect(result.kind === 'invalid' && result.errors['token']).toMatch(/not one of this cohort’s/);
      expect((await checkInvite(db, invite.token)).ok).toBe(true);
    });
  });

  describe('invites', () => {
    it('creates a 14-day link, shows it as active, expired after 14 days, and revoked once revoked', async () => {
      const db = t.connection.db;
      const cohort = await createCohort(db, tess.id, 'Invites');
      const result = await runCohortAction(
        db,
        { trainerId: tess.id, cohortId: cohort.id, knownIds },
        form([['intent', 'create-invite']]),
      );
      expect(result).toEqual({ kind: 'done', notice: 'invite-created', section: 'invites' });
      const [view] = await inviteViews(db, cohort.id, 'https://alongside.example.org/');
      if (!view) throw new Error('no invite');
      expect(view.status).toBe('active');
      expect(view.url).toBe(`https://alongside.example.org/join/${view.token}/`);
      const days = (Date.parse(view.expires_at) - Date.parse(view.created_at)) / 86_400_000;
      expect(days).toBe(14);

      const check = await checkInvite(db, view.token);
      expect(check).toMatchObject({
        ok: true,
        cohort: { id: cohort.id, name: 'Invites' },
        trainerName: 'Tess Trainer',
      });
      const later = new Date(Date.parse(view.expires_at) + 1);
      expect(await checkInvite(db, view.token, later)).toEqual({ ok: false, reason: 'expired' });
      expect(inviteStatus(view, later)).toBe('expired');
      expect(inviteStatus(view, new Date(Date.parse(view.expires_at) - 1))).toBe('active');

      const revoked = await runCohortAction(
        db,
        { trainerId: tess.id, cohortId: cohort.id, knownIds },
        form([
          ['intent', 'revoke-invite'],
          ['token', view.token],
        ]),
      );
      expect(revoked).toEqual({ kind: 'done', notice: 'invite-revoked', section: 'invites' });
      expect(await checkInvite(db, view.token)).toEqual({ ok: false, reason: 'revoked' });
      expect((await inviteViews(db, cohort.id, SETTINGS.baseURL))[0]?.status).toBe('revoked');
    });

    it('refuses a revoke form without a proper token, and an unknown token', async () => {
      const db = t.connection.db;
      const cohort = await createCohort(db, tess.id, 'Bad tokens');
      const input = { trainerId: tess.id, cohortId: cohort.id, knownIds };
      for (const token of [undefined, '', '<script>', 'x'.repeat(65), 'a'.repeat(32)]) {
        const entries: [string, string][] = [['intent', 'revoke-invite']];
        if (token !== undefined) entries.push(['token', token]);
        const result = await runCohortAction(db, input, form(entries));
        expect(result.kind === 'invalid' && result.form === 'invites' && result.errors['token']).toMatch(/invite link/);
      }
      const unknown = await runCohortAction(db, input, form([['intent', 'delete-everything']]));
      expect(unknown.kind === 'invalid' && unknown.errors['form']).toMatch(/Reload the page/);
    });
  });

  describe('assignments and the results matrix', () => {
    it('assigns from the form and shows not started, in progress, done and overdue from real rows', async () => {
      const db = t.connection.db;
      const cohort = await createCohort(db, tess.id, 'Matrix');
      const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const assigned = await runCohortAction(
        db,
        { trainerId: tess.id, cohortId: cohort.id, knownIds },
        form([
          ['intent', 'assign'],
          ['scenario', lena.id],
          ['scenario', mei.id],
          ['mode', 'assessed'],
          ['due', due],
          ['note', 'Focus on reflections.'],
        ]),
      );
      expect(assigned).toEqual({ kind: 'done', notice: 'assigned', count: 2, section: 'results' });

      const ana = await learner('Ana Done', 'ana.matrix@example.org', cohort.id);
      const ben = await learner('Ben Started', 'ben.matrix@example.org', cohort.id);
      await learner('Cal Waiting', 'cal.matrix@example.org', cohort.id);
      const before = await cohortResults(db, { trainerId: tess.id, cohortId: cohort.id, scenarios });
      if (!before) throw new Error('no results');
      const [lenaColumn, meiColumn] = before.columns;
      expect(lenaColumn).toMatchObject({ title: 'The Monday Call', mode: 'Assessed' });
      expect(lenaColumn?.due).toMatch(/^Due \d{1,2} \w{3} \d{4}$/);
      expect(lenaColumn?.assignment.due_at).toBe(`${due}T23:59:59.999Z`);
      expect(lenaColumn?.assignment.note).toBe('Focus on reflections.');
      const lenaAssignment = lenaColumn?.assignment.id ?? '';

      // Ana finishes Lena's role-play through the sync API, signed in as herself.
      const cookie = await signIn('ana.matrix@example.org', 'learner password 1');
      const attempt = exemplarAttempt(lena, new Date().toISOString());
      const response = await postAttempt(
        new Request(`${SETTINGS.baseURL}/api/attempts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, origin: SETTINGS.baseURL },
          body: JSON.stringify({
            assignmentId: lenaAssignment,
            attempt: {
              id: attempt.id,
              scenarioId: attempt.scenarioId,
              mode: attempt.mode,
              startedAt: attempt.startedAt,
              finishedAt: attempt.finishedAt,
              transcript: attempt.transcript,
            },
          }),
        }),
        { connection: t.connection, auth: t.auth, sync: syncLimits(), ...contentFrom(buildArtefact()) },
      );
      expect(response.status).toBe(201);
      // Ben opened Mei's role-play but has not finished it.
      await recordStart(db, meiColumn?.assignment.id ?? '', ben.id);

      const now = await cohortResults(db, { trainerId: tess.id, cohortId: cohort.id, scenarios });
      const words = now?.rows.map((row) => [row.learner.name, ...row.cells.map((cell) => cellView(cell).status)]);
      expect(words).toEqual([
        ['Ana Done', 'Done', 'Not started'],
        ['Ben Started', 'Not started', 'In progress'],
        ['Cal Waiting', 'Not started', 'Not started'],
      ]);
      const done = cellView(now?.rows[0]?.cells[0] ?? ({} as never));
      expect(done).toMatchObject({ status: 'Done', overdue: false, band: 'Band: Proficient', attempts: '1 attempt' });
      expect(done.scores).toMatch(/^R:Q \d\.\d : 1 · %CR \d+% · Relational \d\.\d · Technical \d\.\d$/);
      expect(now?.columns.map(progressWords)).toEqual([
        '1 done, 0 in progress, 2 not started',
        '0 done, 1 in progress, 2 not started',
      ]);

      // After the due date, everything not done is overdue; Ana's finished one is not.
      const afterDue = new Date(Date.parse(`${due}T23:59:59.999Z`) + 1000);
      const late = await cohortResults(db, { trainerId: tess.id, cohortId: cohort.id, scenarios, now: afterDue });
      const overdue = late?.rows.map((row) => row.cells.map((cell) => cellView(cell).overdue));
      expect(overdue).toEqual([
        [false, true],
        [true, true],
        [true, true],
      ]);
      expect(late?.columns.map(progressWords)[0]).toBe('1 done, 0 in progress, 2 not started (2 overdue)');

      // A second, newer attempt: the cell counts both and shows the newest.
      const again = exemplarAttempt(lena, new Date(Date.now() + 60_000).toISOString());
      await storeAttempt(db, {
        id: again.id,
        assignment_id: lenaAssignment,
        learner_id: ana.id,
        scenario_id: lena.id,
        mode: 'assessed',
        band: 'developing',
        outcome: again.outcome,
        ending_id: again.endingId,
        started_at: again.startedAt,
        finished_at: again.finishedAt,
        received_at: new Date().toISOString(),
        scores: JSON.stringify(again.scores),
        transcript: JSON.stringify(again.transcript),
      });
      const twice = await cohortResults(db, { trainerId: tess.id, cohortId: cohort.id, scenarios });
      expect(cellView(twice?.rows[0]?.cells[0] ?? ({} as never))).toMatchObject({
        band: 'Band: Developing',
        attempts: '2 attempts',
      });

      // The learner's detail: newest first, each with the conversation rebuilt and annotated.
      const detail = await learnerDetail(db, {
        trainerId: tess.id,
        cohortId: cohort.id,
        learnerId: ana.id,
        scenarios,
      });
      expect(detail?.attempts.map((view) => [view.id, view.band, view.title])).toEqual([
        [again.id, 'Developing', 'The Monday Call'],
        [attempt.id, 'Proficient', 'The Monday Call'],
      ]);
      const transcript = detail?.attempts[1]?.transcript;
      if (!transcript?.ok) throw new Error('the transcript did not rebuild');
      expect(transcript.personaName).toBe('Lena');
      expect(transcript.annotated.exchanges).toHaveLength(lena.benchmarks.exemplarPath.length);
      expect(transcript.annotated.exchanges[0]?.client).toContain('I used on Saturday');
      expect(transcript.annotated.exchanges[0]?.replies[0]).toMatchObject({
        kept: true,
        exemplar: true,
        codes: ['Affirmation', 'Complex reflection'],
        stance: 'Partnering (on tap)',
      });
      expect(transcript.annotated.ending?.debrief).toBeTruthy();
      expect(detail?.attempts[1]?.note).toBe('Focus on reflections.');
    });

    it('shows the reason and the stored scores when a stored transcript cannot be replayed', async () => {
      const db = t.connection.db;
      const cohort = await createCohort(db, tess.id, 'Rewritten');
      const [assignment] = await createAssignments(db, {
        cohortId: cohort.id,
        createdBy: tess.id,
        scenarioIds: [lena.id],
        mode: 'assessed',
        dueAt: null,
        note: null,
      });
      const dee = await learner('Dee Replay', 'dee@example.org', cohort.id);
      const attempt = exemplarAttempt(lena, new Date().toISOString());
      await storeAttempt(db, {
        id: attempt.id,
        assignment_id: assignment?.id ?? '',
        learner_id: dee.id,
        scenario_id: lena.id,
        mode: 'assessed',
        band: 'proficient',
        outcome: 'engaged',
        ending_id: 'E1',
        started_at: attempt.startedAt,
        finished_at: attempt.finishedAt,
        received_at: attempt.finishedAt,
        scores: JSON.stringify(attempt.scores),
        transcript: JSON.stringify([{ nodeId: 'N1', optionId: 'N1-GONE', attempt: 1, kept: true }]),
      });
      const detail = await learnerDetail(db, { trainerId: tess.id, cohortId: cohort.id, learnerId: dee.id, scenarios });
      const [view] = detail?.attempts ?? [];
      expect(view?.transcript.ok === false && view.transcript.reason).toMatch(/rewritten since the attempt/);
      expect(view?.band).toBe('Proficient');
      expect(view?.scores.find((score) => score.short === 'Relational')?.value).toBe(
        attempt.scores.relational.toFixed(1),
      );
    });

    it('exports the matrix as formula-safe CSV named after the cohort', async () => {
      const db = t.connection.db;
      const cohort = await createCohort(db, tess.id, 'Spring Intake: Team B!');
      const [assignment] = await createAssignments(db, {
        cohortId: cohort.id,
        createdBy: tess.id,
        scenarioIds: [mei.id],
        mode: 'practice',
        dueAt: '2020-01-31T23:59:59.999Z',
        note: null,
      });
      const evil = await learner('=HYPERLINK("http://evil.example","Click")', 'evil@example.org', cohort.id);
      await learner('Zoe, "Z" Smith', 'zoe@example.org', cohort.id);
      const attempt = exemplarAttempt(mei, '2026-01-05T10:00:00.000Z');
      await storeAttempt(db, {
        id: attempt.id,
        assignment_id: assignment?.id ?? '',
        learner_id: evil.id,
        scenario_id: mei.id,
        mode: 'practice',
        band: attempt.band,
        outcome: attempt.outcome,
        ending_id: attempt.endingId,
        started_at: attempt.startedAt,
        finished_at: attempt.finishedAt,
        received_at: attempt.finishedAt,
        scores: JSON.stringify(attempt.scores),
        transcript: JSON.stringify(attempt.transcript),
      });
      const csv = await cohortCsv(db, { trainerId: tess.id, cohortId: cohort.id, scenarios });
      expect(csv?.filename).toBe('spring-intake-team-b-results.csv');
      const lines = csv?.body.split('\r\n') ?? [];
      expect(lines[0]).toBe(CSV_HEADER.join(','));
      expect(lines).toHaveLength(4); // header, two learners × one assignment, and the final CRLF
      expect(lines[3]).toBe('');
      expect(lines[1]).toMatch(
        /^Spring Intake: Team B!,"'=HYPERLINK\(""http:\/\/evil\.example"",""Click""\)",evil@example\.org,Spin Cycle,practice,2020-01-31T23:59:59\.999Z,Done,no,1,/,
      );
      expect(lines[1]).toMatch(/,2026-01-05T10:00:00\.000Z$/);
      const scores = lines[1]?.split(',').slice(-6, -1) ?? [];
      expect(scores[0]).toBe(attempt.band);
      expect(scores.slice(2).map(Number)).toEqual([
        Math.round(attempt.scores.pctCR),
        Number(attempt.scores.relational.toFixed(1)),
        Number(attempt.scores.technical.toFixed(1)),
      ]);
      expect(lines[2]).toBe(
        'Spring Intake: Team B!,"Zoe, ""Z"" Smith",zoe@example.org,Spin Cycle,practice,2020-01-31T23:59:59.999Z,Not started,yes,0,,,,,,',
      );
    });
  });
});

describe('trainer forms', () => {
  const now = new Date('2027-03-10T12:00:00.000Z');
  const schema = assignForm(knownIds, now);
  const valid = { intent: 'assign', scenario: [lena.id], mode: 'assessed', due: '', note: '' };

  it('reads a form: one string per field, checkbox groups as lists', () => {
    const data = form([
      ['intent', 'assign'],
      ['scenario', lena.id],
      ['scenario', mei.id],
      ['mode', 'practice'],
    ]);
    expect(formValues(data, ['scenario'])).toEqual({ intent: 'assign', scenario: [lena.id, mei.id], mode: 'practice' });
  });

  it('accepts role-plays of the course with a due date today or later, stored as the end of that day in UTC', () => {
    expect(
      parseForm(schema, { ...valid, scenario: [lena.id, mei.id, lena.id], due: '2027-03-10', note: ' Hi ' }),
    ).toEqual({
      ok: true,
      data: {
        intent: 'assign',
        scenario: [lena.id, mei.id],
        mode: 'assessed',
        due: '2027-03-10T23:59:59.999Z',
        note: 'Hi',
      },
    });
    expect(parseForm(schema, valid)).toMatchObject({ ok: true, data: { due: null, note: null } });
    expect(endOfDayUtc('2027-02-29')).toBeUndefined();
  });

  it.each([
    ['no role-play', { scenario: undefined }, 'scenario', 'Choose at least one role-play to assign.'],
    ['an empty list', { scenario: [] }, 'scenario', 'Choose at least one role-play to assign.'],
    ['an unknown role-play', { scenario: ['made-up'] }, 'scenario', /not in the course/],
    ['no mode', { mode: undefined }, 'mode', 'Choose assessed or practice mode.'],
    ['an unknown mode', { mode: 'graded' }, 'mode', 'Choose assessed or practice mode.'],
    ['a past due date', { due: '2027-03-09' }, 'due', /already passed/],
    ['a date that does not exist', { due: '2027-02-30' }, 'due', /as a date/],
    ['a due date that is no date', { due: 'next week' }, 'due', /as a date/],
    ['a long note', { note: 'x'.repeat(501) }, 'note', 'Keep the note to 500 characters or fewer.'],
    ['an unknown field', { cohort_id: 'someone-else' }, 'form', UNEXPECTED_FIELD],
  ])('refuses %s with a message', (_name, change, field, message) => {
    const values = Object.fromEntries(
      Object.entries({ ...valid, ...change }).filter(
        (entry): entry is [string, string | string[]] => entry[1] !== undefined,
      ),
    );
    const result = parseForm(schema, values);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[field]).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it('offers every role-play, grouped by module in course order, then the simulation’s scenes in order', () => {
    const groups = roleplayGroups(scenarios);
    expect(groups.map((group) => group.title)).toEqual([
      'Motivational Interviewing Basics',
      expect.stringMatching(/^Collaborative Helping/),
      'Harm Reduction',
      'Resilience & Self-Care',
      'Home visit simulation',
    ]);
    expect(groups.at(-1)?.roleplays.map((roleplay) => roleplay.title)).toEqual([
      'Home visit, scene 1: At the kitchen table',
      'Home visit, scene 2: Walking to the chemist',
      'Home visit, scene 3: Back at the flat',
      'Home visit, scene 4: In the car park, after',
    ]);
    expect(groups.flatMap((group) => group.roleplays.map((roleplay) => roleplay.id)).sort()).toEqual(
      [...knownIds].sort(),
    );
    expect(groups.flatMap((group) => group.roleplays)).toHaveLength(getScenarios().length);
  });

  it('shows a notice after a redirect only for known outcomes', () => {
    expect(noticeFrom(new URLSearchParams('done=assigned&n=3'))).toMatch(/^3 role-plays assigned/);
    expect(noticeFrom(new URLSearchParams('done=assigned&n=1'))).toMatch(/^Role-play assigned/);
    expect(noticeFrom(new URLSearchParams('done=<script>'))).toBeUndefined();
    expect(noticeFrom(new URLSearchParams(''))).toBeUndefined();
  });

  it('names the CSV file with letters, digits and hyphens only', () => {
    expect(cohortSlug('Équipe Nord / 2027')).toBe('equipe-nord-2027');
    expect(cohortSlug('"; rm -rf /')).toBe('rm-rf');
    expect(cohortSlug('———')).toBe('cohort');
  });
});
