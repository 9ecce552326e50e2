import {
  circuitBreaker,
  ConsecutiveBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import type { CircuitBreakerPolicy, IBackoff, IRetryBackoffContext } from 'cockatiel';
import { isTransientPortalError, PortalError } from '../errors.ts';

/** How the hub treats a misbehaving portal: the one retry and breaker policy of the sync job and of verify. */

export interface PortalPolicyOptions {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Scale of the first backoff delay; later ones grow exponentially, with jitter. */
  initialDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
  /** A portal's Retry-After is honoured up to this long. */
  maxRetryAfterMs: number;
  /** Consecutive failed requests (any call) after which every call fails at once. */
  breakerThreshold: number;
  /** How long an open breaker waits before letting one trial request through. */
  halfOpenAfterMs: number;
}

/**
 * Sized so that a portal failing a third of requests at random still completes (10 failures in a row
 * is about 1 in 50 000 then), while a portal that is down stops the run within seconds.
 */
export const DEFAULT_PORTAL_POLICY: PortalPolicyOptions = {
  maxAttempts: 12,
  initialDelayMs: 100,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 30_000,
  breakerThreshold: 10,
  halfOpenAfterMs: 60_000,
};

/** A retry about to happen: after `delayMs`, attempt number `attempt` (the first attempt is 1). */
export interface RetryNotice {
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface PortalPolicy {
  /**
   * Runs one portal call, retrying transient failures; `onRetry` hears of each retry before its wait. Throws
   * the last PortalError, or BrokenCircuitError once the portal failed `breakerThreshold` times in a row.
   */
  execute<T>(call: () => Promise<T>, onRetry?: (notice: RetryNotice) => void): Promise<T>;
  /** The failure that opened the breaker, when it is open. */
  lastFailure(): unknown;
  readonly options: PortalPolicyOptions;
}

/** Exponential backoff with decorrelated jitter; a longer Retry-After from the portal wins, up to its cap. */
function portalBackoff(o: PortalPolicyOptions) {
  const exponential = new ExponentialBackoff({ initialDelay: o.initialDelayMs, maxDelay: o.maxDelayMs });
  return new DelegateBackoff<IRetryBackoffContext<unknown>, IBackoff<unknown>>((context, previous) => {
    const next = previous ? previous.next(context) : exponential.next();
    const error = 'error' in context.result ? context.result.error : undefined;
    const retryAfter = error instanceof PortalError ? (error.retryAfterMs ?? 0) : 0;
    return { delay: Math.max(next.duration, Math.min(retryAfter, o.maxRetryAfterMs)), state: next };
  });
}

/**
 * One breaker per policy, shared by every call made through it: failures anywhere open it for all. Each
 * call gets its own retry loop so that its retries can be reported as its own.
 */
export function createPortalPolicy(options: Partial<PortalPolicyOptions> = {}): PortalPolicy {
  const o = { ...DEFAULT_PORTAL_POLICY, ...options };
  const breaker: CircuitBreakerPolicy = circuitBreaker(
    handleWhen((err) => err instanceof PortalError),
    { halfOpenAfter: o.halfOpenAfterMs, breaker: new ConsecutiveBreaker(o.breakerThreshold) },
  );
  const backoff = portalBackoff(o);
  return {
    options: o,
    async execute(call, onRetry) {
      const retrying = retry(handleWhen(isTransientPortalError), { maxAttempts: o.maxAttempts - 1, backoff });
      const listener = retrying.onRetry((r) =>
        onRetry?.({ attempt: r.attempt + 1, delayMs: r.delay, error: 'error' in r ? r.error : undefined }),
      );
      try {
        return await wrap(retrying, breaker).execute(() => call());
      } finally {
        listener.dispose();
      }
    },
    lastFailure() {
      const last = breaker.lastFailure;
      return last && 'error' in last ? last.error : undefined;
    },
  };
}
