import type { MitiCode, Scenario } from '../schemas/scenario.ts';
import { RISK_CUE } from '../schemas/scenario-terms.ts';
import { add, clamp, cmp, div, frac, min, mul, roundHalfUp, toNumber, type Fraction } from './fraction.ts';
import { checklistOf, type ChecklistResult } from './checklist.ts';
import type { Run, Turn } from './run.ts';
import { isActive, type RuptureEpisode } from './state.ts';

/**
 * C2 scoring, a pure function of the history. Thresholds are the MITI 4.2.1 "fair" and "good"
 * summary-score anchors (Moyers et al., 2016; Moyers, Manuel & Ernst, 2014). These are teaching
 * approximations from chosen replies, not MITI coding of real practice (C2.8).
 */

export type Level = 'good' | 'fair' | 'low';
export type Band = 'proficient' | 'developing' | 'beginning';

export interface Counts {
  N: number;
  codes: Record<MitiCode, number>;
  p: number;
  n: number;
  e: number;
  ctGain: number;
  stGain: number;
  stSoft: number;
  /** Open and closed questions asked as risk checks where one was indicated: left out of Q (see riskChecks). */
  riskOQ: number;
  riskCQ: number;
}

export type RiskStatus = 'asked' | 'late' | 'missed';

/** One hopeless line the learner answered, and whether they asked about suicidal thoughts. */
export interface RiskCheck {
  nodeId: string;
  visit: number;
  status: RiskStatus;
}

export interface Scores {
  counts: Counts;
  Q: number;
  R: number;
  /** R / Q; null when Q = 0 (then R ≥ 2 is good, R = 1 fair, R = 0 low). */
  rq: number | null;
  /** %CR as a percentage (0 when R = 0). */
  pctCR: number;
  pctOQ: number | null;
  AD: number;
  NA: number;
  /** Stance index (p − e) / N: −1 all expert, +1 all partnering ("on tap, not on top"). */
  SI: number;
  deltaBond: number;
  /** Globals, clamped but unrounded, and rounded to one decimal. */
  partnership: number;
  empathy: number;
  cct: number;
  sst: number;
  relational: number;
  technical: number;
  /** The four globals as exact fractions, for the module roll-up. */
  exact: Record<'partnership' | 'empathy' | 'cct' | 'sst', Fraction>;
  levels: { rq: Level; pctCR: Level; relational: Level; technical: Level };
  band: Band;
  activeRuptureAtEnd: boolean;
  ruptures: RuptureEpisode[];
  riskChecks: RiskCheck[];
  /** Replies marked risk-unsafe: after a risk disclosure, they left the person less safe. */
  riskLapses: { nodeId: string; visit: number }[];
  /** The scenario's checklist scene, scored beside the MI scores (checklist.ts). */
  checklist?: ChecklistResult;
}

const ZERO_CODES = (): Record<MitiCode, number> => ({
  GI: 0,
  PERS: 0,
  PWP: 0,
  OQ: 0,
  CQ: 0,
  SR: 0,
  CR: 0,
  AF: 0,
  SEEK: 0,
  AUTO: 0,
  CON: 0,
  NC: 0,
});

/** Scored choices: the first attempt at each node visit (C2.1, C8.12); in assessed mode that is every choice. */
export const scoredTurns = (run: Run): Turn[] => run.history.filter((turn) => turn.attempt === 1);

const isRiskCheck = (turn: Turn): boolean => turn.markers.includes('risk-check');

/**
 * Risk checks (issue 12, beside C2; the content point is C7). A client line tagged `risk-cue`
 * sounds hopeless ("what's the point", "when it's your time"): the worker should ask directly and
 * kindly about suicidal thoughts, a reply marked `risk-check`. Asking does not plant the idea
 * (Dazzi et al., 2014). For each scored reply to such a line:
 *   - asked:  that reply is a risk check;
 *   - late:   it is not, but a later scored reply is (the report says it came late);
 *   - missed: no scored reply from there to the end asks.
 * A run with a missed check cannot be proficient, whatever its other scores, and its report names
 * the line it moved past. Only first tries are scored (C8.12), so a retry does not undo a miss.
 * Asking is not the whole procedure: a reply marked `risk-unsafe` (promising to keep a plan secret,
 * putting off acting on it, leaving the person alone) also keeps the run from proficient, because
 * what the worker does with a disclosure matters as much as asking for it (C7).
 */
export function riskChecks(turns: readonly Turn[]): RiskCheck[] {
  return turns.flatMap((turn, index) => {
    if (!turn.talk.includes(RISK_CUE)) return [];
    const status: RiskStatus = isRiskCheck(turn)
      ? 'asked'
      : turns.slice(index + 1).some(isRiskCheck)
        ? 'late'
        : 'missed';
    return [{ nodeId: turn.nodeId, visit: turn.visit, status }];
  });
}

