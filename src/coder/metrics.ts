import { BEHAVIOURS, type Behaviour } from './labels.ts';

/** Per-class precision, recall and F1, macro-F1 and the confusion matrix (rows: truth, columns: coded). */
export interface Metrics {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: { behaviour: Behaviour; precision: number; recall: number; f1: number; support: number }[];
  confusion: number[][];
}

export function metrics(pairs: readonly { truth: Behaviour; coded: Behaviour }[]): Metrics {
  const confusion = BEHAVIOURS.map(() => BEHAVIOURS.map(() => 0));
  for (const { truth, coded } of pairs) {
    const row = confusion[BEHAVIOURS.indexOf(truth)];
    if (row) row[BEHAVIOURS.indexOf(coded)] = (row[BEHAVIOURS.indexOf(coded)] ?? 0) + 1;
  }
  const perClass = BEHAVIOURS.map((behaviour, i) => {
    const tp = confusion[i]?.[i] ?? 0;
    const support = (confusion[i] ?? []).reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((sum, row) => sum + (row[i] ?? 0), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { behaviour, precision, recall, f1, support };
  });
  const correct = BEHAVIOURS.reduce((sum, _, i) => sum + (confusion[i]?.[i] ?? 0), 0);
  return {
    n: pairs.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1: perClass.reduce((sum, c) => sum + c.f1, 0) / perClass.length,
    perClass,
    confusion,
  };
}
