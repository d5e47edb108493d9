import { clientLine, type Run } from '../../engine/run.ts';
import type { Scenario } from '../../schemas/scenario.ts';

interface Props {
  scenario: Scenario;
  run: Run;
}

interface Entry {
  key: string;
  speaker: 'client' | 'learner';
  context?: string;
  text: string;
}

/** What has been said so far, rebuilt from the run so it is identical after a reload. */
export function conversation(scenario: Scenario, run: Run): Entry[] {
  const entries: Entry[] = [];
  const contextOf = (nodeId: string): string | undefined => {
    const node = scenario.nodes.find((candidate) => candidate.id === nodeId);
    return node && node.type !== 'router' ? node.context : undefined;
  };
  const kept = run.history.filter((turn) => turn.kept);
  kept.forEach((turn, index) => {
    const incoming = kept[index - 1]?.optionId;
    const line = clientLine(scenario, {
      ...run,
      nodeId: turn.nodeId,
      ended: false,
      state: turn.stateBefore,
      ...(incoming ? { incoming } : { incoming: undefined }),
    } as Run);
    const context = contextOf(turn.nodeId);
    entries.push({
      key: `${turn.nodeId}-${String(turn.visit)}`,
      speaker: 'client',
      ...(context ? { context } : {}),
      text: line.bridge ? `${line.bridge} ${line.text}` : line.text,
    });
    const option = scenario.nodes
      .flatMap((node) => (node.type === 'router' ? [] : node.options))
      .find((candidate) => candidate.id === turn.optionId);
    entries.push({ key: `${turn.nodeId}-${String(turn.visit)}-reply`, speaker: 'learner', text: option?.text ?? '' });
  });
  const line = clientLine(scenario, run);
  const context = run.ended ? undefined : contextOf(run.nodeId);
  entries.push({
    key: `${run.nodeId}-${String(run.visit)}${run.ended ? '-end' : ''}`,
    speaker: 'client',
    ...(context ? { context } : {}),
    text: line.bridge ? `${line.bridge} ${line.text}` : line.text,
  });
  return entries;
}

/** Scripts mark stress with *asterisks*; show it as emphasis rather than literal stars. */
function Emphasised({ text }: { text: string }) {
  return (
    <>
      {text
        .split('*')
        .map((part, index) => (index % 2 === 1 ? <em key={index}>{part}</em> : <span key={index}>{part}</span>))}
    </>
  );
}

/** The conversation as a log region, so screen readers announce each new line. */
export function ConversationLog({ scenario, run }: Props) {
  const entries = conversation(scenario, run);
  return (
    <div className="rp-log" role="log" aria-live="polite" aria-label="Conversation">
      {entries.map((entry) => (
        <div key={entry.key} className={`rp-line rp-${entry.speaker}`}>
          {entry.context && <p className="rp-context">{entry.context}</p>}
          <p>
            <strong>{entry.speaker === 'client' ? `${scenario.persona.name}:` : 'You:'}</strong>{' '}
            <Emphasised text={entry.text} />
          </p>
        </div>
      ))}
    </div>
  );
}