export function countTurns(turns: readonly Turn[]): Counts {
  const counts: Counts = {
    N: turns.length,
    codes: ZERO_CODES(),
    p: 0,
    n: 0,
    e: 0,
    ctGain: 0,
    stGain: 0,
    stSoft: 0,
    riskOQ: 0,
    riskCQ: 0,
  };
  let cueMet = false;
  for (const turn of turns) {
    for (const code of turn.codes) counts.codes[code] += 1;
    // R:Q exception: a risk question where one is indicated (at or after a hopeless line) is not
    // counted as a question. MITI counts every question, and a screening question is closed by
    // design; counting it would teach that asking about suicide costs a worker their score.
    cueMet ||= turn.talk.includes(RISK_CUE);
    if (cueMet && isRiskCheck(turn)) {
      if (turn.codes.includes('OQ')) counts.riskOQ++;
      if (turn.codes.includes('CQ')) counts.riskCQ++;
    }
    if (turn.stance === 'partnering') counts.p++;
    else if (turn.stance === 'expert') counts.e++;
    else counts.n++;
    const { CT = 0, ST = 0 } = turn.effects;
    if (CT > 0) counts.ctGain += CT;
    if (ST > 0) counts.stGain += ST;
    if (ST < 0) counts.stSoft++;
  }
  return counts;
}

export function rqLevel(R: number, Q: number): Level {
  // Q = 0 rule (C2.2): a run of pure reflections cannot be divided, so R itself is banded.
  if (Q === 0) return R >= 2 ? 'good' : R === 1 ? 'fair' : 'low';
  const ratio = frac(R, Q);
  return cmp(ratio, frac(2)) >= 0 ? 'good' : cmp(ratio, frac(1)) >= 0 ? 'fair' : 'low';
}

export function pctLevel(CR: number, R: number): Level {
  if (R === 0) return 'low';
  const share = frac(CR, R);
  return cmp(share, frac(1, 2)) >= 0 ? 'good' : cmp(share, frac(2, 5)) >= 0 ? 'fair' : 'low';
}

const globalLevel = (value: number, good: number, fair: number): Level =>
  value >= good ? 'good' : value >= fair ? 'fair' : 'low';

export interface GlobalInputs {
  counts: Counts;
  ctMax: number;
  deltaBond: number;
  ruptures: readonly RuptureEpisode[];
  activeAtEnd: boolean;
}

/** The four approximated globals of C2.3, as exact fractions (clamped, unrounded). */
export function globals({
  counts,
  ctMax,
  deltaBond,
  ruptures,
  activeAtEnd,
}: GlobalInputs): Record<'partnership' | 'empathy' | 'cct' | 'sst', Fraction> {
  const { N, codes } = counts;
  const R = codes.SR + codes.CR;
  const SI = N === 0 ? frac(0) : frac(counts.p - counts.e, N);
  // RP (C2.5): +0.5 once for a repaired scripted rupture; −0.5 once if any rupture is still active.
  const scriptedRepaired = ruptures.some((episode) => episode.source === 'scripted' && episode.repairedAt);
  const RP = add(frac(scriptedRepaired ? 1 : 0, 2), frac(activeAtEnd ? -1 : 0, 2));
  const RE = frac(activeAtEnd ? -1 : 0, 2);
  // B: did the person actually feel more understood? (bond trajectory, C2.3)
  const B = deltaBond >= 2 ? frac(1, 2) : deltaBond < 0 ? frac(-1, 2) : frac(0);
  const partnership = add(
    frac(3),
    mul(frac(3, 2), SI),
    mul(frac(1, 4), frac(Math.min(4, codes.SEEK + codes.AUTO))),
    RP,
  );
  const reflectiveShare = N === 0 ? frac(0) : min(frac(1), frac(R, N));
  const depth = R === 0 ? frac(0) : frac(codes.CR, R);
  const empathy = add(frac(3, 2), mul(frac(5, 2), reflectiveShare), depth, B, RE);
  const cct = add(frac(1), mul(frac(4), min(frac(1), frac(counts.ctGain, ctMax))));
  const sst = add(frac(3), frac(Math.min(2, counts.stSoft)), frac(-counts.stGain));
  return {
    partnership: clamp(partnership, 1, 5),
    empathy: clamp(empathy, 1, 5),
    cct: clamp(cct, 1, 5),
    sst: clamp(sst, 1, 5),
  };
}

