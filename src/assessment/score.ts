import type { Instrument } from '../schemas/instrument.ts';

/**
 * Scoring of the working-alliance self-check (curriculum Part B 2.3–2.4): reverse items are
 * (max + min) − rating; a subscale is the mean of its items, shown to one decimal; the overall index
 * is the unweighted mean of the subscale means, a secondary figure. Bands come from the rounded score.
 */

export type Answers = Record<string, number>;

export interface SubscaleScore {
  id: string;
  label: string;
  answered: number;
  /** Rounded to one decimal; null when fewer than 2 items (or none, for a 1-item subscale) were answered. */
  score: number | null;
  band?: { label: string; meaning: string };
}

export interface AssessmentScore {
  complete: boolean;
  answered: number;
  subscales: SubscaleScore[];
  overall: number | null;
  overallBand?: { label: string; meaning: string };
  /** 12 or more items at the top of the scale after reverse scoring (2.3 ceiling check). */
  ceiling: boolean;
}

// Means of a few whole numbers never sit exactly on x.x5 except via halves, so this rounds half-up safely.
const oneDecimal = (value: number): number => Math.round(value * 10 + 1e-9) / 10;

export function bandFor(instrument: Instrument, score: number): { label: string; meaning: string } | undefined {
  const rounded = oneDecimal(score);
  const band = instrument.bands.filter((candidate) => rounded >= candidate.min).at(-1);
  return band ? { label: band.label, meaning: band.meaning } : undefined;
}

export function scoreAnswers(instrument: Instrument, answers: Answers): AssessmentScore {
  const values = instrument.scale.map((point) => point.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const scored = (rating: number, reverse: boolean): number => (reverse ? high + low - rating : rating);
  const valid = (rating: number | undefined): rating is number => rating !== undefined && values.includes(rating);

  let atCeiling = 0;
  const raw: number[] = [];
  const subscales = instrument.subscales.map((subscale): SubscaleScore => {
    const items = instrument.items.filter((item) => item.subscale === subscale.id);
    const ratings = items.flatMap((item) => {
      const rating = answers[item.id];
      return valid(rating) ? [scored(rating, item.reverse)] : [];
    });
    atCeiling += ratings.filter((value) => value === high).length;
    const enough = ratings.length >= Math.min(2, items.length);
    if (!enough || ratings.length === 0)
      return { id: subscale.id, label: subscale.label, answered: ratings.length, score: null };
    const mean = ratings.reduce((sum, value) => sum + value, 0) / ratings.length;
    raw.push(mean);
    const band = bandFor(instrument, mean);
    return {
      id: subscale.id,
      label: subscale.label,
      answered: ratings.length,
      score: oneDecimal(mean),
      ...(band ? { band } : {}),
    };
  });
  const answered = instrument.items.filter((item) => valid(answers[item.id])).length;
  const allScored = raw.length === instrument.subscales.length;
  const overallRaw = allScored ? raw.reduce((sum, value) => sum + value, 0) / raw.length : null;
  const overallBand = overallRaw === null ? undefined : bandFor(instrument, overallRaw);
  return {
    complete: answered === instrument.items.length,
    answered,
    subscales,
    overall: overallRaw === null ? null : oneDecimal(overallRaw),
    ...(overallBand ? { overallBand } : {}),
    ceiling: atCeiling >= 12,
  };
}
