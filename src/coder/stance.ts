import type { Stance } from '../schemas/scenario.ts';
import type { CoderCode } from './labels.ts';

/**
 * The stance of a typed turn, from its codes (issue 13, item 8; the pairings of curriculum C1.5):
 *   - expert: any persuading (PERS) or confronting (CON), including a suggestion asked as a question;
 *   - partnering: otherwise, any reflection (SR, CR), affirmation (AF), seeking collaboration (SEEK),
 *     emphasising autonomy (AUTO) or open question (OQ), since each follows or evokes the person's view;
 *   - neutral: everything else (GI, CQ, PWP, NC).
 */
export function stanceOf(codes: readonly CoderCode[]): Stance {
  if (codes.some((code) => code === 'PERS' || code === 'CON')) return 'expert';
  if (codes.some((code) => ['SR', 'CR', 'AF', 'SEEK', 'AUTO', 'OQ'].includes(code))) return 'partnering';
  return 'neutral';
}
