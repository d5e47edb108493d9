/**
 * Loads an exercise's behaviour only when one of its elements is about to scroll into view,
 * so a lesson page ships no JavaScript until a learner reaches something interactive.
 * A form submitted before the behaviour has arrived is held, then submitted again once it has.
 */
export function whenVisible(selector: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(selector);
  if (elements.length === 0) return;
  let loading: Promise<unknown> | undefined;
  const start = (): Promise<unknown> => {
    observer?.disconnect();
    loading ??= load();
    return loading;
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            if (entries.some((entry) => entry.isIntersecting)) void start();
          },
          {
            rootMargin: '400px 0px',
          },
        )
      : undefined;
  elements.forEach((element) => {
    observer?.observe(element);
    // Keyboard users can tab into an exercise before it scrolls into view.
    element.addEventListener('focusin', () => void start(), { once: true });
    element.addEventListener('submit', (event) => {
      if (customElements.get(element.localName)) return;
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const submitter = (event as SubmitEvent).submitter;
      void start().then(() => {
        form.requestSubmit(submitter);
      });
    });
  });
  if (!observer) void start();
}
