/**
 * Form error summaries: moved into focus when the page loads with errors, so a screen reader
 * reads them and a keyboard user starts there; each link puts the cursor in its field.
 */
const summary = document.querySelector<HTMLElement>('[data-error-summary]');
if (summary) {
  summary.focus();
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
    const field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  });
}
