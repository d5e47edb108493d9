/**
 * The benchmark's comparison row: one role-play exported to ink (scripts/ink-export.ts), compiled
 * with inkjs's compiler, and played by the inkjs runtime in a minimal page. Written to
 * bench-results/ink/ (never committed) and measured like the course's own pages.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Compiler } from 'inkjs/compiler/Compiler';
import { parse } from 'yaml';
import { scenarioSchema } from '../src/schemas/scenario.ts';
import { inkSource } from './ink-export.ts';

export const INK_DIR = 'bench-results/ink';

const PAGE = (title: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="The same role-play played by the inkjs runtime, for comparison." />
    <title>${title} (ink)</title>
    <style>
      body { font: 1.05rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 0 auto; padding: 1rem; color: #1d2a2e; }
      button { display: block; width: 100%; text-align: left; margin: 0.5rem 0; padding: 0.75rem; font: inherit; }
    </style>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <div id="log" role="log" aria-live="polite" aria-label="Conversation"></div>
      <h2>Your reply</h2>
      <div id="choices"></div>
    </main>
    <script src="ink.js"></script>
    <script src="player.js"></script>
  </body>
</html>
`;

const PLAYER = `fetch('story.json').then((r) => r.text()).then((json) => {
  const story = new inkjs.Story(json);
  const log = document.getElementById('log');
  const choices = document.getElementById('choices');
  function step() {
    while (story.canContinue) {
      const p = document.createElement('p');
      p.textContent = story.Continue();
      log.append(p);
    }
    choices.replaceChildren(...story.currentChoices.map((choice) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = choice.text;
      b.addEventListener('click', () => { story.ChooseChoiceIndex(choice.index); step(); });
      return b;
    }));
  }
  step();
});
`;

/** Writes the ink page for one scenario file; returns its size facts. */
export function buildInkPage(scenarioFile: string): { storyBytes: number; sourceLines: number } {
  const scenario = scenarioSchema.parse(parse(readFileSync(scenarioFile, 'utf8')));
  const source = inkSource(scenario);
  const compiler = new Compiler(source);
  const story = compiler.Compile();
  if (compiler.errors.length)
    throw new Error(`ink export of ${scenarioFile} did not compile: ${compiler.errors.join('; ')}`);
  const json = story.ToJson() ?? '';
  mkdirSync(INK_DIR, { recursive: true });
  writeFileSync(join(INK_DIR, 'story.ink'), source);
  writeFileSync(join(INK_DIR, 'story.json'), json);
  writeFileSync(join(INK_DIR, 'index.html'), PAGE(scenario.title));
  writeFileSync(join(INK_DIR, 'player.js'), PLAYER);
  copyFileSync('node_modules/inkjs/dist/ink.js', join(INK_DIR, 'ink.js'));
  return { storyBytes: json.length, sourceLines: source.split('\n').length };
}
