import { setMaxListeners } from 'node:events';
import { TaskCancelledError } from 'cockatiel';
import { GraphQLError } from 'graphql';
import { BadUserInputError, ForbiddenError, SourceBusyError, SourceUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { captureScope } from '../request-scope.ts';
import { DeadlineExceededError, withDeadline, type RequestDeadline } from './deadline.ts';
import { classifySourceError } from './failures.ts';
import type { SourceHealth } from './health.ts';
import { timeLimit as cutAfter, type Source, type SourceRegistry } from './registry.ts';

/** Where in a response a failed province's data is missing: a response path and its schema coordinate. */
export interface MissingAt {
  path: readonly (string | number)[];
  /** `Type.field`, e.g. `Dossier.procedure`. */
  field: string;
}

/**
 * Per-request access to the provincial sources: picks sources for a `provinces` filter, runs work on them
 * in parallel, and turns a failing, slow or busy source into one error next to the others' data.
 * A caller limited to some provinces (an API key's or token's) gets a federation of only those: every
 * list, count, id lookup and nested field goes through it, so no other province's row can reach them.
 */
export interface Federation {
  select(provinces: readonly string[] | null | undefined, argument?: string): Source[];
  source(code: string): Source | undefined;
  /**
   * Runs fn on one source; undefined when the source failed (the error is recorded). Once a source has
   * failed in this request, later calls to it are skipped at once and its calls in flight are abandoned.
   */
  one<T>(source: Source, fn: (source: Source) => Promise<T>, opts?: CallOptions): Promise<T | undefined>;
  /** Runs fn on every source in parallel; only the sources that answered appear in the result. */
  each<T>(
    sources: readonly Source[],
    fn: (source: Source) => Promise<T>,
    opts?: CallOptions,
  ): Promise<{ source: Source; value: T }[]>;
  /**
   * Records `err` as the source's failure for whatever this request still asks of it, without cutting
   * the call in flight: that caller answers with what it has. False when `err` is not the source
   * failing (a bad value, a bug): the caller rethrows it.
   */
  failLater(source: Source, err: unknown): boolean;
  /** The error of a province that failed in this request (SOURCE_UNAVAILABLE or SOURCE_BUSY), if it did. */
  failure(code: string): GraphQLError | undefined;
  /**
   * Records that a field of a failed province's row is null in the response; true when `err` is that
   * province's failure, so the caller answers null instead of adding an error per row.
   */
  missing(err: unknown, at: MissingAt): boolean;
  /** Errors collected while serving this request, one per province that failed. */
  errors(): GraphQLError[];
}

export interface CallOptions {
  /**
   * The call is not abandoned when another call of the request fails on the same source: it answers what
   * it can (a list whose embedded relations wait on a lock the other call timed out on reads its rows
   * again without them, src/graphql/embed.ts). It still ends at its own timeout.
   */
  finish?: boolean;
}

interface Failure {
  error: GraphQLError;
  firstPath?: readonly (string | number)[];
  fields: Set<string>;
}

export function createFederation(
  registry: SourceRegistry,
  health: SourceHealth,
  opts: {
    timeoutMs: number;
    log: Logger;
    deadline?: RequestDeadline | undefined;
    /** Provinces the caller may read; null or absent: all. */
    provinces?: ReadonlySet<string> | null | undefined;
  },
): Federation {
  const allowed = opts.provinces ?? null;
  const visible = allowed ? registry.all.filter((s) => allowed.has(s.code)) : registry.all;
  // every call of this request to a source listens to its controller, aborted when the source fails
  const calls = new Map<string, AbortController>();
  const failures = new Map<string, Failure>();
  const controllerOf = (code: string) => {
    let c = calls.get(code);
    if (!c) {
      calls.set(code, (c = new AbortController()));
      // every call of the request to this source listens to it: a nested page makes dozens at once
      setMaxListeners(0, c.signal);
    }
    return c;
  };
  const fail = (code: string, error: GraphQLError, cut = true) => {
    if (failures.has(code)) return;
    failures.set(code, { error, fields: new Set() });
    if (cut) controllerOf(code).abort();
  };
  // one timeout for each thing a request asks of a source (waiting for a slot included); on expiry cockatiel
  // rejects with TaskCancelledError, and the source's statement_timeout ends the statement itself
  const timeLimit = cutAfter(opts.timeoutMs);

  /** Records a failed call: down or busy leave the source out of this request; anything else propagates. */
  const failed = (source: Source, err: unknown, started: boolean, cut = true): undefined => {
    // another call of this request already failed on this source and abandoned this one
    if (failures.has(source.code)) return undefined;
    const c =
      err instanceof TaskCancelledError && !started
        ? { kind: 'busy' as const, reason: `no free slot within ${opts.timeoutMs} ms` }
        : classifySourceError(err);
    switch (c.kind) {
      case 'bad-input':
        if (err instanceof GraphQLError) throw err;
        throw new BadUserInputError(
          `A value of this request (a cursor or filter) is not valid for the data it is compared with: ${c.reason}`,
        );
      case 'internal':
        throw err;
      case 'busy':
        opts.log.info('source busy', { province: source.code, error: c.reason });
        fail(source.code, new SourceBusyError(source.code, c.reason), cut);
        return undefined;
      case 'down':
        opts.log.warn('source query failed', { province: source.code, error: c.reason });
        health.reportFailure(source.code);
        fail(source.code, new SourceUnavailableError(source.code, c.reason), cut);
        return undefined;
    }
  };

  const one = async <T>(
    source: Source,
    fn: (s: Source) => Promise<T>,
    callOpts?: CallOptions,
  ): Promise<T | undefined> => {
    if (failures.has(source.code)) return undefined;
    if (health.isOpen(source.code)) {
      fail(source.code, new SourceUnavailableError(source.code, 'skipped while its health check fails'));
      return undefined;
    }
    const budget = opts.deadline;
    if (budget?.expired()) {
      budget.interrupted.add(source.code);
      return undefined;
    }
    let started = false;
    // a queued call starts when another ends, inside that one's scope: it runs in its own request's
    const inThisRequest = captureScope();
    try {
      const value = await (budget ? withinDeadline(budget, opts.timeoutMs) : timeLimit).execute(
        ({ signal }) =>
          // not given the signal: a call that started keeps its slot until its statement ends (the pool
          // connection is busy until then), even when this request stopped waiting for it
          source.gate.execute(
            () =>
              inThisRequest(() => {
                // a call whose request stopped waiting while it was queued never takes the slot
                if (signal.aborted) throw new TaskCancelledError();
                started = true;
                return budget ? withDeadline(budget, () => fn(source)) : fn(source);
              }),
            // a signal of its own that never aborts: without one, cockatiel hangs every call's timeout on
            // one shared signal, and Node warns of a listener leak past ten calls in flight
            new AbortController().signal,
          ),
        callOpts?.finish ? new AbortController().signal : controllerOf(source.code).signal,
      );
      health.reportSuccess(source.code);
      return value;
    } catch (err) {
      // cut by the request's own deadline: not the source's fault, so no SOURCE_UNAVAILABLE and no breaker
      if (budget && cutByDeadline(budget, err)) {
        budget.interrupted.add(source.code);
        return undefined;
      }
      return failed(source, err, started);
    }
  };

  return {
    select: (provinces, argument = 'filter.provinces') => {
      if (provinces == null) return [...visible];
      const unknown = provinces.filter((c) => !registry.byCode(c));
      const forbidden = provinces.filter((c) => registry.byCode(c) && !visible.some((s) => s.code === c));
      if (forbidden.length && !unknown.length) {
        throw new ForbiddenError(
          `Province ${forbidden.map((c) => `"${c}"`).join(', ')} in ${argument} is outside this caller's key or token (it may read ${visible.map((s) => s.code).join(', ') || 'no province'})`,
          { province: forbidden[0]! },
        );
      }
      if (unknown.length) {
        const known = visible.map((s) => s.code).join(', ');
        throw new BadUserInputError(
          `Unknown province ${unknown.map((c) => `"${c}"`).join(', ')} in ${argument} (known: ${known})`,
          {
            argument,
          },
        );
      }
      return visible.filter((s) => provinces.includes(s.code));
    },
    source: (code) => (allowed && !allowed.has(code) ? undefined : registry.byCode(code)),
    one,
    each: async <T>(sources: readonly Source[], fn: (s: Source) => Promise<T>, callOpts?: CallOptions) => {
      const values = await Promise.all(sources.map((source) => one(source, fn, callOpts)));
      const out: { source: Source; value: T }[] = [];
      values.forEach((value, i) => {
        if (value !== undefined) out.push({ source: sources[i]!, value });
      });
      return out;
    },
    failLater: (source, err) => {
      // cut by the request's deadline: not the source's failure (`one` files it as interrupted)
      if (opts.deadline && cutByDeadline(opts.deadline, err)) return false;
      if (failures.has(source.code)) return true;
      try {
        failed(source, err, true, false);
      } catch {
        return false;
      }
      return failures.has(source.code);
    },
    failure: (code) => failures.get(code)?.error,
    missing: (err, at) => {
      const f = [...failures.values()].find((x) => x.error === err);
      if (!f) return false;
      f.firstPath ??= at.path;
      f.fields.add(at.field);
      return true;
    },
    errors: () =>
      [...failures.values()].map((f) =>
        f.firstPath
          ? new GraphQLError(f.error.message, {
              path: f.firstPath,
              // every field left null for this province's rows, e.g. ["Dossier.procedure"]
              extensions: { ...f.error.extensions, fields: [...f.fields] },
            })
          : f.error,
      ),
  };
}

/** Time knex gets after the deadline to cancel a running statement, so the answer leaves with none running. */
const CANCEL_GRACE_MS = 500;

/** The source timeout, shortened to what is left of the request's deadline (plus the cancel grace). */
const withinDeadline = (budget: RequestDeadline, timeoutMs: number) =>
  cutAfter(Math.max(1, Math.min(timeoutMs, budget.remainingMs() + CANCEL_GRACE_MS)));

/**
 * Whether the request's deadline ended this work. Statement timeouts (knex errors with a `timeout`) are
 * only ever set by the deadline, so they count whatever the clock reads when they arrive: timers and
 * performance.now() can disagree by a few milliseconds.
 */
const cutByDeadline = (budget: RequestDeadline, err: unknown): boolean =>
  err instanceof DeadlineExceededError ||
  typeof (err as { timeout?: unknown }).timeout === 'number' ||
  (err instanceof TaskCancelledError && budget.expired());
