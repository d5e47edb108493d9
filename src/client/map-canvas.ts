import { reflectionsStore, saveReflection } from '../stores/reflections.ts';

/** <al-map-canvas>: the four-area Collaborative Helping map, saved privately as four notes. */
class MapCanvasElement extends HTMLElement {
  connectedCallback(): void {
    const id = this.dataset['id'] ?? '';
    const status = this.querySelector<HTMLElement>('.exercise-result');
    for (const field of this.querySelectorAll<HTMLTextAreaElement>('textarea[data-area]')) {
      const key = `${id}:${field.dataset['area'] ?? ''}`;
      const mirror = this.querySelector<HTMLElement>(`[data-print-for="${field.dataset['area'] ?? ''}"]`);
      const save = (): void => {
        saveReflection(reflectionsStore(), key, field.value);
        if (mirror) mirror.textContent = field.value;
        if (status) status.textContent = 'Saved on this device.';
      };
      const saved = reflectionsStore().get().entries[key];
      // Anything typed before this code arrived is kept, not overwritten by an older note.
      if (field.value !== '' && field.value !== saved?.text) save();
      else if (saved) field.value = saved.text;
      if (mirror) mirror.textContent = field.value;
      field.addEventListener('input', save);
    }
    this.querySelector('[data-role="print"]')?.addEventListener('click', () => {
      window.print();
    });
  }
}

if (!customElements.get('al-map-canvas')) customElements.define('al-map-canvas', MapCanvasElement);
