import { describe, expect, it } from 'vitest';
import { codeReply } from '../../src/coder/coder.ts';
import { typedProbeProblems } from '../../src/coder/typed-probes.ts';
import { isActionStep, typedTurn } from '../../src/coder/typed-turn.ts';
import { replayChoices, savedChoices } from '../../src/engine/annotated.ts';
import { availableOptions, choose, retry, startRun, type Run } from '../../src/engine/run.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { retype } from '../../src/server/retype.ts';
import { loadScenario, realScenarioFiles } from './scenario-helpers.ts';

const FILE = 'modules/motivational-interviewing/scenarios/mib-pharmacy-queue.yaml';
const scenario = loadScenario(FILE);

function atStart(): { run: Run; star: NonNullable<ReturnType<typeof availableOptions>[number]> } {
  const run = startRun(scenario, 'practice');
  const star = availableOptions(scenario, run).find((option) => option.exemplar);
  if (!star) throw new Error('no ★ at the start');
  return { run, star };
}

describe('typed turns in a role-play (issue 13, item 5)', () => {
  it('the ★’s own words, typed, are heard as the ★ and the client answers on its branch', () => {
    const { run, star } = atStart();
    const { typed, match } = typedTurn(codeReply, scenario, run, star.text);
    expect(match.id).toBe(star.id);
    const after = choose(scenario, run, typed.matchedId, typed);
    expect(after.nodeId).toBe(choose(scenario, run, star.id).nodeId);
    const turn = after.history[0];
    expect(turn?.typed?.text).toBe(star.text);
    // Scored on the learner's own words: the codes are the coder's, and a typed turn is never the ★.
    expect(turn?.codes).toEqual(typed.codes.filter((code) => code !== 'RISK'));
    expect(turn?.exemplar).toBe(false);
  });

  it('“That’s not what I meant”: the correction replaces the typed turn, scored as the reply meant, not as a retry', () => {
    const { run, star } = atStart();
    const { typed } = typedTurn(codeReply, scenario, run, 'Okay.');
    const heard = choose(scenario, run, typed.matchedId, typed);
    const corrected = choose(scenario, retry(heard), star.id, { ...typed, corrected: true });
    expect(corrected.history).toHaveLength(1);
    expect(corrected.history[0]).toMatchObject({ optionId: star.id, attempt: 1, kept: true, exemplar: true });
    expect(corrected.history[0]?.codes).toEqual(star.codes);
    expect(corrected.history[0]?.typed).toMatchObject({ text: 'Okay.', corrected: true });
    // The saved attempt replays to the same run on the server, which reads the words again.
    const replay = replayChoices(scenario, 'practice', savedChoices(corrected), retype);
    expect(replay.ok && replay.run.history[0]?.optionId).toBe(star.id);
  });

  it('action steps of an emergency checklist are chosen, never typed', () => {
    const wes = loadScenario('modules/harm-reduction/scenarios/hr-hostel-overdose.yaml');
    let run = startRun(wes, 'assessed');
    let steps = 0;
    for (let i = 0; i < 12 && !run.ended; i++) {
      if (isActionStep(wes, run)) steps++;
      const next = availableOptions(wes, run).find((option) => option.exemplar) ?? availableOptions(wes, run)[0];
      if (!next) break;
      run = choose(wes, run, next.id);
    }
    expect(steps).toBeGreaterThan(0);
  });

  it('typing the same thing everywhere games no role-play (item 9)', () => {
    for (const file of realScenarioFiles()) {
      const s = loadScenario(file);
      const { outcomes, problems } = typedProbeProblems(codeReply, s);
      expect(problems, file).toEqual([]);
      for (const outcome of outcomes) {
        expect(outcome.band, `${file} ${outcome.strategy}`).not.toBe('proficient');
        expect(scoreRun(s, startRun(s)).band).toBeDefined();
      }
    }
  }, 120_000);
});
