import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'alongside-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('readConfig', () => {
  it('in production without BETTER_AUTH_SECRET, refuses to start and says how to set it', () => {
    const file = join(tempDir(), 'alongside.db');
    const read = () => readConfig({ NODE_ENV: 'production', ALONGSIDE_SQLITE_FILE: file });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/BETTER_AUTH_SECRET is not set/);
    expect(read).toThrow(/openssl rand -base64 32/);
  });

  it('refuses a short secret, in production and locally', () => {
    for (const NODE_ENV of ['production', 'development'])
      expect(() => readConfig({ NODE_ENV, BETTER_AUTH_SECRET: 'too-short' })).toThrow(
        /BETTER_AUTH_SECRET is too short: use at least 32/,
      );
  });

  it('on one machine without a secret, makes one in data/auth-secret readable only by its owner, and keeps it', () => {
    const dir = tempDir();
    const file = join(dir, 'data', 'alongside.db');
    const first = readConfig({ ALONGSIDE_SQLITE_FILE: file });
    const secretFile = join(dir, 'data', 'auth-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(secretFile, 'utf8')).toBe(first.auth.secret);
    expect(first.auth.secret.length).toBeGreaterThanOrEqual(32);
    expect(readConfig({ ALONGSIDE_SQLITE_FILE: file }).auth.secret).toBe(first.auth.secret);
  });

  it('reads the deployment settings: public address, trusted origins, client address header, limits', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: 's'.repeat(40),
      DATABASE_URL: 'postgres://app@db.internal/alongside',
      PUBLIC_URL: 'https://alongside.example.org/',
      TRUSTED_ORIGINS: 'https://a.example.org, https://b.example.org',
      CLIENT_IP_HEADER: 'X-Forwarded-For',
      SIGN_IN_PER_MINUTE: '3',
    });
    expect(config.databaseUrl).toBe('postgres://app@db.internal/alongside');
    expect(config.auth).toMatchObject({
      baseURL: 'https://alongside.example.org',
      trustedOrigins: ['https://a.example.org', 'https://b.example.org'],
      ipHeader: 'x-forwarded-for',
      signInPerMinute: 3,
      production: true,
    });
  });
});
