import { latestAttempt, overallBand } from '../course/simulation-band.ts';
import type { Band } from '../engine/scoring.ts';
import { attemptsStore, sessionsStore } from '../stores/roleplays.ts';

/**
 * <al-simulation-progress>: where the learner is in a simulation, read from this device after the
 * page has loaded (never in the server-rendered HTML, which must not depend on stored values):
 * each scene's result for its skill area, the scene to go on with, and the overall result.
 */
class SimulationProgressElement extends HTMLElement {
  #unsubscribe: (() => void)[] = [];

  connectedCallback(): void {
    const render = (): void => {
      this.#render();
    };
    this.#unsubscribe = [attemptsStore().subscribe(render), sessionsStore().subscribe(render)];
  }

  disconnectedCallback(): void {
    for (const stop of this.#unsubscribe) stop();
  }

  #render(): void {
    const attempts = attemptsStore().get().attempts;
    const sessions = sessionsStore().get().sessions;
    const scenes = [...this.querySelectorAll<HTMLElement>('[data-scene]')];
    const bands: (Band | undefined)[] = [];
    let next: HTMLElement | undefined;
    for (const scene of scenes) {
      const id = scene.dataset['scene'] ?? '';
      const latest = latestAttempt(attempts, id);
      const started = Object.keys(sessions).some((key) => key.startsWith(`${id}:`));
      const status = scene.querySelector<HTMLElement>('[data-role="status"]');
      bands.push(latest?.band);
      if (status) {
        status.textContent = latest
          ? `Done: ${latest.band} (${latest.mode === 'assessed' ? 'assessed' : 'practice'})`
          : started
            ? 'In progress: it picks up where you left off'
            : 'Not started';
        status.dataset['status'] = latest ? 'done' : started ? 'started' : '';
      }
      if (!latest && !next) next = scene;
    }
    for (const scene of scenes) {
      scene.toggleAttribute('data-next', scene === next);
      // Said in words as well as shown by the border, so screen-reader users hear which scene comes next.
      const status = scene.querySelector<HTMLElement>('[data-role="status"]');
      if (status && scene === next) status.textContent = `Up next · ${status.textContent}`;
    }
    const overall = this.querySelector<HTMLElement>('[data-role="overall"]');
    if (!overall) return;
    const band = overallBand(bands);
    const done = bands.filter(Boolean).length;
    overall.textContent = band
      ? `Overall: ${band}. The overall result is the lowest of the scene results: a visit is only as sound as its weakest moment.`
      : `${String(done)} of ${String(scenes.length)} scenes done. The overall result appears once every scene is done.`;
  }
}

customElements.define('al-simulation-progress', SimulationProgressElement);
