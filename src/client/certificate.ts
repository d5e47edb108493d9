import {
  certificateStatus,
  simulationLines,
  type CertificateCourse,
  type CertificateStatus,
} from '../record/certificate.ts';
import { certificateStore, cleanName } from '../stores/certificate.ts';
import { progressStore } from '../stores/progress.ts';
import { attemptsStore } from '../stores/roleplays.ts';
import { CourseElement } from './course-element.ts';
import './storage-notice.ts';

const link = (href: string, text: string): HTMLAnchorElement =>
  Object.assign(document.createElement('a'), { href, textContent: text });

/** One line per module with something left: how many lessons, the next one, and whether a role-play is needed. */
function leftInModule(module: CertificateCourse['modules'][number], status: CertificateStatus): HTMLLIElement | null {
  const lessons = status.lessonsLeft.filter((lesson) => lesson.moduleId === module.id);
  const needsRoleplay = status.roleplaysLeft.some((left) => left.id === module.id);
  const next = lessons[0];
  if (!next && !needsRoleplay) return null;
  const li = document.createElement('li');
  li.append(Object.assign(document.createElement('strong'), { textContent: `${module.title}: ` }));
  if (next) {
    const count = lessons.length === 1 ? '1 lesson' : `${String(lessons.length)} lessons`;
    li.append(`${count} to finish, next `, link(next.url, next.title), needsRoleplay ? '; ' : '.');
  }
  if (needsRoleplay) li.append(link(`/roleplays/?module=${module.id}`, 'finish one of its role-plays'), '.');
  return li;
}

/** <al-certificate>: what is left to earn the certificate, or the certificate itself with the learner's name. */
class CertificateElement extends CourseElement {
  #stop: (() => void)[] = [];

  connectedCallback(): void {
    const course = JSON.parse(
      document.getElementById('certificate-course')?.textContent ?? 'null',
    ) as CertificateCourse | null;
    if (!course) return;
    const render = (): void => {
      this.#render(course);
    };
    this.#stop = [progressStore().listen(render), attemptsStore().listen(render), certificateStore().listen(render)];
    render();
    const form = this.byRole('name-form') as HTMLFormElement;
    const input = form.querySelector('input') as HTMLInputElement;
    input.value = certificateStore().get().name;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = cleanName(input.value);
      const error = this.byRole('name-error');
      input.setAttribute('aria-invalid', String(!name));
      error.textContent = name ? '' : 'Type your name first: it is printed on the certificate.';
      if (!name) {
        input.focus();
        return;
      }
      certificateStore().set({ version: 1, name });
      this.byRole('certificate').focus();
    });
    this.byRole('print').addEventListener('click', () => {
      window.print();
    });
  }

  disconnectedCallback(): void {
    for (const stop of this.#stop) stop();
  }

  #render(course: CertificateCourse): void {
    const status = certificateStatus(course, progressStore().get(), attemptsStore().get().attempts);
    const done = course.lessons.length - status.lessonsLeft.length;
    this.byRole('left').hidden = status.eligible;
    this.byRole('earned').hidden = !status.eligible;
    if (!status.eligible) {
      const withRoleplay = course.modules.filter((module) => module.roleplays.length).length;
      this.byRole('status').textContent = 'Not earned yet.';
      this.byRole('left-summary').textContent =
        `${String(done)} of ${String(course.lessons.length)} lessons done; a role-play finished in ${String(withRoleplay - status.roleplaysLeft.length)} of ${String(withRoleplay)} modules.`;
      this.byRole('left-list').replaceChildren(
        ...course.modules.flatMap((module) => leftInModule(module, status) ?? []),
      );
      return;
    }
    const name = certificateStore().get().name;
    this.byRole('status').textContent = name
      ? 'Your certificate is ready to print.'
      : 'You have earned your certificate. Add your name to see it.';
    this.byRole('certificate').hidden = !name;
    this.byRole('certificate').tabIndex = -1;
    this.byRole('print-row').hidden = !name;
    this.byRole('name').textContent = name;
    this.byRole('modules').replaceChildren(
      ...status.modules.map((title) => Object.assign(document.createElement('li'), { textContent: title })),
    );
    this.byRole('simulation').textContent = simulationLines(course, attemptsStore().get().attempts).join('. ');
    this.byRole('hours').textContent = `About ${String(status.hours)} hours of learning`;
    this.byRole('date').textContent = status.completedOn
      ? `Completed on ${new Date(status.completedOn).toLocaleDateString(undefined, { dateStyle: 'long' })}`
      : '';
  }
}

if (!customElements.get('al-certificate')) customElements.define('al-certificate', CertificateElement);
