/** Shared plumbing for the course's custom elements: find a marked part, and say something in the status line. */
export class CourseElement extends HTMLElement {
  /** The element marked data-role="…"; a detached placeholder if it is missing, so callers never crash. */
  protected byRole(role: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-role="${role}"]`) ?? document.createElement('span');
  }

  /**
   * Moves focus to the exercise's result after the learner checks an answer, so keyboard and
   * screen-reader users land on the feedback instead of on the page body (the button they pressed hides).
   */
  protected focusResult(): void {
    const result = this.querySelector<HTMLElement>('.exercise-result');
    if (!result) return;
    result.tabIndex = -1;
    result.focus();
  }

  /** Writes to the exercise's status line (a polite live region), with an optional tone for styling. */
  protected status(message: string, tone = ''): void {
    const status = this.querySelector<HTMLElement>('.exercise-result');
    if (!status) return;
    status.textContent = message;
    status.dataset['tone'] = tone;
  }
}
