import { ScopeSlot } from '../request-scope.ts';

/**
 * A request's time budget (REQUEST_DEADLINE_MS). Source work still running when it ends is cut:
 * its statements are cancelled in PostgreSQL, and work not started yet is not started.
 */
export interface RequestDeadline {
  /** The whole budget, in milliseconds. */
  readonly ms: number;
  remainingMs(): number;
  expired(): boolean;
  /** Provinces whose work the deadline cut, in the order it happened. */
  readonly interrupted: Set<string>;
}

export function createDeadline(ms: number, now: () => number = () => performance.now()): RequestDeadline {
  const at = now() + ms;
  return {
    ms,
    remainingMs: () => Math.max(0, at - now()),
    expired: () => now() >= at,
    interrupted: new Set(),
  };
}

/** Raised instead of sending a statement once the request's deadline has passed. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
}

const current = new ScopeSlot<RequestDeadline>('deadline');

/** Runs fn so that every source statement it starts, however deep in its async calls, obeys the deadline. */
export function withDeadline<T>(deadline: RequestDeadline, fn: () => T): T {
  return current.run(deadline, fn);
}

/** What knex hands to a 'start' listener: a query builder or a raw statement, both cancellable. */
interface StartingStatement {
  timeout(ms: number, options: { cancel: boolean }): unknown;
}

/**
 * knex 'start' listener of the source databases (fired with a connection in hand, before the SQL is sent).
 * Under a deadline the statement gets the remaining time as a timeout with `cancel`: when it runs out,
 * knex sends `pg_cancel_backend` for it from a separate connection and fails it with a KnexTimeoutError.
 */
export function boundByDeadline(statement: StartingStatement): void {
  const deadline = current.get();
  if (!deadline) return;
  if (deadline.expired()) throw new DeadlineExceededError(`request deadline of ${deadline.ms} ms exceeded`);
  statement.timeout(Math.ceil(deadline.remainingMs()), { cancel: true });
}
