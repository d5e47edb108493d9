/**
 * Loads an exercise's behaviour only when one of its elements is about to scroll into view,
 * so a lesson page ships no JavaScript until a learner reaches something interactive.
 */
export function whenVisible(selector: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(selector);
  if (elements.length === 0) return;
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    observer?.disconnect();
    void load();
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && start(), {
          rootMargin: '400px 0px',
        })
      : undefined;
  if (!observer) return start();
  elements.forEach((element) => observer.observe(element));
  // Keyboard users can tab into an exercise before it scrolls into view.
  elements.forEach((element) => element.addEventListener('focusin', start, { once: true }));
}
