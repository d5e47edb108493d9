import { featuresOf } from './features.ts';
import { LABELS, TAGS, labelOf, type Example } from './labels.ts';
import { scoreRows, sigmoid, softmax, type ModelFile } from './model.ts';

/**
 * Trains the coder: a vocabulary of features seen often enough, then AdaGrad on the softmax loss over
 * the fine labels and the logistic loss of each tag, with L2 and class weights (rarer labels count
 * more, so macro-F1 is not traded for the common ones). Seeded: the same corpus and seed give the same
 * weights, byte for byte.
 */

export interface TrainOptions {
  seed: number;
  epochs?: number;
  rate?: number;
  l2?: number;
  minCount?: number;
  prune?: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function toBase64(values: Int8Array): string {
  let binary = '';
  for (const value of values) binary += String.fromCharCode(value & 0xff);
  return btoa(binary);
}

export function vocabulary(examples: readonly Example[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const example of examples)
    for (const feature of new Set(featuresOf(example.text))) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  return [...counts]
    .filter(([feature, count]) => count >= (feature.startsWith('c:') ? minCount + 2 : minCount) || feature === 'bias')
    .map(([feature]) => feature)
    .sort();
}

export function train(examples: readonly Example[], options: TrainOptions): ModelFile {
  const { seed, epochs = 30, rate = 0.5, l2 = 1e-5, minCount = 4, prune = 16 } = options;
  const features = vocabulary(examples, minCount);
  const index = new Map(features.map((feature, i) => [feature, i]));
  const heads = LABELS.length + TAGS.length;
  const weights = new Float32Array(features.length * heads);
  const squares = new Float32Array(features.length * heads).fill(1e-6);

  const data = examples.map((example) => {
    const rows = [
      ...new Set(
        featuresOf(example.text)
          .map((f) => index.get(f))
          .filter((r) => r !== undefined),
      ),
    ];
    const label = LABELS.indexOf(labelOf(example));
    const tags = TAGS.map((tag) => (example.codes.slice(1).includes(tag) ? 1 : 0));
    return { rows, label, tags };
  });
  const labelCounts = LABELS.map((_, i) => data.filter((d) => d.label === i).length);
  const classWeight = labelCounts.map((count) => (count === 0 ? 0 : Math.sqrt(data.length / LABELS.length / count)));

  const random = mulberry32(seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const n of order) {
      const item = data[n];
      if (!item) continue;
      const scores = scoreRows(weights, heads, item.rows);
      const probs = softmax(scores.slice(0, LABELS.length));
      const weight = classWeight[item.label] ?? 1;
      const gradient = new Array<number>(heads);
      for (let h = 0; h < LABELS.length; h++) gradient[h] = ((probs[h] ?? 0) - (h === item.label ? 1 : 0)) * weight;
      for (let t = 0; t < TAGS.length; t++)
        gradient[LABELS.length + t] = sigmoid(scores[LABELS.length + t] ?? 0) - (item.tags[t] ?? 0);
      const norm = 1 / Math.sqrt(Math.max(item.rows.length, 1));
      for (const row of item.rows) {
        const base = row * heads;
        for (let h = 0; h < heads; h++) {
          const k = base + h;
          const g = (gradient[h] ?? 0) * norm + l2 * (weights[k] ?? 0);
          squares[k] = (squares[k] ?? 0) + g * g;
          weights[k] = (weights[k] ?? 0) - (rate * g) / Math.sqrt(squares[k] ?? 1);
        }
      }
    }
  }

  // int8 per head; weights under `prune` steps of 127 are dropped, and so are features left with none,
  // which keeps the browser's download small (issue 13: at most 250 KB gzipped).
  const scales = Array.from({ length: heads }, (_, h) => {
    let max = 0;
    for (let f = 0; f < features.length; f++) max = Math.max(max, Math.abs(weights[f * heads + h] ?? 0));
    return max === 0 ? 1 : Number((max / 127).toPrecision(6));
  });
  const quantised = features.map((_, f) =>
    scales.map((scale, h) => {
      const q = Math.round((weights[f * heads + h] ?? 0) / scale);
      return Math.abs(q) < prune ? 0 : q;
    }),
  );
  const keep = features.map((feature, f) => feature === 'bias' || (quantised[f] ?? []).some((q) => q !== 0));
  const kept = features.filter((_, f) => keep[f]);
  const rows = quantised.filter((_, f) => keep[f]);
  const outHeads = scales.map((scale, h) => ({
    scale,
    weights: toBase64(Int8Array.from(rows, (row) => row[h] ?? 0)),
  }));
  return { version: 1, seed, features: kept.join('\n'), labels: LABELS, tags: TAGS, heads: outHeads };
}
