/**
 * `npm run admin -- create-trainer EMAIL [--name "Full Name"] [--admin]`: makes a trainer (or admin)
 * account on the configured database (DATABASE_URL, or the SQLite file) and prints a one-time
 * password to hand over; the trainer changes it after signing in, on /account/.
 * `npm run admin -- reset-password EMAIL`: gives any account a new one-time password and signs it
 * out on every device. Exit codes: 0 done, 1 refused (account exists / no such account), 2 usage.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  AccountExistsError,
  authOptions,
  createAccount,
  InvalidNameError,
  createAuth,
  NoAccountError,
  resetPassword,
} from '../server/auth.ts';
import { ConfigError, readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrate } from '../server/db/migrate.ts';
import { markPasswordChangeDue } from '../server/repo/password-change.ts';

const USAGE = [
  'Usage: npm run admin -- create-trainer EMAIL [--name "Full Name"] [--admin]',
  '       npm run admin -- reset-password EMAIL',
].join('\n');
const COMMANDS = new Set(['create-trainer', 'reset-password']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: 'string' }, admin: { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [command, email] = positionals;
  if (!command || !COMMANDS.has(command) || !email) {
    console.error(USAGE);
    return 2;
  }
  if (!EMAIL.test(email)) {
    console.error(`"${email}" is not an email address. ${USAGE}`);
    return 2;
  }
  const config = readConfig();
  const connection = openDatabase({ url: config.databaseUrl, file: config.sqliteFile });
  try {
    await migrate(connection, authOptions(connection, config.auth));
    const auth = createAuth(connection, config.auth);
    const password = randomBytes(12).toString('base64url');
    if (command === 'reset-password') {
      const { id } = await resetPassword(auth, email, password);
      await markPasswordChangeDue(connection.db, id);
      console.log(`New password for ${email.toLowerCase()} on ${connection.where}; they are signed out everywhere.`);
      console.log(`One-time password: ${password}`);
      console.log(
        'Give it to them privately. When they sign in at /sign-in/ with it, they are asked to choose their own.',
      );
      return 0;
    }
    const role = values.admin ? 'admin' : 'trainer';
    const name = values.name ?? email.split('@')[0] ?? email;
    const { id } = await createAccount(auth, { email, name, password, role });
    await markPasswordChangeDue(connection.db, id);
    console.log(`Created ${role} ${email.toLowerCase()} on ${connection.where}.`);
    console.log(`One-time password: ${password}`);
    console.log(
      'Give it to them privately. When they sign in at /sign-in/ with it, they are asked to choose their own.',
    );
    return 0;
  } catch (error) {
    if (error instanceof AccountExistsError || error instanceof NoAccountError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof InvalidNameError) {
      console.error(`--name: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
