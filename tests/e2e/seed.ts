/**
 * Sets up a trainer's cohort for a learner e2e test straight in the e2e server's SQLite file
 * (the trainer pages are tested on their own): a cohort of the trainer tess@example.org, an invite,
 * and one assignment. Prints JSON: { inviteUrl, assignmentId, scenarioId, cohortName, expiredInviteUrl,
 * revokedInviteUrl }.
 *
 *   node tests/e2e/seed.ts [--scenario ID] [--mode assessed|practice] [--note TEXT] [--due-days N] [--no-assignment]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlite } from '../../src/server/db/connect.ts';
import { createAssignments } from '../../src/server/repo/assignments.ts';
import { createCohort, createInvite, revokeInvite } from '../../src/server/repo/cohorts.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'mib-benefits-form-kitchen-table' },
    mode: { type: 'string', default: 'assessed' },
    note: { type: 'string', default: 'Have a go before our supervision on Friday.' },
    'due-days': { type: 'string', default: '7' },
    trainer: { type: 'string', default: 'tess@example.org' },
    'no-assignment': { type: 'boolean', default: false },
  },
});

const connection = openSqlite(resolve('test-results/e2e-server/alongside.db'));
try {
  const { db } = connection;
  const trainer = await db
    .selectFrom('user')
    .select('id')
    .where('email', '=', values.trainer)
    .executeTakeFirstOrThrow();
  const cohortName = `Cohort ${Math.random().toString(36).slice(2, 8)}`;
  const cohort = await createCohort(db, trainer.id, cohortName);
  const invite = await createInvite(db, cohort.id, trainer.id);
  const expired = await createInvite(db, cohort.id, trainer.id, -1);
  const revoked = await createInvite(db, cohort.id, trainer.id);
  await revokeInvite(db, trainer.id, revoked.token);
  const mode = values.mode === 'practice' ? 'practice' : 'assessed';
  const dueDays = Number(values['due-days']);
  const [assignment] = await createAssignments(db, {
    cohortId: cohort.id,
    createdBy: trainer.id,
    scenarioIds: values['no-assignment'] ? [] : [values.scenario],
    mode,
    dueAt: new Date(Date.now() + dueDays * 86_400_000).toISOString(),
    note: values.note || null,
  });
  console.log(
    JSON.stringify({
      inviteUrl: `/join/${invite.token}/`,
      expiredInviteUrl: `/join/${expired.token}/`,
      revokedInviteUrl: `/join/${revoked.token}/`,
      assignmentId: assignment?.id,
      scenarioId: values.scenario,
      cohortName,
    }),
  );
} finally {
  await connection.close();
}
