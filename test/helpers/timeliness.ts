/**
 * Timeliness by the national rules (DOMAIN.md, Decision 766), written again for tests rather than taken
 * from the hub's SQL: refused (3), withdrawn (7) and stopped (8) dossiers are not counted; end = processed,
 * else returned; waiting for the applicant (closed supplement episodes and payment waits) is subtracted;
 * two or more supplement requests are late; early = ended on a date (UTC+7) before the due date. An open
 * dossier's clock runs until now or until its open wait began, whichever is earlier, and it is overdue once
 * that is past the due time extended by its closed waits. Without `now` (the hub's request clock is not
 * the test's), open dossiers are only told apart from ended ones: OPEN.
 */
export type Judged = 'EARLY' | 'ON_TIME' | 'LATE' | 'NOT_COUNTED' | 'OPEN';
export type JudgedAt = Exclude<Judged, 'OPEN'> | 'PENDING' | 'OVERDUE';

/** A dossier's times in whole microseconds since the epoch (exact: JS dates stop at milliseconds). */
export interface TimelinessInput {
  status: number;
  due: number | null;
  finished: number | null;
  returned: number | null;
  supplement_count: number;
  supplement_seconds: number;
  payment_seconds: number;
  /** Start of the earliest open wait (supplement not answered, payment not made), if any. */
  open_wait: number | null;
}

const us = (col: string) => `(extract(epoch from ${col}) * 1000000)::int8`;
/** Select list giving TimelinessInput from the `dossiers` table. */
export const TIMELINESS_INPUT_SQL = `status, ${us('due_at')} AS due, ${us('finished_at')} AS finished,
  ${us('returned_at')} AS returned, supplement_count, supplement_seconds, payment_seconds,
  ${us(`least(
    (SELECT min(requested_at) FROM dossier_supplements w WHERE w.dossier_id = dossiers.id AND w.answered_at IS NULL),
    (SELECT min(requested_at) FROM dossier_payment_waits w WHERE w.dossier_id = dossiers.id AND w.paid_at IS NULL))`)} AS open_wait`;

const US_PER_DAY = 86_400_000_000;
const vnDay = (t: number) => Math.floor((t + 7 * 3_600_000_000) / US_PER_DAY);
const NOT_COUNTED_STATUSES = new Set([3, 7, 8]);

export function judgeTimeliness(r: TimelinessInput): Judged;
/** `now` in microseconds since the epoch: open dossiers are judged PENDING or OVERDUE at that instant. */
export function judgeTimeliness(r: TimelinessInput, now: number): JudgedAt;
export function judgeTimeliness(r: TimelinessInput, now?: number): Judged | JudgedAt {
  if (NOT_COUNTED_STATUSES.has(r.status)) return 'NOT_COUNTED';
  const waited = (r.supplement_seconds + r.payment_seconds) * 1_000_000;
  const end = r.finished ?? r.returned;
  if (end === null) {
    if (now === undefined) return 'OPEN';
    if (r.due === null) return 'PENDING';
    const clock = r.open_wait === null ? now : Math.min(now, r.open_wait);
    return clock > r.due + waited ? 'OVERDUE' : 'PENDING';
  }
  if (r.supplement_count >= 2) return 'LATE';
  if (r.due === null) return 'ON_TIME';
  const counted = end - waited;
  if (counted > r.due) return 'LATE';
  return vnDay(counted) < vnDay(r.due) ? 'EARLY' : 'ON_TIME';
}
