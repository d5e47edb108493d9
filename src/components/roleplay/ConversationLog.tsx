import type { Run } from '../../engine/run.ts';
import { transcript } from '../../engine/transcript.ts';
import type { Scenario } from '../../schemas/scenario.ts';

interface Props {
  scenario: Scenario;
  run: Run;
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
  return (
    <div className="rp-log" role="log" aria-live="polite" aria-label="Conversation">
      {transcript(scenario, run).map((entry) => (
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
