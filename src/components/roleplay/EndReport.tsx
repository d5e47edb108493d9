import { forwardRef, type ReactNode } from 'react';
import { RISK_LAPSE_WORDS, RISK_WORDS, STEP_WORDS } from '../../engine/report-words.ts';
import { CODE_WORDS, STANCE_WORDS, practiceTips } from '../../engine/feedback.ts';
import { modelOf } from '../../engine/model.ts';
import { lineAt, type Run } from '../../engine/run.ts';
import { BAND_MEANING, bandAndEnding, practiceStats, type Scores } from '../../engine/scoring.ts';
import { isTimely } from '../../engine/state.ts';
import type { Scenario } from '../../schemas/scenario.ts';
import { TypedReading } from './TypedReading.tsx';

interface Props {
  scenario: Scenario;
  run: Run;
  scores: Scores;
  onRestart: () => void;
  /** For an assigned role-play: where sending its result to the trainer stands. */
  status?: ReactNode;
  /** Assessed: flags the reading of a typed turn (its index in the run's history) as wrong. */
  onFlag?: ((index: number) => void) | undefined;
  /** The typed turns already flagged (history indexes). */
  flagged?: readonly number[] | undefined;
}

const LEVEL_WORDS = { good: 'good', fair: 'fair', low: 'below fair' } as const;
const two = (value: number): string => (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, '');

