import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { splitScenario, type PlayScenario, type ScenarioKey } from '../engine/play-data.ts';
import { scenarioSchema, type Scenario } from '../schemas/scenario.ts';
import { getScenarios } from './scenarios.ts';

/**
 * The compiled role-plays (issue 11, item 4): built once from modules/**, with a content hash per
 * scenario, each in its play part and its key. The build writes it to ARTEFACT_FILE; pages render
 * from the same compile, and the server and `npm run scenario -- play ID` read the written file.
 * Versions that learners may have played before a rewrite are kept in content/scenario-archive/
 * (copied from git history), so attempts saved on them still replay word for word.
 */
export interface CompiledScenario {
  id: string;
  hash: string;
  /** Archived versions: when this version went live (from the file name), for attempts without a hash. */
  servedFrom?: string;
  play: PlayScenario;
  key: ScenarioKey;
}

export interface Artefact {
  format: 1;
  current: CompiledScenario[];
  /**
   * Every version served before attempts recorded their version's hash (it may equal a current
   * one), newest first per scenario; an attempt saved without a hash was played on one of these.
   */
  archive: CompiledScenario[];
}

export const ARTEFACT_FILE = 'dist/server/content.json';
export const ARCHIVE_FOLDER = 'content/scenario-archive';

/** 16 hex digits of SHA-256 over the parsed scenario, so formatting-only edits to the YAML keep it. */
export const contentHash = (scenario: Scenario): string =>
  createHash('sha256').update(JSON.stringify(scenario)).digest('hex').slice(0, 16);

export function compileScenario(scenario: Scenario): CompiledScenario {
  const hash = contentHash(scenario);
  return { id: scenario.id, hash, ...splitScenario(scenario, hash) };
}

/** The archived versions: `<id>@<date>-<commit>.yaml`, returned newest first. */
const SERVED = /@(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})-/;

/** `id@2026-11-23T1909-0e862e8.yaml` → 2026-11-23T19:09:00Z. */
export const servedFrom = (name: string): string | undefined => {
  const match = SERVED.exec(name);
  return match ? `${match[1] ?? ''}T${match[2] ?? ''}:${match[3] ?? ''}:00.000Z` : undefined;
};

export function archivedScenarios(root: string): (Scenario & { servedFrom?: string })[] {
  const folder = join(root, ARCHIVE_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .reverse()
    .map((name) => {
      const parsed = scenarioSchema.safeParse(parse(readFileSync(join(folder, name), 'utf8')));
      if (!parsed.success)
        throw new Error(
          `${ARCHIVE_FOLDER}/${name}: no longer reads as a scenario (${parsed.error.issues[0]?.message ?? '?'}); archived versions must stay readable`,
        );
      if (!name.startsWith(`${parsed.data.id}@`))
        throw new Error(
          `${ARCHIVE_FOLDER}/${name}: holds ${parsed.data.id}; name it ${parsed.data.id}@<date>-<commit>.yaml`,
        );
      const from = servedFrom(name);
      return from ? { ...parsed.data, servedFrom: from } : parsed.data;
    });
}

export function compileArtefact(current: Scenario[], archive: (Scenario & { servedFrom?: string })[]): Artefact {
  const compiled = current.map(compileScenario);
  const archived = archive.map(({ servedFrom: from, ...scenario }) => ({
    ...compileScenario(scenario),
    ...(from ? { servedFrom: from } : {}),
  }));
  return { format: 1, current: compiled, archive: archived };
}

const built = new Map<string, Artefact>();

/** The artefact compiled from the sources under `root` (once per process in a production build). */
export function buildArtefact(root = process.cwd()): Artefact {
  const cached = built.get(root);
  if (cached) return cached;
  const artefact = compileArtefact(getScenarios(root), archivedScenarios(root));
  if ((import.meta.env as ImportMetaEnv | undefined)?.PROD) built.set(root, artefact);
  return artefact;
}

export function writeArtefact(artefact: Artefact, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(artefact));
}

export class ArtefactError extends Error {}

/** Reads the built artefact; a clear error when the build has not run or the file is not one. */
export function readArtefact(file: string): Artefact {
  if (!existsSync(file)) throw new ArtefactError(`${file} is missing: run \`npm run build\` first.`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Artefact>;
  if (data.format !== 1 || !Array.isArray(data.current) || !Array.isArray(data.archive))
    throw new ArtefactError(`${file} is not a role-play artefact of format 1: run \`npm run build\` again.`);
  return data as Artefact;
}

export interface VersionEntry extends CompiledScenario {
  /** Served before hashes were recorded: a candidate for an attempt saved without one. */
  legacy: boolean;
}

/** For the engine's version matcher: the legacy flag and when the version went live. */
export const versionFields = (entry: VersionEntry) => ({
  hash: entry.hash,
  legacy: entry.legacy,
  ...(entry.servedFrom ? { servedFrom: entry.servedFrom } : {}),
});

/** Every version of one role-play, current first, then the archived ones newest first. */
export function versionsOf(artefact: Artefact, id: string): VersionEntry[] {
  const archived = artefact.archive.filter((entry) => entry.id === id);
  const byHash = new Map(archived.map((entry) => [entry.hash, entry]));
  const seen = new Set<string>();
  return [...artefact.current.filter((entry) => entry.id === id), ...archived]
    .filter((entry) => !seen.has(entry.hash) && Boolean(seen.add(entry.hash)))
    .map((entry) => {
      const old = byHash.get(entry.hash);
      return { ...entry, legacy: old !== undefined, ...(old?.servedFrom ? { servedFrom: old.servedFrom } : {}) };
    });
}
