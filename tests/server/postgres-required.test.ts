import { describe, expect, it } from 'vitest';
import { DATABASES } from './harness.ts';

describe('PostgreSQL in CI', () => {
  it('when REQUIRE_POSTGRES=1, TEST_DATABASE_URL is set and every server suite runs on PostgreSQL too', () => {
    if (process.env['REQUIRE_POSTGRES'] !== '1') return;
    expect(
      process.env['TEST_DATABASE_URL'],
      'REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL tests would be skipped. Start a PostgreSQL server and set TEST_DATABASE_URL (see .ci/run).',
    ).toBeTruthy();
    expect(DATABASES).toContain('postgres');
  });
});
