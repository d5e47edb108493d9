import { join } from 'node:path';
import {
  ARTEFACT_FILE,
  buildArtefact,
  readArtefact,
  versionFields,
  versionsOf,
  type Artefact,
} from '../course/artefact.ts';
import { joinScenario } from '../engine/play-data.ts';
import type { Version } from '../engine/versions.ts';
import type { Scenario } from '../schemas/scenario.ts';

/** What the server knows of the role-plays: the current ones, and every kept version of one. */
export interface ServerContent {
  scenarios: () => Scenario[];
  versions: (id: string) => Version[];
}

export function contentFrom(artefact: Artefact): ServerContent {
  const current = artefact.current.map((entry) => joinScenario(entry.play, entry.key));
  const versions = new Map<string, Version[]>();
  return {
    scenarios: () => current,
    versions: (id) => {
      let list = versions.get(id);
      if (!list) {
        list = versionsOf(artefact, id).map((entry) => ({
          ...versionFields(entry),
          scenario: joinScenario(entry.play, entry.key),
        }));
        versions.set(id, list);
      }
      return list;
    },
  };
}

/**
 * The built server reads the artefact the build wrote (ALONGSIDE_CONTENT overrides where), not
 * modules/**; `astro dev` compiles it from the sources on each call, so edits show up.
 */
export function serverContent(): ServerContent {
  if ((import.meta.env as ImportMetaEnv | undefined)?.DEV) {
    // Dev: compiled again on each call, so edits to modules/ show up without a restart.
    const fresh = (): ServerContent => contentFrom(buildArtefact());
    return { scenarios: () => fresh().scenarios(), versions: (id) => fresh().versions(id) };
  }
  return contentFrom(readArtefact(process.env['ALONGSIDE_CONTENT'] ?? join(process.cwd(), ARTEFACT_FILE)));
}
