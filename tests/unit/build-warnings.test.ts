import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { onBuildLog } from '../../scripts/lib/build-warnings.mjs';

/**
 * Issue 15, item 9: the build no longer prints 26 MODULE_LEVEL_DIRECTIVE blocks (one per MDX lesson,
 * about Astro's own "use astro:head-inject"), and every other warning still reaches the terminal.
 */
describe('the build log filter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alongside-build-log-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Bundles `source` with Rolldown (as Vite 8 does) through the filter; returns what reached the default handler. */
  async function printed(source: string): Promise<{ level: string; code?: string | undefined }[]> {
    const entry = join(dir, `entry-${String(Math.random()).slice(2)}.js`);
    writeFileSync(entry, source);
    const reached: { level: string; code?: string | undefined }[] = [];
    const bundle = await rolldown({
      input: entry,
      onLog: (level, log) => {
        onBuildLog(level, log, (passedLevel: string, passedLog: { code?: string }) => {
          reached.push({ level: passedLevel, code: passedLog.code });
        });
      },
    });
    await bundle.generate({ format: 'esm' });
    await bundle.close();
    return reached;
  }

  it('drops the module-level directive warning and passes another warning from the same file through', async () => {
    const reached = await printed('"use astro:head-inject";\n"use client";\nexport const one = eval("1");\n');
    expect(reached.map((log) => log.code)).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(reached).toContainEqual({ level: 'warn', code: 'EVAL' });
  });

  it('hands every other level and code to the default handler unchanged', () => {
    const seen: unknown[] = [];
    const handler = (level: string, log: unknown) => seen.push([level, log]);
    const directive = { code: 'MODULE_LEVEL_DIRECTIVE', message: 'directive' };
    const circular = { code: 'CIRCULAR_DEPENDENCY', message: 'a -> b -> a' };
    onBuildLog('warn', directive, handler);
    onBuildLog('warn', circular, handler);
    onBuildLog('info', directive, handler);
    onBuildLog('warn', { message: 'a plugin warning with no code' }, handler);
    expect(seen).toEqual([
      ['warn', circular],
      ['info', directive],
      ['warn', { message: 'a plugin warning with no code' }],
    ]);
  });

  it('is what astro.config.mjs gives Vite for its Rolldown builds', () => {
    expect(config.vite?.build?.rolldownOptions?.onLog).toBe(onBuildLog);
  });
});
