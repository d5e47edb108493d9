/**
 * Build scaling for `npm run bench`: times a cold `astro build` of the course as it is, then of a
 * temporary copy with every lesson and role-play repeated to make 10× the content (never
 * committed: it lives in the system's temp folder and is deleted afterwards).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const COPIED = ['src', 'modules', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface BuildScaling {
  factor: number;
  lessons: number;
  roleplays: number;
  pages: number;
  seconds: number;
}

function copyProject(into: string): void {
  for (const entry of COPIED) cpSync(entry, join(into, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(into, 'node_modules'), 'dir');
}

/** Adds `factor - 1` copies of every lesson and role-play, with ids, orders and titles made unique. */
function multiply(root: string, factor: number): void {
  // Glossary terms and module names are shared by every copy: ids naming them stay as they are.
  const terms = new Set([
    ...(parse(readFileSync(join(root, 'content/glossary.yaml'), 'utf8')) as { id: string }[]).map((term) => term.id),
    ...readdirSync(join(root, 'modules')),
  ]);
  for (const module of readdirSync(join(root, 'modules'))) {
    const folder = join(root, 'modules', module);
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.mdx'))) {
      const text = readFileSync(join(folder, file), 'utf8');
      for (let copy = 1; copy < factor; copy++) {
        const body = text
          .replace(/^order: (\d+)$/m, (_, order: string) => `order: ${String(Number(order) + copy * 100)}`)
          .replace(
            /^title: (.*)$/m,
            (_, title: string) => `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '')} (copy ${String(copy)})`)}`,
          )
          .replace(/ id="([^"]+)"/g, (whole, id: string) =>
            terms.has(id) ? whole : ` id="${id}-copy${String(copy)}"`,
          );
        const name = file.replace(
          /^(\d+)-(.*)\.mdx$/,
          (_, n: string, slug: string) => `${String(Number(n) + copy * 100)}-${slug}-copy${String(copy)}.mdx`,
        );
        writeFileSync(join(folder, name), body);
      }
    }
    const scenarios = join(folder, 'scenarios');
    const entries = existsSync(scenarios) ? readdirSync(scenarios) : [];
    for (const file of entries.filter((name) => name.endsWith('.yaml'))) {
      const text = readFileSync(join(scenarios, file), 'utf8');
      for (let copy = 1; copy < factor; copy++)
        writeFileSync(
          join(scenarios, file.replace('.yaml', `-copy${String(copy)}.yaml`)),
          // A copy is a role-play of its own, not another scene of the original's simulation.
          text
            .replace(/^id: (.+)$/m, (_, id: string) => `id: ${id}-copy${String(copy)}`)
            .replace(/^simulation: .*\n/m, ''),
        );
    }
  }
}

function count(root: string): { lessons: number; roleplays: number } {
  let lessons = 0;
  let roleplays = 0;
  for (const module of readdirSync(join(root, 'modules'))) {
    const folder = join(root, 'modules', module);
    lessons += readdirSync(folder).filter((name) => name.endsWith('.mdx')).length;
    try {
      roleplays += readdirSync(join(folder, 'scenarios')).filter((name) => name.endsWith('.yaml')).length;
    } catch {
      // a module without role-plays
    }
  }
  return { lessons, roleplays };
}

function build(root: string): { seconds: number; pages: number } {
  for (const output of ['dist', '.astro']) rmSync(join(root, output), { recursive: true, force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`build in ${root} failed:\n${result.stdout}\n${result.stderr}`);
  const pages = readdirSync(join(root, 'dist/client'), { recursive: true }).filter((name) =>
    String(name).endsWith('.html'),
  ).length;
  return { seconds, pages };
}

/** Builds 1× and `factor`× copies; with `dryRun`, only generates the copy (the quick mode's smoke check). */
export function measureBuildScaling(factor = 10, dryRun = false): BuildScaling[] {
  const rows: BuildScaling[] = [];
  for (const scale of [1, factor]) {
    const root = mkdtempSync(join(tmpdir(), `alongside-build-${String(scale)}x-`));
    try {
      copyProject(root);
      if (scale > 1) multiply(root, scale);
      const counted = count(root);
      // Two cold builds each, the faster kept: noise from other work only ever adds time.
      const built = dryRun
        ? { seconds: 0, pages: 0 }
        : [build(root), build(root)].reduce((best, run) => (run.seconds < best.seconds ? run : best));
      rows.push({ factor: scale, ...counted, ...built });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}
