/** Links to role-play pages, shared by pages (at build time) and browser scripts. */
export const roleplayUrl = (id: string): string => `/roleplays/${id}/`;

/** The annotated transcript of one saved attempt; the attempt itself is read from this device. */
export const transcriptUrl = (scenarioId: string, attemptId: string): string =>
  `/roleplays/${scenarioId}/transcript/?attempt=${encodeURIComponent(attemptId)}`;
