/**
 * `npm run coder:eval`: the coder on the development set (content/coder/dev, never trained on):
 * per-class precision, recall, F1, macro-F1 and the confusion matrix, plus the corpus sizes, the coder's
 * speed and its gzipped size. Prints the report and writes it into BENCHMARKS.md between the
 * `coder:eval` markers (`npm run bench` keeps that section).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { codeReply } from '../src/coder/coder.ts';
import { readCorpus } from '../src/coder/corpus.ts';
import { BEHAVIOURS } from '../src/coder/labels.ts';
import { metrics } from '../src/coder/metrics.ts';

const dev = readCorpus('content/coder/dev');
const trainSet = readCorpus('content/coder/train');
const pairs = dev.map((example) => ({ truth: example.behaviour, coded: codeReply(example.text).behaviour, example }));
const m = metrics(pairs);

const subtypePairs = pairs.filter((p) => p.truth === p.coded && ['question', 'reflection'].includes(p.truth));
const subtypeRight = subtypePairs.filter((p) => codeReply(p.example.text).codes[0] === p.example.codes[0]).length;
const riskTruth = dev.filter((e) => e.codes.includes('RISK'));
const riskFound = riskTruth.filter((e) => codeReply(e.text).codes.includes('RISK')).length;
const riskFalse = dev.filter((e) => !e.codes.includes('RISK') && codeReply(e.text).codes.includes('RISK')).length;

const turns = [...trainSet, ...dev].map((e) => e.text);
const start = performance.now();
let coded = 0;
while (performance.now() - start < 1500)
  for (const text of turns) {
    codeReply(text);
    coded++;
  }
const perSecond = coded / ((performance.now() - start) / 1000);
const weightsGz = gzipSync(readFileSync('src/coder/weights.ts')).length;

const pct = (x: number): string => x.toFixed(3);
const sizes = (set: typeof dev): string =>
  BEHAVIOURS.map((b) => {
    const rows = set.filter((e) => e.behaviour === b);
    const spoken = rows.filter((e) => e.style === 'spoken').length;
    return `| ${b} | ${String(rows.length)} | ${String(rows.length - spoken)} | ${String(spoken)} |`;
  }).join('\n');

const report = `<!-- coder:eval -->
## The MI coder on the development set (\`npm run coder:eval\`)

Development set: ${String(dev.length)} turns (content/coder/dev, written from separate briefs by a separate writer, never trained on). Training corpus: ${String(trainSet.length)} turns.

| behaviour | precision | recall | F1 | support |
|---|---|---|---|---|
${m.perClass.map((c) => `| ${c.behaviour} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${String(c.support)} |`).join('\n')}

**Macro-F1 ${pct(m.macroF1)}** (target ≥ 0.80), accuracy ${pct(m.accuracy)}. Subtype (open/closed, simple/complex) right on ${String(subtypeRight)} of ${String(subtypePairs.length)} questions and reflections coded as such; direct suicide questions found ${String(riskFound)} of ${String(riskTruth.length)}, ${String(riskFalse)} false alarms.

Confusion matrix (rows: the writer's label; columns: the coder's):

| | ${BEHAVIOURS.join(' | ')} |
|---|---|---|---|---|
${BEHAVIOURS.map((b, i) => `| ${b} | ${(m.confusion[i] ?? []).join(' | ')} |`).join('\n')}

Corpus sizes (typed / spoken):

| training | turns | typed | spoken |
|---|---|---|---|
${sizes(trainSet)}

| development | turns | typed | spoken |
|---|---|---|---|
${sizes(dev)}

Speed: ${Math.round(perSecond).toLocaleString('en-GB')} turns per second in Node (target ≥ 5,000). Weights: ${(weightsGz / 1024).toFixed(1)} KB gzipped (the whole lazily loaded chunk is measured by \`npm run bench\`).
<!-- /coder:eval -->`;

console.log(report);
const file = 'BENCHMARKS.md';
const current = readFileSync(file, 'utf8');
const marked = /<!-- coder:eval -->[\s\S]*<!-- \/coder:eval -->/;
writeFileSync(file, marked.test(current) ? current.replace(marked, report) : `${current.trimEnd()}\n\n${report}\n`);
