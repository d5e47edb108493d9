import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    // The second reporter writes test-reports/postgres-tests.json, which .ci/run checks.
    reporters: ['default', './tests/server/postgres-reporter.ts'],
  },
});
