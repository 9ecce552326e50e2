import { TaskCancelledError, timeout, TimeoutStrategy } from 'cockatiel';
import { BadUserInputError, SourceUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { DeadlineExceededError, withDeadline, type RequestDeadline } from './deadline.ts';
import type { SourceHealth } from './health.ts';
import type { Source, SourceRegistry } from './registry.ts';

/**
 * Per-request access to the provincial sources: picks sources for a `provinces` filter, runs work on them
 * in parallel, and turns a failing or slow source into a SOURCE_UNAVAILABLE error next to the others' data.
 */
export interface Federation {
  select(provinces: readonly string[] | null | undefined, argument?: string): Source[];
  source(code: string): Source | undefined;
  /** Runs fn on one source; undefined when the source failed (the error is recorded). */
  one<T>(source: Source, fn: (source: Source) => Promise<T>): Promise<T | undefined>;
  /** Runs fn on every source in parallel; only the sources that answered appear in the result. */
  each<T>(
    sources: readonly Source[],
    fn: (source: Source) => Promise<T>,
  ): Promise<{ source: Source; value: T }[]>;
  /** Errors collected while serving this request, one per unavailable province. */
  errors(): SourceUnavailableError[];
}

export function createFederation(
  registry: SourceRegistry,
  health: SourceHealth,
  opts: { timeoutMs: number; log: Logger; deadline?: RequestDeadline | undefined },
): Federation {
  const errors = new Map<string, SourceUnavailableError>();
  const fail = (code: string, reason: string) => {
    if (!errors.has(code)) errors.set(code, new SourceUnavailableError(code, reason));
  };
  // one timeout for everything a request asks of a source; on expiry cockatiel rejects with TaskCancelledError
  const deadline = timeout(opts.timeoutMs, TimeoutStrategy.Aggressive);
  const one = async <T>(source: Source, fn: (s: Source) => Promise<T>): Promise<T | undefined> => {
    if (health.isOpen(source.code)) {
      fail(source.code, 'skipped while its health check fails');
      return undefined;
    }
    const budget = opts.deadline;
    if (budget?.expired()) {
      budget.interrupted.add(source.code);
      return undefined;
    }
    try {
      const value = budget
        ? await withinDeadline(budget, opts.timeoutMs).execute(() => withDeadline(budget, () => fn(source)))
        : await deadline.execute(() => fn(source));
      health.reportSuccess(source.code);
      return value;
    } catch (err) {
      // cut by the request's own deadline: not the source's fault, so no SOURCE_UNAVAILABLE and no breaker
      if (budget && cutByDeadline(budget, err)) {
        budget.interrupted.add(source.code);
        return undefined;
      }
      if (!isSourceFailure(err)) throw err;
      const reason = describe(err);
      opts.log.warn('source query failed', { province: source.code, error: reason });
      health.reportFailure(source.code);
      fail(source.code, reason);
      return undefined;
    }
  };
  return {
    select: (provinces, argument = 'filter.provinces') => {
      if (provinces == null) return [...registry.all];
      const unknown = provinces.filter((c) => !registry.byCode(c));
      if (unknown.length) {
        const known = registry.all.map((s) => s.code).join(', ');
        throw new BadUserInputError(
          `Unknown province ${unknown.map((c) => `"${c}"`).join(', ')} in ${argument} (known: ${known})`,
          {
            argument,
          },
        );
      }
      return registry.all.filter((s) => provinces.includes(s.code));
    },
    source: (code) => registry.byCode(code),
    one,
    each: async <T>(sources: readonly Source[], fn: (s: Source) => Promise<T>) => {
      const values = await Promise.all(sources.map((source) => one(source, fn)));
      const out: { source: Source; value: T }[] = [];
      values.forEach((value, i) => {
        if (value !== undefined) out.push({ source: sources[i]!, value });
      });
      return out;
    },
    errors: () => [...errors.values()],
  };
}

/** Time knex gets after the deadline to cancel a running statement, so the answer leaves with none running. */
const CANCEL_GRACE_MS = 500;

/** The source timeout, shortened to what is left of the request's deadline (plus the cancel grace). */
const withinDeadline = (budget: RequestDeadline, timeoutMs: number) =>
  timeout(
    Math.max(1, Math.min(timeoutMs, budget.remainingMs() + CANCEL_GRACE_MS)),
    TimeoutStrategy.Aggressive,
  );

/**
 * Whether the request's deadline ended this work. Statement timeouts (knex errors with a `timeout`) are
 * only ever set by the deadline, so they count whatever the clock reads when they arrive: timers and
 * performance.now() can disagree by a few milliseconds.
 */
const cutByDeadline = (budget: RequestDeadline, err: unknown): boolean =>
  err instanceof DeadlineExceededError ||
  typeof (err as { timeout?: unknown }).timeout === 'number' ||
  (err instanceof TaskCancelledError && budget.expired());

const TRANSPORT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** Down, unreachable or slow: the source's fault, not ours; anything else is an unexpected error. */
export function isSourceFailure(err: unknown): boolean {
  if (err instanceof BadUserInputError) return false;
  const e = err as { code?: string; name?: string; message?: string };
  if (e.code && TRANSPORT_CODES.has(e.code)) return true;
  // 57014 statement timeout, 57P0x shutdown/cannot connect, 08xxx connection exceptions, 3D000 no database
  if (
    e.code &&
    (/^57(014|P0\d)$/.test(e.code) || e.code.startsWith('08') || e.code === '3D000' || e.code === '53300')
  )
    return true;
  if (err instanceof TaskCancelledError || e.name === 'KnexTimeoutError') return true;
  return /Connection terminated|connect ECONNREFUSED|timeout/i.test(e.message ?? '');
}

/** A short reason without connection strings or stack traces. */
function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (err instanceof TaskCancelledError) return 'no answer in time';
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === '57014') return 'statement timeout';
  if (e.code === '3D000') return 'database does not exist';
  if (e.message?.includes('Timeout acquiring a connection')) return 'connection timeout';
  return (e.message ?? String(err))
    .split('\n')[0]!
    .replace(/postgres(ql)?:\/\/\S+/g, '<url>')
    .slice(0, 200);
}
