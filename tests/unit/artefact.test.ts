import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  archivedScenarios,
  buildArtefact,
  compileArtefact,
  contentHash,
  versionFields,
  versionsOf,
} from '../../src/course/artefact.ts';
import { getScenarios } from '../../src/course/scenarios.ts';
import { savedChoices } from '../../src/engine/annotated.ts';
import { blindScenario, joinScenario, KeyMismatchError, splitScenario } from '../../src/engine/play-data.ts';
import { availableOptions, choose, rekeyRun, retry, startRun, type Run } from '../../src/engine/run.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { replayOnVersion } from '../../src/engine/versions.ts';
import { contentFrom } from '../../src/server/content.ts';
import type { StoredAttempt } from '../../src/server/repo/attempts.ts';
import { transcriptOf } from '../../src/server/trainer/learner-detail.ts';
import type { Scenario } from '../../src/schemas/scenario.ts';
import { root } from './scenario-helpers.ts';

const scenarios = getScenarios(root);
const artefact = buildArtefact(root);

/** A pseudo-random walk (same seed, same walk), taking a reply back now and then in practice mode. */
function walk(scenario: Scenario, seed: number, mode: 'practice' | 'assessed'): string[][] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  let run: Run = startRun(scenario, mode);
  const moves: string[][] = [];
  while (!run.ended) {
    const options = availableOptions(scenario, run);
    const pick = options[next(options.length)]?.id ?? '';
    run = choose(scenario, run, pick);
    moves.push([pick]);
    if (mode === 'practice' && next(4) === 0) {
      run = retry(run);
      moves.push(['back']);
    }
  }
  return moves;
}

function play(scenario: Scenario, moves: string[][], mode: 'practice' | 'assessed'): Run {
  return moves.reduce(
    (run, [move]) => (move === 'back' ? retry(run) : choose(scenario, run, move ?? '')),
    startRun(scenario, mode),
  );
}

describe('the compiled role-plays: play part and key', () => {
  it('the play part holds no ★ flag, code, stance, marker, feedback or benchmark', () => {
    for (const entry of artefact.current) {
      const text = JSON.stringify(entry.play);
      for (const field of [
        '"exemplar"',
        '"codes"',
        '"stance"',
        '"markers"',
        '"feedback"',
        '"benchmarks"',
        '"exemplarPath"',
      ])
        expect(text, `${entry.id} ${field}`).not.toContain(field);
      const full = joinScenario(entry.play, entry.key);
      for (const node of full.nodes)
        if (node.type === 'client') for (const option of node.options) expect(text).not.toContain(option.feedback);
    }
  });

  it('play part + key is the scenario again, without the QA fixtures', () => {
    for (const scenario of scenarios) {
      const entry = artefact.current.find((candidate) => candidate.id === scenario.id);
      expect(entry?.hash).toBe(contentHash(scenario));
      if (!entry) continue;
      expect(joinScenario(entry.play, entry.key)).toEqual({
        ...scenario,
        benchmarks: { ...scenario.benchmarks, fixtures: [] },
      });
    }
  });

  it('a key of another version is refused', () => {
    const [first] = scenarios;
    if (!first) throw new Error('no scenarios');
    const { play } = splitScenario(first, 'aaaaaaaaaaaaaaaa');
    const { key } = splitScenario(first, 'bbbbbbbbbbbbbbbb');
    expect(() => joinScenario(play, key)).toThrow(KeyMismatchError);
  });

  it('a conversation played before the key arrived scores exactly as one played with it', () => {
    for (const scenario of scenarios) {
      const entry = artefact.current.find((candidate) => candidate.id === scenario.id);
      if (!entry) throw new Error(scenario.id);
      const blind = blindScenario(entry.play);
      for (const mode of ['practice', 'assessed'] as const)
        for (const seed of [1, 7, 42]) {
          const moves = walk(scenario, seed, mode);
          const keyed = rekeyRun(scenario, play(blind, moves, mode));
          const direct = play(scenario, moves, mode);
          expect(keyed, `${scenario.id} ${mode} ${seed}`).toEqual(direct);
          expect(scoreRun(scenario, keyed)).toEqual(scoreRun(scenario, direct));
        }
    }
  }, 30_000);

  it('keeps every version served before hashes, each listed once, current first', () => {
    const archived = archivedScenarios(root);
    expect(archived.length).toBeGreaterThanOrEqual(12);
    expect(compileArtefact(scenarios, archived).archive).toHaveLength(archived.length);
    const franks = versionsOf(artefact, 'hr-drop-in-franks-fall');
    expect(franks[0]?.hash).toBe(artefact.current.find((entry) => entry.id === 'hr-drop-in-franks-fall')?.hash);
    expect(franks.map((entry) => entry.legacy)).toEqual([false, true, true]);
    expect(new Set(franks.map((entry) => entry.hash)).size).toBe(franks.length);
    // A version that is archived and still current (copied before an edit that has not happened yet) is listed once.
    const current = scenarios.find((s) => s.id === 'hr-drop-in-franks-fall') as Scenario;
    const twice = compileArtefact(scenarios, [{ ...current, servedFrom: '2026-12-03T10:00:00.000Z' }, ...archived]);
    const listed = versionsOf(twice, 'hr-drop-in-franks-fall');
    expect(listed).toHaveLength(franks.length);
    expect(listed[0]).toMatchObject({ hash: franks[0]?.hash, legacy: true });
    const versions = versionsOf(artefact, 'mib-pharmacy-queue');
    expect(versions[0]?.hash).toBe(contentHash(scenarios.find((s) => s.id === 'mib-pharmacy-queue') as Scenario));
    expect(versions.length).toBeGreaterThan(1);
  });
});

