/**
 * <al-copy-field>: a read-only field holding a link, and a "Copy link" button. Without JavaScript
 * the field is still there to select (Tab into it selects the whole link); with it, the button
 * appears, copies the link and says so, and a click in the field selects the whole link.
 */
class CopyFieldElement extends HTMLElement {
  connectedCallback(): void {
    const field = this.querySelector<HTMLInputElement>('input');
    const button = this.querySelector<HTMLButtonElement>('button');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!field || !button || !status) return;
    button.hidden = false;
    field.addEventListener('click', () => {
      field.select();
    });
    button.addEventListener('click', () => {
      field.focus();
      field.select();
      const copied = (): void => {
        status.textContent = 'Link copied. Paste it into a message to your learners.';
      };
      const selected = (): void => {
        status.textContent = 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
      };
      // The clipboard needs a secure page (https or localhost); elsewhere the selected text is the fallback.
      if ('clipboard' in navigator) navigator.clipboard.writeText(field.value).then(copied, selected);
      else selected();
    });
  }
}

if (!customElements.get('al-copy-field')) customElements.define('al-copy-field', CopyFieldElement);
