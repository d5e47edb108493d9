import { assignmentStatusOf, outboxStore, type SyncStatus } from '../stores/outbox.ts';
import { startSync } from './sync.ts';

/**
 * "My assignments" on /account/: the server rendered what it has received; this adds what only
 * this device knows (a finished attempt saved here and not sent yet, and why), and sends it.
 */
function describe(status: SyncStatus): { text: string; state: string } {
  switch (status.kind) {
    case 'sent':
      return { text: `Sent to your trainer${status.band ? ` · band: ${status.band}` : ''}`, state: 'sent' };
    case 'sending':
      return { text: 'Saved on this device — not yet sent. Sending now…', state: 'saved' };
    case 'waiting':
      return { text: `Saved on this device — not yet sent. ${status.message}`, state: 'saved' };
    case 'failed':
      return { text: `Saved on this device — not sent: ${status.message}`, state: 'failed' };
  }
}

const cards = [...document.querySelectorAll<HTMLElement>('[data-assignment]')];
const learnerId = document.querySelector<HTMLElement>('[data-learner]')?.dataset['learner'];
if (cards.length) {
  outboxStore().subscribe((data) => {
    for (const card of cards) {
      const id = card.dataset['assignment'] ?? '';
      const cell = card.querySelector<HTMLElement>('[data-role="state"]');
      if (!cell) continue;
      const status = assignmentStatusOf(data, id, learnerId);
      // A result already on the server speaks for itself; the device adds only newer news.
      if (!status || (status.kind === 'sent' && card.dataset['state'] === 'sent')) {
        cell.textContent = cell.dataset['serverText'] ?? cell.textContent;
        card.dataset['local'] = '';
        continue;
      }
      const { text, state } = describe(status);
      cell.textContent = text;
      card.dataset['local'] = state;
      const action = card.querySelector<HTMLElement>('[data-role="action"]');
      if (action) action.textContent = 'Open';
    }
  });
}
startSync();
