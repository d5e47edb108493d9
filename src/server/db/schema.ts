import type { Generated } from 'kysely';

/**
 * The course's own tables. Timestamps are ISO 8601 strings in UTC on both databases, so rows
 * compare and sort the same on SQLite and PostgreSQL. better-auth owns `user`, `session`,
 * `account`, `verification` and `rateLimit`; only the columns this app reads are typed here.
 */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  role: string;
  createdAt: Generated<Date | string>;
}

export interface CohortTable {
  id: string;
  trainer_id: string;
  name: string;
  created_at: string;
}

export interface CohortMemberTable {
  cohort_id: string;
  learner_id: string;
  joined_at: string;
}

export interface InviteTable {
  token: string;
  cohort_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AssignmentTable {
  id: string;
  cohort_id: string;
  scenario_id: string;
  mode: 'assessed' | 'practice';
  due_at: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface AssignmentStartTable {
  assignment_id: string;
  learner_id: string;
  started_at: string;
}

export interface AttemptTable {
  /** The attempt's UUID from the learner's device: the idempotency key. */
  id: string;
  assignment_id: string;
  learner_id: string;
  scenario_id: string;
  mode: 'assessed' | 'practice';
  band: string;
  outcome: string;
  ending_id: string;
  started_at: string;
  finished_at: string;
  received_at: string;
  /** JSON: the scores the server computed by replaying the transcript. */
  scores: string;
  /** JSON: the replies chosen, as the device saved them. */
  transcript: string;
}

export interface PasswordChangeDueTable {
  user_id: string;
  since: string;
}

export interface Database {
  user: UserTable;
  cohort: CohortTable;
  cohort_member: CohortMemberTable;
  invite: InviteTable;
  assignment: AssignmentTable;
  assignment_start: AssignmentStartTable;
  attempt: AttemptTable;
  password_change_due: PasswordChangeDueTable;
}
