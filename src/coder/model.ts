import { featuresOf } from './features.ts';
import { LABELS, TAGS, type Label, type Tag } from './labels.ts';

/**
 * A linear model over the features of features.ts: one softmax over the fine labels and one logistic
 * unit per secondary tag. Weights are int8 with one scale per head, stored as base64 (weights.ts).
 */

export interface ModelFile {
  version: 1;
  seed: number;
  /** Newline-joined feature strings; a feature's index is its row. */
  features: string;
  labels: readonly string[];
  tags: readonly string[];
  /** Per head (labels then tags): scale and base64 int8 weights, one per feature. */
  heads: { scale: number; weights: string }[];
}

export interface Model {
  index: Map<string, number>;
  labels: readonly Label[];
  tags: readonly Tag[];
  /** Row-major [feature][head]. */
  weights: Float32Array;
  heads: number;
}

export interface Prediction {
  /** Probability of each fine label, in LABELS order. */
  labels: number[];
  /** Probability of each tag, in TAGS order. */
  tags: number[];
}

function fromBase64(text: string): Int8Array {
  const binary = atob(text);
  const bytes = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = (binary.charCodeAt(i) << 24) >> 24;
  return bytes;
}

export function loadModel(file: ModelFile): Model {
  if (file.labels.join() !== LABELS.join() || file.tags.join() !== TAGS.join())
    throw new Error('The coder weights were trained for other labels: run `npm run coder:train`.');
  const features = file.features.split('\n');
  const heads = file.heads.length;
  const weights = new Float32Array(features.length * heads);
  file.heads.forEach((head, h) => {
    const values = fromBase64(head.weights);
    for (let f = 0; f < features.length; f++) weights[f * heads + h] = (values[f] ?? 0) * head.scale;
  });
  return { index: new Map(features.map((feature, i) => [feature, i])), labels: LABELS, tags: TAGS, weights, heads };
}

/** The feature rows a turn switches on (each once). */
export function rowsOf(index: ReadonlyMap<string, number>, text: string): number[] {
  const rows = new Set<number>();
  for (const feature of featuresOf(text)) {
    const row = index.get(feature);
    if (row !== undefined) rows.add(row);
  }
  return [...rows];
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function scoreRows(weights: Float32Array, heads: number, rows: readonly number[]): number[] {
  const scores = new Array<number>(heads).fill(0);
  const norm = 1 / Math.sqrt(Math.max(rows.length, 1));
  for (const row of rows) {
    const base = row * heads;
    for (let h = 0; h < heads; h++) scores[h] = (scores[h] ?? 0) + (weights[base + h] ?? 0) * norm;
  }
  return scores;
}

export function predict(model: Model, text: string): Prediction {
  const scores = scoreRows(model.weights, model.heads, rowsOf(model.index, text));
  const labelCount = model.labels.length;
  return {
    labels: softmax(scores.slice(0, labelCount)),
    tags: scores.slice(labelCount).map(sigmoid),
  };
}
