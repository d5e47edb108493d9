import { dismissStorageNotices, storageNotices } from '../stores/versioned.ts';

/** <al-storage-notice>: tells the learner when saved data could not be read and was set aside. */
class StorageNoticeElement extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', () => {
      dismissStorageNotices();
    });
    this.#unsubscribe = storageNotices.subscribe((notices) => {
      this.hidden = notices.length === 0;
      const detail = this.querySelector<HTMLElement>('[data-role="detail"]');
      if (detail) {
        detail.textContent = notices
          .map((notice) => `${notice.reason}; a copy was kept as “${notice.backupKey}”.`)
          .join(' ');
      }
    });
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

if (!customElements.get('al-storage-notice')) customElements.define('al-storage-notice', StorageNoticeElement);
