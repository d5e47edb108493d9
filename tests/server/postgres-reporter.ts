/**
 * A Vitest reporter that counts the server tests run on PostgreSQL (every suite named "… on
 * postgres", from `describe.each(DATABASES)('… on %s')`) and writes the counts to
 * test-reports/postgres-tests.json. `.ci/run` reads it after `npm test` and fails when no
 * PostgreSQL test ran, so CI cannot go green with those suites silently skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export const MARKER = 'test-reports/postgres-tests.json';

export default class PostgresMarker implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const testModule of testModules)
      for (const testCase of testModule.children.allTests())
        if (/ on postgres( |$)/.test(testCase.fullName)) counts[testCase.result().state] += 1;
    mkdirSync('test-reports', { recursive: true });
    writeFileSync(
      MARKER,
      `${JSON.stringify({ ...counts, databaseUrlSet: Boolean(process.env['TEST_DATABASE_URL']), at: new Date().toISOString() }, null, 2)}\n`,
    );
  }
}
