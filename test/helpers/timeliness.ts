/**
 * Timeliness by the national rules (DOMAIN.md, Decision 766), written again for tests rather than taken
 * from the hub's SQL: end = processed, else returned; supplement and payment waiting are subtracted; two or more
 * supplement requests are late; early = ended on a date (UTC+7) before the due date. Whether an open
 * dossier is PENDING or OVERDUE depends on the clock, so open dossiers are only told apart from ended ones.
 */
export type Judged = 'EARLY' | 'ON_TIME' | 'LATE' | 'OPEN';

/** A dossier's times in whole microseconds since the epoch (exact: JS dates stop at milliseconds). */
export interface TimelinessInput {
  due: number | null;
  finished: number | null;
  returned: number | null;
  supplement_count: number;
  supplement_seconds: number;
  /** Waiting for the applicant's payment stops the clock too (DOMAIN.md). */
  payment_seconds: number;
}

const us = (col: string) => `(extract(epoch from ${col}) * 1000000)::int8`;
/** Select list giving TimelinessInput from the `dossiers` table. */
export const TIMELINESS_INPUT_SQL = `${us('due_at')} AS due, ${us('finished_at')} AS finished,
  ${us('returned_at')} AS returned, supplement_count, supplement_seconds, payment_seconds`;

const US_PER_DAY = 86_400_000_000;
const vnDay = (t: number) => Math.floor((t + 7 * 3_600_000_000) / US_PER_DAY);

export function judgeTimeliness(r: TimelinessInput): Judged {
  const end = r.finished ?? r.returned;
  if (end === null) return 'OPEN';
  if (r.supplement_count >= 2) return 'LATE';
  if (r.due === null) return 'ON_TIME';
  const counted = end - (r.supplement_seconds + r.payment_seconds) * 1_000_000;
  if (counted > r.due) return 'LATE';
  return vnDay(counted) < vnDay(r.due) ? 'EARLY' : 'ON_TIME';
}
