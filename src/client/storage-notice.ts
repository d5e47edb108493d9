import { dismissStorageNotices, storageNotices } from '../stores/versioned.ts';

/** <al-storage-notice>: tells the learner when saved data could not be read, or could not be saved. */
class StorageNoticeElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', () => {
      dismissStorageNotices();
    });
    this.#unsubscribe = storageNotices.subscribe((notices) => {
      this.hidden = notices.length === 0;
      const detail = this.querySelector<HTMLElement>('[data-role="detail"]');
      if (detail)
        detail.replaceChildren(
          ...notices.map((notice) => Object.assign(document.createElement('p'), { textContent: notice.message })),
        );
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

if (!customElements.get('al-storage-notice')) customElements.define('al-storage-notice', StorageNoticeElement);
