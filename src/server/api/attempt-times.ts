/**
 * The device's clock is not trusted blindly (issue 14, item 1): the schema (sync-schema.ts) takes
 * only well-formed ISO times in UTC; these checks add what a schema cannot know without a clock.
 */

/** How far ahead of the server's clock a device's clock may run before its times are refused. */
export const CLOCK_SKEW_MS = 24 * 60 * 60_000;
/** Nobody played an Alongside role-play before this; an earlier time means a wrong device clock. */
export const EARLIEST_TIME = '2020-01-01T00:00:00.000Z';

export interface TimeProblem {
  field: 'attempt.startedAt' | 'attempt.finishedAt';
  message: string;
}

const CHECK_CLOCK = "Check the date and time on this device's clock.";

/** What is wrong with an attempt's times (empty when nothing is), each naming its field. */
export function attemptTimeProblems(
  attempt: { startedAt: string; finishedAt: string },
  now: Date = new Date(),
): TimeProblem[] {
  const problems: TimeProblem[] = [];
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const earliest = Date.parse(EARLIEST_TIME);
  const times = { startedAt: Date.parse(attempt.startedAt), finishedAt: Date.parse(attempt.finishedAt) };
  for (const name of ['startedAt', 'finishedAt'] as const) {
    const field = `attempt.${name}` as const;
    const time = times[name];
    if (!Number.isFinite(time)) problems.push({ field, message: `${name} is not a valid time.` });
    else if (time > latest)
      problems.push({ field, message: `${name} is more than a day ahead of the server's clock. ${CHECK_CLOCK}` });
    else if (time < earliest) problems.push({ field, message: `${name} is before 2020. ${CHECK_CLOCK}` });
  }
  if (!problems.length && times.startedAt > times.finishedAt)
    problems.push({
      field: 'attempt.finishedAt',
      message: `finishedAt is before startedAt: a role-play cannot end before it starts. ${CHECK_CLOCK}`,
    });
  return problems;
}

/** The time as the server stores it: always `toISOString()`'s form, so stored times sort as text. */
export const canonicalTime = (time: string): string => new Date(time).toISOString();
