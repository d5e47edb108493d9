import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    // Many tests hash passwords, create databases or spawn Node: on a busy two-core machine 5 s is
    // not enough. Tests that do heavy work also state their own, larger timeouts.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The second reporter writes test-reports/postgres-tests.json, which .ci/run checks.
    reporters: ['default', './tests/server/postgres-reporter.ts'],
  },
});
