/**
 * What the player shows only once the answer key is here: practice feedback, the end report and
 * the sending status. One chunk, fetched alongside the key (the role-play page's JS budget).
 */
export { EndReport } from './EndReport.tsx';
export { FeedbackPanel } from './FeedbackPanel.tsx';
export { SyncStatus } from './SyncStatus.tsx';
export { TypedFeedback, typedSummary } from './TypedFeedback.tsx';
