/**
 * Runs the built site and server: checks the settings (a clear message, not a stack trace, when
 * something is missing), applies database migrations, then starts Astro's Node server.
 * `npm start` builds first when needed; production runs `npm run serve` with NODE_ENV=production.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { authOptions } from '../src/server/auth.ts';
import { ConfigError, readConfig } from '../src/server/config.ts';
import { openCheckedDatabase } from '../src/server/db/check.ts';
import { migrate } from '../src/server/db/migrate.ts';

const ENTRY = 'dist/server/entry.mjs';

try {
  const config = readConfig();
  const connection = await openCheckedDatabase({ url: config.databaseUrl, file: config.sqliteFile });
  const applied = await migrate(connection, authOptions(connection, config.auth));
  console.log(
    `Database: ${connection.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} at ${connection.where}${applied.length ? ` (applied ${applied.join(', ')})` : ''}`,
  );
  await connection.close();
  if (!existsSync(ENTRY))
    throw new ConfigError(`${ENTRY} is missing: run \`npm run build\` first (npm start does this for you).`);
  process.env['HOST'] ??= '127.0.0.1';
  process.env['PORT'] ??= '4321';
  console.log(`Alongside is running at ${config.auth.baseURL}/ (Ctrl+C to stop)`);
  await import(pathToFileURL(ENTRY).href);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Alongside cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
