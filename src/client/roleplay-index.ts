import { attemptsStore, bestBand } from '../stores/roleplays.ts';

/** <al-best-band data-scenario>: the learner's best band so far in a role-play. */
class BestBandElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.#unsubscribe = attemptsStore().subscribe(({ attempts }) => {
      const band = bestBand(attempts, this.dataset['scenario'] ?? '');
      const badge = this.querySelector<HTMLElement>('.lesson-status');
      if (!badge) return;
      badge.textContent = band ? `Best: ${band}` : 'Not tried yet';
      badge.dataset['status'] = band === 'proficient' ? 'done' : band ? 'started' : '';
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

/** <al-roleplay-filter>: shows one module's role-plays, remembered in the address for sharing. */
class RoleplayFilterElement extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    if (!select) return;
    const apply = (): void => {
      document.querySelectorAll<HTMLElement>('.roleplay-group').forEach((group) => {
        group.hidden = select.value !== '' && group.dataset['module'] !== select.value;
      });
    };
    select.value = new URLSearchParams(window.location.search).get('module') ?? '';
    apply();
    select.addEventListener('change', () => {
      apply();
      const url = new URL(window.location.href);
      if (select.value) url.searchParams.set('module', select.value);
      else url.searchParams.delete('module');
      history.replaceState(null, '', url);
    });
  }
}

customElements.define('al-best-band', BestBandElement);
customElements.define('al-roleplay-filter', RoleplayFilterElement);
