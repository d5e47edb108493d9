import type { ApiDeps } from './api/attempts.ts';
import { authOptions, createAuth } from './auth.ts';
import { readConfig, type ServerConfig } from './config.ts';
import { openCheckedDatabase } from './db/check.ts';
import { migrate } from './db/migrate.ts';
import { serverContent } from './content.ts';
import { syncLimits } from './sync-limits.ts';

export interface Server extends ApiDeps {
  config: ServerConfig;
}

let starting: Promise<Server> | undefined;

/** The one database connection and auth instance of this process, migrated before first use. */
export function getServer(): Promise<Server> {
  starting ??= (async () => {
    const config = readConfig();
    const connection = await openCheckedDatabase({ url: config.databaseUrl, file: config.sqliteFile });
    await migrate(connection, authOptions(connection, config.auth));
    // The sync limiter lives in this process's memory: one per server process (src/server/sync-limits.ts).
    return {
      config,
      connection,
      auth: createAuth(connection, config.auth),
      sync: syncLimits(config.sync),
      ...serverContent(),
    };
  })();
  // A failed start is not kept: the next request tries again (after the file is restored, say).
  starting.catch(() => {
    starting = undefined;
  });
  return starting;
}
