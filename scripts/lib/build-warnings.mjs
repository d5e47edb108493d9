// @ts-check
/**
 * Build log filter for astro.config.mjs (Vite 8 bundles with Rolldown: `vite.build.rolldownOptions.onLog`).
 *
 * Every MDX lesson starts with Astro's own `"use astro:head-inject"` directive, and Rolldown warns that
 * it cannot keep a module-level directive's meaning once bundled (MODULE_LEVEL_DIRECTIVE): 26 blocks of
 * noise on every build, none of them actionable. This drops exactly that warning code and hands
 * everything else (other warnings, info, debug, errors) to the default handler unchanged.
 */

/** The warning codes the build does not print. */
export const QUIET_WARNING_CODES = new Set(['MODULE_LEVEL_DIRECTIVE']);

/**
 * @param {'info' | 'debug' | 'warn' | string} level
 * @param {{ code?: string; message: string } | string} log
 * @param {(level: any, log: any) => void} defaultHandler
 */
export function onBuildLog(level, log, defaultHandler) {
  if (level === 'warn' && typeof log === 'object' && log.code && QUIET_WARNING_CODES.has(log.code)) return;
  defaultHandler(level, log);
}
