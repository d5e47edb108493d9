import { readAs } from '../coder/words.ts';
import { annotate, type AnnotatedExchange, type AnnotatedReply } from '../engine/annotated.ts';
import { RISK_WORDS } from '../engine/report-words.ts';
import { BAND_MEANING } from '../engine/scoring.ts';
import { replayOnVersion, type Version } from '../engine/versions.ts';
import { attemptsStore, type Attempt } from '../stores/roleplays.ts';
import { tableRow } from './chart-parts.ts';
import { CourseElement } from './course-element.ts';
import './storage-notice.ts';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
};

function facts(attempt: Attempt, outcome: string): [string, string][] {
  const { scores, ruptures = [] } = attempt;
  const repaired = ruptures.filter((rupture) => rupture.repaired).length;
  return [
    ['Finished', new Date(attempt.finishedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })],
    ['Mode', attempt.mode === 'assessed' ? 'Assessed (no feedback during the conversation)' : 'Practice'],
    ['Band', `${attempt.band}: ${BAND_MEANING[attempt.band]}`],
    ['Ending', outcome],
    ['Reflections to questions (R:Q)', scores.rq === null ? '— (no questions asked)' : `${scores.rq.toFixed(1)} : 1`],
    ['Complex reflections', `${String(Math.round(scores.pctCR))}%`],
    ['Relational', scores.relational.toFixed(1)],
    ['Technical', scores.technical.toFixed(1)],
    ['Stance: on tap (+1) or on top (−1)', scores.SI.toFixed(2)],
    [
      'Strains in the relationship',
      ruptures.length ? `${String(ruptures.length)}, ${String(repaired)} repaired` : 'none',
    ],
  ];
}

function replyView(reply: AnnotatedReply): HTMLElement {
  const box = el('div', undefined, 'reply');
  box.dataset['kept'] = String(reply.kept);
  const said = el('p');
  said.append(el('strong', reply.kept ? 'You: ' : 'You (taken back): '), `“${reply.text}”`);
  if (!reply.scored) said.append(el('span', ' (a second try, not scored)', 'meta'));
  const labels = el('ul', undefined, 'labels');
  labels.setAttribute('aria-label', 'How a coder would label this reply');
  for (const label of [...reply.codes, reply.stance]) labels.append(el('li', label));
  box.append(said, labels);
  if (reply.typed) {
    const corrected = reply.typed.corrected
      ? ' You said this is not what you meant, and chose this reply instead.'
      : '';
    box.append(
      el(
        'p',
        `Typed. ${readAs(reply.typed.codes, reply.typed.confidence)} The person heard it as “${reply.typed.heardAs}”.${corrected}`,
        'typed-reading',
      ),
    );
    if (reply.typed.flagged)
      box.append(el('p', 'You flagged this reading as wrong; your trainer sees the flag.', 'meta'));
  }
  if (reply.evidence.length) box.append(el('p', `What it showed: ${reply.evidence.join('; ')}.`));
  if (reply.changes.length) box.append(el('p', `What changed: ${reply.changes.join('; ')}.`, 'meta'));
  if (!reply.typed) box.append(el('p', reply.feedback));
  return box;
}

function exchangeView(exchange: AnnotatedExchange, name: string): HTMLLIElement {
  const item = el('li');
  if (exchange.context) item.append(el('p', exchange.context, 'meta'));
  item.append(el('p', `${name}: “${exchange.client}”`, 'client-line'));
  if (exchange.risk) item.append(el('p', RISK_WORDS[exchange.risk], exchange.risk === 'asked' ? 'meta' : 'notice'));
  for (const reply of exchange.replies) item.append(replyView(reply));
  if (exchange.strongest) {
    const stronger = el('p', undefined, 'stronger');
    stronger.append(el('strong', 'The strongest reply here: '), `“${exchange.strongest}”`);
    item.append(stronger);
  }
  return item;
}

/** <al-attempt-transcript>: one saved attempt (?attempt=<id>), rebuilt from this device and annotated. */
class AttemptTranscriptElement extends CourseElement {
  connectedCallback(): void {
    const data = JSON.parse(document.getElementById('scenario-data')?.textContent ?? 'null') as {
      versions: Version[];
    } | null;
    const scenario = data?.versions[0]?.scenario;
    const id = new URLSearchParams(location.search).get('attempt');
    if (!data || !scenario) return;
    const attempt = attemptsStore()
      .get()
      .attempts.find((candidate) => candidate.id === id && candidate.scenarioId === scenario.id);
    if (!attempt) {
      this.#say(
        id
          ? 'This attempt is not saved on this device. If you played it on another device, download your record there and import it here.'
          : 'No attempt was chosen.',
      );
      return;
    }
    const rows = facts(attempt, attempt.outcome).map((pair) => tableRow(pair));
    this.byRole('facts').replaceChildren(...rows);
    this.byRole('summary').hidden = false;
    this.byRole('print').addEventListener('click', () => {
      window.print();
    });
    const replay = replayOnVersion(
      data.versions,
      attempt.mode,
      attempt.transcript,
      attempt.scenarioHash,
      attempt.finishedAt,
    );
    if (!replay.ok) {
      this.#say(`${replay.reason} Your scores above are as they were saved.`);
      return;
    }
    const played = replay.version.scenario;
    if (replay.version.hash !== data.versions[0]?.hash) {
      const note = this.byRole('version');
      note.textContent = 'You played an earlier version of this role-play; this is the conversation as it was then.';
      note.hidden = false;
    }
    const annotated = annotate(played, replay.run);
    this.byRole('status').textContent = `${String(annotated.exchanges.length)} exchanges with ${played.persona.name}.`;
    this.byRole('exchanges').replaceChildren(
      ...annotated.exchanges.map((exchange) => exchangeView(exchange, played.persona.name)),
    );
    if (annotated.ending) {
      const body = this.byRole('ending-body');
      body.replaceChildren(
        el('p', `${played.persona.name}: “${annotated.ending.line}”`, 'client-line'),
        el('p', `Ending (${annotated.ending.outcome}). ${annotated.ending.debrief}`),
      );
      this.byRole('ending').hidden = false;
    }
  }

  #say(message: string): void {
    const status = this.byRole('status');
    status.replaceChildren(message, ' ');
    status.append(Object.assign(el('a', 'Go to my record'), { href: '/progress/' }));
  }
}

if (!customElements.get('al-attempt-transcript'))
  customElements.define('al-attempt-transcript', AttemptTranscriptElement);