/** Questions for R:Q and %OQ: every open and closed question but the indicated risk checks. */
export const questionCounts = (counts: Counts): { Q: number; OQ: number } => {
  const OQ = counts.codes.OQ - counts.riskOQ;
  return { Q: OQ + counts.codes.CQ - counts.riskCQ, OQ };
};

export function bandFor(
  levels: Scores['levels'],
  NA: number,
  activeAtEnd: boolean,
  naOpenedRepairedRupture: boolean,
  riskMissed = false,
  unsafe = false,
): Band {
  const all = Object.values(levels);
  const good = all.filter((level) => level === 'good').length;
  const low = all.filter((level) => level === 'low').length;
  const naOk = NA === 0 || (NA === 1 && naOpenedRepairedRupture);
  if (good >= 3 && low === 0 && !activeAtEnd && naOk && !riskMissed && !unsafe) return 'proficient';
  if (low <= 1 || (levels.relational !== 'low' && NA === 0)) return 'developing';
  return 'beginning';
}

export function scoreRun(scenario: Scenario, run: Run): Scores {
  const scored = scoredTurns(run);
  // Replies that carry out a checklist step are actions, not MI behaviour: the MI scores leave them out.
  const turns = scored.filter((turn) => turn.action === undefined);
  const counts = countTurns(turns);
  const checks = riskChecks(turns);
  const checklist = checklistOf(scenario, scored);
  const riskLapses = turns
    .filter((turn) => turn.markers.includes('risk-unsafe'))
    .map((turn) => ({ nodeId: turn.nodeId, visit: turn.visit }));
  const { codes, N } = counts;
  const { Q, OQ } = questionCounts(counts);
  const R = codes.SR + codes.CR;
  const AD = codes.SEEK + codes.AF + codes.AUTO;
  const NA = codes.CON + codes.PERS;
  const deltaBond = run.state.bond - scenario.initialState.bond;
  const activeRuptureAtEnd = isActive(run.state.rupture);
  const g = globals({
    counts,
    ctMax: scenario.benchmarks.ctMax,
    deltaBond,
    ruptures: run.ruptures,
    activeAtEnd: activeRuptureAtEnd,
  });
  const relational = roundHalfUp(div(add(g.partnership, g.empathy), frac(2)), 1);
  const technical = roundHalfUp(div(add(g.cct, g.sst), frac(2)), 1);
  const levels = {
    rq: rqLevel(R, Q),
    pctCR: pctLevel(codes.CR, R),
    relational: globalLevel(relational, 4, 3.5),
    technical: globalLevel(technical, 4, 3),
  };
  // NA exception (C8.3): the one non-adherent reply opened a new rupture that was later repaired.
  const naTurns = turns.filter((turn) => turn.codes.some((code) => code === 'CON' || code === 'PERS'));
  const naOpenedRepairedRupture =
    naTurns.length === 1 &&
    run.ruptures.some(
      (episode) =>
        episode.source === 'learner' && episode.repairedAt && run.history[episode.openedAtTurn] === naTurns[0],
    );
  return {
    counts,
    Q,
    R,
    rq: Q === 0 ? null : R / Q,
    pctCR: R === 0 ? 0 : (codes.CR / R) * 100,
    pctOQ: Q === 0 ? null : (OQ / Q) * 100,
    AD,
    NA,
    SI: N === 0 ? 0 : (counts.p - counts.e) / N,
    deltaBond,
    partnership: toNumber(g.partnership),
    empathy: toNumber(g.empathy),
    cct: toNumber(g.cct),
    sst: toNumber(g.sst),
    relational,
    technical,
    exact: g,
    levels,
    band: bandFor(
      levels,
      NA,
      activeRuptureAtEnd,
      naOpenedRepairedRupture,
      checks.some((c) => c.status === 'missed') || riskLapses.length > 0,
      checklist ? !checklist.safe : false,
    ),
    activeRuptureAtEnd,
    ruptures: run.ruptures,
    riskChecks: checks,
    riskLapses,
    ...(checklist ? { checklist } : {}),
  };
}

/** The scores kept with a finished attempt (learner record, gap view, and later the trainer's sync). */
export type ScoreSummary = Pick<
  Scores,
  'rq' | 'pctCR' | 'SI' | 'AD' | 'NA' | 'partnership' | 'empathy' | 'cct' | 'sst' | 'relational' | 'technical'
>;

export function summarise(scores: Scores): ScoreSummary {
  const { rq, pctCR, SI, AD, NA, partnership, empathy, cct, sst, relational, technical } = scores;
  return { rq, pctCR, SI, AD, NA, partnership, empathy, cct, sst, relational, technical };
}

