import { timeout, TimeoutStrategy } from 'cockatiel';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { classifySourceError, markConnectionFailure } from './failures.ts';
import type { Source } from './registry.ts';

export type SourceStatus = 'UP' | 'DOWN';

export interface SourceCheck {
  status: SourceStatus;
  latencyMs: number;
  /** Why the check failed, in a few words (no driver text, host names or ports). */
  error?: string;
}

export interface SourceHealth {
  status(code: string): SourceStatus;
  /** Skip a source fast while it is known down (circuit open) instead of waiting for its timeout. */
  isOpen(code: string): boolean;
  reportFailure(code: string): void;
  reportSuccess(code: string): void;
  checkAll(): Promise<Record<string, SourceCheck>>;
  start(intervalMs: number): void;
  stop(): void;
}

const FAILURES_TO_OPEN = 3;

/**
 * `select 1` over a connection of its own, opened for the check and closed after it: a check never waits
 * behind requests for the pool, and it sees what a new connection would see (refused, not accepting, …).
 */
async function probe(source: Source, timeoutMs: number): Promise<void> {
  const client = new pg.Client({
    connectionString: source.url,
    application_name: `lienthong-health:${process.pid}`,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
  });
  // a connection lost after the check has settled must not crash the process
  client.on('error', () => {});
  try {
    await client.connect().catch((err: unknown) => {
      markConnectionFailure(err);
      throw err;
    });
    await client.query('select 1');
  } finally {
    void client.end().catch(() => {});
  }
}

/**
 * Tracks each source's health: a periodic `select 1` with a timeout, plus failures reported by requests.
 * After FAILURES_TO_OPEN consecutive failures requests skip the source until a health check succeeds.
 */
export function createSourceHealth(
  sources: readonly Source[],
  opts: { timeoutMs: number; log: Logger; onStatus?: (code: string, up: boolean) => void },
): SourceHealth {
  const state = new Map(sources.map((s) => [s.code, { up: true, failures: 0 }]));
  let timer: NodeJS.Timeout | undefined;
  const get = (code: string) => {
    let s = state.get(code);
    if (!s) state.set(code, (s = { up: true, failures: 0 }));
    return s;
  };
  const set = (code: string, up: boolean) => {
    const s = get(code);
    if (s.up !== up)
      opts.log[up ? 'info' : 'warn'](up ? 'source back up' : 'source down', { province: code });
    s.up = up;
    if (up) s.failures = 0;
    opts.onStatus?.(code, up);
  };
  const deadline = timeout(opts.timeoutMs, TimeoutStrategy.Aggressive);
  // one check per source at a time: /readyz and the interval share a check in flight
  const inFlight = new Map<string, Promise<SourceCheck>>();
  const run = async (source: Source): Promise<SourceCheck> => {
    const t0 = performance.now();
    try {
      await deadline.execute(() => probe(source, opts.timeoutMs));
      set(source.code, true);
      return { status: 'UP', latencyMs: Math.round(performance.now() - t0) };
    } catch (err) {
      const s = get(source.code);
      s.failures = Math.max(s.failures, FAILURES_TO_OPEN);
      set(source.code, false);
      return {
        status: 'DOWN',
        latencyMs: Math.round(performance.now() - t0),
        error: classifySourceError(err).reason,
      };
    }
  };
  const check = (source: Source): Promise<SourceCheck> => {
    let p = inFlight.get(source.code);
    if (!p) {
      p = run(source).finally(() => inFlight.delete(source.code));
      inFlight.set(source.code, p);
    }
    return p;
  };
  return {
    status: (code) => (get(code).up ? 'UP' : 'DOWN'),
    isOpen: (code) => get(code).failures >= FAILURES_TO_OPEN,
    reportFailure: (code) => {
      const s = get(code);
      s.failures += 1;
      if (s.failures >= FAILURES_TO_OPEN) set(code, false);
    },
    reportSuccess: (code) => {
      const s = get(code);
      if (s.failures < FAILURES_TO_OPEN) s.failures = 0;
    },
    checkAll: async () => {
      const results = await Promise.all(sources.map(async (s) => [s.code, await check(s)] as const));
      return Object.fromEntries(results);
    },
    start: (intervalMs) => {
      timer = setInterval(() => {
        void Promise.all(sources.map(check));
      }, intervalMs);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
