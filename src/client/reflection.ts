import { reflectionsStore, saveReflection } from '../stores/reflections.ts';
import { noteActivity, progressStore } from '../stores/progress.ts';
import { lessonIdOf } from './lesson-context.ts';
import { CourseElement } from './course-element.ts';

/** <al-reflection>: a private note, saved on this device as the learner types (and on "Save note"). */
class ReflectionElement extends CourseElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const id = this.dataset['id'] ?? '';
    const textarea = this.querySelector('textarea');
    if (!textarea) return;
    const saved = reflectionsStore().get().entries[id];
    // Anything typed before this code arrived wins over the older saved note.
    if (textarea.value.trim() !== '' && textarea.value !== saved?.text) this.#save(textarea.value, false);
    else if (saved) {
      textarea.value = saved.text;
      this.#showSaved(saved.savedAt, false);
    }
    textarea.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#save(textarea.value, false);
      }, 800);
    });
    this.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#save(textarea.value, true);
    });
    this.byRole('clear').addEventListener('click', () => {
      if (!window.confirm('Delete this note from this device? This cannot be undone.')) return;
      textarea.value = '';
      this.#save('', true);
      textarea.focus();
    });
  }

  #save(text: string, announce: boolean): void {
    clearTimeout(this.#timer);
    const id = this.dataset['id'] ?? '';
    saveReflection(reflectionsStore(), id, text);
    const lessonId = lessonIdOf(this);
    if (lessonId && text.trim()) noteActivity(progressStore(), lessonId);
    const entry = reflectionsStore().get().entries[id];
    if (entry) this.#showSaved(entry.savedAt, announce);
    else {
      this.#status(announce ? 'Note deleted from this device.' : '');
      this.byRole('clear').hidden = true;
    }
  }

  #showSaved(savedAt: string, announce: boolean): void {
    const time = new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    // Autosaves update the text quietly; only an explicit save is announced to screen readers.
    this.#status(`Saved on this device (${time}).`, announce);
    this.byRole('clear').hidden = false;
    this.byRole('model').hidden = false;
  }

  #status(message: string, announce = true): void {
    const status = this.querySelector<HTMLElement>('.exercise-result');
    if (!status) return;
    status.setAttribute('aria-live', announce ? 'polite' : 'off');
    status.textContent = message;
  }
}

if (!customElements.get('al-reflection')) customElements.define('al-reflection', ReflectionElement);
