import type { Scenario } from '../schemas/scenario.ts';
import { modelOf } from './model.ts';
import { lineAt, type Run } from './run.ts';

/** One line of a played conversation, as the player shows it and the CLI prints it. */
export interface TranscriptEntry {
  /** Stable across reloads: node and visit, so a line keeps its identity as the conversation grows. */
  key: string;
  speaker: 'client' | 'learner';
  nodeId: string;
  /** The stage direction at a client node. */
  context?: string;
  text: string;
  codes?: string[];
  stance?: string;
}

/** What has been said so far (kept replies only), rebuilt from the run so it is identical after a reload. */
export function transcript(scenario: Scenario, run: Run): TranscriptEntry[] {
  const model = modelOf(scenario);
  const said = (nodeId: string, key: string, line: { bridge?: string; text: string }): TranscriptEntry => {
    const context = model.clients.get(nodeId)?.context;
    return {
      key,
      speaker: 'client',
      nodeId,
      ...(context ? { context } : {}),
      text: line.bridge ? `${line.bridge} ${line.text}` : line.text,
    };
  };
  const kept = run.history.filter((turn) => turn.kept);
  const entries = kept.flatMap((turn, index): TranscriptEntry[] => {
    const key = `${turn.nodeId}-${String(turn.visit)}`;
    const line = lineAt(scenario, {
      nodeId: turn.nodeId,
      ended: false,
      state: turn.stateBefore,
      incoming: kept[index - 1]?.optionId,
    });
    return [
      said(turn.nodeId, key, line),
      {
        key: `${key}-reply`,
        speaker: 'learner',
        nodeId: turn.nodeId,
        // A typed reply is shown as the learner typed it (the person answers the reply it was heard as).
        text: turn.typed?.text ?? model.options.get(turn.optionId)?.option.text ?? '',
        codes: turn.codes,
        stance: turn.stance,
      },
    ];
  });
  // An ending is not a client node, so its closing line has no stage direction.
  return [
    ...entries,
    said(run.nodeId, `${run.nodeId}-${String(run.visit)}${run.ended ? '-end' : ''}`, lineAt(scenario, run)),
  ];
}
