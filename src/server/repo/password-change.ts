import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/**
 * Accounts signed in with a one-time password from `npm run admin` (a new trainer, or a reset):
 * until they choose their own, sign-in takes them straight to doing so.
 */
export async function markPasswordChangeDue(db: Db, userId: string, at = new Date()): Promise<void> {
  await db
    .insertInto('password_change_due')
    .values({ user_id: userId, since: at.toISOString() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ since: at.toISOString() }))
    .execute();
}

export async function isPasswordChangeDue(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('password_change_due')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function clearPasswordChangeDue(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('password_change_due').where('user_id', '=', userId).execute();
}
