import { TaskCancelledError, timeout, TimeoutStrategy } from 'cockatiel';
import type { Logger } from '../logger.ts';
import type { Source } from './registry.ts';

export type SourceStatus = 'UP' | 'DOWN';

export interface SourceHealth {
  status(code: string): SourceStatus;
  /** Skip a source fast while it is known down (circuit open) instead of waiting for its timeout. */
  isOpen(code: string): boolean;
  reportFailure(code: string): void;
  reportSuccess(code: string): void;
  checkAll(): Promise<Record<string, { status: SourceStatus; latencyMs: number; error?: string }>>;
  start(intervalMs: number): void;
  stop(): void;
}

const FAILURES_TO_OPEN = 3;

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
  const check = async (source: Source) => {
    const t0 = performance.now();
    try {
      await deadline.execute(() => source.db.raw('select 1'));
      set(source.code, true);
      return { status: 'UP' as const, latencyMs: Math.round(performance.now() - t0) };
    } catch (err) {
      const s = get(source.code);
      s.failures = Math.max(s.failures, FAILURES_TO_OPEN);
      set(source.code, false);
      return {
        status: 'DOWN' as const,
        latencyMs: Math.round(performance.now() - t0),
        error:
          err instanceof TaskCancelledError
            ? `no answer within ${opts.timeoutMs} ms`
            : (err as Error).message,
      };
    }
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