/** Practice mode (C2.7): share of first tries that were the ★, and how many replies were taken back. */
export function practiceStats(run: Run): { firstTryMatch: number; retries: number } {
  const firstTries = scoredTurns(run);
  return {
    firstTryMatch: firstTries.length ? firstTries.filter((turn) => turn.exemplar).length / firstTries.length : 0,
    retries: run.history.filter((turn) => !turn.kept).length,
  };
}

export const BAND_MEANING: Record<Band, string> = {
  beginning: 'Your replies often steered or questioned more than they listened.',
  developing: 'The spirit is there; deepen your reflections and follow change talk.',
  proficient: 'Consistently MI-adherent in this scenario.',
};

/**
 * Why the band and the ending can disagree (issue 11): the band rates the replies, the ending is
 * where the conversation got to. Said in words whenever they point different ways.
 */
export function bandAndEnding(band: Band, outcome: string): string {
  const base = 'The band rates your replies; the ending is where the conversation got to.';
  if (band === 'proficient' && outcome !== 'engaged')
    return `${base} Your replies were strong, and the person still had further to go: people move at their own pace, and one conversation is rarely the whole story.`;
  if (band !== 'proficient' && outcome === 'engaged')
    return `${base} The person got there, but your replies did not yet show the skills consistently, so this would not count as proficient practice.`;
  return base;
}

export interface ModuleRollUp extends Pick<
  Scores,
  'counts' | 'rq' | 'pctCR' | 'partnership' | 'empathy' | 'cct' | 'sst' | 'relational' | 'technical' | 'levels' | 'band'
> {
  scenarios: number;
  /** Ruptures repaired ÷ ruptures met; null when there were none. */
  repairRate: number | null;
  outcomes: Record<string, number>;
}

/**
 * Module roll-up (C2.8, C8.13): pool the code counts of the module's scenarios (latest assessed
 * attempt of each) before computing R:Q and %CR — never average ratios. Globals are N-weighted
 * means of the clamped, unrounded per-scenario values; Relational and Technical are rounded once.
 */
export function rollUp(results: readonly { scores: Scores; outcome: string }[]): ModuleRollUp {
  const counts = countTurns([]);
  for (const { scores } of results) {
    counts.N += scores.counts.N;
    counts.p += scores.counts.p;
    counts.n += scores.counts.n;
    counts.e += scores.counts.e;
    counts.ctGain += scores.counts.ctGain;
    counts.stGain += scores.counts.stGain;
    counts.stSoft += scores.counts.stSoft;
    counts.riskOQ += scores.counts.riskOQ;
    counts.riskCQ += scores.counts.riskCQ;
    for (const code of Object.keys(counts.codes) as MitiCode[]) counts.codes[code] += scores.counts.codes[code];
  }
  const weighted = (key: keyof Scores['exact']): Fraction =>
    counts.N === 0
      ? frac(0)
      : div(add(...results.map(({ scores }) => mul(scores.exact[key], frac(scores.counts.N)))), frac(counts.N));
  const partnership = weighted('partnership');
  const empathy = weighted('empathy');
  const cct = weighted('cct');
  const sst = weighted('sst');
  const relational = roundHalfUp(div(add(partnership, empathy), frac(2)), 1);
  const technical = roundHalfUp(div(add(cct, sst), frac(2)), 1);
  const { Q } = questionCounts(counts);
  const R = counts.codes.SR + counts.codes.CR;
  const levels = {
    rq: rqLevel(R, Q),
    pctCR: pctLevel(counts.codes.CR, R),
    relational: globalLevel(relational, 4, 3.5),
    technical: globalLevel(technical, 4, 3),
  };
  const NA = counts.codes.CON + counts.codes.PERS;
  const anyActive = results.some(({ scores }) => scores.activeRuptureAtEnd);
  const anyMissed = results.some(
    ({ scores }) => scores.riskLapses.length > 0 || scores.riskChecks.some((check) => check.status === 'missed'),
  );
  const anyUnsafe = results.some(({ scores }) => scores.checklist && !scores.checklist.safe);
  const episodes = results.flatMap(({ scores }) => scores.ruptures);
  const outcomes: Record<string, number> = {};
  for (const { outcome } of results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  return {
    scenarios: results.length,
    counts,
    rq: Q === 0 ? null : R / Q,
    pctCR: R === 0 ? 0 : (counts.codes.CR / R) * 100,
    partnership: toNumber(partnership),
    empathy: toNumber(empathy),
    cct: toNumber(cct),
    sst: toNumber(sst),
    relational,
    technical,
    levels,
    // A module is proficient only if no scenario ends with an active rupture (C8.13) or a missed risk check.
    band: bandFor(levels, NA, anyActive, false, anyMissed, anyUnsafe),
    repairRate: episodes.length ? episodes.filter((episode) => episode.repairedAt).length / episodes.length : null,
    outcomes,
  };
}
