import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AuthSettings } from './auth.ts';
import { DEFAULT_SQLITE_FILE } from './db/connect.ts';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from './sync-limits.ts';

export interface ServerConfig {
  databaseUrl?: string;
  sqliteFile: string;
  auth: AuthSettings;
  /** Limits on attempt syncs (SYNCS_PER_MINUTE, ATTEMPTS_PER_ASSIGNMENT). */
  sync: SyncSettings;
}

export class ConfigError extends Error {}

/**
 * Reads the server's settings from the environment. In production (NODE_ENV=production)
 * BETTER_AUTH_SECRET is required; on a single machine without it, a random secret is made once
 * and kept beside the database (data/auth-secret, readable only by its owner).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env['NODE_ENV'] === 'production';
  const sqliteFile = env['ALONGSIDE_SQLITE_FILE'] ?? DEFAULT_SQLITE_FILE;
  let secret = env['BETTER_AUTH_SECRET'];
  if (!secret && production)
    throw new ConfigError(
      'BETTER_AUTH_SECRET is not set. In production Alongside needs a secret of at least 32 random characters to sign sessions. Set it, for example with BETTER_AUTH_SECRET="$(openssl rand -base64 32)", and start again. Every app instance must use the same secret.',
    );
  if (secret && secret.length < 32)
    throw new ConfigError('BETTER_AUTH_SECRET is too short: use at least 32 random characters.');
  secret ??= localSecret(resolve(dirname(sqliteFile), 'auth-secret'));
  const port = env['PORT'] ?? '4321';
  const baseURL = (env['PUBLIC_URL'] ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
  return {
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
    sqliteFile,
    auth: {
      secret,
      baseURL,
      trustedOrigins: (env['TRUSTED_ORIGINS'] ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      production,
      // Behind a load balancer, name the header it sets (for example X-Forwarded-For); otherwise our own.
      ipHeader: env['CLIENT_IP_HEADER']?.toLowerCase() ?? CLIENT_IP_HEADER,
      signInPerMinute: Number(env['SIGN_IN_PER_MINUTE'] ?? 5),
    },
    sync: {
      perMinute: wholeNumber(env, 'SYNCS_PER_MINUTE', DEFAULT_SYNC_SETTINGS.perMinute),
      attemptsPerAssignment: wholeNumber(env, 'ATTEMPTS_PER_ASSIGNMENT', DEFAULT_SYNC_SETTINGS.attemptsPerAssignment),
    },
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ConfigError(
      `${name} must be a whole number of at least 1 (it is "${raw}"). Unset it to use ${String(fallback)}.`,
    );
  return value;
}

/** The header our server code sets from the socket's address, replacing anything a client sent. */
export const CLIENT_IP_HEADER = 'x-alongside-client-ip';

function localSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole to a private temp file, then linked into place: two first starts at once both end
  // up with the one secret that won (the loser reads it), and nobody reads a half-written file.
  const secret = randomBytes(32).toString('base64url');
  const temp = `${file}.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, secret, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  } finally {
    unlinkSync(temp);
  }
}