describe('an attempt replays on the version it was played on', () => {
  const versions = (id: string) =>
    versionsOf(artefact, id).map((entry) => ({
      hash: entry.hash,
      legacy: entry.legacy,
      scenario: joinScenario(entry.play, entry.key),
    }));

  it('an attempt saved on the first wave (no hash) finds its old version, with the score it was given', () => {
    const [, old] = versions('mib-pharmacy-queue');
    if (!old) throw new Error('expected an archived version');
    const path = old.scenario.benchmarks.exemplarPath;
    const run = path.reduce((r, id) => choose(old.scenario, r, id), startRun(old.scenario, 'assessed'));
    const saved = savedChoices(run).map(({ optionId, kept, codes, stance }) => ({ optionId, kept, codes, stance }));
    const replay = replayOnVersion(versions('mib-pharmacy-queue'), 'assessed', saved);
    expect(replay.ok && replay.version.hash).toBe(old.hash);
    if (replay.ok) expect(scoreRun(replay.version.scenario, replay.run).band).toBe(scoreRun(old.scenario, run).band);
  });

  it('a named hash wins; labels that fit no version fall back to the newest version the replies play on', () => {
    const list = versions('mib-pharmacy-queue');
    const [current] = list;
    if (!current) throw new Error('no current version');
    const run = current.scenario.benchmarks.exemplarPath.reduce(
      (r, id) => choose(current.scenario, r, id),
      startRun(current.scenario, 'assessed'),
    );
    const saved = savedChoices(run);
    const named = replayOnVersion(list, 'assessed', saved, current.hash);
    expect(named.ok && named.version.hash).toBe(current.hash);
    // Without the hash the labels decide: today's ids and labels fit no kept version, only today's.
    const unnamed = replayOnVersion(list, 'assessed', saved);
    expect(unnamed.ok && unnamed.version.hash).toBe(current.hash);
    // The ★ path of the version served before the ids were relettered is read on that version, not today's.
    const before = list.find((entry) => entry.legacy);
    if (!before) throw new Error('expected a kept version');
    const old = savedChoices(
      before.scenario.benchmarks.exemplarPath.reduce(
        (r, id) => choose(before.scenario, r, id),
        startRun(before.scenario, 'assessed'),
      ),
    );
    const onBefore = replayOnVersion(list, 'assessed', old);
    expect(onBefore.ok && onBefore.version.hash).toBe(before.hash);
    const forged = saved.map((choice) => ({ ...choice, codes: ['SR'], stance: 'partnering' }));
    const fallback = replayOnVersion(list, 'assessed', forged);
    expect(fallback.ok).toBe(true);
  });

  it('replies that fit no version give a reason, not a crash', () => {
    const replay = replayOnVersion(versions('mib-pharmacy-queue'), 'assessed', [{ optionId: 'N99-Z', kept: true }]);
    expect(replay.ok).toBe(false);
    if (!replay.ok) expect(replay.reason).toContain('rewritten since the attempt was saved');
  });
});

describe('the trainer’s view of an attempt stored before the rewrite', () => {
  it('shows the conversation as it was played, on the first-wave version', () => {
    const saved = JSON.parse(
      readFileSync(`${root}tests/fixtures/attempts/first-wave-mib-pharmacy-queue.json`, 'utf8'),
    ) as { transcript: unknown[]; mode: 'assessed'; finishedAt: string };
    const stored = {
      id: 'x',
      scenario_id: 'mib-pharmacy-queue',
      mode: saved.mode,
      finished_at: saved.finishedAt,
      transcript: JSON.stringify(saved.transcript),
    } as unknown as StoredAttempt;
    const view = transcriptOf(stored, contentFrom(artefact).versions('mib-pharmacy-queue'));
    expect(view.ok && view.earlier).toBe(true);
    if (view.ok)
      expect(view.annotated.exchanges[0]?.replies[0]?.text).toBe(
        "You've tried before and it didn't stick, so you're pretty sceptical. What have you heard about how patches work?",
      );
    // On today's version alone the same ids would read as different words, so the old version is needed.
    const current = contentFrom(artefact).versions('mib-pharmacy-queue').slice(0, 1);
    const onCurrent = transcriptOf(stored, current);
    if (onCurrent.ok) expect(onCurrent.annotated.exchanges[0]?.replies[0]?.text).not.toContain("You've tried before");
  });
});

describe('two kept versions with the same labels on a path', () => {
  it('an attempt without a hash is read on the version that was live when it finished', () => {
    const list = versionsOf(artefact, 'hr-phone-after-lapse').map((entry) => ({
      ...versionFields(entry),
      scenario: joinScenario(entry.play, entry.key),
    }));
    const firstWave = list.find((version) => version.servedFrom?.startsWith('2026-11-23'));
    const december = list.find((version) => version.servedFrom?.startsWith('2026-12-02'));
    if (!firstWave || !december) throw new Error('expected both kept versions');
    const run = firstWave.scenario.benchmarks.exemplarPath.reduce(
      (r, id) => choose(firstWave.scenario, r, id),
      startRun(firstWave.scenario, 'assessed'),
    );
    const saved = savedChoices(run);
    const onNov30 = replayOnVersion(list, 'assessed', saved, undefined, '2026-11-30T12:00:00.000Z');
    expect(onNov30.ok && onNov30.version.hash).toBe(firstWave.hash);
    const onDec3 = replayOnVersion(list, 'assessed', saved, undefined, '2026-12-03T09:00:00.000Z');
    expect(onDec3.ok && onDec3.version.hash).toBe(december.hash);
  });
});
