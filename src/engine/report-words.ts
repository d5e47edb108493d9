import type { StepStatus } from './checklist.ts';
import type { RiskStatus } from './scoring.ts';

/**
 * The words reports and transcripts use for risk checks and checklist steps. Apart from the rules
 * themselves, so the role-play page loads them only with its end report.
 */

/** What a risk check's outcome means, in the end report and the annotated transcripts. */
export const RISK_WORDS: Record<RiskStatus, string> = {
  asked: 'Risk check: this sounded hopeless, and the reply asked directly about suicidal thoughts.',
  late: 'Risk check, late: this sounded hopeless; suicidal thoughts were asked about later, not here.',
  missed:
    'Risk check missed: this sounded hopeless, and no reply afterwards asked about suicidal thoughts. Ask directly and kindly, then follow your service’s risk procedure.',
};

export const RISK_LAPSE_WORDS =
  'A reply after the person said they were at risk left them less safe (promising secrecy, putting it off or leaving them alone). Stay with them, keep them safe and follow your service’s procedure.';

export const STEP_WORDS: Record<StepStatus, string> = {
  done: 'done, in a safe order',
  'out-of-order': 'done, but too early',
  missed: 'missed',
};
