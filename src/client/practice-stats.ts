import { summaryOf } from '../coder/reflection-feedback.ts';
import { pctLevel, rqLevel } from '../engine/scoring.ts';

/** "R:Q 2.0 (good), complex reflections 40% (fair)". */
export function statsLine(counts: { Q: number; R: number; CR: number; tries: number }): string {
  if (counts.tries === 0) return 'This session: nothing typed yet.';
  const { rq, pctCR } = summaryOf(counts);
  const rqText = counts.Q === 0 ? 'no questions' : `R:Q ${rq.toFixed(1)} (${rqLevel(counts.R, counts.Q)})`;
  return `This session: ${String(counts.tries)} typed, ${String(counts.R)} read as reflections, ${String(counts.Q)} as questions. ${rqText}; complex reflections ${Math.round(pctCR).toString()}% of reflections (${pctLevel(counts.CR, counts.R)}).`;
}