/** The end report (C2.7): ending, band with its meaning, metrics, turn-by-turn replay, ruptures, tips. */
export const EndReport = forwardRef<HTMLHeadingElement, Props>(function EndReport(
  { scenario, run, scores, onRestart, status, onFlag, flagged = [] },
  headingRef,
) {
  const ending = scenario.endings.find((candidate) => candidate.id === run.nodeId);
  const { options } = modelOf(scenario);
  const kept = run.history.filter((turn) => turn.kept);
  const practice = run.mode === 'practice';
  // The line as the learner heard it (a replacement line can be the hopeless one).
  const hopelessLine = (nodeId: string, visit: number): string => {
    const turn = run.history.find((candidate) => candidate.nodeId === nodeId && candidate.visit === visit);
    return turn ? lineAt(scenario, { nodeId, ended: false, state: turn.stateBefore }).text : '';
  };
  const stats = practiceStats(run);
  const rq =
    scores.rq === null
      ? `— (no questions; ${String(scores.R)} reflection${scores.R === 1 ? '' : 's'})`
      : `${two(scores.rq)} : 1`;
  return (
    <section className="rp-report" aria-labelledby="rp-report-heading">
      <h2 id="rp-report-heading" tabIndex={-1} ref={headingRef}>
        How it went: {scores.band}
      </h2>
      <p className="band-meaning">{BAND_MEANING[scores.band]}</p>
      {scores.riskChecks
        .filter((check) => check.status !== 'asked')
        .map((check) => (
          <p className="notice" key={`${check.nodeId}-${String(check.visit)}`}>
            {RISK_WORDS[check.status]} {scenario.persona.name}: “{hopelessLine(check.nodeId, check.visit)}”
          </p>
        ))}
      {scores.riskLapses.length > 0 && <p className="notice">{RISK_LAPSE_WORDS}</p>}
      {status}
      {ending && (
        <div className="card">
          <p>
            <strong>Ending ({ending.outcome}).</strong> {ending.debrief}
            {ending.outcome === 'partial' &&
              scores.activeRuptureAtEnd &&
              ' Something between you is still unresolved; the next contact should start there.'}
          </p>
          {ending.storyNote && <p className="meta">What happens next: {ending.storyNote}</p>}
          <p className="meta band-vs-ending">{bandAndEnding(scores.band, ending.outcome)}</p>
        </div>
      )}
      {scores.checklist && (
        <section className="card" aria-labelledby="rp-checklist-heading">
          <h3 id="rp-checklist-heading">
            {scores.checklist.title}: {scores.checklist.safe ? 'safe' : 'not yet safe'}
          </h3>
          <ol>
            {scores.checklist.steps.map((step) => (
              <li key={step.id}>
                {step.label}: {STEP_WORDS[step.status]}
                {!step.critical && ' (if needed)'}
              </li>
            ))}
          </ol>
          {scores.checklist.unsafe > 0 && (
            <p className="notice">
              {scores.checklist.unsafe === 1 ? 'One choice' : `${String(scores.checklist.unsafe)} choices`} could have
              put the person in danger: see the feedback turn by turn below.
            </p>
          )}
          <p className="meta">Your MI scores count only what you said; these steps are scored beside them.</p>
        </section>
      )}
      <div className="table-scroll" role="region" aria-label="Your scores" tabIndex={0}>
        <table className="metrics">
          <caption>Your scores {practice ? '(practice, first tries counted)' : '(assessed)'}</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Score</th>
              <th scope="col">Level</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Reflections to questions (R:Q)</th>
              <td>{rq}</td>
              <td>{LEVEL_WORDS[scores.levels.rq]}</td>
            </tr>
            <tr>
              <th scope="row">Complex reflections</th>
              <td>{Math.round(scores.pctCR)}%</td>
              <td>{LEVEL_WORDS[scores.levels.pctCR]}</td>
            </tr>
            <tr>
              <th scope="row">
                Relational (partnership {two(scores.partnership)}, empathy {two(scores.empathy)})
              </th>
              <td>{scores.relational.toFixed(1)}</td>
              <td>{LEVEL_WORDS[scores.levels.relational]}</td>
            </tr>
            <tr>
              <th scope="row">
                Technical (change talk {two(scores.cct)}, sustain talk {two(scores.sst)})
              </th>
              <td>{scores.technical.toFixed(1)}</td>
              <td>{LEVEL_WORDS[scores.levels.technical]}</td>
            </tr>
            <tr>
              <th scope="row">Stance: on tap (+1) or on top (−1)</th>
              <td>{scores.SI.toFixed(2)}</td>
              <td>{scores.SI >= 0.5 ? 'partnering' : scores.SI > 0 ? 'mixed' : 'expert-leaning'}</td>
            </tr>
            <tr>
              <th scope="row">MI-adherent / non-adherent replies</th>
              <td>
                {scores.AD} / {scores.NA}
              </td>
              <td>{scores.NA === 0 ? 'none non-adherent' : 'some steering'}</td>
            </tr>
            {practice && (
              <tr>
                <th scope="row">First-try match with the strongest reply</th>
                <td>{Math.round(stats.firstTryMatch * 100)}%</td>
                <td>{stats.retries} retried</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {scores.ruptures.length > 0 && (
        <section aria-labelledby="rp-ruptures-heading">
          <h3 id="rp-ruptures-heading">Strains in the relationship</h3>
          <p>Ruptures are expected in real work. The skill is noticing them and repairing them.</p>
          <ul className="rupture-cards">
            {scores.ruptures.map((episode, index) => (
              <li key={index} className="card">
                <strong>
                  {episode.type === 'withdrawal' ? 'Withdrawal (pulling away)' : 'Confrontation (pushing back)'}
                </strong>
                ,{' '}
                {episode.source === 'scripted'
                  ? 'already there in the story'
                  : `after your reply ${episode.optionId ?? ''}`}{' '}
                at {episode.nodeId}.{' '}
                {episode.repairedAt
                  ? `Repaired at ${episode.repairedAt.nodeId} (${episode.repairedAt.optionId})${isTimely(episode) ? ': a timely repair.' : '.'}`
                  : 'Not repaired by the end: start there next time you meet.'}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="rp-replay-heading">
        <h3 id="rp-replay-heading">Turn by turn</h3>
        <ol className="replay">
          {kept.map((turn) => {
            const entry = options.get(turn.optionId);
            const star = entry?.node.options.find((option) => option.exemplar);
            // Only the first try at each turn is scored (C8.12); a retried turn shows both.
            const first =
              turn.attempt > 1
                ? run.history.find((other) => other.visit === turn.visit && other.attempt === 1)
                : undefined;
            const firstText = first ? options.get(first.optionId)?.option.text : undefined;
            return (
              <li key={`${turn.nodeId}-${String(turn.visit)}`}>
                {first && (
                  <p className="scored-first">
                    <strong>Scored, your first try:</strong> “{firstText}”{' '}
                    <span className="meta">
                      ({first.codes.map((code) => CODE_WORDS[code] ?? code).join(' + ')};{' '}
                      {STANCE_WORDS[first.stance] ?? first.stance})
                    </span>
                  </p>
                )}
                <p>
                  <strong>{first ? 'Your retry (not scored):' : turn.typed ? 'You typed:' : 'You:'}</strong> “
                  {turn.typed?.text ?? entry?.option.text}”{' '}
                  <span className="meta">
                    ({turn.codes.map((code) => CODE_WORDS[code] ?? code).join(' + ')};{' '}
                    {STANCE_WORDS[turn.stance] ?? turn.stance})
                  </span>
                </p>
                {turn.typed ? (
                  <TypedReading
                    turn={{ ...turn, typed: turn.typed }}
                    scenario={scenario}
                    index={run.history.indexOf(turn)}
                    flagged={flagged}
                    onFlag={onFlag}
                  />
                ) : (
                  <p>{entry?.option.feedback}</p>
                )}
                {star && star.id !== turn.optionId && (
                  <p className="stronger">
                    <strong>The strongest reply here:</strong> “{star.text}”
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="rp-tips-heading">
        <h3 id="rp-tips-heading">What to practise next</h3>
        <ul>
          {practiceTips(scores.levels).map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
        <p className="meta">
          These scores come from{' '}
          {kept.some((turn) => turn.typed)
            ? 'your replies, typed replies as the coder read them'
            : 'choosing pre-written replies'}
          . They are practice feedback borrowed from MITI coding, not a fidelity rating of your real work.
        </p>
      </section>
      <p>
        <button type="button" onClick={onRestart}>
          Try again
        </button>{' '}
        <a className="button secondary" href="/roleplays/">
          All role-plays
        </a>
      </p>
    </section>
  );
});
